import type * as Y from 'yjs'
import { readDecision, resolveDispute } from './decision.ts'
import type { Assertion } from './decision.ts'
import { readMeta } from './document.ts'
import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { MEDIATION_MAPS, readRecords, requireMediator, settleField } from './mediation-store.ts'
import { parseDecision, parseLink, requireDecisionValue } from './mediation-values.ts'
import { requireOutcomeValue } from './mediation-values.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import type { MediationDecision, MediationOutcome } from './mediation-vocab.ts'
import { resolveReferralDispute } from './referral-workflow.ts'
import type { ReferralDecisionField } from './referral-workflow.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// From disagreement to decision: the mediator records the decision (or the parties' agreement)
// with its rationale in the log, then writes the decided value into the disputed field of the
// source document as a resolution that saw every candidate, naming the mediation (D10, MD9).

/**
 * MD9: only the mediator records the decision; the rationale is required. A decision field of
 * the log: recording it again replaces it (and settles it should the mediator's own devices have
 * recorded two). Returns the assertion, or undefined when the same decision was already settled.
 */
export function recordDecision(
  doc: Y.Doc,
  decision: MediationDecision,
  actor: Actor,
  opts: { now?: Date } = {},
): Assertion | undefined {
  const { id } = requireMediator(doc, actor)
  const value = requireDecisionValue(decision)
  const settle = { ...opts, rationale: value.rationale, mediationId: id }
  return settleField(doc, MEDIATION_FIELDS.decision, { ...value }, actor, settle)
}

/** The settled decision, or undefined while none is recorded (or it is disputed). */
export function settledDecision(doc: Y.Doc): MediationDecision | undefined {
  const state = readDecision(doc, MEDIATION_FIELDS.decision)
  return state.state === 'settled' ? parseDecision(state.value) : undefined
}

/**
 * MD11: only the mediator records the outcome, which closes the log to stage moves; `resolved`
 * needs a recorded decision (decision-required). The note settles a disputed outcome.
 */
export function recordMediationOutcome(
  doc: Y.Doc,
  outcome: MediationOutcome,
  actor: Actor,
  opts: { now?: Date; note?: string } = {},
): Assertion | undefined {
  const { id } = requireMediator(doc, actor)
  const value = requireOutcomeValue(outcome, opts.note)
  if (value.outcome === 'resolved' && settledDecision(doc) === undefined) {
    throw new ModelError('decision-required', 'record the decision before resolving')
  }
  const settle = {
    mediationId: id,
    ...(opts.now && { now: opts.now }),
    ...(value.note !== undefined && { rationale: value.note }),
  }
  return settleField(doc, MEDIATION_FIELDS.outcome, { ...value }, actor, settle)
}

/**
 * MD12: writes the decided value into the disputed field of the source document as a resolution
 * that saw all its candidates, with the rationale and the mediation id, so the dispute is settled
 * on every replica once they sync. Refused when the field is not disputed (not-disputed). A
 * referral's field must hold a well-formed value for that field (RF5).
 */
export function applyDecision(
  sourceDoc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor,
  note: { rationale: string; mediationId: string },
  opts: { now?: Date } = {},
): Assertion {
  const mediationId = requireText(note.mediationId, 'invalid-id', 'mediation id')
  const clean = { rationale: note.rationale, mediationId }
  if (readMeta(sourceDoc)?.kind === 'referral') {
    resolveReferralDispute(sourceDoc, field as ReferralDecisionField, value, actor, clean, opts)
    const state = readDecision(sourceDoc, field)
    if (state.state !== 'settled') throw new ModelError('field-disputed', `${field} still disputed`)
    return state.by
  }
  return resolveDispute(sourceDoc, field, value, actor, clean, opts)
}

/**
 * MD12: applies the decision recorded in the log to the field it links in `sourceDocumentId`:
 * the mediator only, with the log's own value and rationale, so the two cannot differ. Refused
 * without a recorded decision value (decision-required) or a link to a field of that document
 * (invalid-field).
 */
export function applyRecordedDecision(
  doc: Y.Doc,
  sourceDoc: Y.Doc,
  sourceDocumentId: string,
  actor: Actor,
  opts: { now?: Date } = {},
): Assertion {
  const { id } = requireMediator(doc, actor)
  const decision = settledDecision(doc)
  if (decision?.value === undefined) {
    throw new ModelError('decision-required', 'no decided value is recorded')
  }
  const link = readRecords(doc, MEDIATION_MAPS.links, parseLink).find(
    (l) => l.documentId === sourceDocumentId && l.field !== undefined,
  )
  if (link?.field === undefined) {
    throw new ModelError('invalid-field', `the mediation links no field of ${sourceDocumentId}`)
  }
  const note = { rationale: decision.rationale, mediationId: id }
  return applyDecision(sourceDoc, link.field, decision.value, actor, note, opts)
}

/** Whether the field is settled by a resolution naming this mediation (MD12). */
export function decisionApplied(sourceDoc: Y.Doc, field: string, mediationId: string): boolean {
  const state = readDecision(sourceDoc, field)
  return state.state === 'settled' && state.by.note?.mediationId === mediationId
}
