import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { parseAction, parseGoal } from './plan-records.ts'
import { assertFields, insertRecord, planMap, PLAN_MAPS, planParties } from './plan-store.ts'
import { readParticipants, readRecords, requireParty, requireRecord } from './plan-store.ts'
import { requireActionStatus, requirePartyRef } from './plan-values.ts'
import { actionField } from './plan-vocab.ts'
import type { ActionRecord, ActionStatus, ActionStatusValue, PartyRef } from './plan-vocab.ts'
import { optionalText, requireDate } from './referral-store.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Actions under a specific goal. What, who checks and the linked referral are a record; the
// deadline, the responsible party and the status are decision fields (FP12): two agencies
// changing one action's deadline offline produce a dispute, never a silent overwrite.

export interface NewAction {
  goalId: string
  what: string
  responsible: PartyRef
  /** YYYY-MM-DD */
  deadline?: string
  checker?: PartyRef
  /** Document id of a referral agreement through which the action is carried out. */
  referralId?: string
}

export interface ActionPatch {
  what?: string
  checker?: PartyRef | null
  referralId?: string | null
}

/** FP12: any party adds an action under an existing goal; it starts planned. */
export function addAction(
  doc: Y.Doc,
  draft: NewAction,
  actor: Actor,
  opts: { id?: string; now?: Date } = {},
): ActionRecord {
  requireParty(doc, actor)
  const now = opts.now ?? new Date()
  requireRecord(doc, PLAN_MAPS.goals, parseGoal, draft.goalId)
  const responsible = requireWho(doc, draft.responsible)
  const deadline =
    draft.deadline === undefined ? undefined : requireDate(draft.deadline, 'deadline')
  const fields = cleanAction(doc, draft)
  return doc.transact(() => {
    const action = insertRecord<ActionRecord>(
      doc,
      PLAN_MAPS.actions,
      (id) => ({
        id,
        goalId: draft.goalId,
        ...fields,
        createdAt: now.toISOString(),
        createdBy: actor.memberId,
      }),
      opts.id,
    )
    const changes: { field: string; value: Json }[] = [
      { field: actionField(action.id, 'responsible'), value: { ...responsible } },
      { field: actionField(action.id, 'status'), value: { status: 'planned' } },
    ]
    if (deadline !== undefined) {
      changes.push({ field: actionField(action.id, 'deadline'), value: deadline })
    }
    assertFields(doc, changes, actor, now)
    return action
  })
}

/** What it is, who checks it and the linked referral; null removes the last two. */
export function updateAction(doc: Y.Doc, id: string, patch: ActionPatch, actor: Actor) {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.actions, parseAction, id)
  const { goalId, createdAt, createdBy } = current
  const merged = {
    what: patch.what ?? current.what,
    checker: patch.checker === null ? undefined : (patch.checker ?? current.checker),
    referralId: patch.referralId === null ? undefined : (patch.referralId ?? current.referralId),
  }
  const next: ActionRecord = { id, goalId, createdAt, createdBy, ...cleanAction(doc, merged) }
  planMap(doc, PLAN_MAPS.actions).set(id, next)
  return structuredClone(next)
}

/** FP12: the deadline (null removes it), a decision field. */
export function setActionDeadline(
  doc: Y.Doc,
  id: string,
  deadline: string | null,
  actor: Actor,
  now?: Date,
): void {
  requireAction(doc, id, actor)
  const value = deadline === null ? null : requireDate(deadline, 'deadline')
  assertFields(doc, [{ field: actionField(id, 'deadline'), value }], actor, now)
}

/** FP12: who does it: a family member, the worker or a partner agency, a decision field. */
export function setActionResponsible(
  doc: Y.Doc,
  id: string,
  responsible: PartyRef,
  actor: Actor,
  now?: Date,
): void {
  requireAction(doc, id, actor)
  const value = { ...requireWho(doc, responsible) }
  assertFields(doc, [{ field: actionField(id, 'responsible'), value }], actor, now)
}

/** FP12: planned, in-progress, done or not-done (with the reason), a decision field. */
export function setActionStatus(
  doc: Y.Doc,
  id: string,
  status: ActionStatus,
  actor: Actor,
  reason?: string,
  now?: Date,
): ActionStatusValue {
  requireAction(doc, id, actor)
  const value = requireActionStatus(status, reason)
  assertFields(doc, [{ field: actionField(id, 'status'), value: { ...value } }], actor, now)
  return value
}

export const readActions = (doc: Y.Doc): ActionRecord[] =>
  readRecords(doc, PLAN_MAPS.actions, parseAction)

function requireAction(doc: Y.Doc, id: string, actor: Actor): void {
  requireParty(doc, actor)
  requireRecord(doc, PLAN_MAPS.actions, parseAction, id)
}

/** FP13: a family member who is a participant, or an agency that is a party to the plan. */
function requireWho(doc: Y.Doc, ref: PartyRef): PartyRef {
  const clean = requirePartyRef(ref)
  const ok =
    clean.kind === 'family'
      ? readParticipants(doc).some((p) => p.id === clean.participantId && p.kind === 'family')
      : planParties(doc).includes(clean.agencyId)
  if (!ok) throw new ModelError('invalid-participant', 'name a family participant or a party')
  return clean
}

function cleanAction(
  doc: Y.Doc,
  draft: Omit<ActionPatch, 'checker' | 'referralId'> & {
    checker?: PartyRef | undefined
    referralId?: string | undefined
  },
) {
  const referralId = optionalText(draft.referralId, 'invalid-id', 'referral id')
  return {
    what: requireText(draft.what, 'invalid-value', 'what is to be done'),
    ...(draft.checker !== undefined && { checker: requireWho(doc, draft.checker) }),
    ...(referralId !== undefined && { referralId }),
  }
}
