import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral } from '../../src/model/referral.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import {
  canTransition,
  nextStatuses,
  REFERRAL_STATUSES,
  type ReferralStatus,
  type Side,
} from '../../src/model/referral-status.ts'
import { setStatus, statusHistory } from '../../src/model/referral-workflow.ts'

// The status workflow on one replica; concurrent changes are in referral-replicas.test.ts.

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const outsider = { memberId: 'piotr', agencyId: 'police' }
const actorOf = (side: Side) => (side === 'referrer' ? referrer : receiver)
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))

function newReferral(): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    { id: 'ref-1', receivingAgencyId: 'ngo', person: { kind: 'family', code: 'R-2026-014' } },
    referrer,
    { now: at(0) },
  )
  return doc
}

// The allowed transitions written out independently of the code's table, with the side that
// may take each: the test would catch a typo in either.
const ALLOWED = new Set([
  'referrer draft→requested',
  'referrer draft→cancelled',
  'referrer draft→entered-in-error',
  'receiver requested→accepted',
  'receiver requested→rejected',
  'referrer requested→cancelled',
  'referrer requested→entered-in-error',
  'receiver accepted→in-progress',
  'receiver accepted→on-hold',
  'referrer accepted→cancelled',
  'receiver accepted→failed',
  'receiver in-progress→on-hold',
  'receiver in-progress→completed',
  'receiver in-progress→failed',
  'referrer in-progress→cancelled',
  'receiver on-hold→in-progress',
  'referrer on-hold→cancelled',
  'receiver on-hold→failed',
])

// How to reach each status from a new draft.
const PATH: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  requested: ['requested'],
  accepted: ['requested', 'accepted'],
  rejected: ['requested', 'rejected'],
  'in-progress': ['requested', 'accepted', 'in-progress'],
  'on-hold': ['requested', 'accepted', 'on-hold'],
  completed: ['requested', 'accepted', 'in-progress', 'completed'],
  failed: ['requested', 'accepted', 'failed'],
  cancelled: ['cancelled'],
  'entered-in-error': ['entered-in-error'],
}
const REFERRER_SETS = ['draft', 'requested', 'cancelled', 'entered-in-error']

function reach(status: ReferralStatus): Y.Doc {
  const doc = newReferral()
  PATH[status].forEach((s, i) => {
    setStatus(doc, s, REFERRER_SETS.includes(s) ? referrer : receiver, 'because', {
      now: at(i + 1),
    })
  })
  return doc
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

const cases = REFERRAL_STATUSES.flatMap((from) =>
  REFERRAL_STATUSES.flatMap((to) =>
    (['referrer', 'receiver'] as const).map((side) => ({ from, to, side })),
  ),
)

describe('status workflow (table over every pair and both sides)', () => {
  it('covers 10 × 10 statuses × 2 sides', () => {
    expect(cases).toHaveLength(200)
  })

  it.each(cases)('RF2/RF3: $side $from → $to', ({ from, to, side }) => {
    const allowed = ALLOWED.has(`${side} ${from}→${to}`)
    const other = side === 'referrer' ? 'receiver' : 'referrer'
    expect(canTransition(from, to, side)).toBe(allowed)
    const doc = reach(from)
    const code = refusal(() => setStatus(doc, to, actorOf(side), 'a reason', { now: at(30) }))
    if (allowed) {
      expect(code).toBeUndefined()
      expect(readReferral(doc).status).toMatchObject({ state: 'settled', value: { status: to } })
    } else {
      // A step the workflow has, but for the other party, is the other side's to take.
      const expected = ALLOWED.has(`${other} ${from}→${to}`) ? 'wrong-side' : 'invalid-transition'
      expect(code).toBe(expected)
      expect(readReferral(doc).status).toMatchObject({ value: { status: from } })
    }
  })

  it('RF2/RF3: nextStatuses offers exactly the allowed steps of each side', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const side of ['referrer', 'receiver'] as const) {
        const expected = REFERRAL_STATUSES.filter((to) => ALLOWED.has(`${side} ${from}→${to}`))
        expect(nextStatuses(from, side)).toEqual(expected)
      }
    }
  })
})

describe('status changes', () => {
  it.each(['rejected', 'on-hold', 'failed', 'cancelled'] as const)(
    'RF4: %s requires a reason, and a blank one is no reason',
    (status) => {
      const from = status === 'rejected' || status === 'cancelled' ? 'requested' : 'accepted'
      const doc = reach(from)
      const actor = status === 'cancelled' ? referrer : receiver
      expect(refusal(() => setStatus(doc, status, actor))).toBe('reason-required')
      expect(refusal(() => setStatus(doc, status, actor, '   '))).toBe('reason-required')
      setStatus(doc, status, actor, '  The family moved away ')
      expect(readReferral(doc).status).toMatchObject({
        state: 'settled',
        value: { status, reason: 'The family moved away' },
      })
    },
  )

  it('RF4: other statuses take an optional reason', () => {
    const doc = reach('requested')
    setStatus(doc, 'accepted', receiver)
    expect(readReferral(doc).status).toMatchObject({ value: { status: 'accepted' } })
    setStatus(doc, 'in-progress', receiver, 'First visit booked')
    expect(readReferral(doc).status).toMatchObject({
      value: { status: 'in-progress', reason: 'First visit booked' },
    })
  })

  it('RF1: a member of neither party cannot change the status; unknown statuses are refused', () => {
    const doc = reach('requested')
    expect(refusal(() => setStatus(doc, 'accepted', outsider))).toBe('not-a-party')
    expect(refusal(() => setStatus(doc, 'received' as ReferralStatus, receiver))).toBe(
      'invalid-status',
    )
  })

  it('RF11: history lists every change in order with member, agency, side, time and reason', () => {
    const doc = newReferral()
    const colleague = { memberId: 'celina', agencyId: 'ngo' }
    setStatus(doc, 'requested', referrer, undefined, { now: at(1) })
    setStatus(doc, 'accepted', receiver, undefined, { now: at(2) })
    setStatus(doc, 'on-hold', colleague, 'Waiting for the school report', { now: at(3) })
    const history = statusHistory(doc)
    expect(history.map((h) => [h.status, h.memberId, h.agencyId, h.side, h.at])).toEqual([
      ['draft', 'anna', 'mops', 'referrer', at(0).toISOString()],
      ['requested', 'anna', 'mops', 'referrer', at(1).toISOString()],
      ['accepted', 'bozena', 'ngo', 'receiver', at(2).toISOString()],
      ['on-hold', 'celina', 'ngo', 'receiver', at(3).toISOString()],
    ])
    expect(history[3]?.reason).toBe('Waiting for the school report')
    expect(readReferral(doc).history).toEqual(history)
  })

  it('RF11: a device clock that runs behind does not reorder history (D7)', () => {
    const doc = newReferral()
    setStatus(doc, 'requested', referrer, undefined, { now: at(10) })
    // The receiver's clock says 09:05 although it accepted after the request.
    setStatus(doc, 'accepted', receiver, undefined, { now: new Date(Date.UTC(2026, 2, 1, 9, 5)) })
    expect(statusHistory(doc).map((h) => h.status)).toEqual(['draft', 'requested', 'accepted'])
  })
})
