import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { planTextAs } from '../../src/model/plan.ts'
import { addAction, setActionStatus } from '../../src/model/plan-actions.ts'
import {
  acknowledgePlan,
  approvePlan,
  requestApproval,
  returnPlan,
} from '../../src/model/plan-approval.ts'
import { createPlan, resolvePlanDispute, setPlanStatus } from '../../src/model/plan-details.ts'
import { addGoal, setGoalProgress } from '../../src/model/plan-goals.ts'
import { planCanonicalContent, planContentHash } from '../../src/model/plan-content.ts'
import { addMeeting } from '../../src/model/plan-meetings.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const supervisor = { memberId: 'sam', agencyId: 'mops', role: 'supervisor' as const }
const supervisor2 = { memberId: 'sara', agencyId: 'ngo', role: 'supervisor' as const }
const coordinator = { memberId: 'cyryl', agencyId: 'mops', role: 'coordinator' as const }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))
const worker = { kind: 'professional' as const, agencyId: 'mops', memberId: 'anna' }

function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'social-contract-b', languages: ['pl'] }, lead)
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'family assistant' },
    lead,
    { id: 'p-ngo' },
  )
  addGoal(doc, { text: 'Job', indicator: 'A contract signed' }, lead, { id: 'g1' })
  addAction(doc, { goalId: 'g1', what: 'CV workshop', responsible: worker }, lead, { id: 'a1' })
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

const approvalState = (doc: Y.Doc) => {
  const approval = readPlan(doc).approval
  return approval.state === 'settled' ? approval.value.state : approval.state
}

describe('supervisor approval', () => {
  it('FP23: requested → returned with comments → requested → approved', () => {
    const doc = newPlan()
    expect(approvalState(doc)).toBe('empty')
    expect(code(() => approvePlan(doc, supervisor))).toBe('invalid-transition')
    requestApproval(doc, lead, at(2))
    expect(code(() => requestApproval(doc, lead))).toBe('invalid-transition')
    expect(code(() => returnPlan(doc, supervisor, '  '))).toBe('reason-required')
    returnPlan(doc, supervisor, 'Add what the school will do', at(3))
    expect(readPlan(doc).approval).toMatchObject({
      state: 'settled',
      value: { state: 'returned', comments: 'Add what the school will do' },
      by: { memberId: 'sam' },
    })
    expect(code(() => approvePlan(doc, supervisor))).toBe('invalid-transition')
    requestApproval(doc, lead, at(4))
    approvePlan(doc, supervisor, at(5))
    const plan = readPlan(doc)
    expect(plan.approval.approvedCurrent).toBe(true)
    expect(plan.approval.history.map((h) => [h.state, h.memberId])).toEqual([
      ['requested', 'anna'],
      ['returned', 'sam'],
      ['requested', 'anna'],
      ['approved', 'sam'],
    ])
  })

  it('FP23: only a member whose role is supervisor approves or returns; only the lead agency asks', () => {
    const doc = newPlan()
    expect(code(() => requestApproval(doc, ngo))).toBe('wrong-side')
    requestApproval(doc, lead)
    for (const role of ['field-worker', 'coordinator', 'observer'] as const) {
      expect(code(() => approvePlan(doc, { ...lead, role }))).toBe('not-supervisor')
      expect(code(() => returnPlan(doc, { ...lead, role }, 'no'))).toBe('not-supervisor')
    }
    expect(approvalState(doc)).toBe('requested')
  })

  it('FP23: after approval the content changes, the approval is no longer current; ask again', () => {
    const doc = newPlan()
    requestApproval(doc, lead, at(2))
    approvePlan(doc, supervisor, at(3))
    planTextAs(doc, 'goal.professional', ngo).write('Return to work')
    expect(readPlan(doc).approval.approvedCurrent).toBe(false)
    requestApproval(doc, lead, at(4))
    approvePlan(doc, supervisor, at(5))
    expect(readPlan(doc).approval.approvedCurrent).toBe(true)
  })

  it('FP23, FP7: two supervisors deciding offline dispute the approval; a supervisor settles it', () => {
    const a = newPlan()
    requestApproval(a, lead, at(2))
    const b = new Y.Doc()
    sync(a, b)
    approvePlan(a, supervisor, at(3))
    returnPlan(b, supervisor2, 'Not yet', at(3))
    sync(a, b)
    expect(readPlan(b).disputedFields).toEqual(['plan.approval'])
    expect(code(() => requestApproval(b, lead))).toBe('field-disputed')
    expect(code(() => setPlanStatus(b, 'active', lead))).toBe('approval-required')
    const value = { state: 'approved', hash: planContentHash(b) }
    expect(
      code(() => resolvePlanDispute(b, 'plan.approval', value, coordinator, { rationale: 'ok' })),
    ).toBe('not-supervisor')
    resolvePlanDispute(b, 'plan.approval', value, supervisor, { rationale: 'Agreed by phone' })
    setPlanStatus(b, 'active', lead)
    expect(readPlan(b).status).toMatchObject({ state: 'settled', value: { status: 'active' } })
  })
})

describe('content hash and acknowledgements', () => {
  it('FP21: the hash covers what was agreed, not what happened afterwards', () => {
    const doc = newPlan()
    const agreed = planContentHash(doc)
    expect(planContentHash(doc)).toMatch(/^[0-9a-f]{64}$/)
    requestApproval(doc, lead, at(2))
    setActionStatus(doc, 'a1', 'in-progress', ngo)
    setGoalProgress(doc, 'g1', 'improving', ngo)
    addMeeting(doc, { start: at(9).toISOString(), place: 'MOPS', attendees: ['p-ngo'] }, lead)
    acknowledgePlan(doc, 'p-ngo', ngo)
    expect(planContentHash(doc)).toBe(agreed)
    planTextAs(doc, 'situation.causes', lead).write('Long unemployment')
    expect(planContentHash(doc)).not.toBe(agreed)
    expect(JSON.parse(planCanonicalContent(doc)).text['situation.causes']).toBe('Long unemployment')
  })

  it('FP21: replicas holding the same content compute the same hash, whatever the merge order', () => {
    const a = newPlan()
    const b = new Y.Doc()
    sync(a, b)
    planTextAs(a, 'situation.causes', lead).write('Debts')
    addGoal(b, { text: 'Housing', indicator: 'A lease' }, ngo, { id: 'g2', now: at(2) })
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    sync(a, b)
    expect(planContentHash(a)).toBe(planContentHash(b))
    expect(planContentHash(c)).toBe(planContentHash(a))
  })

  it('FP22: an acknowledgement of an earlier version shows as outdated, and a new one as current', () => {
    const doc = newPlan()
    acknowledgePlan(doc, 'p-ngo', ngo, { now: at(2) })
    planTextAs(doc, 'goal.professional', lead).write('Employment within six months')
    const state = () => readPlan(doc).acknowledgements.find((a) => a.participantId === 'p-ngo')
    expect(state()?.state).toBe('outdated')
    acknowledgePlan(doc, 'p-ngo', ngo, { now: at(3) })
    expect(state()).toMatchObject({ state: 'current', latest: { at: at(3).toISOString() } })
  })
})
