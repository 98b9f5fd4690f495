import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assertDecision, listDisputes, readDecision } from '../../src/model/decision.ts'
import { openMediation } from '../../src/model/mediation.ts'
import { applyDecision, applyRecordedDecision } from '../../src/model/mediation-decision.ts'
import { decisionApplied, recordDecision } from '../../src/model/mediation-decision.ts'
import { recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import { createReferral } from '../../src/model/referral.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { permutations, replicas, sync } from './replicas.ts'
import { ala, anna, at, bozena, codeOf, mediationIn, piotr, sam } from './mediation-fixtures.ts'

const FIELD = 'plan.action.a1.dueBy'

describe('the decision', () => {
  it('MD9: only the mediator records the decision, always with a rationale', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    const decision = { value: '2025-04-15', rationale: 'Both dates were possible' }
    expect(codeOf(() => recordDecision(doc, decision, anna))).toBe('not-mediator')
    expect(codeOf(() => recordDecision(doc, decision, ala))).toBe('not-mediator')
    expect(codeOf(() => recordDecision(doc, decision, piotr))).toBe('not-mediator')
    expect(codeOf(() => recordDecision(doc, { ...decision, rationale: ' ' }, sam))).toBe(
      'rationale-required',
    )
    recordDecision(doc, decision, sam, { now: at(5) })
    expect(readMediation(doc).decision).toMatchObject({ state: 'settled', value: decision })
    expect(recordDecision(doc, decision, sam)).toBeUndefined()
  })

  it('MD9: decisions the mediator recorded on two devices are settled by recording again', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    recordDecision(a, { value: 1, rationale: 'one' }, sam)
    recordDecision(b, { value: 2, rationale: 'two' }, sam)
    sync(a, b)
    expect(readMediation(a).disputedFields).toEqual(['mediation.decision'])
    recordDecision(a, { value: 2, rationale: 'two, after all' }, sam)
    sync(a, b)
    expect(readMediation(b).decision).toMatchObject({ state: 'settled', value: { value: 2 } })
  })

  it('MD11: only the mediator records the outcome; resolved needs a decision', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    expect(codeOf(() => recordMediationOutcome(doc, 'resolved', sam))).toBe('decision-required')
    expect(codeOf(() => recordMediationOutcome(doc, 'withdrawn', piotr))).toBe('not-mediator')
    expect(codeOf(() => recordMediationOutcome(doc, 'settled' as never, sam))).toBe(
      'invalid-outcome',
    )
    recordDecision(doc, { rationale: 'Joint visit' }, sam)
    recordMediationOutcome(doc, 'resolved', sam, { now: at(9) })
    expect(readMediation(doc)).toMatchObject({
      outcome: { state: 'settled', value: { outcome: 'resolved' } },
      closed: true,
      closedAt: at(9).toISOString(),
    })
  })
})

