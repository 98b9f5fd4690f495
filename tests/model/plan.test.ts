import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ensurePlan, PLAN_TEXT_FIELDS, planText } from '../../src/model/plan.ts'

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
    exchange(a, b)
    for (const doc of [a, b]) {
      expect([...doc.getMap('text').keys()].sort()).toEqual([...PLAN_TEXT_FIELDS].sort())
      expect(planText(doc, 'goal.family').read()).toBe('Chcemy, żeby dzieci wróciły do domu')
      expect(planText(doc, 'situation.causes').read()).toBe('Utrata pracy')
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
