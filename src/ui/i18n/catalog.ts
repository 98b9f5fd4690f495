import type { AREAS } from './areas.ts'
import type { Locale, Message } from './define.ts'

type Area = (typeof AREAS)[keyof typeof AREAS]
export type MessageKey = Area extends infer A
  ? A extends { en: Record<infer K, Message> }
    ? K
    : never
  : never

type Table = Record<string, Message>

/** The messages of every area loaded so far, per language. */
export const CATALOGS: Record<Locale, Table> = { en: {}, pl: {}, ru: {}, ky: {} }

const loaded = new Set<Area>()

/**
 * Makes areas' messages available. Each UI module registers the areas whose keys it uses, at its
 * top, so an area's messages travel in the chunk of the screens that show them instead of in the
 * first download (checked by tests/ui/message-areas.test.ts).
 */
export const registerMessages = (...areas: Area[]): void => {
  for (const area of areas) {
    if (loaded.has(area)) continue
    loaded.add(area)
    Object.assign(CATALOGS.en, area.en)
    Object.assign(CATALOGS.pl, area.pl)
    Object.assign(CATALOGS.ru, area.ru)
    Object.assign(CATALOGS.ky, area.ky)
  }
}
