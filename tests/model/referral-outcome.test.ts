import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral, referralText } from '../../src/model/referral.ts'
import { loopClosed, recordOutcome } from '../../src/model/referral-outcome.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const receiver2 = { memberId: 'celina', agencyId: 'ngo' }

function referral(steps: ReferralStatus[]): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    { id: 'ref-1', receivingAgencyId: 'ngo', person: { kind: 'person', code: 'R-2026-014' } },
    referrer,
  )
  for (const s of steps) {
    const actor = s === 'requested' || s === 'cancelled' ? referrer : receiver
    setStatus(doc, s, actor, 'reason')
  }
  return doc
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

describe('outcome (closed loop)', () => {
  it('RF13/RF14: only the receiving agency records the outcome and writes its note', () => {
    const doc = referral(['requested', 'accepted', 'in-progress'])
    expect(code(() => recordOutcome(doc, { code: 'achieved' }, referrer))).toBe('wrong-side')
    expect(code(() => referralText(doc, 'outcome.note', referrer).write('x'))).toBe('wrong-side')
    expect(code(() => referralText(doc, 'reason', receiver).write('x'))).toBe('wrong-side')
    expect(code(() => recordOutcome(doc, { code: 'great' as 'achieved' }, receiver))).toBe(
      'invalid-outcome',
    )
    recordOutcome(
      doc,
      { code: 'partially-achieved', note: 'Debt plan agreed; job search continues' },
      receiver,
    )
    const read = readReferral(doc)
    expect(read.outcome).toMatchObject({
      state: 'settled',
      value: 'partially-achieved',
      by: { memberId: 'bozena', agencyId: 'ngo' },
    })
    expect(read.outcomeNote).toBe('Debt plan agreed; job search continues')
  })

  it('RF13: no outcome before the receiver accepted, nor for a referral it rejected', () => {
    expect(code(() => recordOutcome(referral(['requested']), { code: 'achieved' }, receiver))).toBe(
      'outcome-too-early',
    )
    const rejected = referral(['requested', 'rejected'])
    expect(code(() => recordOutcome(rejected, { code: 'not-achieved' }, receiver))).toBe(
      'outcome-too-early',
    )
    // Accepted and later cancelled by the referrer: what was achieved can still be reported.
    const cancelled = referral(['requested', 'accepted', 'cancelled'])
    recordOutcome(cancelled, { code: 'declined-by-person' }, receiver)
    expect(readReferral(cancelled).outcome).toMatchObject({ value: 'declined-by-person' })
  })

  it('RF15: the loop is closed when completed or failed and an outcome is recorded', () => {
    const doc = referral(['requested', 'accepted', 'in-progress'])
    recordOutcome(doc, { code: 'achieved' }, receiver)
    expect(loopClosed(readReferral(doc))).toBe(false)
    setStatus(doc, 'completed', receiver)
    expect(loopClosed(readReferral(doc))).toBe(true)

    const failed = referral(['requested', 'accepted', 'failed'])
    expect(loopClosed(readReferral(failed))).toBe(false)
    recordOutcome(failed, { code: 'not-achieved' }, receiver)
    expect(loopClosed(readReferral(failed))).toBe(true)

    const cancelled = referral(['requested', 'accepted', 'cancelled'])
    recordOutcome(cancelled, { code: 'referred-on' }, receiver)
    expect(loopClosed(readReferral(cancelled))).toBe(false)
  })

  it('RF13/RF15: two outcomes recorded offline are disputed and do not close the loop', () => {
    const a = referral(['requested', 'accepted', 'in-progress', 'completed'])
    const b = new Y.Doc()
    sync(a, b)
    recordOutcome(a, { code: 'achieved' }, receiver)
    recordOutcome(b, { code: 'partially-achieved' }, receiver2)
    sync(a, b)
    const read = readReferral(b)
    expect(read.outcome.state).toBe('disputed')
    expect(read.disputedFields).toEqual(['referral.outcome'])
    expect(loopClosed(read)).toBe(false)
  })
})
