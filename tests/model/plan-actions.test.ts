import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import {
  addAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  updateAction,
} from '../../src/model/plan-actions.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal, setGoalProgress, setGoalTarget } from '../../src/model/plan-goals.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import type { Plan } from '../../src/model/plan-read.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour))
const worker = { kind: 'professional' as const, agencyId: 'mops', memberId: 'anna' }
const ngoSide = { kind: 'professional' as const, agencyId: 'ngo' }
const mum = { kind: 'family' as const, participantId: 'mum' }

/** A plan with one goal; `id` names the plan so that two plans differ. */
function newPlan(id = 'plan-1'): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id, variant: 'social-contract-a', languages: ['pl'] }, lead, { now: at(1) })
  addParticipant(
    doc,
    { kind: 'family', code: 'F-07', familyRole: 'parent', memberId: 'mama' },
    lead,
    {
      id: 'mum',
    },
  )
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'family assistant' },
    lead,
  )
  addGoal(doc, { text: 'Son attends school', indicator: 'Attendance above 90% each month' }, lead, {
    id: 'school',
    now: at(1),
  })
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

const action = (plan: Plan, id: string) =>
  plan.goals.flatMap((g) => g.actions).find((a) => a.id === id)

describe('goals and actions', () => {
  it('FP11: a goal has an indicator, a target date and progress, which starts in-progress', () => {
    const doc = newPlan()
    setGoalTarget(doc, 'school', '2026-06-30', ngo)
    setGoalProgress(doc, 'school', 'improving', ngo)
    expect(readPlan(doc).goals[0]).toMatchObject({
      indicator: 'Attendance above 90% each month',
      targetDate: { state: 'settled', value: '2026-06-30' },
      progress: { state: 'settled', value: 'improving', by: { agencyId: 'ngo' } },
    })
    expect(code(() => setGoalProgress(doc, 'school', 'better' as never, ngo))).toBe(
      'invalid-progress',
    )
    expect(code(() => addGoal(doc, { text: 'x', indicator: ' ' }, lead))).toBe('invalid-value')
  })

  it('FP12: an action starts planned with its responsible party and deadline as decisions', () => {
    const doc = newPlan()
    addAction(
      doc,
      {
        goalId: 'school',
        what: 'Meet the class teacher',
        responsible: mum,
        deadline: '2026-03-20',
        checker: worker,
        referralId: 'ref-1',
      },
      lead,
      { id: 'teacher', now: at(2) },
    )
    expect(action(readPlan(doc), 'teacher')).toMatchObject({
      what: 'Meet the class teacher',
      checker: worker,
      referralId: 'ref-1',
      responsible: { state: 'settled', value: mum },
      deadline: { state: 'settled', value: '2026-03-20' },
      status: { state: 'settled', value: { status: 'planned' } },
    })
    updateAction(doc, 'teacher', { checker: null, referralId: null }, ngo)
    const updated = action(readPlan(doc), 'teacher')
    expect(updated?.checker).toBeUndefined()
    expect(updated?.referralId).toBeUndefined()
  })

  it('FP12: not-done needs a reason; unknown goals and actions are refused', () => {
    const doc = newPlan()
    addAction(doc, { goalId: 'school', what: 'x', responsible: worker }, lead, { id: 'a1' })
    expect(code(() => setActionStatus(doc, 'a1', 'not-done', lead))).toBe('reason-required')
    setActionStatus(doc, 'a1', 'not-done', lead, 'The school was closed')
    expect(
      code(() => addAction(doc, { goalId: 'nope', what: 'x', responsible: worker }, lead)),
    ).toBe('not-found')
    expect(code(() => setActionDeadline(doc, 'nope', '2026-04-01', lead))).toBe('not-found')
    expect(code(() => setActionDeadline(doc, 'a1', '1 April', lead))).toBe('invalid-date')
  })

  it('FP13: the responsible party is a family participant or a party agency', () => {
    const doc = newPlan()
    addAction(doc, { goalId: 'school', what: 'x', responsible: ngoSide }, lead, { id: 'a1' })
    const police = { kind: 'professional' as const, agencyId: 'police' }
    expect(code(() => setActionResponsible(doc, 'a1', police, lead))).toBe('invalid-participant')
    const ghost = { kind: 'family' as const, participantId: 'ghost' }
    expect(code(() => setActionResponsible(doc, 'a1', ghost, lead))).toBe('invalid-participant')
  })

  it('FP12: re-asserting the settled value writes nothing', () => {
    const doc = newPlan()
    addAction(
      doc,
      { goalId: 'school', what: 'x', responsible: worker, deadline: '2026-04-01' },
      lead,
      {
        id: 'a1',
      },
    )
    let updates = 0
    doc.on('update', () => updates++)
    setActionDeadline(doc, 'a1', '2026-04-01', ngo)
    expect(updates).toBe(0)
  })
})
