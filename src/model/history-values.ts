import type { Json } from './json.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import {
  parseCategory as parseMediationCategory,
  parseDecision as parseMediationDecision,
  parseOutcome as parseMediationOutcome,
  parseUrgency as parseMediationUrgency,
} from './mediation-values.ts'
import { ATTENDANCE, COMMITMENT_TYPES, FAMILY_ROLES, PLAN_FIELDS } from './plan-vocab.ts'
import { PLAN_VARIANTS } from './plan-vocab.ts'
import {
  parseActionStatus,
  parseApproval,
  parseDate,
  parseFamilyPosition,
  parsePartyRef,
  parsePeriod,
  parsePlanStatusValue,
  parseProgress,
} from './plan-values.ts'
import { isIsoDate } from './referral-store.ts'
import {
  parseCategories,
  parseDeadline,
  parseLegalBasis,
  parseOutcome,
  parseStatusValue,
  parseUrgency,
} from './referral-values.ts'
import { REFERRAL_FIELDS, SHARING_FIELD_PREFIX } from './referral-vocab.ts'
import { isIsoInstant, isRecord } from './validate.ts'

// Values of a document as a history shows them (H4): each decision field read with its own
// parser into a date, a period, a code of its value list or names of agencies, and any other
// value reduced to its readable parts, so that no reader ever sees a record as JSON.

/** A value in parts a screen can put into words; codes are those of the field's value list. */
export type ReadableValue =
  | { type: 'none' }
  | { type: 'text'; text: string }
  | { type: 'date'; date: string }
  | { type: 'time'; at: string }
  | { type: 'period'; from: string; to: string }
  | { type: 'code'; code: string; note?: string }
  | { type: 'codes'; codes: string[] }
  | { type: 'count'; count: number }
  | { type: 'agency'; id: string }
  | { type: 'member'; id: string }
  | { type: 'family' }
  | { type: 'list'; items: ReadableValue[] }

/** Every kind of decision field of referrals, plans and mediations, whatever record it is of. */
export const DECISION_NAMES = [
  ...Object.values(REFERRAL_FIELDS),
  'referral.sharing',
  ...Object.values(PLAN_FIELDS),
  'plan.problem.family',
  'plan.goal.targetDate',
  'plan.goal.progress',
  'plan.action.deadline',
  'plan.action.responsible',
  'plan.action.status',
  ...Object.values(MEDIATION_FIELDS),
  'other',
] as const
export type DecisionName = (typeof DECISION_NAMES)[number]

/** The record a per-record field is of: a plan's action, goal or problem, or the recipient. */
export interface DecisionSubject {
  map: 'actions' | 'goals' | 'problems' | 'agency'
  id: string
}

const PER_RECORD: [RegExp, DecisionName, DecisionSubject['map']][] = [
  [/^plan\.problem\.(.+)\.family$/, 'plan.problem.family', 'problems'],
  [/^plan\.goal\.(.+)\.targetDate$/, 'plan.goal.targetDate', 'goals'],
  [/^plan\.goal\.(.+)\.progress$/, 'plan.goal.progress', 'goals'],
  [/^plan\.action\.(.+)\.deadline$/, 'plan.action.deadline', 'actions'],
  [/^plan\.action\.(.+)\.responsible$/, 'plan.action.responsible', 'actions'],
  [/^plan\.action\.(.+)\.status$/, 'plan.action.status', 'actions'],
]

/** What a decision field is, by its name in the register, and whose record it belongs to. */
export function decisionName(field: string): { name: DecisionName; subject?: DecisionSubject } {
  if (field.startsWith(SHARING_FIELD_PREFIX)) {
    const id = field.slice(SHARING_FIELD_PREFIX.length)
    return { name: 'referral.sharing', subject: { map: 'agency', id } }
  }
  for (const [re, name, map] of PER_RECORD) {
    const id = re.exec(field)?.[1]
    if (id !== undefined) return { name, subject: { map, id } }
  }
  const fixed = DECISION_NAMES.find((n) => n === field && n !== 'other')
  return { name: fixed ?? 'other' }
}

const code = (c: string | undefined, note?: string): ReadableValue | undefined =>
  c === undefined ? undefined : { type: 'code', code: c, ...(note ? { note } : {}) }

const day = (d: string | null | undefined): ReadableValue | undefined =>
  d === undefined ? undefined : d === null ? { type: 'none' } : { type: 'date', date: d }

