import type * as Y from 'yjs'
import { assertDecision, listAssertions, readDecision, resolveDispute } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { attribution, readParties, requireDate, requireSide, sideOf } from './referral-store.ts'
import { REFERRAL_STATUSES, transitionProblem } from './referral-status.ts'
import type { ReferralStatus, Side, StatusValue } from './referral-status.ts'
import { parseStatusValue, requireCategories, requireLegalBasis } from './referral-values.ts'
import { requireOutcome, requireStatusValue, requireUrgency } from './referral-values.ts'
import { REFERRAL_FIELDS, SHARING_FIELD_PREFIX } from './referral-vocab.ts'
import type { Attribution, LegalBasis } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { requireOneOf } from './validate.ts'

// Status changes: validated against the workflow table from the current settled status, stored
// as assertions of the decision field 'referral.status' so that two parties deciding offline
// produce a dispute (D4) instead of one silently replacing the other.

export interface StatusChange extends Attribution {
  status: ReferralStatus
  reason?: string
  /** The side the agency acted for; undefined for a mediator from elsewhere. */
  side?: Side
  /** Present when the change settled a dispute. */
  resolution?: { rationale: string; mediationId?: string }
}

/**
 * RF2–RF5: moves the referral to `to`. Refused for a non-party (not-a-party), a status of the
 * other side (wrong-side), a step the workflow does not allow from the current status
 * (invalid-transition), a missing reason (reason-required) and while the status is disputed
 * (field-disputed: settle it with resolveReferralDispute).
 */
export function setStatus(
  doc: Y.Doc,
  to: ReferralStatus,
  actor: Actor,
  reason?: string,
  opts: { now?: Date } = {},
): StatusChange {
  const side = requireSide(doc, actor)
  const target = requireOneOf(to, REFERRAL_STATUSES, 'invalid-status', 'referral status')
  const current = readDecision(doc, REFERRAL_FIELDS.status)
  if (current.state === 'disputed') {
    throw new ModelError('field-disputed', 'the status is disputed; resolve the dispute first')
  }
  const from = current.state === 'settled' ? parseStatusValue(current.value) : undefined
  if (from === undefined) throw new ModelError('invalid-status', 'the current status is unreadable')
  const problem = transitionProblem(from.status, target, side)
  if (problem === 'wrong-side') {
    throw new ModelError('wrong-side', `the ${side} may not set ${target}`)
  }
  if (problem === 'invalid-transition') {
    throw new ModelError('invalid-transition', `${from.status} cannot become ${target}`)
  }
  const value = requireStatusValue(target, reason)
  const assertion = assertDecision(doc, REFERRAL_FIELDS.status, { ...value }, actor, opts)
  return { ...toChange(assertion, value, side) }
}

export type ReferralDecisionField =
  (typeof REFERRAL_FIELDS)[keyof typeof REFERRAL_FIELDS] | `${typeof SHARING_FIELD_PREFIX}${string}`

/**
 * RF5: settles a disputed referral field (status, terms, legal basis, sharing, outcome) with a
 * rationale. The value must be well-formed for its field, a status with its required reason; the
 * side rule does not bind a resolution, because mediation decides for both parties.
 */
export function resolveReferralDispute(
  doc: Y.Doc,
  field: ReferralDecisionField,
  value: Json,
  actor: Actor,
  note: { rationale: string; mediationId?: string },
  opts: { now?: Date } = {},
): void {
  resolveDispute(doc, field, requireFieldValue(field, value), actor, note, opts)
}

/** RF11: every status change, in causal order (what each saw), then by time and id. */
export function statusHistory(doc: Y.Doc): StatusChange[] {
  const parties = readParties(doc)
  return causalOrder(listAssertions(doc, REFERRAL_FIELDS.status)).flatMap((a) => {
    const value = parseStatusValue(a.value)
    if (value === undefined) return []
    const side = parties && sideOf(parties, a.agencyId)
    return [toChange(a, value, side)]
  })
}

function toChange(a: Assertion, value: StatusValue, side: Side | undefined): StatusChange {
  const rationale = a.note?.rationale
  return {
    ...attribution(a),
    status: value.status,
    ...(value.reason !== undefined && { reason: value.reason }),
    ...(side !== undefined && { side }),
    ...(rationale !== undefined && {
      resolution: {
        rationale,
        ...(a.note?.mediationId !== undefined && { mediationId: a.note.mediationId }),
      },
    }),
  }
}

/**
 * Device clocks lie (D7), so an assertion is listed after everything it saw even when its clock
 * says otherwise; concurrent ones follow listAssertions' order (time, then id).
 */
function causalOrder(assertions: readonly Assertion[]): Assertion[] {
  const known = new Set(assertions.map((a) => a.id))
  const listed = new Set<string>()
  const remaining = [...assertions]
  const ordered: Assertion[] = []
  while (remaining.length > 0) {
    const next = remaining.findIndex((a) => a.seen.every((s) => listed.has(s) || !known.has(s)))
    // A cycle cannot be written through the model; a forged one is listed as it comes.
    const [a] = remaining.splice(Math.max(next, 0), 1)
    if (a === undefined) break
    ordered.push(a)
    listed.add(a.id)
  }
  return ordered
}

function requireFieldValue(field: string, value: Json): Json {
  if (field.startsWith(SHARING_FIELD_PREFIX)) {
    return requireCategories(Array.isArray(value) ? value : [value])
  }
  switch (field) {
    case REFERRAL_FIELDS.status: {
      const record = (value ?? {}) as { status?: unknown; reason?: unknown }
      return { ...requireStatusValue(record.status, record.reason) }
    }
    case REFERRAL_FIELDS.urgency:
      return requireUrgency(value)
    case REFERRAL_FIELDS.respondBy:
    case REFERRAL_FIELDS.completeBy:
      return value === null ? null : requireDate(value, 'deadline')
    case REFERRAL_FIELDS.legalBasis:
      return { ...requireLegalBasis(value as unknown as LegalBasis) }
    case REFERRAL_FIELDS.outcome:
      return requireOutcome(value)
    default:
      throw new ModelError('invalid-field', `${field} is not a referral decision field`)
  }
}
