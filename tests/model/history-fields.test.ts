import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assertDecision } from '../../src/model/decision.ts'
import { contentAt, replayHistory } from '../../src/model/history-diff.ts'
import { historyItems, snapshotItems } from '../../src/model/history-fields.ts'
import type { HistoryItem } from '../../src/model/history-fields.ts'
import { planText } from '../../src/model/plan.ts'
import { addAction, setActionDeadline } from '../../src/model/plan-actions.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { createReferral } from '../../src/model/referral.ts'
import { setLegalBasis } from '../../src/model/referral-consent.ts'
import { setIdentifyingDetails } from '../../src/model/referral-identity.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { textField } from '../../src/model/text-field.ts'
import { sync } from './replicas.ts'

const anna = { memberId: 'anna', agencyId: 'mops' }
const ewa = { memberId: 'ewa', agencyId: 'fundacja' }
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10))

/** A document written in steps, each step's update recorded as the relay would keep it. */
const edited = (...steps: ((doc: Y.Doc) => void)[]) => {
  const doc = new Y.Doc()
  const updates = steps.map((step) => {
    const before = Y.encodeStateVector(doc)
    step(doc)
    return Y.encodeStateAsUpdate(doc, before)
  })
  return { doc, updates }
}

/** Each step's items, named from the latest state as the history screen does. */
const itemsOf = (updates: Uint8Array[]): HistoryItem[][] => {
  const latest = contentAt(null, updates, updates.length)
  return replayHistory(null, updates).map((changes) => historyItems(changes, latest))
}

const newReferral = (doc: Y.Doc) =>
  createReferral(
    doc,
    { id: 'ref-1', receivingAgencyId: 'fundacja', person: { kind: 'family', code: 'R-2026-7' } },
    anna,
    { now: at(1) },
  )

const newPlan = (doc: Y.Doc) => {
  createPlan(doc, { id: 'plan-1', variant: 'family-team-plan', languages: ['pl'] }, anna, {
    now: at(1),
  })
  addGoal(doc, { text: 'Syn chodzi do szkoły', indicator: 'Frekwencja' }, anna, {
    id: 'school',
    now: at(1),
  })
}

