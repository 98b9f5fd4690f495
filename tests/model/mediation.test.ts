import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assertDecision, listDisputes } from '../../src/model/decision.ts'
import { readMeta } from '../../src/model/document.ts'
import { ensureMediation, openMediation } from '../../src/model/mediation.ts'
import { setMediationTerms } from '../../src/model/mediation.ts'
import {
  addMediationLink,
  addMediationParty,
  positionText,
} from '../../src/model/mediation-parties.ts'
import { effectiveUrgency, mediationGrants } from '../../src/model/mediation-read.ts'
import { observeMediation, readMediation } from '../../src/model/mediation-read.ts'
import { moveStage } from '../../src/model/mediation-stage.ts'
import { replicas, sync } from './replicas.ts'
import { ala, anna, at, bozena, codeOf, mediationIn, piotr, sam } from './mediation-fixtures.ts'

describe('opening a mediation log', () => {
  it('MD1: the genesis exists once however many devices created it', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    ensureMediation(a)
    ensureMediation(b)
    sync(a, b)
    expect(readMeta(b)).toEqual({ kind: 'mediation', schemaVersion: 1 })
    expect(codeOf(() => ensureMediation(new Y.Doc()))).toBe('none')
    const referral = new Y.Doc()
    referral.getMap('meta').set('kind', 'referral')
    referral.getMap('meta').set('schemaVersion', 1)
    expect(codeOf(() => ensureMediation(referral))).toBe('kind-mismatch')
  })

  it('MD2: the log holds parties, mediator, links, category, urgency and starts at stage 1', () => {
    const doc = new Y.Doc()
    mediationIn(doc, { urgency: 'urgent' })
    const m = readMediation(doc, at(60))
    expect(m).toMatchObject({
      id: 'med-1',
      openedBy: anna,
      mediator: sam,
      links: [{ documentId: 'ref-1', kind: 'referral' }],
      category: { state: 'settled', value: 'roles-and-responsibilities' },
      urgency: { state: 'settled', value: 'urgent' },
      stage: 1,
      stageEnteredAt: at().toISOString(),
      closed: false,
      timeLeft: { deadline: '2025-03-06T10:00:00.000Z', msLeft: 23 * 3_600_000, breached: false },
    })
    expect(m.parties.map((p) => [p.agencyId, p.memberId, p.position])).toEqual([
      ['mops', 'anna', ''],
      ['police', 'piotr', ''],
    ])
    expect(codeOf(() => mediationIn(doc))).toBe('duplicate-id')
  })

  it('MD2: parties are two or more distinct agencies; values are checked', () => {
    const one = [{ agencyId: 'mops' }]
    const twice = [{ agencyId: 'mops' }, { agencyId: 'mops', memberId: 'ala' }]
    expect(codeOf(() => mediationIn(new Y.Doc(), { parties: one }))).toBe('invalid-party')
    expect(codeOf(() => mediationIn(new Y.Doc(), { parties: twice }))).toBe('invalid-party')
    const bad = { category: 'gossip' } as never
    expect(codeOf(() => mediationIn(new Y.Doc(), bad))).toBe('invalid-category')
    expect(codeOf(() => mediationIn(new Y.Doc(), { urgency: 'asap' as never }))).toBe(
      'invalid-urgency',
    )
    const link = { documentId: 'x', kind: 'letter' as never }
    expect(codeOf(() => mediationIn(new Y.Doc(), { links: [link] }))).toBe('invalid-kind')
    expect(codeOf(() => readMediation(new Y.Doc()))).toBe('not-found')
  })

  it('MD2: a disputed field opens a mediation linked to it, its candidates agencies as parties', () => {
    const plan = new Y.Doc()
    assertDecision(plan, 'plan.action.a1.dueBy', '2025-04-01', anna)
    const [a, b] = [plan, new Y.Doc()]
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    assertDecision(a, 'plan.action.a1.dueBy', '2025-04-10', ala)
    assertDecision(b, 'plan.action.a1.dueBy', '2025-04-20', piotr)
    sync(a, b)
    const [dispute] = listDisputes(a)
    const doc = new Y.Doc()
    const from = { dispute: dispute!, sourceDocumentId: 'plan-1', sourceKind: 'action' as const }
    const terms = { mediator: sam, category: 'service-provision' as const }
    openMediation(doc, { ...from, ...terms, id: 'm2' }, sam, { now: at() })
    const m = readMediation(doc)
    expect(m.links).toEqual([
      { documentId: 'plan-1', kind: 'action', field: 'plan.action.a1.dueBy' },
    ])
    expect(m.parties.map((p) => [p.agencyId, p.memberId])).toEqual([
      ['mops', 'ala'],
      ['police', 'piotr'],
    ])
    const inside = {
      field: 'x',
      candidates: dispute!.candidates.filter((c) => c.agencyId === 'mops'),
    }
    expect(
      codeOf(() => openMediation(new Y.Doc(), { ...from, ...terms, dispute: inside }, sam)),
    ).toBe('invalid-party')
  })

  it('MD2: only the mediator adds parties (one per agency) and links', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    expect(codeOf(() => addMediationParty(doc, { agencyId: 'ngo' }, anna))).toBe('not-mediator')
    expect(codeOf(() => addMediationParty(doc, { agencyId: 'police' }, sam))).toBe('invalid-party')
    const ngo = addMediationParty(doc, { agencyId: 'ngo' }, sam, { now: at(5) })
    addMediationLink(doc, { documentId: 'plan-1', kind: 'plan' }, sam)
    addMediationLink(doc, { documentId: 'plan-1', kind: 'plan' }, sam)
    expect(codeOf(() => addMediationLink(doc, { documentId: 'p', kind: 'plan' }, piotr))).toBe(
      'not-mediator',
    )
    const m = readMediation(doc)
    expect(m.parties.map((p) => p.agencyId)).toEqual(['mops', 'police', 'ngo'])
    expect(m.parties[2]).toMatchObject({ id: ngo.id, addedBy: 'sam', position: '' })
    expect(m.links).toHaveLength(2)
  })

  it('MD7: only the mediator changes category and urgency', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    expect(codeOf(() => setMediationTerms(doc, { urgency: 'urgent' }, anna))).toBe('not-mediator')
    setMediationTerms(doc, { urgency: 'urgent', category: 'assessment' }, sam)
    expect(readMediation(doc)).toMatchObject({
      effectiveUrgency: 'urgent',
      category: { state: 'settled', value: 'assessment' },
    })
  })

  it('MD7: a disputed urgency counts as urgent until it is settled', () => {
    const by = { assertionId: 'x', memberId: 'sam', agencyId: 'mops', at: at().toISOString() }
    const disputed = {
      state: 'disputed' as const,
      candidates: [
        { ...by, value: 'normal' as const },
        { ...by, value: 'urgent' as const },
      ],
    }
    expect(effectiveUrgency(disputed)).toBe('urgent')
    expect(effectiveUrgency({ state: 'settled', value: 'normal', by })).toBe('normal')
    expect(effectiveUrgency({ state: 'empty' })).toBe('normal')
  })

  it('MD13: grants for exactly the parties agencies and the mediator as a member', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    expect(mediationGrants(readMediation(doc))).toEqual([
      { documentId: 'med-1', subjectKind: 'agency', subjectId: 'mops', level: 'write' },
      { documentId: 'med-1', subjectKind: 'agency', subjectId: 'police', level: 'write' },
      { documentId: 'med-1', subjectKind: 'member', subjectId: 'sam', level: 'write' },
    ])
  })
})

