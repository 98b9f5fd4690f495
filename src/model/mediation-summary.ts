import type { DocumentSummary } from './doc-summary.ts'
import type { Mediation } from './mediation-read.ts'
import { parseLink, parseStage } from './mediation-values.ts'
import { MEDIATION_CATEGORIES, MEDIATION_OUTCOMES, MEDIATION_URGENCIES } from './mediation-vocab.ts'
import type { LearningPoint, MediationCategory, MediationOutcome } from './mediation-vocab.ts'
import type { MediationLink } from './mediation-vocab.ts'
import type { MediationUrgency, MediationStage } from './mediation-vocab.ts'
import { compareCodeUnits } from './order.ts'
import { isIsoInstant, isRecord, isStringArray } from './validate.ts'

// A mediation's summary in the workspace (rule I7) and the supervisor's console built from
// summaries or read models. Nothing personal: no positions, notes, proposals, learning-point text
// or member ids. Like the referral's, it holds inputs that change only when the log changes (the
// deadline instant), never conclusions that depend on the date: whether a deadline is breached
// is decided by the reader, so a log nobody opened for a week still shows up as breached (MD15).

export const MEDIATION_SUMMARY_VERSION = 1

export type MediationDigest = {
  kind: 'mediation'
  v: typeof MEDIATION_SUMMARY_VERSION
  stage: MediationStage
  stageEnteredAt: string
  /** The urgency deadlines use (MD7). */
  urgency: MediationUrgency
  category: MediationCategory | 'disputed' | null
  /** When the current stage's time is up; null once closed. */
  deadline: string | null
  partyAgencyIds: string[]
  outcome: MediationOutcome | 'disputed' | null
  closedAt: string | null
  /** How many learning points were written (their text stays in the log). */
  learningPoints: number
  /** The records and fields it concerns (ids and field names only), so a dispute shows its log. */
  links: MediationLink[]
}

/** MD15: the summary of a mediation as read from its log. */
export function mediationDigest(read: Mediation): MediationDigest {
  const { category, outcome } = read
  const disputed = (state: string) => (state === 'disputed' ? 'disputed' : null)
  return {
    kind: 'mediation',
    v: MEDIATION_SUMMARY_VERSION,
    stage: read.stage,
    stageEnteredAt: read.stageEnteredAt,
    urgency: read.effectiveUrgency,
    category: category.state === 'settled' ? category.value : disputed(category.state),
    deadline: read.timeLeft?.deadline ?? null,
    partyAgencyIds: [...new Set(read.parties.map((p) => p.agencyId))].sort(compareCodeUnits),
    outcome: outcome.state === 'settled' ? outcome.value.outcome : disputed(outcome.state),
    closedAt: read.closedAt,
    learningPoints: read.learningPoints.length,
    links: read.links.map((l) => ({ ...l })),
  }
}

/** MD15: the digest as a workspace summary (setSummary takes plain JSON objects). */
export const mediationSummary = (read: Mediation): DocumentSummary => {
  const { links, ...rest } = mediationDigest(read)
  return { ...rest, links: links.map((l) => ({ ...l })) }
}

/** A summary written by this version; undefined for anything else. */
export function parseMediationDigest(
  raw: DocumentSummary | undefined,
): MediationDigest | undefined {
  if (!isRecord(raw) || raw.kind !== 'mediation' || raw.v !== MEDIATION_SUMMARY_VERSION) return
  const stage = parseStage(raw.stage)
  const { stageEnteredAt, urgency, category, deadline, partyAgencyIds, outcome, closedAt } = raw
  if (stage === undefined || !isIsoInstant(stageEnteredAt) || !isStringArray(partyAgencyIds)) return
  if (!MEDIATION_URGENCIES.includes(urgency as MediationUrgency)) return
  if (!isInstantOrNull(deadline) || !isInstantOrNull(closedAt)) return
  const oneOf = <T extends string>(v: unknown, list: readonly T[]) =>
    v === 'disputed' || list.includes(v as T) ? (v as T | 'disputed') : null
  return {
    kind: 'mediation',
    v: MEDIATION_SUMMARY_VERSION,
    stage,
    stageEnteredAt,
    urgency: urgency as MediationUrgency,
    category: oneOf(category, MEDIATION_CATEGORIES),
    deadline,
    partyAgencyIds: [...partyAgencyIds],
    outcome: oneOf(outcome, MEDIATION_OUTCOMES),
    closedAt,
    learningPoints: typeof raw.learningPoints === 'number' ? raw.learningPoints : 0,
    // Summaries written before links were summarised have none until the log is opened again.
    links: Array.isArray(raw.links)
      ? raw.links.flatMap((l) => {
          const link = isRecord(l) ? parseLink(l) : undefined
          return link ? [link] : []
        })
      : [],
  }
}

/** One mediation on the console: its digest and, when read from the log, its learning points. */
export interface ConsoleItem {
  id: string
  digest: MediationDigest
  learningPoints: LearningPoint[]
}

export interface ConsoleRow extends ConsoleItem {
  /** null once closed. */
  msLeft: number | null
  breached: boolean
}

export interface SupervisorConsole {
  /** Open mediations by stage (1 to 4, every stage listed): breached first, then by deadline. */
  open: { stage: MediationStage; rows: ConsoleRow[] }[]
  /** Closed within the last `recentDays` (any outcome), most recently closed first. */
  recentlyClosed: ConsoleRow[]
}

export const consoleItem = (read: Mediation): ConsoleItem => ({
  id: read.id,
  digest: mediationDigest(read),
  learningPoints: structuredClone(read.learningPoints),
})

/** Console items from the workspace's summaries; other kinds and unreadable ones are skipped. */
export function consoleItemsFromSummaries(
  summaries: ReadonlyMap<string, DocumentSummary>,
): ConsoleItem[] {
  return [...summaries].flatMap(([id, raw]) => {
    const digest = parseMediationDigest(raw)
    return digest ? [{ id, digest, learningPoints: [] }] : []
  })
}

/** MD16: the supervisor's console at `now`. */
export function supervisorConsole(
  items: readonly ConsoleItem[],
  now: Date,
  opts: { recentDays?: number } = {},
): SupervisorConsole {
  const rows: ConsoleRow[] = items.map((item) => {
    const open = item.digest.outcome === null && item.digest.deadline !== null
    const msLeft = open ? Date.parse(item.digest.deadline as string) - now.getTime() : null
    return { ...item, msLeft, breached: msLeft !== null && msLeft <= 0 }
  })
  const byUrgency = (a: ConsoleRow, b: ConsoleRow) =>
    Number(b.breached) - Number(a.breached) ||
    (a.msLeft ?? 0) - (b.msLeft ?? 0) ||
    compareCodeUnits(a.id, b.id)
  const since = now.getTime() - (opts.recentDays ?? 30) * 86_400_000
  return {
    open: ([1, 2, 3, 4] as const).map((stage) => ({
      stage,
      rows: rows.filter((r) => r.msLeft !== null && r.digest.stage === stage).sort(byUrgency),
    })),
    recentlyClosed: rows
      .filter((r) => r.digest.closedAt !== null && Date.parse(r.digest.closedAt) >= since)
      .sort(
        (a, b) =>
          compareCodeUnits(b.digest.closedAt ?? '', a.digest.closedAt ?? '') ||
          compareCodeUnits(a.id, b.id),
      ),
  }
}

const isInstantOrNull = (v: unknown): v is string | null => v === null || isIsoInstant(v)
