import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  contentAt,
  diffContent,
  diffText,
  readContent,
  replayHistory,
} from '../../src/model/history-diff.ts'

/** A document edited in steps, each step's update recorded as the relay would. */
const edited = (...steps: ((doc: Y.Doc) => void)[]) => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  for (const step of steps) {
    const before = Y.encodeStateVector(doc)
    doc.transact(() => step(doc))
    updates.push(Y.encodeStateAsUpdate(doc, before))
  }
  return { doc, updates }
}

const reason = (doc: Y.Doc): Y.Text => doc.getMap('text').get('reason') as Y.Text

describe('history diff', () => {
  it('H1: text changes are the words inserted and removed, in order, with what was kept', () => {
    expect(diffText('Matka prosi o pomoc.', 'Matka pilnie prosi o pomoc.')).toEqual([
      { op: 'same', text: 'Matka ' },
      { op: 'insert', text: 'pilnie ' },
      { op: 'same', text: 'prosi o pomoc.' },
    ])
    expect(diffText('Ojciec pije.', 'Ojciec nie pije.')).toEqual([
      { op: 'same', text: 'Ojciec ' },
      { op: 'insert', text: 'nie ' },
      { op: 'same', text: 'pije.' },
    ])
    expect(diffText('Termin: piątek, 10:00', 'Termin: poniedziałek, 10:00')).toEqual([
      { op: 'same', text: 'Termin: ' },
      { op: 'delete', text: 'piątek' },
      { op: 'insert', text: 'poniedziałek' },
      { op: 'same', text: ', 10:00' },
    ])
    expect(diffText('', 'Новый текст')).toEqual([{ op: 'insert', text: 'Новый текст' }])
    expect(diffText('a b c', '')).toEqual([{ op: 'delete', text: 'a b c' }])
    expect(diffText('same', 'same')).toEqual([{ op: 'same', text: 'same' }])
  })

  it('H1: reassembling the kept and inserted parts gives the new text, kept and removed the old', () => {
    const rnd = (() => {
      let s = 7
      return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) as number
    })()
    const words = ['dom', 'szkoła', ' ', ', ', 'pomoc', '🙂', 'мама', '\n']
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join('')
    for (let i = 0; i < 200; i++) {
      const a = text(Math.floor(rnd() * 30))
      const b = rnd() < 0.5 ? text(Math.floor(rnd() * 30)) : a.slice(0, 10) + text(3) + a.slice(12)
      const parts = diffText(a, b)
      const join = (ops: string[]) =>
        parts
          .filter((p) => ops.includes(p.op))
          .map((p) => p.text)
          .join('')
      expect(join(['same', 'insert'])).toBe(b)
      expect(join(['same', 'delete'])).toBe(a)
    }
  })

  it('H2: a change lists the keys added, removed and changed, with texts as word differences', () => {
    const { doc: before } = edited((d) => {
      d.getMap('text').set('reason', new Y.Text('Rodzina potrzebuje wsparcia.'))
      d.getMap('referral').set('service', { code: 'therapy' })
      d.getMap('contacts').set('c1', { phone: '123' })
    })
    const after = new Y.Doc()
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before))
    after.transact(() => {
      reason(after).insert(8, 'pilnie ')
      after.getMap('referral').set('service', { code: 'mediation' })
      after.getMap('contacts').delete('c1')
      after.getMap('assertions').set('a1', { field: 'status', value: 'accepted' })
    })
    expect(diffContent(readContent(before), readContent(after))).toEqual([
      {
        map: 'assertions',
        key: 'a1',
        change: 'added',
        withheld: false,
        after: { kind: 'value', value: { field: 'status', value: 'accepted' } },
      },
      {
        map: 'contacts',
        key: 'c1',
        change: 'removed',
        withheld: false,
        before: { kind: 'value', value: { phone: '123' } },
      },
      {
        map: 'referral',
        key: 'service',
        change: 'changed',
        withheld: false,
        before: { kind: 'value', value: { code: 'therapy' } },
        after: { kind: 'value', value: { code: 'mediation' } },
      },
      {
        map: 'text',
        key: 'reason',
        change: 'changed',
        withheld: false,
        before: { kind: 'text', text: 'Rodzina potrzebuje wsparcia.' },
        after: { kind: 'text', text: 'Rodzina pilnie potrzebuje wsparcia.' },
        text: [
          { op: 'same', text: 'Rodzina ' },
          { op: 'insert', text: 'pilnie ' },
          { op: 'same', text: 'potrzebuje wsparcia.' },
        ],
      },
    ])
  })

  it('H3: identifying details are named as changed but their values never shown', () => {
    const { updates } = edited(
      (d) => d.getMap('identity').set('details', { name: 'Jan Kowalski' }),
      (d) => d.getMap('identity').set('details', { name: 'Jan Nowak' }),
    )
    const steps = replayHistory(null, updates)
    expect(steps).toEqual([
      [{ map: 'identity', key: 'details', change: 'added', withheld: true }],
      [{ map: 'identity', key: 'details', change: 'changed', withheld: true }],
    ])
    expect(JSON.stringify(steps)).not.toContain('Kowalski')
  })

  it('H2: replaying a history gives each entry’s own change; contentAt gives the state after any entry', () => {
    const { doc, updates } = edited(
      (d) => d.getMap('text').set('reason', new Y.Text('Matka prosi o pomoc.')),
      (d) => reason(d).insert(6, 'pilnie '),
      (d) => d.getMap('meta').set('kind', 'referral'),
      (d) => reason(d).delete(0, 6),
    )
    // The first entry is history's base; the rest are replayed on top of it.
    const base = updates[0]!
    const steps = replayHistory(base, updates.slice(1))
    expect(steps.map((s) => s.map((c) => `${c.map}.${c.key}:${c.change}`))).toEqual([
      ['text.reason:changed'],
      ['meta.kind:added'],
      ['text.reason:changed'],
    ])
    expect(steps[0]![0]!.text).toEqual([
      { op: 'same', text: 'Matka ' },
      { op: 'insert', text: 'pilnie ' },
      { op: 'same', text: 'prosi o pomoc.' },
    ])
    expect(steps[2]![0]!.text).toEqual([
      { op: 'delete', text: 'Matka ' },
      { op: 'same', text: 'pilnie prosi o pomoc.' },
    ])
    expect(contentAt(base, updates.slice(1), 0).text).toEqual({
      reason: { kind: 'text', text: 'Matka prosi o pomoc.' },
    })
    expect(contentAt(base, updates.slice(1), 2)).toEqual({
      meta: { kind: { kind: 'value', value: 'referral' } },
      text: { reason: { kind: 'text', text: 'Matka pilnie prosi o pomoc.' } },
    })
    expect(contentAt(base, updates.slice(1), 3)).toEqual(readContent(doc))
  })
})
