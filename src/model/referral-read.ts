import type * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ModelError } from './errors.ts'
import { compareCodeUnits } from './order.ts'
import { readContactPoints, readResponsibilities } from './referral-commitments.ts'
import { consentState, readConsents } from './referral-consent.ts'
import type { ConsentState } from './referral-consent.ts'
import { readIdentity } from './referral-identity.ts'
import type { IdentityView } from './referral-identity.ts'
import { readSignOffs } from './referral-signoff.ts'
import type { StatusValue } from './referral-status.ts'
import { fieldState, MAPS, map, readHeader, readParties } from './referral-store.ts'
import { parseCategories, parseDeadline, parseLegalBasis } from './referral-values.ts'
import { parseOutcome, parseStatusValue, parseUrgency } from './referral-values.ts'
import { PERSON_KINDS, REFERRAL_FIELDS, SHARING_FIELD_PREFIX } from './referral-vocab.ts'
import type { Consent, ContactPoint, DataCategory, FieldState } from './referral-vocab.ts'
import type { LegalBasis, OutcomeCode, Parties, PersonKind, PersonRef } from './referral-vocab.ts'
import type { Responsibility, Service, SignOff, Urgency } from './referral-vocab.ts'
import { statusHistory } from './referral-workflow.ts'
import type { StatusChange } from './referral-workflow.ts'
import { textField } from './text-field.ts'
import { isRecord } from './validate.ts'

// The referral as a screen sees it: one plain object, a fresh copy on every read, with every
// decision field's state (settled, or disputed with its candidates) so that a disagreement is
// always on screen and never hidden behind one of the values.

export interface Referral {
  id: string
  createdAt: string
  /** Member id of the author. */
  createdBy: string
  parties: Parties
  service: Service | null
  person: PersonRef
  /** Reason and needs, in the referrer's words. */
  reason: string
  /** What is requested. */
  request: string
  urgency: FieldState<Urgency>
  /** YYYY-MM-DD; null when a deadline was removed. */
  respondBy: FieldState<string | null>
  completeBy: FieldState<string | null>
  status: FieldState<StatusValue>
  history: StatusChange[]
  legalBasis: FieldState<LegalBasis>
  /** Data categories shared with each recipient agency, by agency id. */
  sharing: { recipientAgencyId: string; categories: FieldState<DataCategory[]> }[]
  consents: (Consent & { state: ConsentState })[]
  responsibilities: Responsibility[]
  contacts: ContactPoint[]
  /** Flagged: show only to the parties (identifyingDetailsFor). */
  identity: IdentityView
  outcome: FieldState<OutcomeCode>
  outcomeNote: string
  /** As stored; verify them with verifySignOffs. */
  signOffs: SignOff[]
  /** Decision fields currently disputed, by field name. */
  disputedFields: string[]
  /** The time consent and identity states were computed for. */
  readAt: string
}

/** RF22: the whole referral; refused (not-found) while the document holds none yet. */
export function readReferral(doc: Y.Doc, now: Date = new Date()): Referral {
  const header = readHeader(doc)
  const parties = readParties(doc)
  const person = parsePerson(map(doc, MAPS.referral).get('person'))
  if (!header || !parties || !person)
    throw new ModelError('not-found', 'document holds no referral')
  const byField = groupByField(listAssertions(doc))
  const field = <T>(name: string, parse: (v: Assertion['value']) => T | undefined) =>
    fieldState(byField.get(name) ?? [], parse)
  const sharing = [...byField.keys()]
    .filter((f) => f.startsWith(SHARING_FIELD_PREFIX))
    .sort(compareCodeUnits)
    .map((f) => ({
      recipientAgencyId: f.slice(SHARING_FIELD_PREFIX.length),
      categories: field(f, parseCategories),
    }))
  const referral: Referral = {
    ...header,
    parties,
    service: parseService(map(doc, MAPS.referral).get('service')),
    person,
    reason: textField(doc, 'reason').read(),
    request: textField(doc, 'request').read(),
    urgency: field(REFERRAL_FIELDS.urgency, parseUrgency),
    respondBy: field(REFERRAL_FIELDS.respondBy, parseDeadline),
    completeBy: field(REFERRAL_FIELDS.completeBy, parseDeadline),
    status: field(REFERRAL_FIELDS.status, parseStatusValue),
    history: statusHistory(doc),
    legalBasis: field(REFERRAL_FIELDS.legalBasis, parseLegalBasis),
    sharing,
    consents: readConsents(doc).map((c) => ({ ...c, state: consentState(c, now) })),
    responsibilities: readResponsibilities(doc),
    contacts: readContactPoints(doc),
    identity: readIdentity(doc, now),
    outcome: field(REFERRAL_FIELDS.outcome, parseOutcome),
    outcomeNote: textField(doc, 'outcome.note').read(),
    signOffs: readSignOffs(doc),
    disputedFields: [],
    readAt: now.toISOString(),
  }
  referral.disputedFields = [...byField.keys()]
    .filter((f) => f.startsWith('referral.') && field(f, (v) => v).state === 'disputed')
    .sort(compareCodeUnits)
  return referral
}

/** Whether the document already holds a referral (it may still be loading or syncing). */
export const hasReferral = (doc: Y.Doc): boolean =>
  readHeader(doc) !== undefined && readParties(doc) !== undefined

const OBSERVED = ['meta', 'text', 'assertions', ...Object.values(MAPS)]

/** RF22: calls back once per transaction, local or remote, that changed anything the referral shows. */
export function observeReferral(doc: Y.Doc, onChange: () => void): () => void {
  const types = new Set<unknown>(OBSERVED.map((name) => doc.getMap(name)))
  const handler = (transaction: Y.Transaction): void => {
    // changedParentTypes holds every ancestor of every changed type, so an edit deep inside a
    // Y.Text of the 'text' map is seen as a change of that map.
    for (const type of transaction.changedParentTypes.keys()) {
      if (types.has(type)) return onChange()
    }
  }
  doc.on('afterTransaction', handler)
  return () => doc.off('afterTransaction', handler)
}

function groupByField(assertions: readonly Assertion[]): Map<string, Assertion[]> {
  const byField = new Map<string, Assertion[]>()
  for (const a of assertions) {
    const list = byField.get(a.field)
    if (list) list.push(a)
    else byField.set(a.field, [a])
  }
  return byField
}

function parsePerson(raw: unknown): PersonRef | undefined {
  if (!isRecord(raw) || typeof raw.code !== 'string') return
  if (!PERSON_KINDS.includes(raw.kind as PersonKind)) return
  return { kind: raw.kind as PersonKind, code: raw.code }
}

function parseService(raw: unknown): Service | null {
  if (!isRecord(raw)) return null
  const { id, name } = raw
  return {
    ...(typeof id === 'string' && { id }),
    ...(typeof name === 'string' && { name }),
  }
}