describe('positions in the parties own words', () => {
  const partyOf = (doc: Y.Doc, agencyId: string) =>
    readMediation(doc).parties.find((p) => p.agencyId === agencyId)!.id

  it('MD3: only that party writes its position; others and the mediator are refused', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    const police = partyOf(doc, 'police')
    positionText(doc, police, piotr).write('The referral came without a risk assessment.')
    expect(codeOf(() => positionText(doc, police, anna).write('No.'))).toBe('not-your-position')
    expect(codeOf(() => positionText(doc, police, bozena).write('No.'))).toBe('not-your-position')
    const mops = partyOf(doc, 'mops')
    expect(codeOf(() => positionText(doc, mops, sam).write('Neutral?'))).toBe('not-your-position')
    positionText(doc, mops, ala).write('We sent what we had.')
    expect(positionText(doc, police, anna).read()).toBe(
      'The referral came without a risk assessment.',
    )
    expect(readMediation(doc).parties.map((p) => p.position)).toEqual([
      'We sent what we had.',
      'The referral came without a risk assessment.',
    ])
    expect(codeOf(() => positionText(doc, 'nobody', anna))).toBe('not-found')
  })

  it('MD3: two members of a party editing offline keep both their words', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    const mops = partyOf(a, 'mops')
    positionText(a, mops, anna).write('We asked twice.')
    sync(a, b)
    positionText(a, mops, anna).write('We asked twice. By phone.')
    positionText(b, mops, ala).write('Honestly, we asked twice.')
    sync(a, b)
    for (const doc of [a, b]) {
      expect(positionText(doc, mops, anna).read()).toBe('Honestly, we asked twice. By phone.')
    }
  })

  it('MD3: parties added on two devices at once both keep their positions', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    mediationIn(a)
    sync(a, b)
    const ngo = addMediationParty(a, { agencyId: 'ngo' }, sam)
    const school = addMediationParty(b, { agencyId: 'school' }, sam)
    positionText(a, ngo.id, bozena).write('We can start next week.')
    positionText(b, school.id, { memberId: 'sz', agencyId: 'school' }).write('Not before June.')
    sync(a, b)
    for (const doc of [a, b]) {
      expect(readMediation(doc).parties.map((p) => p.position)).toEqual(
        expect.arrayContaining(['We can start next week.', 'Not before June.']),
      )
    }
  })

  it('MD14: observeMediation calls back on position edits and records until unsubscribed', () => {
    const doc = new Y.Doc()
    mediationIn(doc)
    let calls = 0
    const stop = observeMediation(doc, () => calls++)
    positionText(doc, partyOf(doc, 'police'), piotr).write('Hello')
    moveStage(doc, { to: 2, reason: 'No answer in five days' }, piotr)
    expect(calls).toBe(2)
    stop()
    positionText(doc, partyOf(doc, 'police'), piotr).write('Hello again')
    expect(calls).toBe(2)
  })
})
