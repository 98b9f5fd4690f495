import type * as Y from 'yjs'
import { assertDecision, readDecision } from './decision.ts'
import { ensureStructure } from './document.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import {
  MAPS,
  map,
  readHeader,
  requireDate,
  requireParties,
  requireSide,
} from './referral-store.ts'
import { parseStatusValue, requirePerson, requireReceiver } from './referral-values.ts'
import { requireService, requireUrgency } from './referral-values.ts'
import { REFERRAL_FIELDS, REFERRAL_TEXT_FIELDS } from './referral-vocab.ts'
import type { PersonRef, ReferralTextField, Service, Urgency } from './referral-vocab.ts'
import { createTextFields, type TextField, textField } from './text-field.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Creating a referral and changing what it says. Status, outcome and the consent side live in
// their own modules; every writer checks which party the actor acts for (RF1).

/** Gives a new or opened document the referral's genesis (its text fields), exactly once. */
export const ensureReferral = (doc: Y.Doc): void => {
  ensureStructure(doc, 'referral', (genesis) => createTextFields(genesis, REFERRAL_TEXT_FIELDS))
}

export interface NewReferral {
  /** The document's id; a random one when omitted. */
  id?: string
  receivingAgencyId: string
  /** The referring worker; the actor when omitted. */
  referringMemberId?: string
  service?: Service
  person: PersonRef
  urgency?: Urgency
  respondBy?: string
  completeBy?: string
  reason?: string
  request?: string
}

export interface WriteOptions {
  now?: Date
  id?: string
}

/** RF1: the actor's agency refers; the referral starts as a draft with the actor as its author. */
export function createReferral(
  doc: Y.Doc,
  draft: NewReferral,
  actor: Actor,
  opts: { now?: Date } = {},
): string {
  ensureReferral(doc)
  if (readHeader(doc) !== undefined) throw new ModelError('duplicate-id', 'referral exists')
  const now = opts.now ?? new Date()
  const id = requireText(draft.id ?? randomId(), 'invalid-id', 'referral id')
  const referringAgencyId = requireText(actor.agencyId, 'invalid-id', 'agency id')
  const memberId = requireText(actor.memberId, 'invalid-id', 'member id')
  const receivingAgencyId = requireReceiver(draft.receivingAgencyId, referringAgencyId)
  const referringMemberId = requireText(
    draft.referringMemberId ?? memberId,
    'invalid-id',
    'referring member id',
  )
  const person = requirePerson(draft.person)
  const service = draft.service === undefined ? null : requireService(draft.service)
  const urgency = requireUrgency(draft.urgency ?? 'routine')
  const respondBy =
    draft.respondBy === undefined ? undefined : requireDate(draft.respondBy, 'respond-by')
  const completeBy =
    draft.completeBy === undefined ? undefined : requireDate(draft.completeBy, 'complete-by')
  const assert = (field: string, value: Json) => assertDecision(doc, field, value, actor, { now })
  doc.transact(() => {
    const referral = map(doc, MAPS.referral)
    referral.set('header', { id, createdAt: now.toISOString(), createdBy: memberId })
    referral.set('parties', { referringAgencyId, referringMemberId, receivingAgencyId })
    referral.set('service', service)
    referral.set('person', person)
    assert(REFERRAL_FIELDS.status, { status: 'draft' })
    assert(REFERRAL_FIELDS.urgency, urgency)
    if (respondBy !== undefined) assert(REFERRAL_FIELDS.respondBy, respondBy)
    if (completeBy !== undefined) assert(REFERRAL_FIELDS.completeBy, completeBy)
    if (draft.reason !== undefined) textField(doc, 'reason').write(draft.reason)
    if (draft.request !== undefined) textField(doc, 'request').write(draft.request)
  })
  return id
}

export interface ReferralPatch {
  referringMemberId?: string
  receivingAgencyId?: string
  person?: PersonRef
  service?: Service | null
}

