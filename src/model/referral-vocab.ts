// The referral's vocabulary: value lists (exported so validation and UI pickers share them),
// the names of its decision fields, and the shapes of its stored records.

/** FHIR ServiceRequest/Task priority codes (http://hl7.org/fhir/request-priority). */
export const URGENCIES = ['routine', 'urgent', 'asap', 'stat'] as const
export type Urgency = (typeof URGENCIES)[number]

/** The person referred, or a whole family (exported to FHIR as Patient or Group). */
export const PERSON_KINDS = ['person', 'family'] as const
export type PersonKind = (typeof PERSON_KINDS)[number]

/**
 * The legal basis for sharing (GDPR art. 6(1) a, c, d, e, or another basis explained in the
 * note). Kept apart from consent to the service: a person may consent to help while the data
 * travel on a statutory duty, and withdrawing consent does not undo that duty.
 */
export const LEGAL_BASES = [
  'consent',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'other',
] as const
export type LegalBasisCode = (typeof LEGAL_BASES)[number]

export const DATA_CATEGORIES = [
  'contact',
  'family-situation',
  'health',
  'addiction',
  'violence',
  'criminal',
  'education',
  'financial',
] as const
export type DataCategory = (typeof DATA_CATEGORIES)[number]

export const OUTCOME_CODES = [
  'achieved',
  'partially-achieved',
  'not-achieved',
  'declined-by-person',
  'referred-on',
] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

/** The consent scope that allows identifying details in the shared document. */
export const SHARE_IDENTITY = 'share-identity'

/** Names of the referral's decision fields in the document's register. */
export const REFERRAL_FIELDS = {
  status: 'referral.status',
  urgency: 'referral.urgency',
  respondBy: 'referral.respondBy',
  completeBy: 'referral.completeBy',
  legalBasis: 'referral.legalBasis',
  outcome: 'referral.outcome',
} as const
/** Data categories shared with one recipient agency: one decision field per recipient. */
export const SHARING_FIELD_PREFIX = 'referral.sharing.'
export const sharingField = (agencyId: string): string => `${SHARING_FIELD_PREFIX}${agencyId}`

/** The Y.Text fields, created at genesis. */
export const REFERRAL_TEXT_FIELDS = ['reason', 'request', 'outcome.note'] as const
export type ReferralTextField = (typeof REFERRAL_TEXT_FIELDS)[number]

export interface Parties {
  referringAgencyId: string
  referringMemberId: string
  receivingAgencyId: string
}

export interface Service {
  id?: string
  name?: string
}

export interface PersonRef {
  kind: PersonKind
  /** Pseudonymous code, e.g. R-2026-014: never a name. */
  code: string
}

export interface LegalBasis {
  basis: LegalBasisCode
  note?: string
}

export interface ConsentWithdrawal {
  /** When the person withdrew it (ISO instant). */
  at: string
  reason: string
  memberId: string
  agencyId: string
}

/** A consent as recorded; immutable once recorded (a new scope is a new consent). */
export interface ConsentRecord {
  id: string
  /** False when the person refused. */
  given: boolean
  /** Who gave it: a participant's code and role, e.g. { code: 'P1', role: 'mother' }. */
  givenBy: { code: string; role: string }
  /** When it was given (ISO instant). */
  givenAt: string
  scope: string[]
  /** Last day it holds (YYYY-MM-DD), if it expires. */
  expiresOn?: string
  recordedBy: string
  recordedByAgency: string
}

export interface Consent extends ConsentRecord {
  withdrawal?: ConsentWithdrawal
}

export interface ResponsibilityRecord {
  id: string
  agencyId: string
  what: string
  /** YYYY-MM-DD */
  dueBy?: string
  /** Who to contact about it: a name, phone or e-mail as the party wrote it. */
  contact?: string
}

export interface Responsibility extends ResponsibilityRecord {
  fulfilled?: { at: string; memberId: string; agencyId: string }
}

export interface ContactPoint {
  id: string
  agencyId: string
  name: string
  phone?: string
  email?: string
}

export interface IdentifyingDetails {
  name?: string
  dateOfBirth?: string
  address?: string
  phone?: string
}

export interface SignOff {
  id: string
  memberId: string
  agencyId: string
  at: string
  /** SHA-256 hex of canonicalContent when signed. */
  hash: string
  /** ECDSA P-256 / SHA-256 signature (IEEE P1363, base64) over the sign-off statement. */
  signature: string
  publicKeyJwk: JsonWebKey
}

/** Who made a decision and when, for display. */
export interface Attribution {
  assertionId: string
  memberId: string
  agencyId: string
  at: string
}

/**
 * A decision field as a screen sees it. 'unreadable' is a settled value that this version
 * cannot read (written by a faulty client); disputed candidates that cannot be read are left out.
 */
export type FieldState<T> =
  | { state: 'empty' }
  | { state: 'settled'; value: T; by: Attribution }
  | { state: 'disputed'; candidates: (Attribution & { value: T })[] }
  | { state: 'unreadable' }