describe('history in the document kind’s terms', () => {
  it('H4: a referral’s status change is the status field with its new code and reason, not an assertion', () => {
    const { updates } = edited(
      newReferral,
      (doc) => setStatus(doc, 'requested', anna, undefined, { now: at(2) }),
      (doc) => setStatus(doc, 'rejected', ewa, 'Brak miejsc do czerwca', { now: at(3) }),
    )
    const steps = itemsOf(updates)
    expect(steps[2]).toEqual([
      {
        item: 'decision',
        name: 'referral.status',
        field: 'referral.status',
        change: 'added',
        value: { type: 'code', code: 'rejected', note: 'Brak miejsc do czerwca' },
      },
    ])
    // The referral's own records are named by their list, the opening by the document's kind.
    const created = steps[0]!.filter((i) => i.item === 'record').map((i) => i.name)
    expect(created).toEqual(expect.arrayContaining(['referral.header', 'referral.parties']))
    // Neither an assertion's id nor the document's envelope (its kind and schema) is shown.
    expect(steps.flat().filter((i) => /^(assertions|meta)\./.test(i.field))).toEqual([])
  })

  it('H4: a plan action’s deadline is the deadline field of that action, as a date, and its removal as none', () => {
    const { updates } = edited(
      newPlan,
      (doc) =>
        addAction(
          doc,
          {
            goalId: 'school',
            what: 'Wizyta w poradni',
            responsible: { kind: 'professional', agencyId: 'mops', memberId: 'anna' },
          },
          anna,
          { id: 'visit', now: at(2) },
        ),
      (doc) => setActionDeadline(doc, 'visit', '2026-04-15', anna, at(3)),
      (doc) => setActionDeadline(doc, 'visit', null, anna, at(4)),
    )
    const steps = itemsOf(updates)
    const about = { type: 'text', text: 'Wizyta w poradni' }
    expect(steps[2]).toEqual([
      {
        item: 'decision',
        name: 'plan.action.deadline',
        field: 'plan.action.visit.deadline',
        change: 'added',
        value: { type: 'date', date: '2026-04-15' },
        about,
      },
    ])
    expect(steps[3]).toMatchObject([{ name: 'plan.action.deadline', value: { type: 'none' } }])
    // Adding the action: the record by its words (not its ids), who is responsible by agency and
    // member, and its status by the status list's code.
    const added = steps[1]!
    expect(added).toContainEqual({
      item: 'record',
      name: 'plan.actions',
      field: 'actions.visit',
      change: 'added',
      after: about,
    })
    expect(added).toContainEqual(
      expect.objectContaining({
        name: 'plan.action.responsible',
        value: {
          type: 'list',
          items: [
            { type: 'agency', id: 'mops' },
            { type: 'member', id: 'anna' },
          ],
        },
      }),
    )
    expect(added).toContainEqual(
      expect.objectContaining({
        name: 'plan.action.status',
        value: { type: 'code', code: 'planned' },
      }),
    )
  })

  it('H4: a text change is the text field by its key, with the words changed', () => {
    const { updates } = edited(
      newPlan,
      (doc) => planText(doc, 'goal.family').write('Dzieci w szkole.'),
      (doc) => planText(doc, 'goal.family').write('Dzieci codziennie w szkole.'),
    )
    const steps = itemsOf(updates)
    // The plan's text fields, laid out empty when it was created, are no change to show.
    expect(steps[0]!.filter((i) => i.item === 'text')).toEqual([])
    expect(steps[2]).toEqual([
      {
        item: 'text',
        name: 'goal.family',
        field: 'text.goal.family',
        change: 'changed',
        parts: [
          { op: 'same', text: 'Dzieci ' },
          { op: 'insert', text: 'codziennie ' },
          { op: 'same', text: 'w szkole.' },
        ],
      },
    ])
  })

  it('H3: identifying details say only that they changed, in the timeline and in an earlier version', () => {
    const { updates } = edited(
      newReferral,
      (doc) => setLegalBasis(doc, { basis: 'legal-obligation' }, anna, { now: at(2) }),
      (doc) => setIdentifyingDetails(doc, { name: 'Jan Kowalski' }, anna, { now: at(3) }),
    )
    const steps = itemsOf(updates)
    expect(steps[1]).toMatchObject([
      { name: 'referral.legalBasis', value: { type: 'code', code: 'legal-obligation' } },
    ])
    expect(steps[2]).toEqual([
      { item: 'withheld', name: 'referral.identity', field: 'identity.details', change: 'added' },
    ])
    const snapshot = snapshotItems(contentAt(null, updates, 3))
    expect(snapshot.withheld).toBe(true)
    expect(JSON.stringify(snapshot.items)).not.toContain('Kowalski')
  })

  it('H4: an earlier version shows each decision field’s value then, every candidate while disputed', () => {
    const a = new Y.Doc()
    newReferral(a)
    const b = new Y.Doc()
    sync(a, b)
    assertDecision(a, 'referral.urgency', 'urgent', anna, { now: at(2) })
    assertDecision(b, 'referral.urgency', 'routine', ewa, { now: at(2) })
    assertDecision(a, 'referral.respondBy', '2026-03-20', anna, { now: at(2) })
    sync(a, b)
    textField(a, 'outcome.note').write('Rodzina przyjęła pomoc.')
    textField(a, 'reason').write('Zaległości w szkole.')
    const { items } = snapshotItems(contentAt(Y.encodeStateAsUpdate(a), [], 0))
    const decisions = items.filter((i) => i.item === 'decision')
    expect(decisions).toEqual([
      {
        item: 'decision',
        name: 'referral.respondBy',
        field: 'referral.respondBy',
        values: [{ type: 'date', date: '2026-03-20' }],
        disputed: false,
      },
      {
        item: 'decision',
        name: 'referral.status',
        field: 'referral.status',
        values: [{ type: 'code', code: 'draft' }],
        disputed: false,
      },
      {
        item: 'decision',
        name: 'referral.urgency',
        field: 'referral.urgency',
        values: expect.arrayContaining([
          { type: 'code', code: 'urgent' },
          { type: 'code', code: 'routine' },
        ]),
        disputed: true,
      },
    ])
    // Texts come first, in the order of the referral's screen; one never written is left out.
    expect(items.filter((i) => i.item === 'text').map((i) => i.name)).toEqual([
      'reason',
      'outcome.note',
    ])
    expect(items[0]).toMatchObject({ item: 'text', text: 'Zaległości w szkole.' })
    expect(items.filter((i) => i.field.startsWith('meta.'))).toEqual([])
  })

  it('H4: a value no parser knows reads as its parts, never as nested JSON with ids', () => {
    const { updates } = edited(newPlan, (doc) => {
      doc.getMap('extra').set('x1', {
        id: 'x1',
        note: { text: 'Uwaga od asystenta' },
        on: '2026-05-01',
        memberId: 'anna',
        createdAt: '2026-03-01T10:00:00.000Z',
      })
      assertDecision(doc, 'plan.action.gone.deadline', { when: 'soon' }, anna, { now: at(2) })
    })
    const items = itemsOf(updates)[1]!
    expect(items).toContainEqual({
      item: 'record',
      name: 'extra',
      field: 'extra.x1',
      change: 'added',
      after: {
        type: 'list',
        items: [
          { type: 'text', text: 'Uwaga od asystenta' },
          { type: 'date', date: '2026-05-01' },
          { type: 'member', id: 'anna' },
        ],
      },
    })
    expect(items).toContainEqual({
      item: 'decision',
      name: 'plan.action.deadline',
      field: 'plan.action.gone.deadline',
      change: 'added',
      value: { type: 'text', text: 'soon' },
    })
  })
})
