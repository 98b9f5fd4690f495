import { describe, expect, it } from 'vitest'
import { AREAS } from '../../src/ui/i18n/areas.ts'
import { forms, placeholders } from './catalogs.ts'

// Issue 19 test 5: Kyrgyz is a full catalog, not 11 strings over a Russian fallback. The type
// checker already requires every key (define.ts); this also catches empty strings, lost or renamed
// placeholders and keys the English no longer has, area by area.

describe('the Kyrgyz catalog', () => {
  for (const [name, area] of Object.entries(AREAS)) {
    it(`${name}: every English key has Kyrgyz text with the same placeholders`, () => {
      const en = area.en as Record<string, Parameters<typeof forms>[0]>
      const ky = area.ky as Record<string, Parameters<typeof forms>[0] | undefined>
      const problems: string[] = []
      for (const key of Object.keys(en)) {
        const m = ky[key]
        if (m === undefined) problems.push(`${key}: missing`)
        else if (forms(m).some((f) => f.trim() === '')) problems.push(`${key}: empty`)
        else if (placeholders(m).join() !== placeholders(en[key]!).join()) {
          problems.push(
            `${key}: {${placeholders(m).join('}, {')}} instead of {${placeholders(en[key]!).join('}, {')}}`,
          )
        }
        if (m !== undefined && typeof en[key] !== typeof m) problems.push(`${key}: plural ≠ plain`)
      }
      for (const key of Object.keys(ky))
        if (!(key in en)) problems.push(`${key}: not an English key`)
      expect(problems).toEqual([])
    })
  }

  it('is written in Kyrgyz, not copied from the Russian', () => {
    const copied: string[] = []
    let total = 0
    for (const area of Object.values(AREAS)) {
      const ru = area.ru as Record<string, unknown>
      for (const [key, m] of Object.entries(area.ky)) {
        total++
        const words = forms(m)
          .join(' ')
          .replace(/\{\w+\}/g, '')
          .match(/\p{L}+/gu)
        // Short labels may be the same word in both (Медиация, Координатор, Телефон).
        if ((words?.length ?? 0) > 2 && JSON.stringify(m) === JSON.stringify(ru[key])) {
          copied.push(key)
        }
      }
    }
    expect(copied).toEqual([])
    expect(total).toBeGreaterThan(1000)
  })
})
