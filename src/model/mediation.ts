import type * as Y from 'yjs'
import { assertDecision } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ensureStructure } from './document.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { normalizeHolidays } from './mediation-calendar.ts'
import { storeParty } from './mediation-parties.ts'
import { addRecord, MEDIATION_MAPS, mediationMap, readHeader } from './mediation-store.ts'
import { requireMediator, requireParticipantValue, settleField } from './mediation-store.ts'
import { requireCategory, requireLink, requireMediationUrgency } from './mediation-values.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import type { MediationLinkKind, MediationCategory, MediationLink } from './mediation-vocab.ts'
import type { MediationUrgency, MediationParticipant } from './mediation-vocab.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Opening a mediation log (by hand or from a disputed field of another document) and its terms.

/** MD1: the mediation's genesis (its envelope only: positions come with their parties). */
export const ensureMediation = (doc: Y.Doc): void => {
  ensureStructure(doc, 'mediation', () => {})
}

export interface NewMediation {
  /** The document's id; a random one when omitted. */
  id?: string
  parties: MediationParticipant[]
  /** The supervisor who mediates (a member grant on the relay, MD13). */
  mediator: Actor
  links?: MediationLink[]
  category: MediationCategory
  urgency?: MediationUrgency
  /** The partnership's public holidays (YYYY-MM-DD) that working days skip (MD6). */
  holidays?: readonly string[]
}

/** MD1, MD2: opens the log at stage 1; anyone may send a disagreement to mediation. */
export function createMediation(
  doc: Y.Doc,
  draft: NewMediation,
  actor: Actor,
  opts: { now?: Date } = {},
): string {
  ensureMediation(doc)
  if (readHeader(doc) !== undefined) throw new ModelError('duplicate-id', 'mediation exists')
  const now = opts.now ?? new Date()
  const id = requireText(draft.id ?? randomId(), 'invalid-id', 'mediation id')
  const openedBy = {
    memberId: requireText(actor.memberId, 'invalid-id', 'member id'),
    agencyId: requireText(actor.agencyId, 'invalid-id', 'agency id'),
  }
  const mediator = {
    memberId: requireText(draft.mediator?.memberId, 'invalid-id', 'mediator member id'),
    agencyId: requireText(draft.mediator?.agencyId, 'invalid-id', 'mediator agency id'),
  }
  const parties = (draft.parties ?? []).map((p) => requireParticipantValue(p, 'party'))
  if (new Set(parties.map((p) => p.agencyId)).size !== parties.length || parties.length < 2) {
    throw new ModelError('invalid-party', 'a mediation has two or more parties, one per agency')
  }
  const links = (draft.links ?? []).map(requireLink)
  const category = requireCategory(draft.category)
  const urgency = requireMediationUrgency(draft.urgency ?? 'normal')
  const holidays = normalizeHolidays(draft.holidays ?? [])
  doc.transact(() => {
    const header = { id, openedAt: now.toISOString(), openedBy, mediator, holidays }
    mediationMap(doc, MEDIATION_MAPS.mediation).set('header', header)
    for (const party of parties) storeParty(doc, party, openedBy.memberId, now, randomId())
    for (const link of links) addRecord(doc, MEDIATION_MAPS.links, { id: randomId(), ...link })
    assertDecision(doc, MEDIATION_FIELDS.category, category, actor, { now })
    assertDecision(doc, MEDIATION_FIELDS.urgency, urgency, actor, { now })
  })
  return id
}

export interface DisputeToMediate {
  id?: string
  /** A disputed field of another document, as listDisputes or a summary (I8) gives it. */
  dispute: { field: string; candidates: readonly Pick<Assertion, 'agencyId' | 'memberId'>[] }
  sourceDocumentId: string
  sourceKind: MediationLinkKind
  mediator: Actor
  category: MediationCategory
  urgency?: MediationUrgency
  holidays?: readonly string[]
}

/**
 * MD2: a mediation of one disputed field, linked to it, whose parties are the candidates'
 * agencies (each with the member of its first candidate). A dispute among members of a single
 * agency is that agency's own matter (invalid-party).
 */
export function openMediation(
  doc: Y.Doc,
  from: DisputeToMediate,
  actor: Actor,
  opts: { now?: Date } = {},
): string {
  const parties = new Map<string, MediationParticipant>()
  for (const c of from.dispute.candidates) {
    if (!parties.has(c.agencyId))
      parties.set(c.agencyId, { agencyId: c.agencyId, memberId: c.memberId })
  }
  const link = {
    documentId: from.sourceDocumentId,
    kind: from.sourceKind,
    field: from.dispute.field,
  }
  return createMediation(
    doc,
    {
      ...(from.id !== undefined && { id: from.id }),
      parties: [...parties.values()],
      mediator: from.mediator,
      links: [link],
      category: from.category,
      ...(from.urgency !== undefined && { urgency: from.urgency }),
      ...(from.holidays !== undefined && { holidays: from.holidays }),
    },
    actor,
    opts,
  )
}

/** MD7: the mediator changes the category or urgency (a rationale settles a dispute of them). */
export function setMediationTerms(
  doc: Y.Doc,
  terms: { category?: MediationCategory; urgency?: MediationUrgency; rationale?: string },
  actor: Actor,
  opts: { now?: Date } = {},
): void {
  const { id } = requireMediator(doc, actor)
  const category = terms.category === undefined ? undefined : requireCategory(terms.category)
  const urgency = terms.urgency === undefined ? undefined : requireMediationUrgency(terms.urgency)
  const settle = {
    ...opts,
    mediationId: id,
    ...(terms.rationale && { rationale: terms.rationale }),
  }
  doc.transact(() => {
    if (category) settleField(doc, MEDIATION_FIELDS.category, category, actor, settle)
    if (urgency) settleField(doc, MEDIATION_FIELDS.urgency, urgency, actor, settle)
  })
}
