import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { isIsoDate, optionalText, requireDate } from './referral-store.ts'
import { requirePerson } from './referral-values.ts'
import { ACTION_STATUSES, APPROVAL_STATES, FAMILY_POSITIONS, FAMILY_ROLES } from './plan-vocab.ts'
import { GOAL_PROGRESS, PLAN_REASON_REQUIRED, PLAN_STATUSES } from './plan-vocab.ts'
import { PLAN_VARIANTS } from './plan-vocab.ts'
import type {
  ActionStatus,
  ActionStatusValue,
  ApprovalValue,
  FamilyPosition,
} from './plan-vocab.ts'
import type { GoalProgress, PartyRef, Participant, Period } from './plan-vocab.ts'
import type { PlanStatus, PlanStatusValue, PlanVariant } from './plan-vocab.ts'
import { isRecord, requireOneOf, requireText } from './validate.ts'

// The values of the plan's decision fields and its participants: a writer's check (throws a
// ModelError) and a reader's parse (undefined for anything this version cannot read) for each.

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T)

export const requireVariant = (value: unknown): PlanVariant =>
  requireOneOf(value, PLAN_VARIANTS, 'invalid-variant', 'plan variant')
export const parseVariant = (v: unknown): PlanVariant | undefined =>
  oneOf(PLAN_VARIANTS, v) ? v : undefined

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/

/** FP3: BCP 47 tags (pl, ru, en, ky, uk, …), lower case, each once, in the order given. */
export function requireLanguages(values: readonly unknown[]): string[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new ModelError('invalid-language', 'name at least one language of the family')
  }
  const tags = values.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''))
  const bad = tags.find((t) => !LANGUAGE_TAG.test(t))
  if (bad !== undefined) throw new ModelError('invalid-language', `not a language tag: ${bad}`)
  return [...new Set(tags)]
}

export function requirePlanStatusValue(status: unknown, reason: unknown): PlanStatusValue {
  const code = requireOneOf(status, PLAN_STATUSES, 'invalid-status', 'plan status')
  const text = optionalText(reason, 'reason-required', 'reason')
  if (text === undefined && PLAN_REASON_REQUIRED.includes(code)) {
    throw new ModelError('reason-required', `a reason is required for ${code}`)
  }
  return text === undefined ? { status: code } : { status: code, reason: text }
}

export function parsePlanStatusValue(value: Json): PlanStatusValue | undefined {
  if (!isRecord(value) || !oneOf(PLAN_STATUSES, value.status)) return
  const status: PlanStatus = value.status
  if (typeof value.reason === 'string') return { status, reason: value.reason }
  return value.reason === undefined && !PLAN_REASON_REQUIRED.includes(status)
    ? { status }
    : undefined
}

export function requirePeriod(value: Period): Period {
  const from = requireDate(value?.from, 'period start')
  const to = requireDate(value?.to, 'period end')
  if (to < from) throw new ModelError('invalid-period', 'the period ends before it starts')
  return { from, to }
}

export function parsePeriod(value: Json): Period | undefined {
  if (!isRecord(value) || !isIsoDate(value.from) || !isIsoDate(value.to)) return
  return { from: value.from, to: value.to }
}

export const parseDate = (value: Json): string | null | undefined =>
  value === null || isIsoDate(value) ? value : undefined

export function requirePartyRef(ref: PartyRef): PartyRef {
  const clean = parsePartyRef(ref as unknown as Json)
  if (clean === undefined) {
    throw new ModelError('invalid-participant', 'name a family member or a professional side')
  }
  return clean
}

export function parsePartyRef(value: Json): PartyRef | undefined {
  if (!isRecord(value)) return
  if (value.kind === 'family') {
    const id = value.participantId
    return typeof id === 'string' && id.trim() !== ''
      ? { kind: 'family', participantId: id }
      : undefined
  }
  if (value.kind !== 'professional' || typeof value.agencyId !== 'string') return
  if (value.agencyId.trim() === '') return
  const { memberId } = value
  if (memberId === undefined) return { kind: 'professional', agencyId: value.agencyId }
  if (typeof memberId !== 'string' || memberId.trim() === '') return
  return { kind: 'professional', agencyId: value.agencyId, memberId }
}

