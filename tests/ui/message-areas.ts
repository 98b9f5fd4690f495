import fs from 'node:fs'
import path from 'node:path'
import { AREAS } from '../../src/ui/i18n/areas.ts'

// Which message areas each UI module needs, read from its source: every string literal that is a
// message key (or, in a template or concatenation, the start of one) names the areas defining it.

export const UI_DIR = path.resolve(import.meta.dirname, '../../src/ui')

/** Area export name → its keys. */
export const areaKeys = (): Map<string, Set<string>> =>
  new Map(Object.entries(AREAS).map(([name, area]) => [name, new Set(Object.keys(area.en))]))

export const uiModules = (dir = UI_DIR): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'i18n' ? [] : uiModules(full)
    return /\.tsx?$/.test(e.name) ? [full] : []
  })

/** For each key-like literal in the source: the areas that could supply it (any one will do). */
export const neededAreas = (source: string, keys: Map<string, Set<string>>): Set<string>[] => {
  const literals = [
    ...source.matchAll(/'([a-zA-Z][\w.-]*)'|"([a-zA-Z][\w.-]*)"|`([a-zA-Z][\w.-]*)(?:\$\{|`)/g),
  ]
  const needs: Set<string>[] = []
  for (const m of literals) {
    const text = (m[1] ?? m[2] ?? m[3]) as string
    if (!text.includes('.')) continue
    const prefix = m[3] !== undefined && m[0].endsWith('${')
    const areas = new Set<string>()
    for (const [name, set] of keys) {
      if (set.has(text)) areas.add(name)
      else if ((prefix || text.endsWith('.')) && [...set].some((k) => k.startsWith(text))) {
        areas.add(name)
      }
    }
    if (areas.size > 0) needs.push(areas)
  }
  return needs
}

/** Areas a module registers: `registerMessages(a, b)` naming area exports (or their aliases). */
export const registeredAreas = (source: string): Set<string> => {
  const alias = new Map(
    [...source.matchAll(/import \{ (\w+) as (\w+) \} from '[./]*\/i18n\/messages\//g)].map((m) => [
      m[2] as string,
      m[1] as string,
    ]),
  )
  return new Set(
    [...source.matchAll(/registerMessages\(([^)]*)\)/g)].flatMap((m) =>
      (m[1] as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => alias.get(name) ?? name),
    ),
  )
}
