import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { FAMILY_TEXT_FIELDS, planText, planTextAs } from '../../src/model/plan.ts'
import { acknowledgePlan } from '../../src/model/plan-approval.ts'
import { createPlan, setPlanDetails } from '../../src/model/plan-details.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { addProblem } from '../../src/model/plan-problems.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const colleague = { memberId: 'adam', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const police = { memberId: 'olek', agencyId: 'police' }
const mother = { memberId: 'mama', agencyId: 'self-help' }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))

function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'social-contract-a', languages: ['pl'] }, lead)
  addParticipant(
    doc,
    { kind: 'family', code: 'F-07', familyRole: 'parent', memberId: 'mama' },
    lead,
    {
      id: 'mum',
    },
  )
  addParticipant(doc, { kind: 'family', code: 'F-08', familyRole: 'child' }, lead, { id: 'son' })
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'family assistant' },
    lead,
    { id: 'p-ngo' },
  )
  setPlanDetails(doc, { representativeId: 'mum' }, lead)
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

describe('family-authored sections', () => {
  it('FP15: the representative and the lead worker write the family’s own words', () => {
    const doc = newPlan()
    planTextAs(doc, 'goal.family', mother).write('Chcemy żyć spokojnie')
    planTextAs(doc, 'family.view', lead).write('Mama mówi: dajemy radę')
    const plan = readPlan(doc)
    expect(plan.text['goal.family']).toBe('Chcemy żyć spokojnie')
    expect(plan.text['family.view']).toBe('Mama mówi: dajemy radę')
  })

  it('FP15: anyone else is refused, and the text is left as it was', () => {
    const doc = newPlan()
    planTextAs(doc, 'goal.family', mother).write('Razem')
    for (const field of FAMILY_TEXT_FIELDS) {
      for (const other of [ngo, colleague, police, { memberId: 'syn', agencyId: 'self-help' }]) {
        expect(code(() => planTextAs(doc, field, other).write('Nie nasze słowa'))).toBe(
          'family-authored',
        )
      }
    }
    expect(readPlan(doc).text['goal.family']).toBe('Razem')
  })

  it('FP15: without a representative only the lead worker writes, and the new lead worker takes over', () => {
    const doc = newPlan()
    setPlanDetails(doc, { representativeId: null }, lead)
    expect(code(() => planTextAs(doc, 'goal.family', mother).write('x'))).toBe('family-authored')
    setPlanDetails(doc, { leadWorkerId: 'adam' }, lead)
    expect(code(() => planTextAs(doc, 'goal.family', lead).write('x'))).toBe('family-authored')
    planTextAs(doc, 'goal.family', colleague).write('Słowa rodziny')
    expect(readPlan(doc).text['goal.family']).toBe('Słowa rodziny')
  })

  it('FP15: the professional sections are written by the parties, not by the family’s account', () => {
    const doc = newPlan()
    planTextAs(doc, 'goal.professional', ngo).write('Stabilizacja sytuacji mieszkaniowej')
    expect(code(() => planTextAs(doc, 'goal.professional', police).write('x'))).toBe('not-a-party')
    expect(code(() => planTextAs(doc, 'goal.professional', mother).write('x'))).toBe('not-a-party')
  })

  it('FP16: a direct Y.Text edit is not refused (known limitation: the UI must use planTextAs)', () => {
    const doc = newPlan()
    planText(doc, 'goal.family').write('Written around the model')
    const remote = new Y.Doc()
    sync(doc, remote)
    expect(readPlan(remote).text['goal.family']).toBe('Written around the model')
  })

  it('FP22: professionals acknowledge as themselves; the family through its representative or the lead worker', () => {
    const doc = newPlan()
    addProblem(doc, 'Debts', lead, { id: 'debts' })
    expect(code(() => acknowledgePlan(doc, 'p-ngo', lead))).toBe('wrong-side')
    expect(code(() => acknowledgePlan(doc, 'son', ngo))).toBe('family-authored')
    expect(code(() => acknowledgePlan(doc, 'nobody', lead))).toBe('not-found')
    acknowledgePlan(doc, 'p-ngo', ngo, { now: at(2) })
    acknowledgePlan(doc, 'mum', mother, { now: at(2) })
    acknowledgePlan(doc, 'son', lead, { now: at(2) })
    const states = readPlan(doc).acknowledgements
    expect(states.map((s) => [s.participantId, s.state])).toEqual([
      ['mum', 'current'],
      ['p-ngo', 'current'],
      ['son', 'current'],
    ])
    expect(states.find((s) => s.participantId === 'son')?.latest).toMatchObject({
      recordedBy: 'anna',
      recordedByAgency: 'mops',
      amendments: 0,
    })
  })
})