/**
 * RF7: the referrer names its worker; the receiving agency and the person are changed by the
 * referrer only while the referral is a draft; either party names the service.
 */
export function updateReferral(doc: Y.Doc, patch: ReferralPatch, actor: Actor): void {
  const side = requireSide(doc, actor)
  const parties = requireParties(doc)
  const referral = map(doc, MAPS.referral)
  const needsDraft = patch.receivingAgencyId !== undefined || patch.person !== undefined
  if ((needsDraft || patch.referringMemberId !== undefined) && side !== 'referrer') {
    throw new ModelError('wrong-side', 'only the referring agency changes this')
  }
  if (needsDraft && !isDraft(doc)) {
    throw new ModelError('not-draft', 'the receiver and the person change only in a draft')
  }
  const next = { ...parties }
  if (patch.referringMemberId !== undefined) {
    next.referringMemberId = requireText(patch.referringMemberId, 'invalid-id', 'member id')
  }
  if (patch.receivingAgencyId !== undefined) {
    next.receivingAgencyId = requireReceiver(patch.receivingAgencyId, parties.referringAgencyId)
  }
  const person = patch.person === undefined ? undefined : requirePerson(patch.person)
  const service = patch.service ? requireService(patch.service) : patch.service
  doc.transact(() => {
    if (canonicalJson({ ...next }) !== canonicalJson({ ...parties })) referral.set('parties', next)
    if (person !== undefined) referral.set('person', person)
    if (service !== undefined) referral.set('service', service)
  })
}

export interface Terms {
  urgency?: Urgency
  respondBy?: string | null
  completeBy?: string | null
}

/** RF6: either party amends urgency and deadlines; each is a decision field (D4). */
export function setTerms(doc: Y.Doc, terms: Terms, actor: Actor, opts: WriteOptions = {}): void {
  requireSide(doc, actor)
  const values: [string, Json | undefined][] = [
    [
      REFERRAL_FIELDS.urgency,
      terms.urgency === undefined ? undefined : requireUrgency(terms.urgency),
    ],
    [REFERRAL_FIELDS.respondBy, deadline(terms.respondBy, 'respond-by')],
    [REFERRAL_FIELDS.completeBy, deadline(terms.completeBy, 'complete-by')],
  ]
  const changes = values.flatMap(([field, value]) => {
    if (value === undefined) return []
    const current = readDecision(doc, field)
    // Checked before writing anything, so that a refusal leaves no half-applied change.
    if (current.state === 'disputed') {
      throw new ModelError('field-disputed', `${field} is disputed; resolve the dispute instead`)
    }
    // Re-asserting the settled value would add history without a decision.
    const same =
      current.state === 'settled' && canonicalJson(current.value) === canonicalJson(value)
    return same ? [] : [{ field, value }]
  })
  doc.transact(() => {
    for (const { field, value } of changes) {
      assertDecision(doc, field, value, actor, { now: opts.now })
    }
  })
}

/** Who writes each text: the referrer's words, the receiver's outcome note (RF7, RF14). */
const TEXT_WRITER: Readonly<Record<ReferralTextField, 'referrer' | 'receiver'>> = {
  reason: 'referrer',
  request: 'referrer',
  'outcome.note': 'receiver',
}

/** A collaborative text field whose writes are refused for the other party. */
export function referralText(doc: Y.Doc, field: ReferralTextField, actor: Actor): TextField {
  const inner = textField(doc, field)
  return {
    ...inner,
    write: (value) => {
      requireSide(doc, actor, TEXT_WRITER[field])
      inner.write(value)
    },
  }
}

export function isDraft(doc: Y.Doc): boolean {
  const state = readDecision(doc, REFERRAL_FIELDS.status)
  return state.state === 'settled' && parseStatusValue(state.value)?.status === 'draft'
}

function deadline(value: string | null | undefined, what: string): Json | undefined {
  return value === undefined || value === null ? value : requireDate(value, what)
}
