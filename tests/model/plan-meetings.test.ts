import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import {
  addMeeting,
  meetingMinutes,
  recordAttendance,
  updateMeeting,
} from '../../src/model/plan-meetings.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { recordAmendment, recordAssessment, scheduleReview } from '../../src/model/plan-reviews.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const police = { memberId: 'olek', agencyId: 'police' }
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour))

function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'family-team-plan', languages: ['pl', 'ru'] }, lead)
  addParticipant(doc, { kind: 'family', code: 'F-07', familyRole: 'parent' }, lead, { id: 'mum' })
  addParticipant(doc, { kind: 'family', code: 'F-09', familyRole: 'grandparent' }, lead, {
    id: 'gran',
  })
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'family assistant' },
    lead,
    { id: 'p-ngo' },
  )
  addGoal(doc, { text: 'Safe home', indicator: 'No police call-outs for 3 months' }, lead, {
    id: 'g1',
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

describe('meetings, reviews and amendments', () => {
  it('FP17: a meeting with attendees, their responses, agenda and minutes', () => {
    const doc = newPlan()
    addMeeting(
      doc,
      {
        start: at(9).toISOString(),
        place: 'MOPS room 12',
        attendees: ['mum', 'gran', 'p-ngo'],
        agenda: ['Goals', 'Actions'],
      },
      lead,
      { id: 'm1', now: at(2) },
    )
    recordAttendance(doc, 'm1', 'mum', 'present', lead, at(9))
    recordAttendance(doc, 'm1', 'gran', 'excused', ngo, at(9))
    recordAttendance(doc, 'm1', 'gran', 'present', lead, at(9, 11))
    meetingMinutes(doc, 'm1', ngo).write('Gran came late.')
    updateMeeting(doc, 'm1', { durationMinutes: 120 }, lead)
    const [meeting] = readPlan(doc).meetings
    expect(meeting).toMatchObject({
      durationMinutes: 120,
      agenda: ['Goals', 'Actions'],
      minutes: 'Gran came late.',
    })
    expect(meeting?.attendance.map((a) => [a.participantId, a.response])).toEqual([
      ['gran', 'present'],
      ['mum', 'present'],
    ])
    expect(code(() => recordAttendance(doc, 'm1', 'ghost', 'present', lead))).toBe('not-found')
    expect(code(() => recordAttendance(doc, 'm1', 'mum', 'late' as never, lead))).toBe(
      'invalid-value',
    )
    expect(code(() => meetingMinutes(doc, 'm1', police).write('x'))).toBe('not-a-party')
    expect(
      code(() => addMeeting(doc, { start: '2026-03-09', place: 'x', attendees: [] }, lead)),
    ).toBe('invalid-date')
  })

  it('FP18: assessments at a review record progress per goal and assert it', () => {
    const doc = newPlan()
    scheduleReview(doc, { date: '2026-05-01', attendees: ['mum', 'p-ngo'] }, lead, { id: 'r1' })
    recordAssessment(
      doc,
      'r1',
      { progress: [{ goalId: 'g1', progress: 'improving', note: 'Calmer' }] },
      ngo,
      { id: 's1', now: at(30) },
    )
    const plan = readPlan(doc)
    expect(plan.reviews[0]).toMatchObject({
      date: '2026-05-01',
      assessments: [
        {
          id: 's1',
          agencyId: 'ngo',
          progress: [{ goalId: 'g1', progress: 'improving', note: 'Calmer' }],
        },
      ],
    })
    expect(plan.goals[0]?.progress).toMatchObject({ state: 'settled', value: 'improving' })
    expect(code(() => recordAssessment(doc, 'r1', { progress: [] }, ngo))).toBe('invalid-progress')
    expect(code(() => scheduleReview(doc, { date: '1 May' }, lead))).toBe('invalid-date')
  })

  it('FP18: an assessment is refused whole while a goal’s progress is disputed', () => {
    const a = newPlan()
    scheduleReview(a, { date: '2026-05-01' }, lead, { id: 'r1' })
    const b = new Y.Doc()
    sync(a, b)
    recordAssessment(a, 'r1', { progress: [{ goalId: 'g1', progress: 'achieved' }] }, lead)
    recordAssessment(b, 'r1', { progress: [{ goalId: 'g1', progress: 'no-change' }] }, ngo)
    sync(a, b)
    expect(readPlan(a).goals[0]?.progress.state).toBe('disputed')
    expect(readPlan(a).reviews[0]?.assessments).toHaveLength(2)
    const again = { progress: [{ goalId: 'g1', progress: 'improving' as const }] }
    expect(code(() => recordAssessment(a, 'r1', again, lead, { id: 's9' }))).toBe('field-disputed')
    expect(readPlan(a).reviews[0]?.assessments).toHaveLength(2)
  })

  it('FP19: an amendment says what, why and who agreed', () => {
    const doc = newPlan()
    recordAmendment(
      doc,
      { what: 'Added a goal on housing', why: 'Eviction notice', agreedBy: ['mum', 'p-ngo'] },
      ngo,
      { now: at(20) },
    )
    expect(readPlan(doc).amendments).toMatchObject([
      {
        what: 'Added a goal on housing',
        why: 'Eviction notice',
        agreedBy: ['mum', 'p-ngo'],
        agencyId: 'ngo',
      },
    ])
    expect(code(() => recordAmendment(doc, { what: 'x', why: ' ', agreedBy: ['mum'] }, lead))).toBe(
      'reason-required',
    )
    expect(code(() => recordAmendment(doc, { what: 'x', why: 'y', agreedBy: [] }, lead))).toBe(
      'invalid-participant',
    )
  })
})
