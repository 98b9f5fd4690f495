import type { Locale, Message } from './define.ts'

// Message lookup and formatting without the UI (tested in tests/ui/plurals.test.ts).

export type Params = Record<string, string | number>

/** Kyrgyz readers in the mountain districts read Russian; a key without Kyrgyz falls back to it. */
export const FALLBACK: Record<Locale, Locale[]> = {
  pl: ['pl', 'en'],
  ru: ['ru', 'en'],
  en: ['en'],
  ky: ['ky', 'ru', 'en'],
}

type Catalogs = Readonly<Record<Locale, Readonly<Record<string, Message>>>>

/** The message for a key and the language its text is in (the first in the fallback chain). */
const lookup = (
  catalogs: Catalogs,
  locale: Locale,
  key: string,
): { message: Message; shown: Locale } => {
  for (const l of FALLBACK[locale]) {
    const m = catalogs[l][key]
    if (m !== undefined) return { message: m, shown: l }
  }
  return { message: key, shown: 'en' }
}

/** An Intl service (DateTimeFormat, NumberFormat, PluralRules): each has its own locale data. */
interface IntlService {
  supportedLocalesOf(locale: string): string[]
}

const known = new Map<IntlService, Map<Locale, Locale>>()

/**
 * The language an Intl service works in for a reader of `locale`: the first of its fallback chain
 * that the service knows. Debian's Chromium has Kyrgyz plural rules but no Kyrgyz dates or
 * numbers, and Intl would silently use the browser's default language (English, Polish) instead;
 * a Kyrgyz screen then formats dates and numbers in Russian, the language its readers fall back to.
 */
export const intlLocale = (locale: Locale, service: IntlService = Intl.DateTimeFormat): Locale => {
  let table = known.get(service)
  if (!table) known.set(service, (table = new Map()))
  let l = table.get(locale)
  if (l === undefined) {
    l = FALLBACK[locale].find((x) => service.supportedLocalesOf(x).length > 0) ?? 'en'
    table.set(locale, l)
  }
  return l
}

/**
 * A message in `locale`, from the given catalogs. The plural form and the numbers follow the
 * language whose text is shown: a Kyrgyz reader shown a Russian fallback gets Russian plurals.
 */
export const translateFrom = (
  catalogs: Catalogs,
  locale: Locale,
  key: string,
  params: Params = {},
): string => {
  const { message: m, shown } = lookup(catalogs, locale, key)
  const plural = intlLocale(shown, Intl.PluralRules)
  const numbers = intlLocale(shown, Intl.NumberFormat)
  const text =
    typeof m === 'string'
      ? m
      : (m[new Intl.PluralRules(plural).select(Number(params.count ?? 0)) as keyof typeof m] ??
        m.other)
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined
      ? `{${name}}`
      : typeof params[name] === 'number'
        ? new Intl.NumberFormat(numbers).format(params[name])
        : String(params[name]),
  )
}
