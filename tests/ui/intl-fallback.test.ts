import { describe, expect, it, vi } from 'vitest'
import { intlLocale, translateFrom } from '../../src/ui/i18n/translate.ts'
import { allCatalogs } from './catalogs.ts'

// Debian's Chromium knows Kyrgyz plural rules but has no Kyrgyz dates or numbers. Its Intl is
// stood in for here (its own file, so the per-service cache starts empty): Kyrgyz text keeps the
// Kyrgyz plural rule, and dates and numbers fall back to Russian, not to the browser's default.

const withoutKyrgyz = (service: { supportedLocalesOf: (l: string) => string[] }) => {
  const real = service.supportedLocalesOf.bind(service)
  vi.spyOn(service, 'supportedLocalesOf').mockImplementation((l) =>
    real(l).filter((x) => !x.startsWith('ky')),
  )
}

describe('a browser without Kyrgyz dates and numbers', () => {
  withoutKyrgyz(Intl.DateTimeFormat)
  withoutKyrgyz(Intl.NumberFormat)
  const catalogs = allCatalogs()

  it('formats dates and numbers for a Kyrgyz reader in Russian', () => {
    expect(intlLocale('ky')).toBe('ru')
    expect(intlLocale('ky', Intl.NumberFormat)).toBe('ru')
    expect(intlLocale('pl')).toBe('pl')
  })

  it('still chooses the plural form of Kyrgyz text by the Kyrgyz rule (21 is not "one")', () => {
    const say = (count: number) =>
      translateFrom(catalogs, 'ky', 'directory.hours.everyWeeks', { count })
    expect([1, 2, 21].map(say)).toEqual(['ар жумада', 'ар 2 жумада', 'ар 21 жумада'])
  })
})