export function requireActionStatus(status: unknown, reason: unknown): ActionStatusValue {
  const code = requireOneOf(status, ACTION_STATUSES, 'invalid-status', 'action status')
  const text = optionalText(reason, 'reason-required', 'reason')
  if (text === undefined && code === 'not-done') {
    throw new ModelError('reason-required', 'say why the action was not done')
  }
  return text === undefined ? { status: code } : { status: code, reason: text }
}

export function parseActionStatus(value: Json): ActionStatusValue | undefined {
  if (!isRecord(value) || !oneOf(ACTION_STATUSES, value.status)) return
  const status: ActionStatus = value.status
  if (typeof value.reason === 'string') return { status, reason: value.reason }
  return value.reason === undefined && status !== 'not-done' ? { status } : undefined
}

export const requireProgress = (value: unknown): GoalProgress =>
  requireOneOf(value, GOAL_PROGRESS, 'invalid-progress', 'goal progress')
export const parseProgress = (v: Json): GoalProgress | undefined =>
  oneOf(GOAL_PROGRESS, v) ? v : undefined

export function requireFamilyPosition(value: FamilyPosition): FamilyPosition {
  const position = requireOneOf(value?.position, FAMILY_POSITIONS, 'invalid-value', 'position')
  const comment = optionalText(value?.comment, 'invalid-value', 'comment')
  return comment === undefined ? { position } : { position, comment }
}

export function parseFamilyPosition(value: Json): FamilyPosition | undefined {
  if (!isRecord(value) || !oneOf(FAMILY_POSITIONS, value.position)) return
  const { position, comment } = value
  if (comment === undefined) return { position }
  return typeof comment === 'string' ? { position, comment } : undefined
}

export function parseApproval(value: Json): ApprovalValue | undefined {
  if (!isRecord(value) || !oneOf(APPROVAL_STATES, value.state)) return
  const { state, hash, comments } = value
  if (typeof hash !== 'string') return
  if (comments === undefined) return state === 'returned' ? undefined : { state, hash }
  return typeof comments === 'string' ? { state, hash, comments } : undefined
}

/** FP5: a family member by pseudonymous code and role; a professional by agency, member, role. */
export function requireParticipant(id: string, p: Participant): Participant {
  if (p?.kind === 'family') {
    const { code } = requirePerson({ kind: 'person', code: p.code })
    const familyRole = requireOneOf(p.familyRole, FAMILY_ROLES, 'invalid-participant', 'role')
    const memberId = optionalText(p.memberId, 'invalid-id', 'member id')
    return { id, kind: 'family', code, familyRole, ...(memberId !== undefined && { memberId }) }
  }
  if (p?.kind !== 'professional') {
    throw new ModelError('invalid-participant', 'a participant is family or professional')
  }
  return {
    id,
    kind: 'professional',
    agencyId: requireText(p.agencyId, 'invalid-participant', 'agency id'),
    memberId: requireText(p.memberId, 'invalid-participant', 'member id'),
    role: requireText(p.role, 'invalid-participant', 'role in the plan'),
    facilitator: p.facilitator === true,
  }
}

export function parseParticipant(
  raw: Record<string, unknown>,
  key: string,
): Participant | undefined {
  if (raw.id !== key) return undefined
  try {
    return requireParticipant(key, raw as unknown as Participant)
  } catch {
    return undefined
  }
}

/** A list of record ids, each once. */
export function requireIds(value: unknown): string[] {
  if (!Array.isArray(value)) throw new ModelError('invalid-value', 'a list of ids is expected')
  const ids = value.map((v) => requireText(v, 'invalid-id', 'id'))
  if (new Set(ids).size !== ids.length) throw new ModelError('invalid-value', 'an id is repeated')
  return ids
}
