import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Assertion } from '../../src/model/decision.ts'
import {
  assertDecision,
  heads,
  listAssertions,
  listDisputes,
  observeDecisions,
  readDecision,
  resolveDecision,
  resolveDispute,
} from '../../src/model/decision.ts'
import { ModelError } from '../../src/model/errors.ts'

// Single-replica behaviour and the pure register; merges are in decision-replicas.test.ts.

const worker = { memberId: 'anna', agencyId: 'mops' }
const partner = { memberId: 'bozena', agencyId: 'ngo' }
const supervisor = { memberId: 'sam', agencyId: 'mops' }
const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 10, minute))

function assertion(id: string, value: Assertion['value'], seen: string[], minute = 0): Assertion {
  const iso = at(minute).toISOString()
  return { id, field: 'status', value, memberId: 'm', agencyId: 'a', at: iso, seen }
}

function refusal(write: () => unknown): string | undefined {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('decision register (pure)', () => {
  it('D1: heads are the assertions no other assertion saw', () => {
    const a = assertion('a', 1, [])
    const b = assertion('b', 2, ['a'])
    const c = assertion('c', 3, ['a'])
    expect(heads([a, b, c]).map((x) => x.id)).toEqual(['b', 'c'])
    expect(heads([a]).map((x) => x.id)).toEqual(['a'])
  })

  it('D2: empty, settled on one head, disputed on differing heads', () => {
    expect(resolveDecision([])).toEqual({ state: 'empty' })
    const a = assertion('a', 'requested', [])
    const b = assertion('b', 'accepted', ['a'])
    expect(resolveDecision([a, b])).toMatchObject({ state: 'settled', value: 'accepted', by: b })
    const c = assertion('c', 'rejected', ['a'])
    expect(resolveDecision([a, b, c])).toEqual({ state: 'disputed', candidates: [b, c] })
  })

  it('D2: values are compared as canonical JSON, whatever the key order', () => {
    const a = assertion('a', { who: 'ngo', by: '2025-03-10' }, [])
    const b = assertion('b', { by: '2025-03-10', who: 'ngo' }, [])
    expect(resolveDecision([a, b])).toMatchObject({ state: 'settled', concurring: [a, b] })
    const c = assertion('c', { by: '2025-03-11', who: 'ngo' }, [])
    expect(resolveDecision([a, c]).state).toBe('disputed')
  })

  it('D7: time never decides: an assertion with an older clock that saw the other wins', () => {
    const late = assertion('late', 'accepted', [], 50)
    const skewed = assertion('skewed', 'rejected', ['late'], 1)
    expect(resolveDecision([late, skewed])).toMatchObject({ state: 'settled', value: 'rejected' })
  })

  it('D8: the result does not depend on the order of the input', () => {
    const all = [assertion('x', 1, [], 3), assertion('y', 2, [], 3), assertion('z', 3, [], 1)]
    const expected = resolveDecision(all)
    expect(expected).toMatchObject({ state: 'disputed' })
    expect(resolveDecision([...all].reverse())).toEqual(expected)
    expect(resolveDecision([all[1]!, all[2]!, all[0]!])).toEqual(expected)
    if (expected.state === 'disputed') {
      expect(expected.candidates.map((c) => c.id)).toEqual(['z', 'x', 'y'])
    }
  })
})

describe('decision fields in a document', () => {
  it('D3: sequential assertions settle on the last one, which saw the one before', () => {
    const doc = new Y.Doc()
    const first = assertDecision(doc, 'status', 'requested', worker, { now: at(1) })
    expect(first.seen).toEqual([])
    const second = assertDecision(doc, 'status', 'accepted', partner, { now: at(2) })
    expect(second.seen).toEqual([first.id])
    const third = assertDecision(doc, 'status', 'in-progress', partner, { now: at(3) })
    expect(readDecision(doc, 'status')).toEqual({
      state: 'settled',
      value: 'in-progress',
      by: third,
      concurring: [third],
    })
    expect(readDecision(doc, 'deadline')).toEqual({ state: 'empty' })
  })

  it('D3: fields are independent of each other', () => {
    const doc = new Y.Doc()
    assertDecision(doc, 'status', 'requested', worker)
    const deadline = assertDecision(doc, 'deadline', '2025-04-01', worker)
    expect(deadline.seen).toEqual([])
    expect(readDecision(doc, 'status')).toMatchObject({ value: 'requested' })
  })

  it('D9: every assertion stays in the record and an id is never reused', () => {
    const doc = new Y.Doc()
    assertDecision(doc, 'status', 'requested', worker, { id: 'one', now: at(1) })
    assertDecision(doc, 'status', 'accepted', partner, { id: 'two', now: at(2) })
    expect(refusal(() => assertDecision(doc, 'status', 'x', worker, { id: 'one' }))).toBe(
      'duplicate-id',
    )
    expect(listAssertions(doc, 'status').map((a) => [a.id, a.value])).toEqual([
      ['one', 'requested'],
      ['two', 'accepted'],
    ])
  })

  it('D9: generated ids are unique', () => {
    const doc = new Y.Doc()
    const ids = Array.from({ length: 50 }, () => assertDecision(doc, 'f', 1, worker).id)
    expect(new Set(ids).size).toBe(50)
  })

  it('D11: values must be plain JSON', () => {
    const doc = new Y.Doc()
    const bad = [undefined, Number.NaN, new Date(), { nested: () => 1 }, [Infinity]]
    for (const value of bad) {
      expect(refusal(() => assertDecision(doc, 'f', value as never, worker))).toBe('invalid-value')
    }
    expect(refusal(() => assertDecision(doc, '', 1, worker))).toBe('invalid-field')
    expect(listAssertions(doc)).toEqual([])
  })

  it('D10: a disputed field refuses plain assertions and needs a reasoned resolution', () => {
    const doc = new Y.Doc()
    const a = assertDecision(doc, 'status', 'accepted', worker, { id: 'a' })
    // A concurrent assertion from elsewhere: it did not see 'a'.
    doc.getMap('assertions').set('b', { ...a, id: 'b', value: 'rejected', ...partner })
    expect(readDecision(doc, 'status').state).toBe('disputed')
    expect(refusal(() => assertDecision(doc, 'status', 'accepted', worker))).toBe('field-disputed')
    expect(
      refusal(() => resolveDispute(doc, 'status', 'accepted', supervisor, { rationale: ' ' })),
    ).toBe('rationale-required')
    const rationale = 'Both agree after the meeting of 3 March'
    const resolution = resolveDispute(doc, 'status', 'accepted', supervisor, {
      rationale,
      mediationId: 'med-1',
    })
    expect(resolution.seen.sort()).toEqual(['a', 'b'])
    expect(resolution.note).toEqual({ rationale, mediationId: 'med-1' })
    expect(readDecision(doc, 'status')).toMatchObject({ state: 'settled', by: resolution })
    expect(refusal(() => resolveDispute(doc, 'status', 'x', supervisor, { rationale }))).toBe(
      'not-disputed',
    )
  })

  it('D12: lists every disputed field with its candidates', () => {
    const doc = new Y.Doc()
    const store = doc.getMap('assertions')
    for (const field of ['status', 'deadline', 'owner']) {
      const first = assertDecision(doc, field, 1, worker, { id: `${field}-1` })
      if (field !== 'owner') store.set(`${field}-2`, { ...first, id: `${field}-2`, value: 2 })
    }
    const disputes = listDisputes(doc)
    expect(disputes.map((d) => d.field)).toEqual(['deadline', 'status'])
    expect(disputes[1]?.candidates.map((c) => c.id)).toEqual(['status-1', 'status-2'])
  })

  it('D9: malformed stored values are skipped and reads are copies', () => {
    const doc = new Y.Doc()
    const a = assertDecision(doc, 'status', { code: 'accepted' }, worker)
    doc.getMap('assertions').set('junk', { id: 'junk', field: 'status', seen: 'nope' })
    const read = readDecision(doc, 'status')
    if (read.state === 'settled') (read.value as { code: string }).code = 'changed'
    expect(readDecision(doc, 'status')).toMatchObject({ state: 'settled', by: a })
  })

  it('D13: notifies once per transaction that adds assertions, until unsubscribed', () => {
    const doc = new Y.Doc()
    let calls = 0
    const unsubscribe = observeDecisions(doc, () => calls++)
    assertDecision(doc, 'status', 'requested', worker)
    doc.getMap('other').set('x', 1)
    unsubscribe()
    assertDecision(doc, 'status', 'accepted', worker)
    expect(calls).toBe(1)
  })
})
