import { describe, expect, it } from 'vitest'
import type { Message } from '../../src/ui/i18n/define.ts'
import { GLOSSARY } from '../../src/ui/i18n/glossary.ts'
import { allCatalogs, forms } from './catalogs.ts'

// Issue 17 §4 and issue 19 §5: one word per thing across screens. Where the English names a
// glossary term, every language uses that term's word, and no catalog uses a synonym the
// glossary rules out ("Szkic" beside "Wersja robocza", "przełożeni" beside "kierownicy").

const catalogs = allCatalogs()
const text = (m: Message) => forms(m).join(' | ')

describe('glossary', () => {
  for (const [name, term] of Object.entries(GLOSSARY)) {
    it(`${name}: the catalogs use "${term.word.pl}", "${term.word.ru}", "${term.word.ky}"`, () => {
      const off: string[] = []
      for (const [key, en] of Object.entries(catalogs.en)) {
        if (!term.en.test(text(en))) continue
        for (const l of ['pl', 'ru', 'ky'] as const) {
          const m = catalogs[l][key]
          if (m === undefined || !term.stem[l].test(text(m))) off.push(`${l} ${key}`)
        }
      }
      for (const [l, avoid] of Object.entries(term.avoid ?? {})) {
        for (const [key, m] of Object.entries(catalogs[l as keyof typeof catalogs])) {
          if (avoid.test(text(m))) off.push(`${l} ${key}: a synonym the glossary rules out`)
        }
      }
      expect(off).toEqual([])
    })

    it(`${name}: each language's word matches its own stem`, () => {
      for (const l of ['pl', 'ru', 'ky'] as const) expect(term.word[l]).toMatch(term.stem[l])
      expect(term.word.en).toMatch(term.en)
    })
  }
})
