import { describe, expect, it } from 'vitest'
import { matchesQuery, normalizeForSearch } from '../../src/model/search.ts'

describe('search', () => {
  it('I5: folds case, Polish and Cyrillic diacritics and whitespace', () => {
    expect(normalizeForSearch('  Łódź   Żółć Gęślą ')).toBe('lodz zolc gesla')
    expect(normalizeForSearch('Семёнов Йошкар')).toBe('семенов иошкар')
    expect(normalizeForSearch('Өмүр Ңаа')).toBe('омур наа')
  })

  it('I5: every query word must occur, in any order', () => {
    expect(matchesQuery('Zespół Szkół w Łodzi', 'lodzi zespol')).toBe(true)
    expect(matchesQuery('Zespół Szkół w Łodzi', 'lodzi krakow')).toBe(false)
    expect(matchesQuery('anything', '')).toBe(true)
  })
})
