import type * as Y from 'yjs'
import { readDecision, resolveDispute } from './decision.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import type { Json } from './json.ts'
import { ensurePlan } from './plan.ts'
import { assertFields, planMap, PLAN_MAPS, readParticipants } from './plan-store.ts'
import { readPlanHeader, requireLead, requireParty } from './plan-store.ts'
import { parseApproval, parsePlanStatusValue, requireLanguages } from './plan-values.ts'
import { requireActionStatus, requireFamilyPosition, requireIds } from './plan-values.ts'
import { requirePartyRef, requirePeriod, requireProgress } from './plan-values.ts'
import { requirePlanStatusValue, requireVariant } from './plan-values.ts'
import { PLAN_FIELDS, PLAN_STATUSES, PLAN_TRANSITIONS } from './plan-vocab.ts'
import type { FamilyPosition, PartyRef, Period, PlanStatus } from './plan-vocab.ts'
import type { PlanStatusValue, PlanVariant } from './plan-vocab.ts'
import { requireDate } from './referral-store.ts'
import type { Actor, Role } from './types.ts'
import { isRecord, requireOneOf, requireText } from './validate.ts'

// Creating a plan and its details: variant, lead worker, languages, the family's
// representative (lead agency only), the period and the status (decision fields).

export interface NewPlan {
  /** The document's id; a random one when omitted. */
  id?: string
  variant: PlanVariant
  /** The lead worker's member id; the actor when omitted. */
  leadWorkerId?: string
  languages: string[]
  period?: Period
}

/** FP2: the actor's agency leads the plan, forever; the plan starts as proposed. */
export function createPlan(doc: Y.Doc, draft: NewPlan, actor: Actor, opts: { now?: Date } = {}) {
  ensurePlan(doc)
  if (readPlanHeader(doc) !== undefined) throw new ModelError('duplicate-id', 'plan exists')
  const now = opts.now ?? new Date()
  const id = requireText(draft.id ?? randomId(), 'invalid-id', 'plan id')
  const leadAgencyId = requireText(actor.agencyId, 'invalid-id', 'agency id')
  const createdBy = requireText(actor.memberId, 'invalid-id', 'member id')
  const variant = requireVariant(draft.variant)
  const leadWorker = requireText(draft.leadWorkerId ?? createdBy, 'invalid-id', 'lead worker')
  const languages = requireLanguages(draft.languages)
  const period = draft.period === undefined ? undefined : requirePeriod(draft.period)
  doc.transact(() => {
    const plan = planMap(doc, PLAN_MAPS.plan)
    plan.set('header', { id, createdAt: now.toISOString(), createdBy, leadAgencyId })
    plan.set('variant', variant)
    plan.set('leadWorker', leadWorker)
    plan.set('languages', languages)
    const fields: { field: string; value: Json }[] = [
      { field: PLAN_FIELDS.status, value: { status: 'proposed' } },
    ]
    if (period !== undefined) fields.push({ field: PLAN_FIELDS.period, value: { ...period } })
    assertFields(doc, fields, actor, now)
  })
  return id
}

export interface PlanDetailsPatch {
  variant?: PlanVariant
  leadWorkerId?: string
  languages?: string[]
  /** A family participant's id, or null for none. */
  representativeId?: string | null
}

/** FP3: the lead agency changes the variant, lead worker, languages and representative. */
export function setPlanDetails(doc: Y.Doc, patch: PlanDetailsPatch, actor: Actor): void {
  requireLead(doc, actor)
  const values: [string, Json][] = []
  if (patch.variant !== undefined) values.push(['variant', requireVariant(patch.variant)])
  if (patch.leadWorkerId !== undefined) {
    values.push(['leadWorker', requireText(patch.leadWorkerId, 'invalid-id', 'lead worker')])
  }
  if (patch.languages !== undefined) values.push(['languages', requireLanguages(patch.languages)])
  if (patch.representativeId !== undefined) {
    const id = patch.representativeId
    if (id !== null && !readParticipants(doc).some((p) => p.id === id && p.kind === 'family')) {
      throw new ModelError('invalid-participant', 'the representative is a family participant')
    }
    values.push(['representative', id])
  }
  doc.transact(() => {
    for (const [key, value] of values) planMap(doc, PLAN_MAPS.plan).set(key, value)
  })
}

