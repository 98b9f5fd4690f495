import { createContext, createEffect, createSignal, type JSX, useContext } from 'solid-js'
import { CATALOGS, type MessageKey } from './catalog.ts'
import { LOCALES, type Locale } from './define.ts'
import { intlLocale, type Params, translateFrom } from './translate.ts'

export type { Params } from './translate.ts'

const LOCALE_KEY = 'mosty-locale'

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
    formatNumber: (v) => new Intl.NumberFormat(intlLocale(locale(), Intl.NumberFormat)).format(v),
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
