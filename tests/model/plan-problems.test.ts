import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createPlan, resolvePlanDispute, setPlanDetails } from '../../src/model/plan-details.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import {
  addProblem,
  rankProblems,
  removeProblem,
  selectProblems,
  setFamilyPosition,
} from '../../src/model/plan-problems.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { sync } from './replicas.ts'

const lead = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const mother = { memberId: 'mama', agencyId: 'self-help' }
const supervisor = { memberId: 'sam', agencyId: 'mops', role: 'supervisor' as const }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))

/** A plan with three problems listed a day apart: debts, school, housing. */
function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'family-team-plan', languages: ['pl'] }, lead)
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
  setPlanDetails(doc, { representativeId: 'mum' }, lead)
  addProblem(doc, 'Debts', lead, { id: 'debts', now: at(1) })
  addProblem(doc, 'Son misses school', ngo, { id: 'school', now: at(2) })
  addProblem(doc, 'Damp flat', lead, { id: 'housing', now: at(3) })
  return doc
}

const order = (doc: Y.Doc) =>
  readPlan(doc).problems.map((p) => [p.id, p.rank ?? null, p.selected] as const)

const code = (write: () => unknown): string | undefined => {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('plan problems', () => {
  it('FP8, FP9: unranked problems are listed by creation; a ranking orders them', () => {
    const doc = newPlan()
    expect(order(doc)).toEqual([
      ['debts', null, false],
      ['school', null, false],
      ['housing', null, false],
    ])
    rankProblems(doc, ['school', 'housing'], lead)
    selectProblems(doc, ['school'], ngo)
    expect(order(doc)).toEqual([
      ['school', 1, true],
      ['housing', 2, false],
      ['debts', null, false],
    ])
  })

  it('FP9: ranking and selection name existing problems, each once', () => {
    const doc = newPlan()
    expect(code(() => rankProblems(doc, ['school', 'school'], lead))).toBe('invalid-value')
    expect(code(() => rankProblems(doc, ['nope'], lead))).toBe('not-found')
    expect(code(() => selectProblems(doc, ['debts', 'nope'], lead))).toBe('not-found')
    expect(readPlan(doc).ranking).toEqual({ state: 'empty' })
  })

  it('FP9: a removed problem drops out of the ranking and the selection', () => {
    const doc = newPlan()
    rankProblems(doc, ['housing', 'debts', 'school'], lead)
    selectProblems(doc, ['housing', 'debts'], lead)
    removeProblem(doc, 'housing', lead)
    expect(order(doc)).toEqual([
      ['debts', 1, true],
      ['school', 2, false],
    ])
  })

  it('FP9, D4: two agencies ranking differently offline see a dispute; the same selection settles (D5)', () => {
    const a = newPlan()
    const b = new Y.Doc()
    sync(a, b)
    rankProblems(a, ['debts', 'school'], lead, at(4))
    rankProblems(b, ['school', 'debts'], ngo, at(4))
    selectProblems(a, ['school', 'debts'], lead, at(4))
    selectProblems(b, ['debts', 'school'], ngo, at(4))
    sync(a, b)
    for (const doc of [a, b]) {
      const plan = readPlan(doc)
      expect(plan.disputedFields).toEqual(['plan.problems.ranking'])
      expect(plan.ranking.state).toBe('disputed')
      // A disputed ranking ranks nothing; the settled selection still shows.
      expect(order(doc).map(([id, rank, selected]) => [id, rank, selected])).toEqual([
        ['debts', null, true],
        ['school', null, true],
        ['housing', null, false],
      ])
    }
    resolvePlanDispute(a, 'plan.problems.ranking', ['school', 'debts'], supervisor, {
      rationale: 'School attendance first, agreed at the meeting',
    })
    sync(a, b)
    expect(order(b)[0]).toEqual(['school', 1, true])
  })

  it('FP10: the family disputing a problem stays visible, ranked and selected or not', () => {
    const doc = newPlan()
    rankProblems(doc, ['school', 'debts'], lead)
    selectProblems(doc, ['school'], lead)
    setFamilyPosition(
      doc,
      'school',
      { position: 'disagrees', comment: 'He is ill, not truant' },
      mother,
    )
    setFamilyPosition(doc, 'debts', { position: 'agrees' }, lead)
    const problems = readPlan(doc).problems
    expect(problems.find((p) => p.id === 'school')).toMatchObject({
      rank: 1,
      selected: true,
      disputedByFamily: true,
      familyPosition: {
        state: 'settled',
        value: { position: 'disagrees', comment: 'He is ill, not truant' },
        by: { memberId: 'mama' },
      },
    })
    expect(problems.find((p) => p.id === 'debts')?.disputedByFamily).toBe(false)
    expect(problems.find((p) => p.id === 'housing')?.familyPosition).toEqual({ state: 'empty' })
  })

  it('FP10, FP15: only the family’s representative and the lead worker state the family’s position', () => {
    const doc = newPlan()
    expect(code(() => setFamilyPosition(doc, 'school', { position: 'agrees' }, ngo))).toBe(
      'family-authored',
    )
    expect(
      code(() =>
        setFamilyPosition(doc, 'school', { position: 'agrees' }, { ...lead, memberId: 'adam' }),
      ),
    ).toBe('family-authored')
    expect(code(() => setFamilyPosition(doc, 'nope', { position: 'agrees' }, lead))).toBe(
      'not-found',
    )
  })

  it('FP10: the family and the worker recording different positions offline is a visible dispute', () => {
    const a = newPlan()
    const b = new Y.Doc()
    sync(a, b)
    setFamilyPosition(a, 'debts', { position: 'agrees' }, lead, at(5))
    setFamilyPosition(b, 'debts', { position: 'disagrees' }, mother, at(5))
    sync(a, b)
    for (const doc of [a, b]) {
      const debts = readPlan(doc).problems.find((p) => p.id === 'debts')
      expect(debts?.familyPosition.state).toBe('disputed')
      expect(debts?.disputedByFamily).toBe(true)
    }
  })
})
