import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { areaKeys, neededAreas, registeredAreas, UI_DIR, uiModules } from './message-areas.ts'

// Messages load with the modules that use them (registerMessages), not all in the first
// download; a module that forgot to register an area would show raw keys. Every UI module must
// register, for each message key it names, an area that defines it.

describe('message areas', () => {
  const keys = areaKeys()

  it('every UI module registers the areas of the message keys it uses', () => {
    const missing: string[] = []
    for (const file of uiModules()) {
      const source = fs.readFileSync(file, 'utf8')
      const registered = registeredAreas(source)
      for (const need of neededAreas(source, keys)) {
        if (![...need].some((a) => registered.has(a))) {
          missing.push(`${path.relative(UI_DIR, file)}: one of ${[...need].join(', ')}`)
        }
      }
    }
    expect([...new Set(missing)]).toEqual([])
  })

  it('finds the keys a module uses, also through templates and prefixes', () => {
    const source = [
      "t('nav.documents')",
      't(`kind.${entry.kind}`)',
      "const prefix = 'panels.signoff.status.'",
      "const testId = 'documents-list'",
    ].join('\n')
    const needs = neededAreas(source, keys).map((n) => [...n].sort())
    expect(needs).toEqual([['common'], ['documents'], ['referralPanels']])
  })
})
