import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
} from '../../src/model/plan-actions.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { isActionOverdue, myActions } from '../../src/model/plan-overdue.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import type { Plan } from '../../src/model/plan-read.ts'
import { sync } from './replicas.ts'

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

const action = (plan: Plan, id: string) =>
  plan.goals.flatMap((g) => g.actions).find((a) => a.id === id)

describe('overdue actions', () => {
  function withDeadline(deadline?: string): Y.Doc {
    const doc = newPlan()
    addAction(
      doc,
      { goalId: 'school', what: 'x', responsible: worker, ...(deadline && { deadline }) },
      lead,
      {
        id: 'a1',
      },
    )
    return doc
  }

  it('FP24: overdue once the UTC day after the deadline has begun, until done', () => {
    const doc = withDeadline('2026-03-20')
    expect(action(readPlan(doc, at(20, 23)), 'a1')?.overdue).toBe(false)
    expect(action(readPlan(doc, at(21, 0)), 'a1')?.overdue).toBe(true)
    setActionStatus(doc, 'a1', 'in-progress', lead)
    expect(action(readPlan(doc, at(21)), 'a1')?.overdue).toBe(true)
    setActionStatus(doc, 'a1', 'done', lead)
    expect(action(readPlan(doc, at(21)), 'a1')?.overdue).toBe(false)
  })

  it('FP24: an action without a deadline, recorded as not done, or in an ended plan is not overdue', () => {
    expect(action(readPlan(withDeadline(), at(30)), 'a1')?.overdue).toBe(false)
    const doc = withDeadline('2026-03-20')
    setActionStatus(doc, 'a1', 'not-done', lead, 'Family moved')
    expect(action(readPlan(doc, at(30)), 'a1')?.overdue).toBe(false)
    const view = action(readPlan(withDeadline('2026-03-20')), 'a1')
    if (view === undefined) throw new Error('no action')
    const cancelled = {
      state: 'settled' as const,
      value: { status: 'cancelled' as const, reason: 'x' },
      by: { assertionId: 'x', memberId: 'anna', agencyId: 'mops', at: at(1).toISOString() },
    }
    expect(isActionOverdue(view, at(30))).toBe(true)
    expect(isActionOverdue(view, at(30), cancelled)).toBe(false)
  })

  it('FP24: a disputed deadline counts by its earliest candidate', () => {
    const a = withDeadline('2026-03-20')
    const b = new Y.Doc()
    sync(a, b)
    setActionDeadline(a, 'a1', '2026-03-25', lead, at(2))
    setActionDeadline(b, 'a1', '2026-04-10', ngo, at(2))
    sync(a, b)
    expect(action(readPlan(a, at(25, 23)), 'a1')?.overdue).toBe(false)
    expect(action(readPlan(b, at(26)), 'a1')?.overdue).toBe(true)
  })
})

describe('my actions across plans', () => {
  function twoPlans(): Plan[] {
    const one = newPlan('plan-1')
    addAction(
      one,
      { goalId: 'school', what: 'Call school', responsible: worker, deadline: '2026-03-25' },
      lead,
      { id: 'call' },
    )
    addAction(
      one,
      { goalId: 'school', what: 'Tutoring', responsible: ngoSide, deadline: '2026-03-10' },
      lead,
      { id: 'tutor' },
    )
    addAction(one, { goalId: 'school', what: 'Wake son', responsible: mum }, lead, { id: 'wake' })
    const two = newPlan('plan-2')
    addAction(
      two,
      { goalId: 'school', what: 'Visit', responsible: worker, deadline: '2026-03-15' },
      lead,
      { id: 'visit' },
    )
    addAction(two, { goalId: 'school', what: 'Benefit form', responsible: worker }, lead, {
      id: 'form',
    })
    return [readPlan(one, at(20)), readPlan(two, at(20))]
  }

  it('FP26: a member’s actions across plans by date, undated last, with overdue flags', () => {
    const mine = myActions(twoPlans(), { memberId: 'anna' }, { now: at(20) })
    expect(mine.map((m) => [m.planId, m.action.id, m.deadline ?? null, m.overdue])).toEqual([
      ['plan-2', 'visit', '2026-03-15', true],
      ['plan-1', 'call', '2026-03-25', false],
      ['plan-2', 'form', null, false],
    ])
  })

  it('FP26: a family member with an account sees their actions; an agency sees its own', () => {
    const plans = twoPlans()
    expect(myActions(plans, { memberId: 'mama' }).map((m) => m.action.id)).toEqual(['wake'])
    expect(myActions(plans, { agencyId: 'ngo' }).map((m) => [m.action.id, m.who])).toEqual([
      ['tutor', 'ngo/'],
    ])
    const byWho = myActions(plans, { agencyId: 'mops' }, { sort: 'who', now: at(20) })
    expect(byWho.map((m) => m.who)).toEqual(['mops/anna', 'mops/anna', 'mops/anna'])
  })

  it('FP26: a disputed responsible party lists the action for every candidate, sorted by who', () => {
    const a = newPlan()
    addAction(
      a,
      { goalId: 'school', what: 'Debt advice', responsible: worker, deadline: '2026-04-01' },
      lead,
      { id: 'debt' },
    )
    addAction(
      a,
      { goalId: 'school', what: 'Wake son', responsible: mum, deadline: '2026-03-01' },
      lead,
      { id: 'wake' },
    )
    const b = new Y.Doc()
    sync(a, b)
    setActionResponsible(a, 'debt', ngoSide, lead, at(2))
    setActionResponsible(b, 'debt', mum, ngo, at(2))
    sync(a, b)
    const plan = readPlan(b, at(3))
    expect(myActions([plan], { agencyId: 'ngo' })).toMatchObject([
      { action: { id: 'debt' }, disputed: true, who: 'family/F-07 | ngo/' },
    ])
    const family = myActions([plan], { memberId: 'mama' }, { sort: 'who', now: at(3) })
    expect(family.map((m) => [m.action.id, m.who, m.overdue])).toEqual([
      ['wake', 'family/F-07', true],
      ['debt', 'family/F-07 | ngo/', false],
    ])
  })
})
