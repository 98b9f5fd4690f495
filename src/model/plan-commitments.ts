import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { parseCommitment, parseContingency, parseSide } from './plan-records.ts'
import { insertRecord, planMap, PLAN_MAPS, planParties, readRecords } from './plan-store.ts'
import { requireParty, requireRecord } from './plan-store.ts'
import { COMMITMENT_TYPES } from './plan-vocab.ts'
import type { CommitmentRecord, ContingencyRecord, PlanSide } from './plan-vocab.ts'
import type { Actor } from './types.ts'
import { requireOneOf, requireText } from './validate.ts'

// What each side undertakes (the family, the worker's centre = the lead agency, each partner
// agency), the bottom lines that are not negotiable and the consequences, and the contingency
// plan ("if … then … who to call"). Records under their own ids (W4); any party writes them.

export type NewCommitment = Omit<CommitmentRecord, 'id'>
export type NewContingency = Omit<ContingencyRecord, 'id'>

/** FP14: an obligation, bottom line or consequence of the family or of a party agency. */
export function addCommitment(
  doc: Y.Doc,
  draft: NewCommitment,
  actor: Actor,
  opts: { id?: string } = {},
): CommitmentRecord {
  requireParty(doc, actor)
  const clean = cleanCommitment(doc, draft)
  return insertRecord(doc, PLAN_MAPS.commitments, (id) => ({ id, ...clean }), opts.id)
}

export function updateCommitment(
  doc: Y.Doc,
  id: string,
  patch: Partial<NewCommitment>,
  actor: Actor,
): CommitmentRecord {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.commitments, parseCommitment, id)
  const next = { id, ...cleanCommitment(doc, { ...current, ...patch }) }
  planMap(doc, PLAN_MAPS.commitments).set(id, next)
  return structuredClone(next)
}

/** FP14: "if …, then …, call …". */
export function addContingency(
  doc: Y.Doc,
  draft: NewContingency,
  actor: Actor,
  opts: { id?: string } = {},
): ContingencyRecord {
  requireParty(doc, actor)
  const clean = cleanContingency(draft)
  return insertRecord(doc, PLAN_MAPS.contingency, (id) => ({ id, ...clean }), opts.id)
}

export function updateContingency(
  doc: Y.Doc,
  id: string,
  patch: Partial<NewContingency>,
  actor: Actor,
): ContingencyRecord {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.contingency, parseContingency, id)
  const next = { id, ...cleanContingency({ ...current, ...patch }) }
  planMap(doc, PLAN_MAPS.contingency).set(id, next)
  return { ...next }
}

/** Removes a commitment or a contingency entry by id. */
export function removePlanEntry(
  doc: Y.Doc,
  list: 'commitments' | 'contingency',
  id: string,
  actor: Actor,
): boolean {
  requireParty(doc, actor)
  const existed = planMap(doc, PLAN_MAPS[list]).has(id)
  planMap(doc, PLAN_MAPS[list]).delete(id)
  return existed
}

export const readCommitments = (doc: Y.Doc): CommitmentRecord[] =>
  readRecords(doc, PLAN_MAPS.commitments, parseCommitment)

export const readContingency = (doc: Y.Doc): ContingencyRecord[] =>
  readRecords(doc, PLAN_MAPS.contingency, parseContingency)

function cleanCommitment(doc: Y.Doc, draft: NewCommitment): Omit<CommitmentRecord, 'id'> {
  const side: PlanSide | undefined = parseSide(draft.side)
  if (side === undefined || (side.kind === 'agency' && !planParties(doc).includes(side.agencyId))) {
    throw new ModelError('invalid-participant', 'a side is the family or a party agency')
  }
  return {
    side,
    type: requireOneOf(draft.type, COMMITMENT_TYPES, 'invalid-value', 'commitment type'),
    text: requireText(draft.text, 'invalid-value', 'commitment'),
  }
}

function cleanContingency(draft: NewContingency): Omit<ContingencyRecord, 'id'> {
  return {
    trigger: requireText(draft.trigger, 'invalid-value', 'if'),
    response: requireText(draft.response, 'invalid-value', 'then'),
    call: requireText(draft.call, 'invalid-value', 'who to call'),
  }
}
