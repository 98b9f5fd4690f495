import type * as Y from 'yjs'
import { assertDecision } from './decision.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { datePassed, MAPS, map, requireDate, requireSide } from './referral-store.ts'
import { requireCategories, requireLegalBasis } from './referral-values.ts'
import { REFERRAL_FIELDS, sharingField } from './referral-vocab.ts'
import type { Consent, ConsentRecord, ConsentWithdrawal, DataCategory } from './referral-vocab.ts'
import type { LegalBasis } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord, isStringArray, requireText } from './validate.ts'

// Consent to the service and the legal basis for sharing are two different things (RF9): a
// consent is a person's act, recorded once and possibly withdrawn later; the legal basis is the
// referring agency's decision. Withdrawing a consent never touches the legal basis.

export interface NewConsent {
  given?: boolean
  givenBy: { code: string; role: string }
  givenAt?: Date | string
  scope: readonly string[]
  expiresOn?: string
}

/** RF9: either party records a consent it obtained; a recorded consent is never edited. */
export function recordConsent(
  doc: Y.Doc,
  consent: NewConsent,
  actor: Actor,
  opts: { now?: Date; id?: string } = {},
): ConsentRecord {
  requireSide(doc, actor)
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'consent id')
  if (map(doc, MAPS.consents).has(id)) throw new ModelError('duplicate-id', `consent ${id} exists`)
  const givenAt = instant(consent.givenAt ?? opts.now ?? new Date(), 'consent time')
  const scope = [
    ...new Set((consent.scope ?? []).map((s) => requireText(s, 'invalid-consent', 'scope'))),
  ]
  if (scope.length === 0) throw new ModelError('invalid-consent', 'a consent has a scope')
  if (consent.given !== undefined && typeof consent.given !== 'boolean') {
    throw new ModelError('invalid-consent', 'given must be true or false')
  }
  const record: ConsentRecord = {
    id,
    given: consent.given ?? true,
    givenBy: {
      code: requireText(consent.givenBy?.code, 'invalid-consent', 'participant code'),
      role: requireText(consent.givenBy?.role, 'invalid-consent', 'participant role'),
    },
    givenAt,
    scope,
    ...(consent.expiresOn !== undefined && { expiresOn: requireDate(consent.expiresOn, 'expiry') }),
    recordedBy: actor.memberId,
    recordedByAgency: actor.agencyId,
  }
  map(doc, MAPS.consents).set(id, record)
  return structuredClone(record)
}

/** RF10: records a withdrawal beside the consent; the legal basis stays as it was. */
export function withdrawConsent(
  doc: Y.Doc,
  consentId: string,
  withdrawal: { reason: string; at?: Date | string },
  actor: Actor,
  opts: { now?: Date } = {},
): ConsentWithdrawal {
  requireSide(doc, actor)
  const consent = readConsents(doc).find((c) => c.id === consentId)
  if (consent === undefined) throw new ModelError('not-found', `consent ${consentId} not found`)
  if (!consent.given || consent.withdrawal !== undefined) {
    throw new ModelError('invalid-consent', 'only a given consent in force can be withdrawn')
  }
  const record: ConsentWithdrawal = {
    at: instant(withdrawal.at ?? opts.now ?? new Date(), 'withdrawal time'),
    reason: requireText(withdrawal.reason, 'reason-required', 'withdrawal reason'),
    memberId: actor.memberId,
    agencyId: actor.agencyId,
  }
  map(doc, MAPS.withdrawals).set(consentId, record)
  return { ...record }
}

/** RF9: the referring agency, which shares, records the legal basis for sharing. */
export function setLegalBasis(
  doc: Y.Doc,
  basis: LegalBasis,
  actor: Actor,
  opts: { now?: Date } = {},
): void {
  requireSide(doc, actor, 'referrer')
  assertDecision(doc, REFERRAL_FIELDS.legalBasis, { ...requireLegalBasis(basis) }, actor, opts)
}

/** RF9: the referring agency decides which data categories each recipient agency receives. */
export function setDataSharing(
  doc: Y.Doc,
  recipientAgencyId: string,
  categories: readonly DataCategory[],
  actor: Actor,
  opts: { now?: Date } = {},
): void {
  requireSide(doc, actor, 'referrer')
  const recipient = requireText(recipientAgencyId, 'invalid-id', 'recipient agency id')
  assertDecision(doc, sharingField(recipient), requireCategories(categories), actor, opts)
}

export type ConsentState = 'valid' | 'refused' | 'expired' | 'withdrawn'

/** RF10: a consent holds when given, not withdrawn and not past its last day (UTC, RF17). */
export function consentState(consent: Consent, now: Date = new Date()): ConsentState {
  if (!consent.given) return 'refused'
  if (consent.withdrawal !== undefined) return 'withdrawn'
  if (consent.expiresOn !== undefined && datePassed(consent.expiresOn, now)) return 'expired'
  return 'valid'
}

/** Consents with their withdrawals, oldest first; malformed records are skipped. */
export function readConsents(doc: Y.Doc): Consent[] {
  const withdrawals = map(doc, MAPS.withdrawals)
  const consents: Consent[] = []
  map(doc, MAPS.consents).forEach((raw, key) => {
    const record = parseConsent(raw, key)
    if (record === undefined) return
    const withdrawal = parseWithdrawal(withdrawals.get(key))
    consents.push(withdrawal ? { ...record, withdrawal } : record)
  })
  return consents.sort((a, b) =>
    a.givenAt < b.givenAt ? -1 : a.givenAt > b.givenAt ? 1 : a.id < b.id ? -1 : 1,
  )
}

function instant(value: Date | string, what: string): string {
  const iso = value instanceof Date ? value.toISOString() : value
  if (!isIsoInstant(iso)) throw new ModelError('invalid-date', `${what} must be an ISO instant`)
  return iso
}

function parseConsent(raw: unknown, key: string): ConsentRecord | undefined {
  if (!isRecord(raw) || raw.id !== key || typeof raw.given !== 'boolean') return
  const { givenBy, givenAt, scope, expiresOn, recordedBy, recordedByAgency } = raw
  if (!isRecord(givenBy) || typeof givenBy.code !== 'string' || typeof givenBy.role !== 'string')
    return
  if (!isIsoInstant(givenAt) || !isStringArray(scope)) return
  if (expiresOn !== undefined && typeof expiresOn !== 'string') return
  if (typeof recordedBy !== 'string' || typeof recordedByAgency !== 'string') return
  return {
    id: key,
    given: raw.given,
    givenBy: { code: givenBy.code, role: givenBy.role },
    givenAt,
    scope: [...scope],
    ...(expiresOn !== undefined && { expiresOn }),
    recordedBy,
    recordedByAgency,
  }
}

function parseWithdrawal(raw: unknown): ConsentWithdrawal | undefined {
  if (!isRecord(raw) || !isIsoInstant(raw.at) || typeof raw.reason !== 'string') return
  if (typeof raw.memberId !== 'string' || typeof raw.agencyId !== 'string') return
  return { at: raw.at, reason: raw.reason, memberId: raw.memberId, agencyId: raw.agencyId }
}
