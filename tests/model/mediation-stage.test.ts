import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordDecision, recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import {
  addMediationAction,
  addLearningPoint,
  addProposal,
} from '../../src/model/mediation-records.ts'
import { recordSession } from '../../src/model/mediation-records.ts'
import { moveStage } from '../../src/model/mediation-stage.ts'
import { replicas, sync } from './replicas.ts'
import { anna, at, bozena, codeOf, mediationIn, piotr, sam } from './mediation-fixtures.ts'

describe('mediation stages', () => {
  it('MD5: moving up records who and why; the deadline counts from the new stage', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    const day = 24 * 60
    const move = moveStage(doc, { to: 2, reason: 'No agreement at stage 1' }, piotr, {
      now: at(8 * day),
    })
    const m = readMediation(doc, at(8 * day))
    expect(m.stage).toBe(2)
    expect(m.stageEnteredAt).toBe('2025-03-13T10:00:00.000Z')
    expect(m.stageMoves).toEqual([move])
    expect(move).toMatchObject({ from: 1, to: 2, reason: 'No agreement at stage 1', ...piotr })
    // Thursday 13 March: Fri, Mon, Tue, Wed, Thu 20 March.
    expect(m.timeLeft?.deadline).toBe('2025-03-21T00:00:00.000Z')
    moveStage(doc, { to: 4, reason: 'Formal stage skipped by agreement' }, sam, {
      now: at(9 * day),
    })
    expect(readMediation(doc).stage).toBe(4)
  })

  it('MD5: never down or sideways, always with a reason, only by a party or the mediator', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    moveStage(doc, { to: 3, reason: 'Formal' }, anna)
    expect(codeOf(() => moveStage(doc, { to: 2, reason: 'Back' }, anna))).toBe('invalid-transition')
    expect(codeOf(() => moveStage(doc, { to: 3, reason: 'Again' }, anna))).toBe(
      'invalid-transition',
    )
    expect(codeOf(() => moveStage(doc, { to: 4, reason: '  ' }, anna))).toBe('reason-required')
    expect(codeOf(() => moveStage(doc, { to: 4, reason: 'Me too' }, bozena))).toBe('not-a-party')
    expect(codeOf(() => moveStage(doc, { to: 5 as never, reason: 'x' }, anna))).toBe(
      'invalid-stage',
    )
  })

  it('MD5: escalations made offline at once merge into the higher stage on every replica', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    moveStage(a, { to: 2, reason: 'Managers' }, anna, { now: at(60) })
    moveStage(b, { to: 3, reason: 'Formal' }, piotr, { now: at(90) })
    sync(a, b)
    for (const doc of [a, b]) {
      const m = readMediation(doc)
      expect(m.stage).toBe(3)
      expect(m.stageEnteredAt).toBe(at(90).toISOString())
      expect(m.stageMoves.map((s) => s.to)).toEqual([2, 3])
    }
  })

  it('MD5: the same stage entered on two devices counts from the earlier entry', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    moveStage(a, { to: 2, reason: 'Managers' }, anna, { now: at(60) })
    moveStage(b, { to: 2, reason: 'Our managers too' }, piotr, { now: at(30) })
    sync(b, a)
    for (const doc of [a, b]) {
      expect(readMediation(doc)).toMatchObject({ stage: 2, stageEnteredAt: at(30).toISOString() })
    }
  })

  it('MD8: a log with an outcome takes no more stage moves', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    recordMediationOutcome(doc, 'withdrawn', sam, { now: at(5) })
    expect(codeOf(() => moveStage(doc, { to: 2, reason: 'Late' }, anna))).toBe('mediation-closed')
    const m = readMediation(doc)
    expect(m).toMatchObject({ closed: true, closedAt: at(5).toISOString(), timeLeft: null })
  })
})

describe('sessions, proposals, actions and learning points', () => {
  it('MD4, MD10: the mediator records sessions and actions; parties and mediator propose and learn', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    const attendees = [{ agencyId: 'mops', memberId: 'anna' }, { agencyId: 'police' }]
    const session = { date: '2025-03-07', attendees, notes: 'Met at the centre.' }
    expect(codeOf(() => recordSession(doc, session, anna))).toBe('not-mediator')
    recordSession(doc, session, sam, { now: at(1) })
    addProposal(doc, 'Joint home visit on Monday', piotr, { now: at(2) })
    addProposal(doc, 'Share the school report first', sam, { now: at(3) })
    expect(codeOf(() => addProposal(doc, 'Me too', bozena))).toBe('not-a-party')
    const action = {
      what: 'Send the risk assessment',
      who: { agencyId: 'mops' },
      dueBy: '2025-03-10',
    }
    expect(codeOf(() => addMediationAction(doc, action, piotr))).toBe('not-mediator')
    expect(codeOf(() => addMediationAction(doc, { ...action, dueBy: '10.03' }, sam))).toBe(
      'invalid-date',
    )
    addMediationAction(doc, action, sam, { now: at(4) })
    addLearningPoint(doc, 'Attach the assessment to every referral', anna, { now: at(5) })
    expect(codeOf(() => addLearningPoint(doc, ' ', anna))).toBe('invalid-value')
    const m = readMediation(doc)
    expect(m.sessions).toEqual([
      { id: expect.any(String), ...session, ...sam, at: at(1).toISOString() },
    ])
    expect(m.proposals.map((p) => [p.text, p.agencyId])).toEqual([
      ['Joint home visit on Monday', 'police'],
      ['Share the school report first', 'mops'],
    ])
    expect(m.actions).toMatchObject([{ ...action, memberId: 'sam' }])
    expect(m.learningPoints.map((l) => l.text)).toEqual(['Attach the assessment to every referral'])
  })

  it('MD10: records added on two devices are all kept', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    addProposal(a, 'A', anna, { now: at(1) })
    addProposal(b, 'B', piotr, { now: at(2) })
    recordDecision(a, { rationale: 'Both visit together' }, sam)
    sync(a, b)
    expect(readMediation(b).proposals.map((p) => p.text)).toEqual(['A', 'B'])
  })
})