const READERS: Partial<Record<DecisionName, (v: Json) => ReadableValue | undefined>> = {
  'referral.status': (v) => {
    const s = parseStatusValue(v)
    return code(s?.status, s?.reason)
  },
  'referral.urgency': (v) => code(parseUrgency(v)),
  'referral.respondBy': (v) => day(parseDeadline(v)),
  'referral.completeBy': (v) => day(parseDeadline(v)),
  'referral.legalBasis': (v) => {
    const b = parseLegalBasis(v)
    return code(b?.basis, b?.note)
  },
  'referral.outcome': (v) => code(parseOutcome(v)),
  'referral.sharing': (v) => {
    const list = parseCategories(v)
    return list && { type: 'codes', codes: list }
  },
  'plan.status': (v) => {
    const s = parsePlanStatusValue(v)
    return code(s?.status, s?.reason)
  },
  'plan.period': (v) => {
    const p = parsePeriod(v)
    return p && { type: 'period', from: p.from, to: p.to }
  },
  'plan.problems.ranking': (v) =>
    Array.isArray(v) ? { type: 'count', count: v.length } : undefined,
  'plan.problems.selected': (v) =>
    Array.isArray(v) ? { type: 'count', count: v.length } : undefined,
  'plan.approval': (v) => {
    const a = parseApproval(v)
    return code(a?.state, a?.comments)
  },
  'plan.problem.family': (v) => {
    const p = parseFamilyPosition(v)
    return code(p?.position, p?.comment)
  },
  'plan.goal.targetDate': (v) => day(parseDate(v)),
  'plan.goal.progress': (v) => code(parseProgress(v)),
  'plan.action.deadline': (v) => day(parseDate(v)),
  'plan.action.responsible': (v) => {
    const p = parsePartyRef(v)
    if (p === undefined) return undefined
    if (p.kind === 'family') return { type: 'family' }
    const agency: ReadableValue = { type: 'agency', id: p.agencyId }
    return p.memberId === undefined
      ? agency
      : { type: 'list', items: [agency, { type: 'member', id: p.memberId }] }
  },
  'plan.action.status': (v) => {
    const s = parseActionStatus(v)
    return code(s?.status, s?.reason)
  },
  'mediation.category': (v) => code(parseMediationCategory(v)),
  'mediation.urgency': (v) => code(parseMediationUrgency(v)),
  'mediation.decision': (v) => {
    const d = parseMediationDecision(v)
    return d && { type: 'text', text: d.rationale }
  },
  'mediation.outcome': (v) => {
    const o = parseMediationOutcome(v)
    return code(o?.outcome, o?.note)
  },
}

/** A decision field's value; a value its parser refuses reads as any other value would. */
export const decisionValue = (name: DecisionName, value: Json): ReadableValue =>
  READERS[name]?.(value) ?? readable(value)

/**
 * Keys of a stored record that only say who wrote it, when, or which other record it belongs
 * to: the history's entry already says who, and an id means nothing to a reader.
 */
const BOOKKEEPING =
  /^(id|seen|hash|at|kind|recordedByAgency|(created|added|recorded|opened)(At|By))$|Ids?$/

const codeIn = (list: readonly string[], v: unknown): ReadableValue[] =>
  typeof v === 'string' && list.includes(v) ? [{ type: 'code', code: v }] : []

/**
 * Records whose parts include a code of a value list (read as codes, so a screen names them in
 * its language), by the record's name in a history (see history-fields.ts).
 */
const RECORD_READERS: Record<string, (v: Record<string, unknown>) => ReadableValue[]> = {
  'plan.participants': (v) =>
    v.kind === 'family'
      ? [{ type: 'family' }, ...parts(v.code as Json), ...codeIn(FAMILY_ROLES, v.familyRole)]
      : [
          ...parts({ agencyId: v.agencyId, memberId: v.memberId } as Json),
          ...parts(v.role as Json),
        ],
  'plan.commitments': (v) => [
    ...parts(v.side as Json),
    ...codeIn(COMMITMENT_TYPES, v.type),
    ...parts(v.text as Json),
  ],
  'plan.attendance': (v) => codeIn(ATTENDANCE, v.response),
}

/** A stored record's value: by its own reader if it has one, else in its readable parts. */
export function recordReadable(name: string, value: Json): ReadableValue {
  const reader = RECORD_READERS[name]
  if (name === 'plan.variant') {
    const variant = codeIn(PLAN_VARIANTS, value)
    return variant[0] ?? readable(value)
  }
  return reader && isRecord(value) ? list(reader(value)) : readable(value)
}

const list = (items: ReadableValue[]): ReadableValue =>
  items.length === 0 ? { type: 'none' } : items.length === 1 ? items[0]! : { type: 'list', items }

/** Any stored value in its readable parts: names of agencies and members, dates, words. */
export const readable = (value: Json): ReadableValue => list(parts(value))

function parts(value: Json): ReadableValue[] {
  if (value === null || typeof value === 'boolean') return []
  if (typeof value === 'number') return [{ type: 'text', text: String(value) }]
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === '') return []
    if (isIsoDate(text)) return [{ type: 'date', date: text }]
    return [isIsoInstant(text) ? { type: 'time', at: text } : { type: 'text', text }]
  }
  if (Array.isArray(value)) return value.flatMap(parts)
  if (!isRecord(value)) return []
  const out: ReadableValue[] = value.kind === 'family' ? [{ type: 'family' }] : []
  for (const [key, v] of Object.entries(value)) {
    if (key === 'agencyId' && typeof v === 'string') out.push({ type: 'agency', id: v })
    else if (key === 'memberId' && typeof v === 'string') out.push({ type: 'member', id: v })
    else if (!BOOKKEEPING.test(key)) out.push(...parts(v as Json))
  }
  return out
}