/** FP4: whether the table allows `from` → `to`. */
export const canPlanTransition = (from: PlanStatus, to: PlanStatus): boolean =>
  PLAN_TRANSITIONS[from].includes(to)

/**
 * FP4: the lead agency moves the plan along the table from its settled status, with a reason
 * for on-hold and cancelled; proposed → active only once the supervisor's approval is settled at
 * approved (`approval-required`).
 */
export function setPlanStatus(
  doc: Y.Doc,
  to: PlanStatus,
  actor: Actor,
  reason?: string,
  opts: { now?: Date } = {},
): PlanStatusValue {
  requireLead(doc, actor)
  const target = requireOneOf(to, PLAN_STATUSES, 'invalid-status', 'plan status')
  const current = readDecision(doc, PLAN_FIELDS.status)
  if (current.state === 'disputed') {
    throw new ModelError('field-disputed', 'the status is disputed; resolve the dispute first')
  }
  const from = current.state === 'settled' ? parsePlanStatusValue(current.value) : undefined
  if (from === undefined) throw new ModelError('invalid-status', 'the current status is unreadable')
  if (!canPlanTransition(from.status, target)) {
    throw new ModelError('invalid-transition', `${from.status} cannot become ${target}`)
  }
  if (from.status === 'proposed' && target === 'active') {
    const approval = readDecision(doc, PLAN_FIELDS.approval)
    const value = approval.state === 'settled' ? parseApproval(approval.value) : undefined
    if (value?.state !== 'approved') {
      throw new ModelError('approval-required', "the supervisor's approval comes first")
    }
  }
  const value = requirePlanStatusValue(target, reason)
  assertFields(doc, [{ field: PLAN_FIELDS.status, value: { ...value } }], actor, opts.now)
  return value
}

/** FP6: any party sets the period, a decision field. */
export function setPlanPeriod(doc: Y.Doc, period: Period, actor: Actor, opts: { now?: Date } = {}) {
  requireParty(doc, actor)
  assertFields(
    doc,
    [{ field: PLAN_FIELDS.period, value: { ...requirePeriod(period) } }],
    actor,
    opts.now,
  )
}

/**
 * FP7: settles any disputed plan field with a rationale. Only a supervisor resolves: mediation
 * decides for all parties, so the side rules of the field do not bind the resolution.
 */
export function resolvePlanDispute(
  doc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor & { role: Role },
  note: { rationale: string; mediationId?: string },
  opts: { now?: Date } = {},
): void {
  if (readPlanHeader(doc) === undefined) throw new ModelError('not-found', 'document holds no plan')
  if (actor.role !== 'supervisor') {
    throw new ModelError('not-supervisor', 'only a supervisor resolves a disputed plan field')
  }
  resolveDispute(doc, field, requirePlanFieldValue(field, value), actor, note, opts)
}

/** A resolution's value, checked like the writer of its field would check it (FP7). */
export function requirePlanFieldValue(field: string, value: Json): Json {
  const record = (isRecord(value) ? value : {}) as Record<string, unknown>
  if (field === PLAN_FIELDS.status)
    return { ...requirePlanStatusValue(record.status, record.reason) }
  if (field === PLAN_FIELDS.period) return { ...requirePeriod(record as unknown as Period) }
  if (field === PLAN_FIELDS.ranking || field === PLAN_FIELDS.selection) return requireIds(value)
  if (field === PLAN_FIELDS.approval) {
    const approval = parseApproval(value)
    if (approval === undefined) throw new ModelError('invalid-value', 'not an approval value')
    return { ...approval }
  }
  const part = /^plan\.(problem|goal|action)\.[^.]+\.(\w+)$/.exec(field)
  switch (part && `${part[1]}.${part[2]}`) {
    case 'problem.family':
      return { ...requireFamilyPosition(record as unknown as FamilyPosition) }
    case 'goal.targetDate':
    case 'action.deadline':
      return value === null ? null : requireDate(value, 'date')
    case 'goal.progress':
      return requireProgress(value)
    case 'action.responsible':
      return { ...requirePartyRef(value as unknown as PartyRef) }
    case 'action.status':
      return { ...requireActionStatus(record.status, record.reason) }
    default:
      throw new ModelError('invalid-field', `${field} is not a plan decision field`)
  }
}
