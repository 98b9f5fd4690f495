import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import {
  addAction,
  setActionDeadline,
  setActionStatus,
  updateAction,
} from '../../src/model/plan-actions.ts'
import { createPlan, resolvePlanDispute } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { addMeeting, meetingMinutes } from '../../src/model/plan-meetings.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import type { Plan } from '../../src/model/plan-read.ts'
import { permutations, sync } from './replicas.ts'

// Devices of the lead agency and two partners deciding while offline, then merging in every order.

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const school = { memberId: 'celina', agencyId: 'school' }
const supervisor = { memberId: 'sam', agencyId: 'mops', role: 'supervisor' as const }
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 2, day, 10, minute))

/** A plan with one action due 2026-04-01, on the lead's device and synced copies for partners. */
function devices(count: number): Y.Doc[] {
  const a = new Y.Doc()
  createPlan(a, { id: 'plan-1', variant: 'social-contract-a', languages: ['pl'] }, lead, {
    now: at(1),
  })
  for (const [agencyId, memberId] of [
    ['ngo', 'bozena'],
    ['school', 'celina'],
  ]) {
    addParticipant(a, { kind: 'professional', agencyId, memberId, role: 'partner' } as never, lead)
  }
  addGoal(a, { text: 'Son attends school', indicator: 'Attendance' }, lead, { id: 'g1' })
  const worker = { kind: 'professional' as const, agencyId: 'mops', memberId: 'anna' }
  addAction(
    a,
    { goalId: 'g1', what: 'Tutoring', responsible: worker, deadline: '2026-04-01' },
    lead,
    {
      id: 'a1',
      now: at(1),
    },
  )
  const others = Array.from({ length: count - 1 }, () => new Y.Doc())
  for (const doc of others) sync(a, doc)
  return [a, ...others]
}

const deadlineOf = (plan: Plan) => plan.goals[0]?.actions[0]?.deadline

const code = (write: () => unknown): string | undefined => {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('action decisions across replicas', () => {
  it.each(['ngo-first', 'school-first'] as const)(
    'FP12, D4: two agencies moving one deadline offline is a dispute on both replicas (%s)',
    (order) => {
      const [a, b] = devices(2) as [Y.Doc, Y.Doc]
      setActionDeadline(a, 'a1', '2026-04-15', ngo, at(2, 5))
      setActionDeadline(b, 'a1', '2026-05-01', school, at(2, 6))
      const [first, second] = order === 'ngo-first' ? [a, b] : [b, a]
      Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
      Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
      for (const doc of [a, b]) {
        const plan = readPlan(doc)
        expect(deadlineOf(plan)).toEqual({
          state: 'disputed',
          candidates: [
            expect.objectContaining({
              memberId: 'bozena',
              agencyId: 'ngo',
              at: at(2, 5).toISOString(),
              value: '2026-04-15',
            }),
            expect.objectContaining({
              memberId: 'celina',
              agencyId: 'school',
              at: at(2, 6).toISOString(),
              value: '2026-05-01',
            }),
          ],
        })
        expect(plan.disputedFields).toEqual(['plan.action.a1.deadline'])
        expect(code(() => setActionDeadline(doc, 'a1', '2026-06-01', lead))).toBe('field-disputed')
      }
    },
  )

  it('FP12, D8: three agencies’ deadlines merge to the same dispute in every order', () => {
    const docs = devices(3)
    const who = [lead, ngo, school]
    docs.forEach((doc, i) =>
      setActionDeadline(doc, 'a1', `2026-04-1${i}`, who[i] as never, at(3, i)),
    )
    const states = permutations([0, 1, 2]).map((order) => {
      const merged = new Y.Doc()
      for (const i of order) Y.applyUpdate(merged, Y.encodeStateAsUpdate(docs[i] as Y.Doc))
      return deadlineOf(readPlan(merged))
    })
    expect(states[0]?.state).toBe('disputed')
    if (states[0]?.state === 'disputed') expect(states[0].candidates).toHaveLength(3)
    for (const state of states) expect(state).toEqual(states[0])
  })

  it('FP7: a supervisor’s resolution settles the deadline everywhere, with its rationale', () => {
    const [a, b] = devices(2) as [Y.Doc, Y.Doc]
    setActionDeadline(a, 'a1', '2026-04-15', ngo, at(2))
    setActionDeadline(b, 'a1', '2026-05-01', school, at(2))
    sync(a, b)
    expect(
      code(() =>
        resolvePlanDispute(a, 'plan.action.a1.deadline', 'soon', supervisor, { rationale: 'x' }),
      ),
    ).toBe('invalid-date')
    resolvePlanDispute(
      a,
      'plan.action.a1.deadline',
      '2026-04-20',
      supervisor,
      {
        rationale: 'The tutor starts after Easter',
      },
      { now: at(4) },
    )
    sync(a, b)
    expect(deadlineOf(readPlan(b))).toMatchObject({
      state: 'settled',
      value: '2026-04-20',
      by: { memberId: 'sam' },
    })
    setActionDeadline(b, 'a1', '2026-04-22', school, at(5))
    expect(deadlineOf(readPlan(b))).toMatchObject({ state: 'settled', value: '2026-04-22' })
  })

  it('D5: the same deadline set by two agencies offline settles', () => {
    const [a, b] = devices(2) as [Y.Doc, Y.Doc]
    setActionDeadline(a, 'a1', '2026-04-15', ngo, at(2))
    setActionDeadline(b, 'a1', '2026-04-15', school, at(2))
    sync(a, b)
    expect(deadlineOf(readPlan(a))).toMatchObject({ state: 'settled', value: '2026-04-15' })
  })

  it('FP12: done on one device and not-done on another is a disputed status, still open', () => {
    const [a, b] = devices(2) as [Y.Doc, Y.Doc]
    setActionStatus(a, 'a1', 'done', ngo, undefined, at(2))
    setActionStatus(b, 'a1', 'not-done', school, 'Tutor ill', at(2))
    sync(a, b)
    const view = readPlan(b, new Date(Date.UTC(2026, 3, 5))).goals[0]?.actions[0]
    expect(view?.status.state).toBe('disputed')
    expect(view?.overdue).toBe(false)
  })

  it('W4: an action’s text edited on two devices converges to one whole version', () => {
    const [a, b] = devices(2) as [Y.Doc, Y.Doc]
    updateAction(a, 'a1', { what: 'Maths tutoring' }, ngo)
    updateAction(b, 'a1', { what: 'Tutoring twice a week' }, school)
    sync(a, b)
    expect(readPlan(a).goals[0]?.actions[0]?.what).toBe(readPlan(b).goals[0]?.actions[0]?.what)
  })

  it('FP20: meetings created on two devices offline each keep their own minutes', () => {
    const [a, b] = devices(2) as [Y.Doc, Y.Doc]
    addMeeting(a, { start: at(10).toISOString(), place: 'MOPS', attendees: [] }, lead, { id: 'm1' })
    addMeeting(b, { start: at(11).toISOString(), place: 'School', attendees: [] }, school, {
      id: 'm2',
    })
    meetingMinutes(a, 'm1', lead).write('Agreed on tutoring')
    meetingMinutes(b, 'm2', school).write('Teacher joined')
    sync(a, b)
    for (const doc of [a, b]) {
      expect(readPlan(doc).meetings.map((m) => [m.id, m.minutes])).toEqual([
        ['m1', 'Agreed on tutoring'],
        ['m2', 'Teacher joined'],
      ])
    }
  })
})
