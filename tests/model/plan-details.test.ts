import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { approvePlan, requestApproval } from '../../src/model/plan-approval.ts'
import {
  canPlanTransition,
  createPlan,
  resolvePlanDispute,
  setPlanDetails,
  setPlanPeriod,
  setPlanStatus,
} from '../../src/model/plan-details.ts'
import {
  addParticipant,
  removeParticipant,
  updateParticipant,
} from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { PLAN_STATUSES, PLAN_TRANSITIONS } from '../../src/model/plan-vocab.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const colleague = { memberId: 'adam', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const police = { memberId: 'olek', agencyId: 'police' }
const supervisor = { memberId: 'sam', agencyId: 'mops', role: 'supervisor' as const }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))

function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'social-contract-a', languages: ['PL', 'uk'] }, lead, {
    now: at(1),
  })
  addParticipant(doc, { kind: 'family', code: 'F-07', familyRole: 'parent' }, lead, { id: 'mum' })
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'family assistant' },
    lead,
    { id: 'p-ngo' },
  )
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

describe('plan details', () => {
  it('FP2: the creator’s agency leads, the creator is the lead worker, the plan is proposed', () => {
    const plan = readPlan(newPlan(), at(2))
    expect(plan).toMatchObject({
      id: 'plan-1',
      leadAgencyId: 'mops',
      leadWorkerId: 'anna',
      variant: 'social-contract-a',
      languages: ['pl', 'uk'],
      parties: ['mops', 'ngo'],
      status: { state: 'settled', value: { status: 'proposed' } },
    })
    expect(
      code(() => createPlan(newPlan(), { variant: 'family-team-plan', languages: ['pl'] }, lead)),
    ).toBe('duplicate-id')
  })

  it('FP2: a member of an agency that is not a party writes nothing', () => {
    const doc = newPlan()
    expect(code(() => setPlanPeriod(doc, { from: '2026-03-01', to: '2026-08-31' }, police))).toBe(
      'not-a-party',
    )
    // The partner became a party by being a participant.
    setPlanPeriod(doc, { from: '2026-03-01', to: '2026-08-31' }, ngo)
    expect(readPlan(doc).period).toMatchObject({ state: 'settled', value: { to: '2026-08-31' } })
  })

  it('FP3: variant, languages and lead worker are the lead agency’s, and checked', () => {
    const doc = newPlan()
    setPlanDetails(doc, { variant: 'social-contract-b', languages: ['ru', 'ky', 'ru'] }, colleague)
    expect(readPlan(doc)).toMatchObject({ variant: 'social-contract-b', languages: ['ru', 'ky'] })
    expect(code(() => setPlanDetails(doc, { variant: 'contract-c' as never }, lead))).toBe(
      'invalid-variant',
    )
    expect(code(() => setPlanDetails(doc, { languages: [] }, lead))).toBe('invalid-language')
    expect(code(() => setPlanDetails(doc, { languages: ['polish!'] }, lead))).toBe(
      'invalid-language',
    )
    expect(code(() => setPlanDetails(doc, { leadWorkerId: 'bozena' }, ngo))).toBe('wrong-side')
    expect(code(() => setPlanDetails(doc, { representativeId: 'p-ngo' }, lead))).toBe(
      'invalid-participant',
    )
  })

  it('FP4: the status table, with its terminal states', () => {
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        expect(canPlanTransition(from, to)).toBe(PLAN_TRANSITIONS[from].includes(to))
      }
    }
    expect(PLAN_TRANSITIONS.completed).toEqual([])
    expect(PLAN_TRANSITIONS.cancelled).toEqual([])
  })

  it('FP4: a plan becomes active only after approval, by the lead agency, with reasons', () => {
    const doc = newPlan()
    expect(code(() => setPlanStatus(doc, 'active', lead))).toBe('approval-required')
    requestApproval(doc, lead, at(2))
    approvePlan(doc, supervisor, at(3))
    expect(code(() => setPlanStatus(doc, 'active', ngo))).toBe('wrong-side')
    setPlanStatus(doc, 'active', lead, undefined, { now: at(4) })
    expect(code(() => setPlanStatus(doc, 'on-hold', lead))).toBe('reason-required')
    setPlanStatus(doc, 'on-hold', lead, 'Mother in hospital', { now: at(5) })
    expect(code(() => setPlanStatus(doc, 'completed', lead))).toBe('invalid-transition')
    setPlanStatus(doc, 'cancelled', lead, 'Family moved away', { now: at(6) })
    expect(code(() => setPlanStatus(doc, 'active', lead))).toBe('invalid-transition')
    expect(readPlan(doc).status).toMatchObject({
      state: 'settled',
      value: { status: 'cancelled', reason: 'Family moved away' },
    })
  })

  it('FP4, FP7: two lead workers deciding offline dispute the status; only a supervisor settles it', () => {
    const a = newPlan()
    requestApproval(a, lead, at(2))
    approvePlan(a, supervisor, at(3))
    setPlanStatus(a, 'active', lead, undefined, { now: at(4) })
    const b = new Y.Doc()
    sync(a, b)
    setPlanStatus(a, 'completed', lead, undefined, { now: at(5) })
    setPlanStatus(b, 'on-hold', colleague, 'Waiting for the court', { now: at(5) })
    sync(a, b)
    for (const doc of [a, b]) {
      expect(readPlan(doc).disputedFields).toEqual(['plan.status'])
      expect(code(() => setPlanStatus(doc, 'cancelled', lead, 'x'))).toBe('field-disputed')
    }
    const note = { rationale: 'The family still needs support' }
    const value = { status: 'on-hold', reason: 'Waiting for the court' }
    expect(
      code(() =>
        resolvePlanDispute(a, 'plan.status', value, { ...lead, role: 'coordinator' }, note),
      ),
    ).toBe('not-supervisor')
    expect(
      code(() => resolvePlanDispute(a, 'plan.status', { status: 'on-hold' }, supervisor, note)),
    ).toBe('reason-required')
    resolvePlanDispute(a, 'plan.status', value, supervisor, note, { now: at(6) })
    sync(a, b)
    expect(readPlan(b).status).toMatchObject({ state: 'settled', value })
  })

  it('FP5: family members by pseudonymous code; a partner manages only its own professionals', () => {
    const doc = newPlan()
    expect(
      code(() => addParticipant(doc, { kind: 'family', code: 'Anna', familyRole: 'parent' }, lead)),
    ).toBe('invalid-person-code')
    expect(
      code(() =>
        addParticipant(doc, { kind: 'family', code: 'F-9', familyRole: 'aunt' as never }, lead),
      ),
    ).toBe('invalid-participant')
    expect(
      code(() => addParticipant(doc, { kind: 'family', code: 'F-09', familyRole: 'child' }, ngo)),
    ).toBe('wrong-side')
    const own = {
      kind: 'professional' as const,
      agencyId: 'ngo',
      memberId: 'ewa',
      role: 'psychologist',
    }
    addParticipant(doc, own, ngo, { id: 'p-ewa' })
    expect(code(() => addParticipant(doc, { ...own, agencyId: 'school' }, ngo))).toBe('wrong-side')
    expect(code(() => updateParticipant(doc, 'mum', { code: 'F-10' }, ngo))).toBe('wrong-side')
    expect(code(() => addParticipant(doc, own, ngo, { id: 'p-ewa' }))).toBe('duplicate-id')
  })

  it('FP5: removing the representative leaves the family without one', () => {
    const doc = newPlan()
    setPlanDetails(doc, { representativeId: 'mum' }, lead)
    expect(readPlan(doc).representativeId).toBe('mum')
    expect(removeParticipant(doc, 'mum', lead)).toBe(true)
    expect(readPlan(doc).representativeId).toBeNull()
  })

  it('FP6: the period is checked: two real dates, the end not before the start', () => {
    const doc = newPlan()
    expect(code(() => setPlanPeriod(doc, { from: '2026-09-01', to: '2026-03-01' }, lead))).toBe(
      'invalid-period',
    )
    expect(code(() => setPlanPeriod(doc, { from: '2026-02-30', to: '2026-03-01' }, lead))).toBe(
      'invalid-date',
    )
  })
})
