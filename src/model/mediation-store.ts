import type * as Y from 'yjs'
import { assertDecision, readDecision, resolveDispute } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ModelError } from './errors.ts'
import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import type { MediationParticipant, MediationPartyRecord, Written } from './mediation-vocab.ts'
import { compareCodeUnits } from './order.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord, isStringArray, requireText } from './validate.ts'

// Where a mediation log keeps what (internal to the mediation modules), and the guards they
// share. Every record list is a flat top-level map of plain JSON values under unique random ids,
// so concurrent additions never collide; the only nested Y types are the parties' positions,
// each created once, by the device that adds the party, under the party's fresh id (MD3).

export const MEDIATION_MAPS = {
  /** Key 'header': id, opening, mediator and calendar, written once as one value. */
  mediation: 'mediation',
  parties: 'parties',
  links: 'links',
  stageMoves: 'stageMoves',
  sessions: 'sessions',
  proposals: 'proposals',
  actions: 'actions',
  learningPoints: 'learningPoints',
} as const

export type MediationMap = (typeof MEDIATION_MAPS)[keyof typeof MEDIATION_MAPS]

export const mediationMap = (doc: Y.Doc, name: MediationMap): Y.Map<unknown> => doc.getMap(name)

/** The key of a party's position in the 'text' map. */
export const positionKey = (partyId: string): string => `position.${partyId}`

export interface MediationHeader {
  id: string
  openedAt: string
  openedBy: Actor
  mediator: Actor
  /** The partnership's public holidays (YYYY-MM-DD) that deadlines skip, fixed at opening. */
  holidays: string[]
}

export function readHeader(doc: Y.Doc): MediationHeader | undefined {
  const raw = mediationMap(doc, MEDIATION_MAPS.mediation).get('header')
  if (!isRecord(raw) || typeof raw.id !== 'string' || !isIsoInstant(raw.openedAt)) return
  const openedBy = parseActor(raw.openedBy)
  const mediator = parseActor(raw.mediator)
  if (!openedBy || !mediator || !isStringArray(raw.holidays)) return
  return { id: raw.id, openedAt: raw.openedAt, openedBy, mediator, holidays: [...raw.holidays] }
}

export function requireHeader(doc: Y.Doc): MediationHeader {
  const header = readHeader(doc)
  if (header === undefined) throw new ModelError('not-found', 'document holds no mediation')
  return header
}

/** MD2: the parties as stored, in the order they were added (time; then agency and id). */
export function readPartyRecords(doc: Y.Doc): MediationPartyRecord[] {
  return readRecords(doc, MEDIATION_MAPS.parties, (raw, id) => {
    const who = parseParticipant(raw)
    if (!who || !isRecord(raw) || !isIsoInstant(raw.addedAt)) return
    if (typeof raw.addedBy !== 'string') return
    return { id, ...who, addedAt: raw.addedAt, addedBy: raw.addedBy }
  }).sort(
    (a, b) =>
      compareCodeUnits(a.addedAt, b.addedAt) ||
      compareCodeUnits(a.agencyId, b.agencyId) ||
      compareCodeUnits(a.id, b.id),
  )
}

export const isMediator = (header: MediationHeader, actor: Actor): boolean =>
  actor.memberId === header.mediator.memberId

/** MD4, MD9: refuses anyone but the mediator (not-mediator). */
export function requireMediator(doc: Y.Doc, actor: Actor): MediationHeader {
  const header = requireHeader(doc)
  if (!isMediator(header, actor)) {
    throw new ModelError('not-mediator', `only the mediator ${header.mediator.memberId} may`)
  }
  return header
}

/** MD4: a member of a party's agency, or the mediator; anyone else is refused (not-a-party). */
export function requireParticipant(doc: Y.Doc, actor: Actor): 'mediator' | 'party' {
  if (isMediator(requireHeader(doc), actor)) return 'mediator'
  if (readPartyRecords(doc).some((p) => p.agencyId === actor.agencyId)) return 'party'
  throw new ModelError('not-a-party', `agency ${actor.agencyId} is not a party to the mediation`)
}

export function requireParticipantValue(value: MediationParticipant | undefined, what: string) {
  if (!isRecord(value)) throw new ModelError('invalid-party', `${what} is missing`)
  const agencyId = requireText(value.agencyId, 'invalid-party', `${what} agency id`)
  if (value.memberId === undefined) return { agencyId }
  return { agencyId, memberId: requireText(value.memberId, 'invalid-party', `${what} member id`) }
}

export function parseParticipant(raw: unknown): MediationParticipant | undefined {
  if (!isRecord(raw) || typeof raw.agencyId !== 'string') return
  if (raw.memberId !== undefined && typeof raw.memberId !== 'string') return
  return { agencyId: raw.agencyId, ...(raw.memberId !== undefined && { memberId: raw.memberId }) }
}

export function parseActor(raw: unknown): Actor | undefined {
  if (!isRecord(raw) || typeof raw.memberId !== 'string' || typeof raw.agencyId !== 'string') {
    return
  }
  return { memberId: raw.memberId, agencyId: raw.agencyId }
}

export const written = (actor: Actor, now: Date): Written => ({
  memberId: requireText(actor.memberId, 'invalid-id', 'member id'),
  agencyId: requireText(actor.agencyId, 'invalid-id', 'agency id'),
  at: now.toISOString(),
})

export function parseWritten(raw: Record<string, unknown>): Written | undefined {
  const { memberId, agencyId, at } = raw
  if (typeof memberId !== 'string' || typeof agencyId !== 'string' || !isIsoInstant(at)) return
  return { memberId, agencyId, at }
}

/** The records of one map, parsed; malformed values are skipped (W5). Fresh objects. */
export function readRecords<T>(
  doc: Y.Doc,
  name: MediationMap,
  parse: (raw: Record<string, unknown>, id: string) => T | undefined,
): T[] {
  const out: T[] = []
  mediationMap(doc, name).forEach((raw, id) => {
    if (!isRecord(raw) || raw.id !== id) return
    const record = parse(raw, id)
    if (record !== undefined) out.push(structuredClone(record))
  })
  return out
}

/** Records written by people, in display order: device time, then id. */
export const byWrittenAt = <T extends { at: string; id: string }>(a: T, b: T): number =>
  compareCodeUnits(a.at, b.at) || compareCodeUnits(a.id, b.id)

/** Stores a new record under a fresh id; an id is never reused. */
export function addRecord(doc: Y.Doc, name: MediationMap, record: { id: string }): void {
  const target = mediationMap(doc, name)
  if (target.has(record.id)) throw new ModelError('duplicate-id', `${name} ${record.id} exists`)
  target.set(record.id, record)
}

/**
 * Writes a mediation decision field as the mediator: nothing when the settled value is the same;
 * while the field is disputed (the mediator's two devices, or the opener and the mediator), a
 * rationale turns the write into a resolution that saw every candidate (D10), else field-disputed.
 */
export function settleField(
  doc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor,
  opts: { now?: Date; rationale?: string; mediationId?: string } = {},
): Assertion | undefined {
  const current = readDecision(doc, field)
  if (current.state === 'settled' && canonicalJson(current.value) === canonicalJson(value)) return
  if (current.state !== 'disputed') return assertDecision(doc, field, value, actor, opts)
  if (opts.rationale === undefined) {
    throw new ModelError('field-disputed', `${field} is disputed; give a rationale to settle it`)
  }
  const note = {
    rationale: opts.rationale,
    ...(opts.mediationId !== undefined && { mediationId: opts.mediationId }),
  }
  return resolveDispute(doc, field, value, actor, note, opts)
}
