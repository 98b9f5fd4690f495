import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral, ensureReferral, referralText, setTerms } from '../../src/model/referral.ts'
import { actionsFor } from '../../src/model/referral-inbox.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import { REFERRAL_TEXT_FIELDS } from '../../src/model/referral-vocab.ts'
import { resolveReferralDispute, setStatus } from '../../src/model/referral-workflow.ts'
import { permutations, sync } from './replicas.ts'

// Devices of the two agencies deciding while offline, then merging in every order.

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const receiver2 = { memberId: 'celina', agencyId: 'ngo' }
const supervisor = { memberId: 'sam', agencyId: 'mops' }
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))

/** A requested referral on the referrer's device and a synced copy on the receiver's. */
function requestedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  createReferral(
    a,
    { id: 'ref-1', receivingAgencyId: 'ngo', person: { kind: 'person', code: 'R-2026-014' } },
    referrer,
    { now: at(0) },
  )
  setStatus(a, 'requested', referrer, undefined, { now: at(1) })
  const b = new Y.Doc()
  sync(a, b)
  return [a, b]
}

const code = (write: () => unknown): string | undefined => {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('referral status across replicas', () => {
  it.each(['referrer-first', 'receiver-first'] as const)(
    'RF5: the receiver accepting while the referrer cancels offline is a dispute on both (%s)',
    (order) => {
      const [a, b] = requestedPair()
      setStatus(a, 'cancelled', referrer, 'Family moved to another town', { now: at(5) })
      setStatus(b, 'accepted', receiver, undefined, { now: at(6) })
      const [first, second] = order === 'referrer-first' ? [a, b] : [b, a]
      Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
      Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
      for (const doc of [a, b]) {
        const referral = readReferral(doc)
        expect(referral.status.state).toBe('disputed')
        if (referral.status.state !== 'disputed') return
        expect(referral.status.candidates).toEqual([
          expect.objectContaining({
            memberId: 'anna',
            agencyId: 'mops',
            at: at(5).toISOString(),
            value: { status: 'cancelled', reason: 'Family moved to another town' },
          }),
          expect.objectContaining({
            memberId: 'bozena',
            agencyId: 'ngo',
            at: at(6).toISOString(),
            value: { status: 'accepted' },
          }),
        ])
        expect(referral.disputedFields).toEqual(['referral.status'])
        // Both parties see it in their inbox; nobody can step past it.
        expect(actionsFor(referral, 'mops', at(7))).toContain('status-disputed')
        expect(actionsFor(referral, 'ngo', at(7))).toContain('status-disputed')
        expect(code(() => setStatus(doc, 'in-progress', receiver))).toBe('field-disputed')
        expect(code(() => setStatus(doc, 'cancelled', referrer, 'again'))).toBe('field-disputed')
      }
    },
  )

  it('RF5: the dispute is the same in all merge orders of three devices', () => {
    const [a, b] = requestedPair()
    const c = new Y.Doc()
    sync(a, c)
    setStatus(a, 'cancelled', referrer, 'No longer needed', { now: at(5) })
    setStatus(b, 'accepted', receiver, undefined, { now: at(6) })
    setStatus(c, 'rejected', receiver2, 'No places until June', { now: at(7) })
    const updates = [a, b, c].map((doc) => Y.encodeStateAsUpdate(doc))
    const states = permutations(updates).map((order) => {
      const doc = new Y.Doc()
      for (const update of order) Y.applyUpdate(doc, update)
      return readReferral(doc, at(8)).status
    })
    for (const state of states) expect(state).toEqual(states[0])
    expect(states[0]).toMatchObject({ state: 'disputed' })
  })

  it('RF5: a resolution with a rationale settles it everywhere and history keeps every side', () => {
    const [a, b] = requestedPair()
    setStatus(a, 'cancelled', referrer, 'Family moved', { now: at(5) })
    setStatus(b, 'accepted', receiver, undefined, { now: at(6) })
    sync(a, b)
    expect(
      code(() =>
        resolveReferralDispute(a, 'referral.status', { status: 'rejected' }, supervisor, {
          rationale: 'x',
        }),
      ),
    ).toBe('reason-required')
    resolveReferralDispute(
      a,
      'referral.status',
      { status: 'accepted' },
      supervisor,
      { rationale: 'The family moved within the NGO area', mediationId: 'med-7' },
      { now: at(9) },
    )
    sync(a, b)
    for (const doc of [a, b]) {
      const referral = readReferral(doc)
      expect(referral.status).toMatchObject({ state: 'settled', value: { status: 'accepted' } })
      expect(referral.history.map((h) => h.status)).toEqual([
        'draft',
        'requested',
        'cancelled',
        'accepted',
        'accepted',
      ])
      expect(referral.history[4]).toMatchObject({
        memberId: 'sam',
        resolution: { rationale: 'The family moved within the NGO area', mediationId: 'med-7' },
      })
    }
    setStatus(b, 'in-progress', receiver, undefined, { now: at(10) })
    expect(readReferral(b).status).toMatchObject({ value: { status: 'in-progress' } })
  })

  it('RF5 (D5): two members of the receiver accepting offline agree, no dispute', () => {
    const [a, b] = requestedPair()
    const c = new Y.Doc()
    sync(b, c)
    setStatus(b, 'accepted', receiver, undefined, { now: at(5) })
    setStatus(c, 'accepted', receiver2, undefined, { now: at(6) })
    sync(b, c)
    sync(a, c)
    expect(readReferral(a).status).toMatchObject({
      state: 'settled',
      value: { status: 'accepted' },
    })
  })

  it('RF6: deadlines changed differently offline are disputed, the same change is not', () => {
    const [a, b] = requestedPair()
    setTerms(a, { respondBy: '2026-03-10', urgency: 'urgent' }, referrer, { now: at(5) })
    setTerms(b, { respondBy: '2026-03-12', urgency: 'urgent' }, receiver, { now: at(6) })
    sync(a, b)
    const referral = readReferral(b)
    expect(referral.respondBy.state).toBe('disputed')
    expect(referral.urgency).toMatchObject({ state: 'settled', value: 'urgent' })
    expect(code(() => setTerms(a, { respondBy: '2026-03-11' }, referrer))).toBe('field-disputed')
    // Nothing else of a refused amendment is written either.
    expect(code(() => setTerms(a, { urgency: 'stat', respondBy: '2026-03-11' }, referrer))).toBe(
      'field-disputed',
    )
    expect(readReferral(a).urgency).toMatchObject({ value: 'urgent' })
  })
})

describe('referral structure and text across replicas', () => {
  it('S1/RF28: two devices opening the same new referral offline get each text field once', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    ensureReferral(a)
    ensureReferral(b)
    sync(a, b)
    expect([...a.getMap('text').keys()].sort()).toEqual([...REFERRAL_TEXT_FIELDS].sort())
    const before = Y.encodeStateAsUpdate(a)
    ensureReferral(a)
    expect(Y.encodeStateAsUpdate(a)).toEqual(before)
  })

  it('T1/RF7: the referrer’s colleagues type the reason together; both edits survive', () => {
    const [a] = requestedPair()
    const b = new Y.Doc()
    const colleague = { memberId: 'adam', agencyId: 'mops' }
    referralText(a, 'reason', referrer).write('Eviction notice')
    sync(a, b)
    referralText(a, 'reason', referrer).write('Eviction notice; rent arrears')
    referralText(b, 'reason', colleague).write('Urgent: Eviction notice')
    sync(a, b)
    expect(readReferral(a).reason).toBe('Urgent: Eviction notice; rent arrears')
    expect(readReferral(b).reason).toBe(readReferral(a).reason)
  })
})
