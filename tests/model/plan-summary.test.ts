import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { IndexEntry } from '../../src/model/doc-index.ts'
import {
  addAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
} from '../../src/model/plan-actions.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { myActions } from '../../src/model/plan-overdue.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import {
  myActionsFromSummaries,
  parsePlanDigest,
  planDigest,
  planSummary,
} from '../../src/model/plan-summary.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))
const worker = { kind: 'professional' as const, agencyId: 'mops', memberId: 'anna' }

function plan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'p1', variant: 'family-team-plan', languages: ['ru'] }, lead, {
    now: at(1),
  })
  addParticipant(doc, { kind: 'family', code: 'F-07', familyRole: 'parent' }, lead, { id: 'mum' })
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'assistant' },
    lead,
  )
  addGoal(doc, { text: 'Son attends school', indicator: 'Attendance' }, lead, { id: 'g1' })
  addAction(
    doc,
    { goalId: 'g1', what: 'Talk to the teacher', responsible: worker, deadline: '2026-03-05' },
    lead,
    { id: 'a1', now: at(1) },
  )
  addAction(
    doc,
    {
      goalId: 'g1',
      what: 'Mother attends therapy',
      responsible: { kind: 'family', participantId: 'mum' },
    },
    lead,
    { id: 'a2', now: at(1) },
  )
  return doc
}

const entry = (id: string): IndexEntry => ({
  id,
  kind: 'plan',
  title: 'Rodzina F-07',
  ownerAgencyId: 'mops',
  createdBy: 'anna',
  createdAt: at(1).toISOString(),
  sharedWith: [],
  needsActionBy: [],
})

describe('plan summaries in the workspace', () => {
  it('FP28: the summary holds no text of the plan and no family participant', () => {
    const doc = plan()
    const summary = JSON.stringify(planSummary(readPlan(doc, at(2))))
    for (const secret of [
      'Talk to the teacher',
      'Mother attends therapy',
      'school',
      'F-07',
      'mum',
    ]) {
      expect(summary).not.toContain(secret)
    }
    expect(parsePlanDigest(planSummary(readPlan(doc, at(2))))).toEqual(
      planDigest(readPlan(doc, at(2))),
    )
  })

  it('FP28: my actions from summaries agree with FP26 over the read plan, overdue decided by the reader', () => {
    const doc = plan()
    const read = readPlan(doc, at(2))
    const summaries = new Map([['p1', planSummary(read)]])
    const rows = myActionsFromSummaries(
      [entry('p1')],
      summaries,
      { memberId: 'anna' },
      { now: at(10) },
    )
    expect(rows.map((r) => [r.action.id, r.deadline, r.overdue])).toEqual([
      ['a1', '2026-03-05', true],
    ])
    expect(rows[0]?.entry.title).toBe('Rodzina F-07')
    const direct = myActions([read], { memberId: 'anna' }, { now: at(10) })
    expect(direct.map((r) => [r.action.id, r.overdue])).toEqual([['a1', true]])
    // The same summary, read before the deadline passed: not overdue.
    expect(
      myActionsFromSummaries([entry('p1')], summaries, { agencyId: 'mops' }, { now: at(3) })[0]
        ?.overdue,
    ).toBe(false)
  })

  it('FP28: a done action is not overdue; a disputed deadline and responsible party count for every candidate', () => {
    const a = plan()
    const b = new Y.Doc()
    sync(a, b)
    setActionStatus(a, 'a1', 'done', lead, undefined, at(2))
    setActionDeadline(a, 'a2', '2026-03-04', lead, at(2))
    setActionDeadline(b, 'a2', '2026-03-08', ngo, at(2))
    setActionResponsible(
      b,
      'a2',
      { kind: 'professional', agencyId: 'ngo', memberId: 'bozena' },
      ngo,
      at(2),
    )
    setActionResponsible(a, 'a2', worker, lead, at(2))
    sync(a, b)
    const summaries = new Map([['p1', planSummary(readPlan(b, at(3)))]])
    const mine = myActionsFromSummaries(
      [entry('p1')],
      summaries,
      { memberId: 'bozena' },
      { now: at(6) },
    )
    expect(mine.map((r) => [r.action.id, r.deadline, r.overdue, r.disputed])).toEqual([
      ['a2', '2026-03-04', true, true],
    ])
    const mops = myActionsFromSummaries(
      [entry('p1')],
      summaries,
      { agencyId: 'mops' },
      { now: at(6) },
    )
    expect(mops.map((r) => [r.action.id, r.overdue])).toEqual([
      ['a2', true],
      ['a1', false],
    ])
  })

  it('FP28: a summary of another kind or version is not read', () => {
    expect(parsePlanDigest({ kind: 'referral', v: 1 })).toBeUndefined()
    expect(
      parsePlanDigest({ kind: 'plan', v: 99, leadAgencyId: 'x', parties: [], actions: [] }),
    ).toBeUndefined()
    expect(myActionsFromSummaries([entry('p1')], new Map(), { agencyId: 'mops' })).toEqual([])
  })
})
