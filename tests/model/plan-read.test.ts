import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { ensurePlan, planTextAs } from '../../src/model/plan.ts'
import {
  addCommitment,
  addContingency,
  removePlanEntry,
  updateContingency,
} from '../../src/model/plan-commitments.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { addMeeting, meetingMinutes } from '../../src/model/plan-meetings.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { hasPlan, observePlan, type PlanChange, readPlan } from '../../src/model/plan-read.ts'
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

describe('plan read model', () => {
  it('FP25: refused before the plan exists; a fresh copy on every read', () => {
    const doc = new Y.Doc()
    ensurePlan(doc)
    expect(hasPlan(doc)).toBe(false)
    expect(code(() => readPlan(doc))).toBe('not-found')
    const plan = newPlan()
    const first = readPlan(plan, at(2))
    first.participants.length = 0
    first.goals[0]!.problemIds.push('x')
    expect(readPlan(plan, at(2)).participants).toHaveLength(3)
    expect(readPlan(plan, at(2)).goals[0]?.problemIds).toEqual([])
    expect(first.readAt).toBe(at(2).toISOString())
  })

  it('FP25: observePlan calls back once per transaction, local or remote, text included, saying which', () => {
    const a = newPlan()
    const b = new Y.Doc()
    sync(a, b)
    const calls: PlanChange[] = []
    const stop = observePlan(b, (change) => calls.push(change))
    planTextAs(b, 'situation.causes', lead).write('Debts')
    addContingency(b, { trigger: 'Dad comes drunk', response: 'Do not open', call: '112' }, lead)
    expect(calls).toEqual([
      { local: true, textOnly: true },
      { local: true, textOnly: false },
    ])
    addMeeting(a, { start: at(9).toISOString(), place: 'MOPS', attendees: [] }, lead, { id: 'm1' })
    meetingMinutes(a, 'm1', lead).write('Started at ten')
    sync(a, b)
    expect(calls).toHaveLength(3)
    expect(calls[2]).toEqual({ local: false, textOnly: false })
    stop()
    planTextAs(b, 'situation.causes', lead).write('Debts and illness')
    expect(calls).toHaveLength(3)
  })
})

describe('obligations and contingency', () => {
  it('FP14: obligations, bottom lines and consequences of the family and of party agencies', () => {
    const doc = newPlan()
    addCommitment(
      doc,
      { side: { kind: 'family' }, type: 'obligation', text: 'Son at school daily' },
      lead,
      { id: 'c1' },
    )
    addCommitment(
      doc,
      {
        side: { kind: 'agency', agencyId: 'ngo' },
        type: 'obligation',
        text: 'Assistant twice a week',
      },
      ngo,
      { id: 'c2' },
    )
    addCommitment(
      doc,
      { side: { kind: 'family' }, type: 'bottom-line', text: 'No violence at home' },
      lead,
      { id: 'c3' },
    )
    addCommitment(
      doc,
      { side: { kind: 'agency', agencyId: 'mops' }, type: 'consequence', text: 'Court informed' },
      lead,
      { id: 'c4' },
    )
    expect(readPlan(doc).commitments.map((c) => [c.id, c.type])).toEqual([
      ['c1', 'obligation'],
      ['c2', 'obligation'],
      ['c3', 'bottom-line'],
      ['c4', 'consequence'],
    ])
    const side = { kind: 'agency' as const, agencyId: 'police' }
    expect(code(() => addCommitment(doc, { side, type: 'obligation', text: 'x' }, lead))).toBe(
      'invalid-participant',
    )
    expect(code(() => addCommitment(doc, { side, type: 'wish' as never, text: 'x' }, police))).toBe(
      'not-a-party',
    )
    expect(removePlanEntry(doc, 'commitments', 'c4', ngo)).toBe(true)
    expect(readPlan(doc).commitments).toHaveLength(3)
  })

  it('FP14: contingency entries say if what, then what, and who to call', () => {
    const doc = newPlan()
    addContingency(
      doc,
      { trigger: 'Mum in hospital', response: 'Gran takes the children', call: 'Family assistant' },
      lead,
      { id: 'k1' },
    )
    updateContingency(doc, 'k1', { call: 'MOPS duty phone' }, ngo)
    expect(readPlan(doc).contingency).toEqual([
      {
        id: 'k1',
        trigger: 'Mum in hospital',
        response: 'Gran takes the children',
        call: 'MOPS duty phone',
      },
    ])
    expect(code(() => addContingency(doc, { trigger: ' ', response: 'x', call: 'y' }, lead))).toBe(
      'invalid-value',
    )
  })
})
