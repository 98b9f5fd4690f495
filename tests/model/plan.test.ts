import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ensureStructure, genesisClientId, readMeta } from '../../src/model/document.ts'
import {
  ALL_PLAN_TEXT_FIELDS,
  ensurePlan,
  extensionClientId,
  PLAN_TEXT_FIELDS,
  planText,
} from '../../src/model/plan.ts'
import { createTextFields } from '../../src/model/text-field.ts'
import { DOCUMENT_KINDS } from '../../src/model/types.ts'

const exchange = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
}

describe('plan structure', () => {
  it('S1: two devices creating the same plan offline get every field once and keep both texts', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    ensurePlan(a)
    ensurePlan(b)
    planText(a, 'goal.family').write('Chcemy, żeby dzieci wróciły do domu')
    planText(b, 'situation.causes').write('Utrata pracy')
    planText(a, 'situation.worries').write('Zadłużenie')
    planText(b, 'situation.needs-to-happen').write('Terapia')
    exchange(a, b)
    for (const doc of [a, b]) {
      expect([...doc.getMap('text').keys()].sort()).toEqual([...ALL_PLAN_TEXT_FIELDS].sort())
      expect(planText(doc, 'goal.family').read()).toBe('Chcemy, żeby dzieci wróciły do domu')
      expect(planText(doc, 'situation.causes').read()).toBe('Utrata pracy')
      expect(planText(doc, 'situation.worries').read()).toBe('Zadłużenie')
      expect(planText(doc, 'situation.needs-to-happen').read()).toBe('Terapia')
    }
  })

  it('T1: concurrent typing into one field keeps both insertions', () => {
    const a = new Y.Doc()
    ensurePlan(a)
    const b = new Y.Doc()
    exchange(a, b)
    planText(a, 'goal.family').write('Dom')
    exchange(a, b)
    planText(a, 'goal.family').write('Nasz dom')
    planText(b, 'goal.family').write('Dom i praca')
    exchange(a, b)
    expect(planText(a, 'goal.family').read()).toBe('Nasz dom i praca')
    expect(planText(b, 'goal.family').read()).toBe('Nasz dom i praca')
  })

  it('reports remote changes as remote and keeps the caret next to its character', () => {
    const a = new Y.Doc()
    ensurePlan(a)
    const b = new Y.Doc()
    exchange(a, b)
    const field = planText(a, 'goal.family')
    field.write('praca')
    exchange(a, b)
    const caret = field.captureCaret(5)
    const seen: boolean[] = []
    field.observe((remote) => seen.push(remote))
    planText(b, 'goal.family').write('stała praca')
    exchange(a, b)
    expect(field.restoreCaret(caret)).toBe(11)
    expect(seen).toEqual([true])
  })
})

/** A plan as the first app version created it: the five genesis fields, nothing more. */
const firstVersionPlan = (): Y.Doc => {
  const doc = new Y.Doc()
  ensureStructure(doc, 'plan', (genesis) => createTextFields(genesis, PLAN_TEXT_FIELDS))
  return doc
}

/** The number of Y.Text structs under the text map: a duplicated field would show here. */
const textStructs = (doc: Y.Doc): number => {
  let count = 0
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) {
      if (s instanceof Y.Item && s.content instanceof Y.ContentType) count++
    }
  }
  return count
}

describe('plan structure versions', () => {
  it('FP1: the first genesis is unchanged, so plans of the first version keep their structs', () => {
    const old = firstVersionPlan()
    const current = new Y.Doc()
    ensurePlan(current)
    const genesisId = genesisClientId('plan', readMeta(current)?.schemaVersion ?? 0)
    const oldStructs = old.store.clients.get(genesisId)
    expect(current.store.clients.get(genesisId)?.length).toBe(oldStructs?.length)
    expect(PLAN_TEXT_FIELDS).toEqual([
      'situation.causes',
      'situation.resources',
      'situation.limitations',
      'goal.family',
      'goal.professional',
    ])
  })

  it('FP1: a first-version plan gets the new fields when opened, on two devices at once, once', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const a = firstVersionPlan()
      planText(a, 'goal.family').write('Razem')
      const b = new Y.Doc()
      exchange(a, b)
      ensurePlan(a)
      ensurePlan(b)
      planText(a, 'situation.worries').write('Długi')
      planText(b, 'family.view').write('Chcemy spokoju')
      const [first, second] = order === 'a-first' ? [a, b] : [b, a]
      Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
      Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
      for (const doc of [a, b]) {
        expect([...doc.getMap('text').keys()].sort()).toEqual([...ALL_PLAN_TEXT_FIELDS].sort())
        expect(textStructs(doc)).toBe(ALL_PLAN_TEXT_FIELDS.length)
        expect(planText(doc, 'goal.family').read()).toBe('Razem')
        expect(planText(doc, 'situation.worries').read()).toBe('Długi')
        expect(planText(doc, 'family.view').read()).toBe('Chcemy spokoju')
      }
    }
  })

  it('S1: a new-version and a first-version device creating one plan offline merge into one', () => {
    const fresh = new Y.Doc()
    ensurePlan(fresh)
    const old = firstVersionPlan()
    planText(fresh, 'situation.working-well').write('Babcia pomaga')
    planText(old, 'goal.professional').write('Stabilizacja')
    exchange(fresh, old)
    ensurePlan(old)
    for (const doc of [fresh, old]) {
      expect(textStructs(doc)).toBe(ALL_PLAN_TEXT_FIELDS.length)
      expect(planText(doc, 'situation.working-well').read()).toBe('Babcia pomaga')
      expect(planText(doc, 'goal.professional').read()).toBe('Stabilizacja')
    }
  })

  it('S2: ensuring the plan again changes nothing', () => {
    const doc = new Y.Doc()
    ensurePlan(doc)
    const before = Y.encodeStateAsUpdate(doc)
    ensurePlan(doc)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('S4: the extension client id differs from every genesis client id', () => {
    const ids = DOCUMENT_KINDS.flatMap((kind) => [1, 2, 3].map((v) => genesisClientId(kind, v)))
    expect(ids).not.toContain(extensionClientId('plan/analysis@2'))
  })
})

describe('typing together at the end of a field', () => {
  it('T3: two people appending at once keep their words whole, not interleaved', () => {
    const a = new Y.Doc()
    ensurePlan(a)
    const b = new Y.Doc()
    exchange(a, b)
    const fa = planText(a, 'goal.family')
    const fb = planText(b, 'goal.family')
    fa.write('Cel: ')
    exchange(a, b)
    // Each keystroke is synced before the next, as on a live connection; each person's caret
    // is restored after the other's keystroke arrives.
    let caretA = fa.captureCaret(fa.read().length)
    let caretB = fb.captureCaret(fb.read().length)
    const wordA = 'praca'
    const wordB = 'dom'
    for (let i = 0; i < Math.max(wordA.length, wordB.length); i++) {
      for (const [field, word, which] of [
        [fa, wordA, 'a'],
        [fb, wordB, 'b'],
      ] as const) {
        if (i >= word.length) continue
        const at = field.restoreCaret(which === 'a' ? caretA : caretB) as number
        const value = field.read()
        field.write(value.slice(0, at) + word[i] + value.slice(at))
        const next = field.captureCaret(at + 1)
        if (which === 'a') caretA = next
        else caretB = next
        exchange(a, b)
      }
    }
    const text = fa.read()
    expect(text).toBe(fb.read())
    expect(text).toContain('praca')
    expect(text).toContain('dom')
  })
})
