import { AREAS } from '../../src/ui/i18n/areas.ts'
import { LOCALES, type Locale, type Message } from '../../src/ui/i18n/define.ts'

// Every area's messages merged per language, as the app holds them once all areas are loaded.

export type Catalogs = Record<Locale, Record<string, Message>>

export const allCatalogs = (): Catalogs => {
  const c = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Catalogs
  for (const area of Object.values(AREAS)) for (const l of LOCALES) Object.assign(c[l], area[l])
  return c
}

/** A message's text: its one form, or all its plural forms. */
export const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m))

export const placeholders = (m: Message): string[] =>
  [
    ...new Set(forms(m).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((x) => x[1] as string))),
  ].sort()
