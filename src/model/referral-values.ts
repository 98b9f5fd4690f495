import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { isIsoDate, optionalText } from './referral-store.ts'
import { isReferralStatus, reasonRequired, REFERRAL_STATUSES } from './referral-status.ts'
import type { ReferralStatus, StatusValue } from './referral-status.ts'
import { DATA_CATEGORIES, LEGAL_BASES, OUTCOME_CODES, PERSON_KINDS } from './referral-vocab.ts'
import { URGENCIES } from './referral-vocab.ts'
import type {
  DataCategory,
  LegalBasis,
  LegalBasisCode,
  OutcomeCode,
  PersonRef,
  Service,
  Urgency,
} from './referral-vocab.ts'
import { isRecord, requireOneOf, requireText } from './validate.ts'

// The values of the referral's decision fields: a writer's check (throws a ModelError) and a
// reader's parse (undefined for anything this version cannot read) for each.

export function requireStatusValue(status: unknown, reason: unknown): StatusValue {
  const code = requireOneOf(status, REFERRAL_STATUSES, 'invalid-status', 'referral status')
  if (reason !== undefined && typeof reason !== 'string') {
    throw new ModelError('reason-required', 'a reason must be text')
  }
  const text = reason?.trim() ?? ''
  if (text === '' && reasonRequired(code)) {
    throw new ModelError('reason-required', `a reason is required for ${code}`)
  }
  return text === '' ? { status: code } : { status: code, reason: text }
}

export function parseStatusValue(value: Json): StatusValue | undefined {
  if (!isRecord(value) || !isReferralStatus(value.status)) return
  const status: ReferralStatus = value.status
  if (value.reason === undefined) return reasonRequired(status) ? undefined : { status }
  if (typeof value.reason !== 'string') return
  return { status, reason: value.reason }
}

export const requireUrgency = (value: unknown): Urgency =>
  requireOneOf(value, URGENCIES, 'invalid-urgency', 'urgency')

export const parseUrgency = (value: Json): Urgency | undefined =>
  URGENCIES.includes(value as Urgency) ? (value as Urgency) : undefined

/** A deadline value: a date, or null when a deadline was removed. */
export const parseDeadline = (value: Json): string | null | undefined =>
  value === null || isIsoDate(value) ? value : undefined

export function requireLegalBasis(value: LegalBasis): LegalBasis {
  if (!isRecord(value)) throw new ModelError('invalid-legal-basis', 'legal basis must be a record')
  const basis = requireOneOf(value.basis, LEGAL_BASES, 'invalid-legal-basis', 'legal basis')
  if (value.note !== undefined && typeof value.note !== 'string') {
    throw new ModelError('invalid-legal-basis', 'legal basis note must be text')
  }
  const note = value.note?.trim() ?? ''
  // 'other' means nothing without saying which basis it is.
  if (basis === 'other' && note === '') {
    throw new ModelError('invalid-legal-basis', "the basis 'other' needs a note naming it")
  }
  return note === '' ? { basis } : { basis, note }
}

export function parseLegalBasis(value: Json): LegalBasis | undefined {
  if (!isRecord(value) || !LEGAL_BASES.includes(value.basis as LegalBasisCode)) return
  const basis = value.basis as LegalBasisCode
  if (value.note === undefined) return { basis }
  return typeof value.note === 'string' ? { basis, note: value.note } : undefined
}

/** Each category once, in the list's order, so equal choices compare equal (D5). */
export function requireCategories(values: readonly unknown[]): DataCategory[] {
  if (!Array.isArray(values)) {
    throw new ModelError('invalid-data-category', 'data categories must be a list')
  }
  for (const v of values) {
    requireOneOf(v, DATA_CATEGORIES, 'invalid-data-category', 'data category')
  }
  return DATA_CATEGORIES.filter((c) => values.includes(c))
}

export function parseCategories(value: Json): DataCategory[] | undefined {
  if (!Array.isArray(value)) return
  if (!value.every((v) => DATA_CATEGORIES.includes(v as DataCategory))) return
  return DATA_CATEGORIES.filter((c) => value.includes(c))
}

export const requireOutcome = (value: unknown): OutcomeCode =>
  requireOneOf(value, OUTCOME_CODES, 'invalid-outcome', 'outcome')

export const parseOutcome = (value: Json): OutcomeCode | undefined =>
  OUTCOME_CODES.includes(value as OutcomeCode) ? (value as OutcomeCode) : undefined

export function requireReceiver(value: unknown, referringAgencyId: string): string {
  const id = requireText(value, 'invalid-party', 'receiving agency id')
  if (id === referringAgencyId) {
    throw new ModelError('invalid-party', 'an agency cannot refer to itself')
  }
  return id
}

/**
 * RF8: a pseudonymous code, never a name: 1–40 letters, digits and . _ / - with at least one
 * digit, which a surname or a first name never has.
 */
const PERSON_CODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/

export function requirePerson(person: PersonRef): PersonRef {
  const kind = requireOneOf(person?.kind ?? 'person', PERSON_KINDS, 'invalid-person-code', 'kind')
  const code = typeof person?.code === 'string' ? person.code.trim() : ''
  if (!PERSON_CODE.test(code)) {
    throw new ModelError('invalid-person-code', 'the person code must be a pseudonymous code')
  }
  return { kind, code }
}

export function requireService(service: Service): { id?: string; name?: string } {
  const id = optionalText(service.id, 'invalid-id', 'service id')
  const name = optionalText(service.name, 'invalid-name', 'service name')
  if (id === undefined && name === undefined) {
    throw new ModelError('invalid-id', 'a service needs an id or a name')
  }
  return { ...(id !== undefined && { id }), ...(name !== undefined && { name }) }
}
