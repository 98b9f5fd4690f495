import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Locale } from '../../src/ui/i18n/define.ts'
import { intlLocale, translateFrom } from '../../src/ui/i18n/translate.ts'
import { allCatalogs, type Catalogs } from './catalogs.ts'
import { UI_DIR, uiModules } from './message-areas.ts'

// Issue 19 test 5 and issue 17 test 7: a count reads right in the language actually shown.

const catalogs = allCatalogs()
const say = (locale: Locale, key: string, count: number, c = catalogs) =>
  translateFrom(c, locale, key, { count })
const without = (table: Catalogs['en'], key: string) =>
  Object.fromEntries(Object.entries(table).filter(([k]) => k !== key))
const at = (locale: Locale, key: string, counts: number[], c = catalogs) =>
  counts.map((n) => say(locale, key, n, c))

describe('plural forms', () => {
  it('Russian and Kyrgyz count documents at 1, 2, 5 and 21', () => {
    expect(at('ru', 'documents.count', [1, 2, 5, 21])).toEqual([
      '1 документ',
      '2 документа',
      '5 документов',
      '21 документ',
    ])
    expect(at('ky', 'documents.count', [1, 2, 5, 21])).toEqual([
      '1 документ',
      '2 документ',
      '5 документ',
      '21 документ',
    ])
  })

  it('a Kyrgyz reader shown Russian text gets Russian plurals (not "5 документа")', () => {
    const fallback = { ...catalogs, ky: without(catalogs.ky, 'documents.count') }
    expect(at('ky', 'documents.count', [1, 2, 5, 21], fallback)).toEqual([
      '1 документ',
      '2 документа',
      '5 документов',
      '21 документ',
    ])
  })

  it('numbers are formatted in the language shown', () => {
    // Polish text missing → English text, so the English grouping "1,500", not the Polish "1500".
    expect(
      say('pl', 'documents.count', 1500, {
        ...catalogs,
        pl: without(catalogs.pl, 'documents.count'),
      }),
    ).toBe('1,500 documents')
    expect(say('pl', 'documents.count', 1500)).toBe('1500 dokumentów')
  })

  it('a Kyrgyz screen formats dates in Kyrgyz (Node, like Chromium, has Kyrgyz Intl data)', () => {
    const nooruz = new Date(Date.UTC(2027, 2, 21, 12))
    const f = new Intl.DateTimeFormat(intlLocale('ky'), { dateStyle: 'long', timeZone: 'UTC' })
    expect(f.format(nooruz)).toContain('21-март')
  })

  it('response times and meeting lengths in Polish at 1, 2, 5, 21, 24 (not "24 godzin")', () => {
    const counts = [1, 2, 5, 21, 24]
    expect(at('pl', 'directory.rt.hours', counts)).toEqual([
      '1 godzina',
      '2 godziny',
      '5 godzin',
      '21 godzin',
      '24 godziny',
    ])
    expect(at('pl', 'directory.rt.workingDays', counts)).toEqual([
      '1 dzień roboczy',
      '2 dni robocze',
      '5 dni roboczych',
      '21 dni roboczych',
      '24 dni robocze',
    ])
    expect(at('pl', 'plan.meetings.duration', counts)).toEqual([
      '1 minuta',
      '2 minuty',
      '5 minut',
      '21 minut',
      '24 minuty',
    ])
    expect(at('pl', 'mediation.duration.hours', counts)).toEqual([
      '1 godzina',
      '2 godziny',
      '5 godzin',
      '21 godzin',
      '24 godziny',
    ])
  })

  it('response times and meeting lengths in Russian at 1, 2, 5, 21, 24 (not "24 часов")', () => {
    const counts = [1, 2, 5, 21, 24]
    expect(at('ru', 'directory.rt.hours', counts)).toEqual([
      '1 час',
      '2 часа',
      '5 часов',
      '21 час',
      '24 часа',
    ])
    expect(at('ru', 'directory.rt.workingDays', counts)).toEqual([
      '1 рабочий день',
      '2 рабочих дня',
      '5 рабочих дней',
      '21 рабочий день',
      '24 рабочих дня',
    ])
    expect(at('ru', 'plan.meetings.duration', counts)).toEqual([
      '1 минута',
      '2 минуты',
      '5 минут',
      '21 минута',
      '24 минуты',
    ])
  })

  it('the title length limit in pl and ru at 1, 2, 5, 21, 24', () => {
    const counts = [1, 2, 5, 21, 24]
    expect(
      at('pl', 'documents.new.errorLong', counts).map((s) => s.split(' ').slice(-2).join(' ')),
    ).toEqual(['1 znak.', '2 znaki.', '5 znaków.', '21 znaków.', '24 znaki.'])
    expect(at('ru', 'documents.new.errorLong', counts)).toEqual([
      'Не более 1 символа.',
      'Не более 2 символов.',
      'Не более 5 символов.',
      'Не более 21 символа.',
      'Не более 24 символов.',
    ])
  })

  it('every UI call of a plural message passes its count', () => {
    const plural = new Set(
      Object.entries(catalogs.en)
        .filter(([, m]) => typeof m !== 'string')
        .map(([k]) => k),
    )
    const missing: string[] = []
    for (const file of uiModules()) {
      const source = fs.readFileSync(file, 'utf8')
      for (const m of source.matchAll(
        /\b(?:t|tt|tIn|tr)\(\s*(?:[\w.]+,\s*)?'([\w.-]+)',\s*\{([^}]*)\}/g,
      )) {
        if (plural.has(m[1] as string) && !/\bcount\b/.test(m[2] as string)) {
          missing.push(`${file.slice(UI_DIR.length + 1)}: ${m[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})
