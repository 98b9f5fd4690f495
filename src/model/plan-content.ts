import { digest } from 'lib0/hash/sha256'
import type * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import { compareCodeUnits } from './order.ts'
import { ALL_PLAN_TEXT_FIELDS } from './plan.ts'
import { readActions } from './plan-actions.ts'
import { readCommitments, readContingency } from './plan-commitments.ts'
import { readGoals } from './plan-goals.ts'
import { readProblems } from './plan-problems.ts'
import { detail, readParticipants, requireHeader } from './plan-store.ts'
import { actionField, familyPositionField, goalField, PLAN_FIELDS } from './plan-vocab.ts'
import { resolveDecision } from './register.ts'
import type { Assertion } from './register.ts'
import { textField } from './text-field.ts'

// FP21: what the participants acknowledge and the supervisor approves, as canonical JSON (sorted
// keys, records by id), and its SHA-256. The plan as agreed: details, participants, the analysis
// and goals in words, problems with their ranking, selection and the family's positions, goals
// with target dates, actions with deadlines and who does and checks them, obligations and the
// contingency plan. Not what happens afterwards: status, progress, action statuses, meetings,
// minutes, reviews, amendments (their effect is in the content), acknowledgements or approval.

export function planCanonicalContent(doc: Y.Doc): string {
  const header = requireHeader(doc)
  const byField = new Map<string, Assertion[]>()
  for (const a of listAssertions(doc)) byField.set(a.field, [...(byField.get(a.field) ?? []), a])
  const decision = (field: string) => decisionContent(byField.get(field) ?? [])
  const text = Object.fromEntries(ALL_PLAN_TEXT_FIELDS.map((f) => [f, textField(doc, f).read()]))
  const content = {
    v: 1,
    planId: header.id,
    leadAgencyId: header.leadAgencyId,
    variant: jsonOrNull(detail(doc, 'variant')),
    leadWorker: jsonOrNull(detail(doc, 'leadWorker')),
    languages: jsonOrNull(detail(doc, 'languages')),
    period: decision(PLAN_FIELDS.period),
    participants: readParticipants(doc),
    text,
    problems: readProblems(doc).map(({ id, text }) => ({
      id,
      text,
      family: decision(familyPositionField(id)),
    })),
    ranking: decision(PLAN_FIELDS.ranking),
    selection: decision(PLAN_FIELDS.selection),
    goals: readGoals(doc).map(({ id, text, indicator, problemIds }) => ({
      id,
      text,
      indicator,
      problemIds,
      targetDate: decision(goalField(id, 'targetDate')),
    })),
    actions: readActions(doc).map(({ createdAt: _a, createdBy: _b, ...action }) => ({
      ...action,
      deadline: decision(actionField(action.id, 'deadline')),
      responsible: decision(actionField(action.id, 'responsible')),
    })),
    commitments: readCommitments(doc),
    contingency: readContingency(doc),
  }
  return canonicalJson(content as unknown as Json)
}

/** FP21: SHA-256 of the canonical content, lowercase hex (synchronous: lib0's digest). */
export function planContentHash(doc: Y.Doc): string {
  const bytes = digest(new TextEncoder().encode(planCanonicalContent(doc)))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A field's content: its settled value, null when empty, every candidate when disputed. */
function decisionContent(assertions: readonly Assertion[]): Json {
  const state = resolveDecision(assertions)
  if (state.state === 'empty') return null
  if (state.state === 'settled') return state.value
  return { disputed: state.candidates.map((c) => canonicalJson(c.value)).sort(compareCodeUnits) }
}

const jsonOrNull = (value: unknown): Json =>
  value === undefined ? null : (structuredClone(value) as Json)
