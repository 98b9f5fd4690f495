import type * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import { ModelError } from './errors.ts'
import { consentState, readConsents } from './referral-consent.ts'
import { fieldState, isIsoDate, MAPS, map, optionalText, readParties } from './referral-store.ts'
import { requireSide, settled, sideOf } from './referral-store.ts'
import { parseLegalBasis } from './referral-values.ts'
import { REFERRAL_FIELDS, SHARE_IDENTITY } from './referral-vocab.ts'
import type { Consent, FieldState, IdentifyingDetails, LegalBasis } from './referral-vocab.ts'
import type { Parties } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { isRecord } from './validate.ts'

// Identifying details (name, date of birth, address, phone) are the exception to the
// pseudonymous code: held apart in their own map, only while the law and the person allow
// it, and handed to a screen only for the two parties (RF12). The model cannot stop a
// reader of the Yjs document from seeing them; the relay's per-document access is what does.

const FIELDS = ['name', 'dateOfBirth', 'address', 'phone'] as const

/**
 * RF12: true only when a legal basis for sharing is settled and, if that basis is consent, a
 * valid consent (given, not expired, not withdrawn) covers 'share-identity'.
 */
export function mayHoldIdentifyingDetails(
  referral: { legalBasis: FieldState<LegalBasis>; consents: readonly Consent[] },
  now: Date = new Date(),
): boolean {
  const basis = settled(referral.legalBasis)
  if (basis === undefined) return false
  if (basis.basis !== 'consent') return true
  return referral.consents.some(
    (c) => consentState(c, now) === 'valid' && c.scope.includes(SHARE_IDENTITY),
  )
}

/** Whether the document allows identifying details now, read straight from the document. */
export function mayHoldIdentifyingDetailsIn(doc: Y.Doc, now: Date = new Date()): boolean {
  const legalBasis = fieldState(listAssertions(doc, REFERRAL_FIELDS.legalBasis), parseLegalBasis)
  return mayHoldIdentifyingDetails({ legalBasis, consents: readConsents(doc) }, now)
}

/** RF12: a party records identifying details; refused unless they may be held now. */
export function setIdentifyingDetails(
  doc: Y.Doc,
  details: IdentifyingDetails,
  actor: Actor,
  opts: { now?: Date } = {},
): IdentifyingDetails {
  requireSide(doc, actor)
  if (!mayHoldIdentifyingDetailsIn(doc, opts.now)) {
    throw new ModelError(
      'identity-not-allowed',
      'no legal basis or consent for identifying details',
    )
  }
  const clean: IdentifyingDetails = {}
  for (const key of FIELDS) {
    const value = optionalText(details[key], 'invalid-value', key)
    if (value !== undefined) clean[key] = value
  }
  if (clean.dateOfBirth !== undefined && !isIsoDate(clean.dateOfBirth)) {
    throw new ModelError('invalid-date', 'date of birth must be a YYYY-MM-DD date')
  }
  map(doc, MAPS.identity).set('details', clean)
  return { ...clean }
}

/** Erases the identifying details, e.g. after consent was withdrawn (RF12). */
export function clearIdentifyingDetails(doc: Y.Doc, actor: Actor): void {
  requireSide(doc, actor)
  map(doc, MAPS.identity).delete('details')
}

export interface IdentityView {
  /** Whether the document holds identifying details at all. */
  stored: boolean
  /** Whether they may be held now (RF12). */
  allowed: boolean
  /** Stored but no longer allowed: a party should erase them (clearIdentifyingDetails). */
  mustErase: boolean
  /** Only when stored and allowed; show only to the parties (identifyingDetailsFor). */
  details?: IdentifyingDetails
  /** The agencies allowed to see them: the referring and the receiving agency. */
  visibleTo: string[]
}

export function readIdentity(doc: Y.Doc, now: Date = new Date()): IdentityView {
  const raw = map(doc, MAPS.identity).get('details')
  const details = parseDetails(raw)
  const allowed = mayHoldIdentifyingDetailsIn(doc, now)
  const parties = readParties(doc)
  return {
    stored: details !== undefined,
    allowed,
    mustErase: details !== undefined && !allowed,
    ...(details !== undefined && allowed && { details }),
    visibleTo: parties ? [parties.referringAgencyId, parties.receivingAgencyId] : [],
  }
}

/** RF12: the details a viewer of `viewerAgencyId` may see, or undefined. */
export function identifyingDetailsFor(
  referral: { parties: Parties; identity: IdentityView },
  viewerAgencyId: string,
): IdentifyingDetails | undefined {
  if (sideOf(referral.parties, viewerAgencyId) === undefined) return undefined
  return referral.identity.details && { ...referral.identity.details }
}

function parseDetails(raw: unknown): IdentifyingDetails | undefined {
  if (!isRecord(raw)) return
  const details: IdentifyingDetails = {}
  for (const key of FIELDS) {
    const value = raw[key]
    if (typeof value === 'string') details[key] = value
  }
  return details
}
