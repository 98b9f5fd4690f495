import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closureOf } from '../../src/model/closure.ts'
import { createMediation } from '../../src/model/mediation.ts'
import { recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import { createPlan, setPlanStatus } from '../../src/model/plan-details.ts'
import { createReferral } from '../../src/model/referral.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'

// What the relay reads to start a document's retention period (R33).

const anna = { memberId: 'anna', agencyId: 'mops' }
const ewa = { memberId: 'ewa', agencyId: 'fundacja' }
const zofia = { memberId: 'zofia', agencyId: 'zespol' }

const referral = (): Y.Doc => {
  const doc = new Y.Doc()
  createReferral(
    doc,
    { id: 'r1', receivingAgencyId: 'fundacja', person: { kind: 'family', code: 'F-1' } },
    anna,
  )
  setStatus(doc, 'requested', anna)
  return doc
}

describe('closure of a document (RT1–RT3)', () => {
  it('RT1: a referral is closed once declined, completed or cancelled, not while it is worked on', () => {
    const doc = referral()
    expect(closureOf(doc)).toEqual({ kind: 'referral', closed: false })
    setStatus(doc, 'accepted', ewa)
    setStatus(doc, 'in-progress', ewa)
    expect(closureOf(doc)?.closed).toBe(false)
    setStatus(doc, 'completed', ewa)
    expect(closureOf(doc)).toEqual({ kind: 'referral', closed: true })
    const declined = referral()
    setStatus(declined, 'rejected', ewa, 'no capacity')
    expect(closureOf(declined)?.closed).toBe(true)
  })

  it('RT1: a disputed status is not closed', () => {
    const a = referral()
    setStatus(a, 'accepted', ewa)
    setStatus(a, 'in-progress', ewa)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    setStatus(a, 'completed', ewa)
    setStatus(b, 'cancelled', anna, 'moved away')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(closureOf(a)).toEqual({ kind: 'referral', closed: false })
  })

  it('RT2: a plan is closed once cancelled (or completed), not while proposed', () => {
    const doc = new Y.Doc()
    createPlan(doc, { id: 'p1', variant: 'family-team-plan', languages: ['pl'] }, anna)
    // Proposed (and active, which needs the supervisor's approval first) is open.
    expect(closureOf(doc)).toEqual({ kind: 'plan', closed: false })
    setPlanStatus(doc, 'cancelled', anna, 'the family moved away')
    expect(closureOf(doc)).toEqual({ kind: 'plan', closed: true })
  })

  it('RT3: a mediation is closed once its outcome is recorded', () => {
    const doc = new Y.Doc()
    createMediation(
      doc,
      {
        id: 'm1',
        parties: [{ agencyId: 'mops' }, { agencyId: 'fundacja' }],
        mediator: zofia,
        category: 'roles-and-responsibilities',
      },
      anna,
    )
    expect(closureOf(doc)).toEqual({ kind: 'mediation', closed: false })
    recordMediationOutcome(doc, 'withdrawn', zofia)
    expect(closureOf(doc)).toEqual({ kind: 'mediation', closed: true })
  })

  it('a document of no known kind has no closure', () => {
    expect(closureOf(new Y.Doc())).toBeUndefined()
  })
})
