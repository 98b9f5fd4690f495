import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getSummary, listSummaries, setSummary } from '../../src/model/doc-summary.ts'

describe('document summaries', () => {
  it('I7: a summary is written only when it changes, and read back as a copy', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    expect(setSummary(doc, 'r1', { status: 'requested', receiving: 'fundacja' })).toBe(true)
    expect(setSummary(doc, 'r1', { receiving: 'fundacja', status: 'requested' })).toBe(false)
    expect(updates).toBe(1)
    const read = getSummary(doc, 'r1') as { status: string }
    read.status = 'changed'
    expect(getSummary(doc, 'r1')).toEqual({ status: 'requested', receiving: 'fundacja' })
  })

  it('I7: summaries of different documents written on two replicas never interfere', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    setSummary(a, 'r1', { status: 'accepted' })
    setSummary(b, 'r2', { status: 'draft' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(Object.fromEntries(listSummaries(a))).toEqual(Object.fromEntries(listSummaries(b)))
    expect(listSummaries(a).size).toBe(2)
  })

  it('refuses a value that is not a JSON object', () => {
    const doc = new Y.Doc()
    expect(() => setSummary(doc, 'r1', [] as never)).toThrow()
  })
})
