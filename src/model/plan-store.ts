import type * as Y from 'yjs'
import { assertDecision, readDecision } from './decision.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import { compareCodeUnits } from './order.ts'
import { parseParticipant } from './plan-values.ts'
import type { Participant } from './plan-vocab.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord, requireText } from './validate.ts'

// Where a plan keeps what (internal to the plan modules), and the guards they share. Every
// record list is a flat top-level map of plain JSON values under unique ids, so concurrent
// additions never collide; the one nested Y type created after genesis is a meeting's minutes,
// created by the one device that creates the meeting under the meeting's new random id (FP20).

export const PLAN_MAPS = {
  /** Fixed keys: 'header', 'variant', 'leadWorker', 'languages', 'representative'. */
  plan: 'plan',
  participants: 'participants',
  problems: 'problems',
  goals: 'goals',
  actions: 'actions',
  commitments: 'commitments',
  contingency: 'contingency',
  meetings: 'meetings',
  /** Keyed `${meetingId}/${participantId}`. */
  attendance: 'attendance',
  /** Y.Text per meeting id. */
  minutes: 'minutes',
  reviews: 'reviews',
  assessments: 'assessments',
  amendments: 'amendments',
  acknowledgements: 'acknowledgements',
} as const
export type PlanMapName = (typeof PLAN_MAPS)[keyof typeof PLAN_MAPS]

export const planMap = (doc: Y.Doc, name: PlanMapName): Y.Map<unknown> => doc.getMap(name)

export interface PlanHeader {
  id: string
  createdAt: string
  createdBy: string
  leadAgencyId: string
}

export function readPlanHeader(doc: Y.Doc): PlanHeader | undefined {
  const raw = planMap(doc, PLAN_MAPS.plan).get('header')
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.createdBy !== 'string') return
  if (!isIsoInstant(raw.createdAt) || typeof raw.leadAgencyId !== 'string') return
  return {
    id: raw.id,
    createdAt: raw.createdAt,
    createdBy: raw.createdBy,
    leadAgencyId: raw.leadAgencyId,
  }
}

export function requireHeader(doc: Y.Doc): PlanHeader {
  const header = readPlanHeader(doc)
  if (header === undefined) throw new ModelError('not-found', 'document holds no plan')
  return header
}

export const detail = (doc: Y.Doc, key: string): unknown => planMap(doc, PLAN_MAPS.plan).get(key)

/** The lead worker's member id; the creator until someone else is named. */
export function leadWorkerOf(doc: Y.Doc): string | undefined {
  const raw = detail(doc, 'leadWorker')
  return typeof raw === 'string' ? raw : readPlanHeader(doc)?.createdBy
}

export function readParticipants(doc: Y.Doc): Participant[] {
  return readRecords(doc, PLAN_MAPS.participants, parseParticipant)
}

/** FP2: the lead agency and every agency with a professional among the participants. */
export function planParties(doc: Y.Doc): string[] {
  const lead = readPlanHeader(doc)?.leadAgencyId
  const agencies = new Set<string>(lead === undefined ? [] : [lead])
  for (const p of readParticipants(doc)) if (p.kind === 'professional') agencies.add(p.agencyId)
  return [...agencies].sort(compareCodeUnits)
}

/** FP2: refuses members of agencies that are not a party; says whether the actor leads. */
export function requireParty(doc: Y.Doc, actor: Actor): { lead: boolean } {
  const header = requireHeader(doc)
  if (!planParties(doc).includes(actor.agencyId)) {
    throw new ModelError('not-a-party', `agency ${actor.agencyId} is not a party to the plan`)
  }
  return { lead: actor.agencyId === header.leadAgencyId }
}

export function requireLead(doc: Y.Doc, actor: Actor): void {
  if (!requireParty(doc, actor).lead) {
    throw new ModelError('wrong-side', 'only the lead agency may do this')
  }
}

/** FP15: the lead worker, or the member linked to the family's representative. */
export function isFamilyAuthor(doc: Y.Doc, actor: Actor): boolean {
  if (readPlanHeader(doc) === undefined) return false
  if (actor.memberId === leadWorkerOf(doc)) return true
  const representative = detail(doc, 'representative')
  return readParticipants(doc).some(
    (p) => p.id === representative && p.kind === 'family' && p.memberId === actor.memberId,
  )
}

export function requireFamilyAuthor(doc: Y.Doc, actor: Actor): void {
  requireHeader(doc)
  if (!isFamilyAuthor(doc, actor)) {
    throw new ModelError(
      'family-authored',
      "only the family's representative and the lead worker write the family's sections",
    )
  }
}

/** A new record under a new id (random unless given); refused if the id exists. */
export function insertRecord<T extends { id: string }>(
  doc: Y.Doc,
  name: PlanMapName,
  build: (id: string) => T,
  id?: string,
): T {
  const key = requireText(id ?? randomId(), 'invalid-id', `${name} id`)
  if (planMap(doc, name).has(key)) throw new ModelError('duplicate-id', `${name} ${key} exists`)
  const record = build(key)
  planMap(doc, name).set(key, record)
  return structuredClone(record)
}

/** Every record of a map that parses, by id; malformed values are skipped (W5). */
export function readRecords<T>(
  doc: Y.Doc,
  name: PlanMapName,
  parse: (raw: Record<string, unknown>, key: string) => T | undefined,
): T[] {
  const list: T[] = []
  const keys = [...planMap(doc, name).keys()].sort(compareCodeUnits)
  for (const key of keys) {
    const raw = planMap(doc, name).get(key)
    const record = isRecord(raw) ? parse(raw, key) : undefined
    if (record !== undefined) list.push(structuredClone(record))
  }
  return list
}

export function requireRecord<T extends { id: string }>(
  doc: Y.Doc,
  name: PlanMapName,
  parse: (raw: Record<string, unknown>, key: string) => T | undefined,
  id: string,
): T {
  const raw = planMap(doc, name).get(id)
  const record = isRecord(raw) ? parse(raw, id) : undefined
  if (record === undefined) throw new ModelError('not-found', `${name} ${id} not found`)
  return record
}

/**
 * Asserts several decision fields at once: all are checked first, so a refusal writes nothing;
 * a value equal to the settled one is not asserted again (it would be history without a decision).
 */
export function assertFields(
  doc: Y.Doc,
  changes: readonly { field: string; value: Json }[],
  actor: Actor,
  now: Date = new Date(),
): void {
  const writes = changes.filter(({ field, value }) => {
    const current = readDecision(doc, field)
    if (current.state === 'disputed') {
      throw new ModelError('field-disputed', `${field} is disputed; resolve the dispute instead`)
    }
    return current.state !== 'settled' || canonicalJson(current.value) !== canonicalJson(value)
  })
  doc.transact(() => {
    for (const { field, value } of writes) assertDecision(doc, field, value, actor, { now })
  })
}
