import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  assertDecision,
  listAssertions,
  listDisputes,
  readDecision,
  resolveDispute,
} from '../../src/model/decision.ts'
import type { DecisionState } from '../../src/model/decision.ts'
import { permutations, replicas, sync } from './replicas.ts'

// Devices that decide while disconnected, then merge by exchanging Yjs updates.

const mops = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const police = { memberId: 'piotr', agencyId: 'police' }
const supervisor = { memberId: 'sam', agencyId: 'mops' }
const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 10, minute))

function mergeInOrder(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

function values(state: DecisionState): unknown[] {
  return state.state === 'disputed' ? state.candidates.map((c) => c.value) : []
}

describe('decision fields across replicas', () => {
  it('D4: differing decisions made offline are both kept, with who and when, on both replicas', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    assertDecision(a, 'status', 'requested', mops, { now: at(0) })
    sync(a, b)
    const accepted = assertDecision(a, 'status', 'accepted', mops, { now: at(5) })
    const rejected = assertDecision(b, 'status', 'rejected', ngo, { now: at(7) })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    for (const doc of [a, b]) {
      expect(readDecision(doc, 'status')).toEqual({
        state: 'disputed',
        candidates: [accepted, rejected],
      })
    }
    const [first, second] = listDisputes(b)[0]?.candidates ?? []
    expect(first).toMatchObject({ memberId: 'anna', agencyId: 'mops', at: at(5).toISOString() })
    expect(second).toMatchObject({ memberId: 'bozena', agencyId: 'ngo', at: at(7).toISOString() })
  })

  it('D5: the same value decided concurrently is settled', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    const one = assertDecision(a, 'deadline', '2025-04-01', mops, { now: at(1) })
    const two = assertDecision(b, 'deadline', '2025-04-01', ngo, { now: at(2) })
    sync(a, b)
    for (const doc of [a, b]) {
      expect(readDecision(doc, 'deadline')).toEqual({
        state: 'settled',
        value: '2025-04-01',
        by: one,
        concurring: [one, two],
      })
    }
  })

  it('D10: a resolution that saw both candidates settles the field everywhere', () => {
    const [a, b, c] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    assertDecision(a, 'status', 'accepted', mops)
    assertDecision(b, 'status', 'rejected', ngo)
    sync(a, b)
    const resolution = resolveDispute(b, 'status', 'on-hold', supervisor, {
      rationale: 'Wait for the school report',
    })
    sync(b, c)
    sync(a, c)
    for (const doc of [a, b, c]) {
      expect(readDecision(doc, 'status')).toMatchObject({ state: 'settled', by: resolution })
      expect(listDisputes(doc)).toEqual([])
      expect(listAssertions(doc, 'status')).toHaveLength(3)
    }
  })

  it('D6: an assertion that saw only one of two concurrent heads leaves the field disputed', () => {
    const [a, b, c] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    assertDecision(a, 'status', 'accepted', mops, { now: at(1) })
    const unseen = assertDecision(b, 'status', 'rejected', ngo, { now: at(2) })
    sync(a, c)
    const later = assertDecision(c, 'status', 'in-progress', police, { now: at(3) })
    sync(a, b)
    sync(b, c)
    sync(a, c)
    for (const doc of [a, b, c]) {
      expect(readDecision(doc, 'status')).toEqual({
        state: 'disputed',
        candidates: [unseen, later],
      })
    }
  })

  it('D8: three diverged replicas converge to one state in all 6 merge orders', () => {
    const [a, b, c] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    assertDecision(a, 'status', 'accepted', mops, { now: at(3) })
    assertDecision(b, 'status', 'rejected', ngo, { now: at(1) })
    assertDecision(c, 'status', 'on-hold', police, { now: at(2) })
    assertDecision(c, 'deadline', '2025-05-01', police, { now: at(2) })
    const updates = [a, b, c].map((doc) => Y.encodeStateAsUpdate(doc))
    const states = permutations(updates).map((order) => {
      const doc = mergeInOrder(order)
      return { status: readDecision(doc, 'status'), disputes: listDisputes(doc) }
    })
    expect(states).toHaveLength(6)
    expect(values(states[0]!.status)).toEqual(['rejected', 'on-hold', 'accepted'])
    for (const state of states) expect(state).toEqual(states[0])
  })

  it('D8: partial pairwise merges and a resolution converge in every order', () => {
    const [a, b, c] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    assertDecision(a, 'status', 'accepted', mops, { now: at(1) })
    assertDecision(b, 'status', 'rejected', ngo, { now: at(2) })
    assertDecision(c, 'status', 'on-hold', police, { now: at(3) })
    sync(a, b)
    const resolution = resolveDispute(
      a,
      'status',
      'accepted',
      supervisor,
      { rationale: 'NGO agreed by phone' },
      { now: at(4) },
    )
    // c never saw the resolution's inputs, so the field stays disputed after merging (D6).
    const updates = [a, b, c].map((doc) => Y.encodeStateAsUpdate(doc))
    const merged = permutations(updates).map(mergeInOrder)
    for (const doc of merged) {
      expect(values(readDecision(doc, 'status'))).toEqual(['on-hold', 'accepted'])
      expect(readDecision(doc, 'status')).toEqual(readDecision(merged[0]!, 'status'))
    }
    expect(resolution.seen).toHaveLength(2)

    const final = resolveDispute(merged[3]!, 'status', 'accepted', supervisor, {
      rationale: 'Police withdrew the hold',
    })
    const finalUpdate = Y.encodeStateAsUpdate(merged[3]!)
    for (const doc of [a, b, c, ...merged]) {
      Y.applyUpdate(doc, finalUpdate)
      expect(readDecision(doc, 'status')).toMatchObject({ state: 'settled', by: final })
      expect(listAssertions(doc, 'status')).toHaveLength(5)
    }
  })
})
