import { ModelError } from './errors.ts'
import { isJson } from './json.ts'
import type { Json } from './json.ts'
import {
  MEDIATION_LINK_KINDS,
  MEDIATION_CATEGORIES,
  MEDIATION_OUTCOMES,
} from './mediation-vocab.ts'
import { MEDIATION_URGENCIES, MEDIATION_STAGES } from './mediation-vocab.ts'
import type { MediationDecision, MediationLinkKind, MediationCategory } from './mediation-vocab.ts'
import type { MediationLink, MediationOutcome, MediationUrgency } from './mediation-vocab.ts'
import type { MediationOutcomeValue, MediationStage } from './mediation-vocab.ts'
import { isRecord, requireOneOf, requireText } from './validate.ts'

// Validation of what the mediation's writers take, and parsing of what its decision fields
// hold (a value written by a faulty client reads as undefined, never as a wrong value).

export function requireStage(value: unknown): MediationStage {
  const stage = parseStage(value)
  if (stage === undefined) throw new ModelError('invalid-stage', `no stage ${String(value)}`)
  return stage
}

export const requireCategory = (value: unknown): MediationCategory =>
  requireOneOf(value, MEDIATION_CATEGORIES, 'invalid-category', 'mediation category')

export const requireMediationUrgency = (value: unknown): MediationUrgency =>
  requireOneOf(value, MEDIATION_URGENCIES, 'invalid-urgency', 'mediation urgency')

export function requireLink(link: MediationLink | undefined): MediationLink {
  if (!isRecord(link)) throw new ModelError('invalid-value', 'a link is an object')
  const documentId = requireText(link.documentId, 'invalid-id', 'linked document id')
  const kind = requireOneOf(link.kind, MEDIATION_LINK_KINDS, 'invalid-kind', 'link kind')
  if (link.field === undefined) return { documentId, kind }
  return { documentId, kind, field: requireText(link.field, 'invalid-field', 'linked field') }
}

export function requireDecisionValue(decision: MediationDecision): MediationDecision {
  const rationale = requireText(decision.rationale, 'rationale-required', 'decision rationale')
  if (decision.value === undefined) return { rationale }
  if (!isJson(decision.value)) throw new ModelError('invalid-value', 'a decision is plain JSON')
  return { rationale, value: structuredClone(decision.value) }
}

export function requireOutcomeValue(outcome: unknown, note?: string): MediationOutcomeValue {
  const code = requireOneOf(outcome, MEDIATION_OUTCOMES, 'invalid-outcome', 'mediation outcome')
  const text = note?.trim()
  return text ? { outcome: code, note: text } : { outcome: code }
}

export const parseStage = (v: unknown): MediationStage | undefined =>
  MEDIATION_STAGES.includes(v as MediationStage) ? (v as MediationStage) : undefined

export const parseCategory = (v: Json): MediationCategory | undefined =>
  MEDIATION_CATEGORIES.includes(v as MediationCategory) ? (v as MediationCategory) : undefined

export const parseUrgency = (v: Json): MediationUrgency | undefined =>
  MEDIATION_URGENCIES.includes(v as MediationUrgency) ? (v as MediationUrgency) : undefined

export function parseDecision(v: Json): MediationDecision | undefined {
  if (!isRecord(v) || typeof v.rationale !== 'string') return
  return { rationale: v.rationale, ...(v.value !== undefined && { value: v.value }) }
}

export function parseOutcome(v: Json): MediationOutcomeValue | undefined {
  if (!isRecord(v) || !MEDIATION_OUTCOMES.includes(v.outcome as MediationOutcome)) return
  const outcome = v.outcome as MediationOutcome
  return typeof v.note === 'string' ? { outcome, note: v.note } : { outcome }
}

export function parseLink(raw: Record<string, unknown>): MediationLink | undefined {
  const { documentId, kind, field } = raw
  if (typeof documentId !== 'string' || !MEDIATION_LINK_KINDS.includes(kind as MediationLinkKind))
    return
  if (field !== undefined && typeof field !== 'string') return
  return { documentId, kind: kind as MediationLinkKind, ...(field !== undefined && { field }) }
}