describe('from disagreement to decision across replicas', () => {
  it('MD12: the decision settles the disputed field on every replica, with rationale and mediation id', () => {
    // Two agencies' devices and the supervisor's, each with the plan and (later) the mediation.
    const [mopsPlan, policePlan, supPlan] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    assertDecision(mopsPlan, FIELD, '2025-04-01', anna, { now: at(0) })
    sync(mopsPlan, policePlan)
    sync(mopsPlan, supPlan)
    // Offline, each agency moves the action's deadline its own way.
    assertDecision(mopsPlan, FIELD, '2025-04-10', anna, { now: at(10) })
    assertDecision(policePlan, FIELD, '2025-04-30', piotr, { now: at(20) })
    sync(mopsPlan, policePlan)
    for (const doc of [mopsPlan, policePlan]) {
      expect(readDecision(doc, FIELD).state).toBe('disputed')
    }
    // The supervisor sees the dispute after syncing with one party only, and mediates.
    sync(supPlan, policePlan)
    const [dispute] = listDisputes(supPlan)
    expect(dispute?.candidates.map((c) => c.agencyId)).toEqual(['mops', 'police'])
    const [mopsLog, policeLog, supLog] = replicas(3) as [Y.Doc, Y.Doc, Y.Doc]
    const id = openMediation(
      supLog,
      {
        id: 'med-7',
        dispute: dispute!,
        sourceDocumentId: 'plan-1',
        sourceKind: 'action',
        mediator: sam,
        category: 'service-provision',
      },
      sam,
      { now: at(30) },
    )
    const rationale = 'The school term ends on the 15th; both agencies can meet it'
    recordDecision(supLog, { value: '2025-04-15', rationale }, sam, { now: at(40) })
    expect(codeOf(() => applyRecordedDecision(supLog, supPlan, 'plan-1', piotr))).toBe(
      'not-mediator',
    )
    const resolution = applyRecordedDecision(supLog, supPlan, 'plan-1', sam, { now: at(41) })
    expect(resolution.note).toEqual({ rationale, mediationId: 'med-7' })
    expect(resolution.seen).toHaveLength(2)
    // Every device syncs with the supervisor's, in any order.
    for (const order of permutations([0, 1])) {
      const plans = [mopsPlan, policePlan].map((d) => {
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(d))
        return copy
      })
      for (const i of order) sync(supPlan, plans[i]!)
      for (const doc of [...plans, supPlan]) {
        const state = readDecision(doc, FIELD)
        expect(state).toMatchObject({ state: 'settled', value: '2025-04-15' })
        expect(state.state === 'settled' && state.by.note).toEqual({ rationale, mediationId: id })
        expect(listDisputes(doc)).toEqual([])
        expect(decisionApplied(doc, FIELD, id)).toBe(true)
      }
    }
    for (const log of [mopsLog, policeLog]) sync(supLog, log)
    for (const log of [mopsLog, policeLog, supLog]) {
      expect(readMediation(log).decision).toMatchObject({
        state: 'settled',
        value: { value: '2025-04-15', rationale },
      })
    }
  })

  it('MD12: a field that is not disputed is not resolved; the low-level call needs the ids', () => {
    const plan = new Y.Doc()
    assertDecision(plan, FIELD, '2025-04-01', anna)
    const note = { rationale: 'r', mediationId: 'med-1' }
    expect(codeOf(() => applyDecision(plan, FIELD, '2025-05-01', sam, note))).toBe('not-disputed')
    const blank = { rationale: 'r', mediationId: ' ' }
    expect(codeOf(() => applyDecision(plan, FIELD, '2025-05-01', sam, blank))).toBe('invalid-id')
    const noWhy = { ...note, rationale: '' }
    expect(codeOf(() => applyDecision(plan, FIELD, 'x', sam, noWhy))).toBe('rationale-required')
  })

  it('MD12: applying needs a recorded value and a link to a field of that document', () => {
    const log = new Y.Doc()
    mediationIn(log)
    const plan = new Y.Doc()
    expect(codeOf(() => applyRecordedDecision(log, plan, 'ref-1', sam))).toBe('decision-required')
    recordDecision(log, { value: 'x', rationale: 'r' }, sam)
    expect(codeOf(() => applyRecordedDecision(log, plan, 'ref-1', sam))).toBe('invalid-field')
  })

  it('MD12: a referral field gets only a well-formed value for that field (RF5)', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    const person = { kind: 'person' as const, code: 'R-2025-1' }
    createReferral(a, { id: 'r1', receivingAgencyId: 'ngo', person }, anna)
    setStatus(a, 'requested', anna)
    sync(a, b)
    setStatus(a, 'cancelled', anna, 'Family moved')
    setStatus(b, 'accepted', bozena)
    sync(a, b)
    const note = { rationale: 'The family is still here', mediationId: 'med-9' }
    const bad = { status: 'nonsense' }
    expect(codeOf(() => applyDecision(a, 'referral.status', bad, sam, note))).toBe('invalid-status')
    applyDecision(a, 'referral.status', { status: 'accepted' }, sam, note)
    sync(a, b)
    expect(decisionApplied(b, 'referral.status', 'med-9')).toBe(true)
  })
})
