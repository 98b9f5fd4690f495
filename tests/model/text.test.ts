import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextChange, captureCaret, restoreCaret } from '../../src/model/text.ts'
import { ModelError } from '../../src/model/errors.ts'
import { replicas, sync } from './replicas.ts'

function textOf(doc: Y.Doc): Y.Text {
  return doc.getText('goal')
}

function typed(doc: Y.Doc, value: string): Y.Text {
  applyTextChange(textOf(doc), value)
  return textOf(doc)
}

describe('collaborative text', () => {
  it('T1: two replicas typing into the same text keep both insertions', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    typed(a, 'Family goal: stable housing')
    sync(a, b)
    typed(a, 'Family goal: safe, stable housing')
    typed(b, 'Family goal: stable housing by June')
    sync(a, b)
    expect(textOf(a).toString()).toBe('Family goal: safe, stable housing by June')
    expect(textOf(b).toString()).toBe(textOf(a).toString())
  })

  it('T1: a local deletion leaves a concurrent remote insertion elsewhere intact', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    typed(a, 'one two three')
    sync(a, b)
    typed(a, 'one three')
    typed(b, 'one two three four')
    sync(a, b)
    expect(textOf(a).toString()).toBe('one three four')
    expect(textOf(b).toString()).toBe('one three four')
  })

  it('T1: a change is one transaction and an unchanged value writes nothing', () => {
    const doc = new Y.Doc()
    typed(doc, 'abcdef')
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const before = Y.encodeStateVector(doc)
    typed(doc, 'abcdef')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    typed(doc, 'abXYef')
    expect(textOf(doc).toString()).toBe('abXYef')
    expect(transactions).toBe(1)
  })

  it('T1: repeated letters are spliced where they differ', () => {
    const doc = new Y.Doc()
    for (const [from, to] of [
      ['aaa', 'aaaa'],
      ['abab', 'ab'],
      ['', 'x'],
      ['x', ''],
      ['hello', 'help'],
    ] as const) {
      typed(doc, from)
      typed(doc, to)
      expect(textOf(doc).toString()).toBe(to)
    }
  })

  it('T2: never cuts an emoji in half', () => {
    const doc = new Y.Doc()
    typed(doc, 'mood 😀!')
    typed(doc, 'mood 😃!')
    expect(textOf(doc).toString()).toBe('mood 😃!')
    typed(doc, 'mood 😃😃!')
    expect(textOf(doc).toString()).toBe('mood 😃😃!')
    typed(doc, 'mood 🙂😃!')
    expect(textOf(doc).toString()).toBe('mood 🙂😃!')
    // 😀 is D83D DE00 and 🈀 is D83C DE00: only their second halves match.
    typed(doc, 'x😀y')
    typed(doc, 'x🈀y')
    expect(textOf(doc).toString()).toBe('x🈀y')
  })

  it('T3: a caret shifts by a remote insertion before it and stays put for one after it', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    typed(a, 'plan: meet weekly')
    sync(a, b)
    const caret = captureCaret(textOf(a), 'plan: meet'.length)
    typed(b, 'Family plan: meet weekly')
    typed(b, 'Family plan: meet weekly at school')
    sync(a, b)
    expect(restoreCaret(a, caret)).toBe('Family plan: meet'.length)
  })

  it('T3: a caret survives deletion of the text before it', () => {
    const doc = new Y.Doc()
    typed(doc, 'abc def')
    const caret = captureCaret(textOf(doc), 5)
    typed(doc, 'def')
    expect(restoreCaret(doc, caret)).toBe(1)
  })

  it('T1: refuses a text outside any document instead of buffering the change unseen', () => {
    expect(() => applyTextChange(new Y.Text(), 'x')).toThrow(ModelError)
  })
})

describe('T4: the caret decides where an ambiguous insertion goes', () => {
  it('typing "a" before someone else\'s "a" inserts it before, not after, theirs', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'Mam')
    // Someone else's word arrives right after my caret: "Mam|a kot" where "a kot" is theirs.
    text.insert(3, 'a kot')
    const theirs = Y.createRelativePositionFromTypeIndex(text, 3)
    // I type "a" at index 3: the textarea now reads "Mama kot" with the caret at 4.
    applyTextChange(text, 'Mamaa kot', 4)
    expect(text.toString()).toBe('Mamaa kot')
    // Their word still starts right after my letter: my "a" went before theirs.
    expect(Y.createAbsolutePositionFromRelativePosition(theirs, doc)?.index).toBe(4)
  })

  it('without a usable caret it falls back to the minimal splice', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'abc')
    applyTextChange(text, 'abXc', 99)
    expect(text.toString()).toBe('abXc')
  })

  it('deletions end at the caret too', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'aaaa')
    const last = Y.createRelativePositionFromTypeIndex(text, 3)
    applyTextChange(text, 'aaa', 0)
    expect(text.toString()).toBe('aaa')
    expect(Y.createAbsolutePositionFromRelativePosition(last, doc)?.index).toBe(2)
  })
})
