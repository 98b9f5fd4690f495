import type * as Y from 'yjs'
import { listAssertions, readDecision } from './decision.ts'
import { ModelError } from './errors.ts'
import { planContentHash } from './plan-content.ts'
import { parseAcknowledgement } from './plan-records.ts'
import { assertFields, insertRecord, planMap, PLAN_MAPS, readParticipants } from './plan-store.ts'
import { readRecords, requireFamilyAuthor, requireHeader, requireLead } from './plan-store.ts'
import { parseApproval } from './plan-values.ts'
import { PLAN_FIELDS } from './plan-vocab.ts'
import type { AcknowledgementRecord, ApprovalValue, Participant } from './plan-vocab.ts'
import type { Attribution } from './referral-vocab.ts'
import { attribution, optionalText } from './referral-store.ts'
import type { Actor, Role } from './types.ts'

// Acknowledgements (each participant's "I have read and agree to this version", bound to the
// content hash, FP22) and the supervisor's approval (FP23), a decision field: requested by the
// lead agency, then approved or returned with comments by a member whose role is supervisor.

/** An actor whose workspace role the caller looked up (roles live in the workspace). */
export interface RoleActor extends Actor {
  role: Role
}

/**
 * FP22: records that a participant acknowledged the current version. A professional
 * acknowledges only as themselves (`wrong-side`); a family member's acknowledgement is recorded
 * by the family's representative or the lead worker (`family-authored`).
 */
export function acknowledgePlan(
  doc: Y.Doc,
  participantId: string,
  actor: Actor,
  opts: { id?: string; now?: Date } = {},
): AcknowledgementRecord {
  requireHeader(doc)
  const participant = readParticipants(doc).find((p) => p.id === participantId)
  if (participant === undefined) {
    throw new ModelError('not-found', `participant ${participantId} not found`)
  }
  if (participant.kind === 'professional' && participant.memberId !== actor.memberId) {
    throw new ModelError('wrong-side', 'a professional acknowledges only as themselves')
  }
  if (participant.kind === 'family') requireFamilyAuthor(doc, actor)
  const hash = planContentHash(doc)
  const amendments = planMap(doc, PLAN_MAPS.amendments).size
  const at = (opts.now ?? new Date()).toISOString()
  return insertRecord<AcknowledgementRecord>(
    doc,
    PLAN_MAPS.acknowledgements,
    (id) => ({
      id,
      participantId,
      hash,
      amendments,
      at,
      recordedBy: actor.memberId,
      recordedByAgency: actor.agencyId,
    }),
    opts.id,
  )
}

export const readAcknowledgements = (doc: Y.Doc): AcknowledgementRecord[] =>
  readRecords(doc, PLAN_MAPS.acknowledgements, parseAcknowledgement)

export interface AcknowledgementState {
  participantId: string
  /** current: the latest acknowledgement is of the content as it is now. */
  state: 'current' | 'outdated' | 'none'
  latest?: AcknowledgementRecord
}

/** FP22: per participant, whether their latest acknowledgement is of the current content. */
export function acknowledgementStates(
  participants: readonly Participant[],
  acknowledgements: readonly AcknowledgementRecord[],
  currentHash: string,
): AcknowledgementState[] {
  return participants.map(({ id }) => {
    const latest = acknowledgements
      .filter((a) => a.participantId === id)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1))[0]
    if (latest === undefined) return { participantId: id, state: 'none' }
    return {
      participantId: id,
      state: latest.hash === currentHash ? 'current' : 'outdated',
      latest,
    }
  })
}

/** FP23: the lead agency asks for approval: first, after a return, or again after approval. */
export function requestApproval(doc: Y.Doc, actor: Actor, now?: Date): ApprovalValue {
  requireLead(doc, actor)
  if (currentApproval(doc)?.state === 'requested') {
    throw new ModelError('invalid-transition', 'approval is already requested')
  }
  return writeApproval(doc, { state: 'requested', hash: planContentHash(doc) }, actor, now)
}

/** FP23: a supervisor approves the plan as it is now (the hash binds the approval to it). */
export function approvePlan(doc: Y.Doc, actor: RoleActor, now?: Date): ApprovalValue {
  requireSupervisorDecision(doc, actor)
  return writeApproval(doc, { state: 'approved', hash: planContentHash(doc) }, actor, now)
}

/** FP23: a supervisor returns the plan with comments (required). */
export function returnPlan(
  doc: Y.Doc,
  actor: RoleActor,
  comments: string,
  now?: Date,
): ApprovalValue {
  requireSupervisorDecision(doc, actor)
  const text = optionalText(comments, 'reason-required', 'comments')
  if (text === undefined) throw new ModelError('reason-required', 'say why the plan is returned')
  const value = { state: 'returned' as const, comments: text, hash: planContentHash(doc) }
  return writeApproval(doc, value, actor, now)
}

export type ApprovalStep = ApprovalValue & Attribution

/** FP23: every approval step, oldest first, with who took it and when. */
export const approvalHistory = (doc: Y.Doc): ApprovalStep[] =>
  listAssertions(doc, PLAN_FIELDS.approval).flatMap((a) => {
    const value = parseApproval(a.value)
    return value === undefined ? [] : [{ ...value, ...attribution(a) }]
  })

function requireSupervisorDecision(doc: Y.Doc, actor: RoleActor): void {
  requireHeader(doc)
  if (actor.role !== 'supervisor') {
    throw new ModelError('not-supervisor', 'only a supervisor approves or returns a plan')
  }
  if (currentApproval(doc)?.state !== 'requested') {
    throw new ModelError('invalid-transition', 'approval has not been requested')
  }
}

/** The settled approval; refused while disputed (a supervisor resolves it, FP7). */
function currentApproval(doc: Y.Doc): ApprovalValue | undefined {
  const state = readDecision(doc, PLAN_FIELDS.approval)
  if (state.state === 'disputed') {
    throw new ModelError('field-disputed', 'the approval is disputed; resolve it first')
  }
  return state.state === 'settled' ? parseApproval(state.value) : undefined
}

function writeApproval(doc: Y.Doc, value: ApprovalValue, actor: Actor, now?: Date) {
  assertFields(doc, [{ field: PLAN_FIELDS.approval, value: { ...value } }], actor, now)
  return value
}
