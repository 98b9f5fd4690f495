import { createContext, createEffect, createSignal, type JSX, useContext } from 'solid-js'
import { CATALOGS, type MessageKey } from './catalog.ts'
import { LOCALES, type Locale, type Message } from './define.ts'

const LOCALE_KEY = 'mosty-locale'

/** Kyrgyz readers in the mountain districts read Russian; a key without Kyrgyz falls back to it. */
const FALLBACK: Record<Locale, Locale[]> = {
  pl: ['pl', 'en'],
  ru: ['ru', 'en'],
  en: ['en'],
  ky: ['ky', 'ru', 'en'],
}

export type Params = Record<string, string | number>

/** A message to show (an error, a refusal), kept as a key so that it follows a change of language. */
export interface Problem {
  key: MessageKey
  params?: Params
}

export interface I18n {
  locale: () => Locale
  setLocale: (l: Locale) => void
  t: (key: MessageKey, params?: Params) => string
  /** Message lookup in a language other than the interface's (e.g. a printout for a family). */
  tIn: (locale: Locale, key: MessageKey, params?: Params) => string
  formatDate: (value: Date | string) => string
  formatDateTime: (value: Date | string) => string
  formatNumber: (value: number) => string
}

const initialLocale = (): Locale => {
  const saved = localStorage.getItem(LOCALE_KEY)
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale
  const browser = navigator.language.slice(0, 2)
  return (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'pl'
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

/**
 * The language Intl formats dates and numbers in for a reader of `locale`: the first of its
 * fallback chain that the browser's Intl knows, so a Kyrgyz screen never shows dates in the
 * browser's default language (Polish, say) where Intl lacks Kyrgyz.
 */
export const intlLocale = (locale: Locale): Locale =>
  FALLBACK[locale].find((l) => Intl.DateTimeFormat.supportedLocalesOf(l).length > 0) ?? 'en'

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
  const intl = intlLocale(shown)
  const text =
    typeof m === 'string'
      ? m
      : (m[new Intl.PluralRules(intl).select(Number(params.count ?? 0)) as keyof typeof m] ??
        m.other)
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined
      ? `{${name}}`
      : typeof params[name] === 'number'
        ? new Intl.NumberFormat(intl).format(params[name])
        : String(params[name]),
  )
}

export const translate = (locale: Locale, key: MessageKey, params: Params = {}): string =>
  translateFrom(CATALOGS, locale, key, params)

export const createI18n = (): I18n => {
  const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale())
  createEffect(() => {
    document.documentElement.lang = locale()
  })
  const asDate = (v: Date | string) => (typeof v === 'string' ? new Date(v) : v)
  return {
    locale,
    setLocale: (l) => {
      localStorage.setItem(LOCALE_KEY, l)
      setLocaleSignal(l)
    },
    t: (key, params) => translate(locale(), key, params),
    tIn: (l, key, params) => translate(l, key, params),
    formatDate: (v) =>
      new Intl.DateTimeFormat(intlLocale(locale()), { dateStyle: 'medium' }).format(asDate(v)),
    formatDateTime: (v) =>
      new Intl.DateTimeFormat(intlLocale(locale()), {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(asDate(v)),
    formatNumber: (v) => new Intl.NumberFormat(intlLocale(locale())).format(v),
  }
}

const I18nContext = createContext<I18n>()

export const I18nProvider = (props: { children: JSX.Element }) => (
  <I18nContext.Provider value={createI18n()}>{props.children}</I18nContext.Provider>
)

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
