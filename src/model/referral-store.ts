import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import type { ModelErrorCode } from './errors.ts'
import type { Json } from './json.ts'
import { resolveDecision } from './register.ts'
import type { Assertion } from './register.ts'
import type { Side } from './referral-status.ts'
import type { Attribution, FieldState, Parties } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord } from './validate.ts'

// Where a referral keeps what (internal to the referral modules), and the guards they share.
// Every record list is a flat top-level map of plain JSON values under unique ids, so that
// concurrent additions never collide and no nested Y type is ever created under a map key.

export const MAPS = {
  /** Fixed keys: 'header' (id, creation), 'parties', 'service', 'person'. */
  referral: 'referral',
  consents: 'consents',
  /** Keyed by consent id: a withdrawal never overwrites the consent it ends. */
  withdrawals: 'consentWithdrawals',
  responsibilities: 'responsibilities',
  /** Keyed by responsibility id, apart from the record so an edit never undoes it. */
  fulfilments: 'fulfilments',
  contacts: 'contacts',
  /** Key 'details': identifying details, apart from everything else (RF12). */
  identity: 'identity',
  signOffs: 'signOffs',
} as const

export const map = (doc: Y.Doc, name: (typeof MAPS)[keyof typeof MAPS]): Y.Map<unknown> =>
  doc.getMap(name)

export interface Header {
  id: string
  createdAt: string
  createdBy: string
}

export function readHeader(doc: Y.Doc): Header | undefined {
  const raw = map(doc, MAPS.referral).get('header')
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.createdBy !== 'string') return
  if (!isIsoInstant(raw.createdAt)) return
  return { id: raw.id, createdAt: raw.createdAt, createdBy: raw.createdBy }
}

export function readParties(doc: Y.Doc): Parties | undefined {
  const raw = map(doc, MAPS.referral).get('parties')
  if (!isRecord(raw)) return
  const { referringAgencyId, referringMemberId, receivingAgencyId } = raw
  if (typeof referringAgencyId !== 'string' || typeof referringMemberId !== 'string') return
  if (typeof receivingAgencyId !== 'string') return
  return { referringAgencyId, referringMemberId, receivingAgencyId }
}

export function requireParties(doc: Y.Doc): Parties {
  const parties = readParties(doc)
  if (parties === undefined) throw new ModelError('not-found', 'document holds no referral')
  return parties
}

export function sideOf(parties: Parties, agencyId: string): Side | undefined {
  if (agencyId === parties.referringAgencyId) return 'referrer'
  if (agencyId === parties.receivingAgencyId) return 'receiver'
  return undefined
}

/** The actor's side; refuses members of agencies that are not a party (RF1). */
export function requireSide(doc: Y.Doc, actor: Actor, only?: Side): Side {
  const side = sideOf(requireParties(doc), actor.agencyId)
  if (side === undefined) {
    throw new ModelError('not-a-party', `agency ${actor.agencyId} is not a party to the referral`)
  }
  if (only !== undefined && side !== only) {
    throw new ModelError('wrong-side', `only the ${only} may do this`)
  }
  return side
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  const time = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value
}

export function requireDate(value: unknown, what: string): string {
  if (!isIsoDate(value)) throw new ModelError('invalid-date', `${what} must be a YYYY-MM-DD date`)
  return value
}

/**
 * A date has passed once the UTC calendar day after it has begun: a deadline holds through
 * its whole day. UTC, not the device's zone, so that every device agrees (RF17).
 */
export const datePassed = (date: string, now: Date): boolean =>
  date < now.toISOString().slice(0, 10)

export function optionalText(value: unknown, code: ModelErrorCode, what: string) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new ModelError(code, `${what} must be a string`)
  const text = value.trim()
  return text === '' ? undefined : text
}

export const attribution = (a: Assertion): Attribution => ({
  assertionId: a.id,
  memberId: a.memberId,
  agencyId: a.agencyId,
  at: a.at,
})

/** A decision field's state with its values parsed; see FieldState for unreadable values. */
export function fieldState<T>(
  assertions: readonly Assertion[],
  parse: (value: Json) => T | undefined,
): FieldState<T> {
  const decision = resolveDecision(assertions)
  if (decision.state === 'empty') return { state: 'empty' }
  if (decision.state === 'settled') {
    const value = parse(decision.value)
    if (value === undefined) return { state: 'unreadable' }
    return { state: 'settled', value, by: attribution(decision.by) }
  }
  const candidates = decision.candidates.flatMap((a) => {
    const value = parse(a.value)
    return value === undefined ? [] : [{ ...attribution(a), value }]
  })
  return { state: 'disputed', candidates }
}

/** The settled value, or undefined when the field is empty, disputed or unreadable. */
export const settled = <T>(field: FieldState<T>): T | undefined =>
  field.state === 'settled' ? field.value : undefined
