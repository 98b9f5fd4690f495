import type { IndexEntry } from './doc-index.ts'
import type { DocumentSummary } from './doc-summary.ts'
import { parseMediationDigest, supervisorConsole } from './mediation-summary.ts'
import type { MediationStage } from './mediation-vocab.ts'
import { compareCodeUnits } from './order.ts'
import { deadlineInForce, isActionOverdue } from './plan-overdue.ts'
import { asPlanForActions, parsePlanDigest } from './plan-summary.ts'
import type { PartyRef } from './plan-vocab.ts'
import { asInboxReferral, fallbackDigest, overdueParts } from './referral-summary.ts'
import { parseReferralDigest } from './referral-summary.ts'
import type { ReferralDigest } from './referral-summary.ts'
import { REFERRAL_STATUSES } from './referral-status.ts'
import { datePassed } from './referral-store.ts'
import type { FieldState } from './referral-vocab.ts'
import type { Actor } from './types.ts'

// The partnership's monitoring figures (DB1–DB9), pure: from the workspace's index entries and
// summaries (I7), the documents the member may read, a period and the time. Each figure picks
// its documents by the date that defines it, so that a period means the same thing everywhere.

/** Calendar days (YYYY-MM-DD, UTC), both included. */
export interface Period {
  from: string
  to: string
}

export interface DashboardQuery {
  entries: readonly IndexEntry[]
  summaries: ReadonlyMap<string, DocumentSummary>
  /** Ids of the documents the member may read (readableDocuments). */
  readable: ReadonlySet<string>
  period: Period
  now: Date
  /** One agency; the whole partnership when omitted. */
  agencyId?: string
}

export type StatusBucket = ReferralDigest['status']
export const STATUS_BUCKETS: readonly StatusBucket[] = [...REFERRAL_STATUSES, 'disputed', 'unknown']

/** A party responsible for plan actions: an agency, or the family. */
export type Responsible = { kind: 'agency'; agencyId: string } | { kind: 'family' }

export interface Dashboard {
  /** DB3: every bucket, in the workflow's order, zeros included. */
  referralsByStatus: { status: StatusBucket; count: number }[]
  /** DB4: overall and by receiving agency (agencies by id). */
  acceptance: {
    medianMs: number | null
    count: number
    byAgency: { agencyId: string; medianMs: number; count: number }[]
  }
  /** DB5: by the receiving agency, whose response is awaited. */
  overdueResponses: { total: number; byAgency: { agencyId: string; count: number }[] }
  /** DB9: responses due in the period and how many came in time, by receiving agency. */
  responsesInTime: {
    due: number
    inTime: number
    byAgency: { agencyId: string; due: number; inTime: number }[]
  }
  /** DB6: an action with a disputed responsible party counts once in the total, once per row. */
  overdueActions: { total: number; byResponsible: { responsible: Responsible; count: number }[] }
  /** DB7: stages 1–4, zeros included. */
  openMediations: {
    total: number
    breached: number
    byStage: { stage: MediationStage; open: number; breached: number }[]
  }
}

/**
 * DB1: the documents a member may read, as far as this device knows: those its agency owns,
 * those shared with its agency (the index's sharedWith) and those the relay granted the member
 * personally (a mediator's grant, MD13), as learned from the relay's grant list.
 */
export function readableDocuments(
  entries: readonly IndexEntry[],
  me: Actor,
  grantedToMe: ReadonlySet<string> = new Set(),
): Set<string> {
  return new Set(
    entries
      .filter(
        (e) =>
          e.ownerAgencyId === me.agencyId ||
          e.sharedWith.includes(me.agencyId) ||
          grantedToMe.has(e.id),
      )
      .map((e) => e.id),
  )
}

/** DB2: a date, or an instant's UTC day, lies within the period (both ends included). */
export const inPeriod = (dateOrInstant: string, period: Period): boolean => {
  const day = dateOrInstant.slice(0, 10)
  return period.from <= day && day <= period.to
}

/** DB4: the middle value, or the mean of the two middle ones; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] as number
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2
}

/** DB1–DB9: every figure of the dashboard. */
export function dashboard(q: DashboardQuery): Dashboard {
  const readable = q.entries.filter((e) => q.readable.has(e.id))
  const referrals = readable
    .filter((e) => e.kind === 'referral')
    .map((entry) => ({
      entry,
      digest: parseReferralDigest(q.summaries.get(entry.id)) ?? fallbackDigest(entry),
    }))
    .filter(
      ({ digest }) =>
        q.agencyId === undefined ||
        digest.referringAgencyId === q.agencyId ||
        digest.receivingAgencyId === q.agencyId,
    )
  return {
    referralsByStatus: referralsByStatus(referrals, q),
    acceptance: acceptance(referrals, q),
    overdueResponses: overdueResponses(referrals, q),
    responsesInTime: responsesInTime(referrals, q),
    overdueActions: overdueActions(readable, q),
    openMediations: openMediations(readable, q),
  }
}

type ReferralRow = { entry: IndexEntry; digest: ReferralDigest }

/** DB3: referrals created in the period, by their status now. */
function referralsByStatus(rows: readonly ReferralRow[], q: DashboardQuery) {
  const counts = new Map<StatusBucket, number>()
  for (const { entry, digest } of rows) {
    if (inPeriod(entry.createdAt, q.period)) {
      counts.set(digest.status, (counts.get(digest.status) ?? 0) + 1)
    }
  }
  return STATUS_BUCKETS.map((status) => ({ status, count: counts.get(status) ?? 0 }))
}

/** DB4: referrals accepted in the period: time from request to acceptance (RF29). */
function acceptance(rows: readonly ReferralRow[], q: DashboardQuery): Dashboard['acceptance'] {
  const times = rows.flatMap(({ digest }) => {
    const { requestedAt, acceptedAt } = digest
    if (requestedAt === null || acceptedAt === null || !inPeriod(acceptedAt, q.period)) return []
    // A device clock behind the requester's (D7) must not make a response time negative.
    const ms = Math.max(0, Date.parse(acceptedAt) - Date.parse(requestedAt))
    return [{ agencyId: digest.receivingAgencyId, ms }]
  })
  const byAgency = groupBy(times, (t) => t.agencyId).map(([agencyId, list]) => ({
    agencyId,
    medianMs: median(list.map((t) => t.ms)) ?? 0,
    count: list.length,
  }))
  return { medianMs: median(times.map((t) => t.ms)), count: times.length, byAgency }
}

/** DB5: respond-by in the period, passed now, still draft or requested (RF24's response part). */
function overdueResponses(rows: readonly ReferralRow[], q: DashboardQuery) {
  const overdue = rows.filter(
    ({ entry, digest }) =>
      digest.respondBy !== null &&
      inPeriod(digest.respondBy, q.period) &&
      overdueParts(asInboxReferral(entry, digest), q.now).respondBy,
  )
  return {
    total: overdue.length,
    byAgency: groupBy(overdue, (r) => r.digest.receivingAgencyId).map(([agencyId, list]) => ({
      agencyId,
      count: list.length,
    })),
  }
}

/**
 * DB9: referrals whose respond-by date lies in the period and whose response is due: answered
 * (RF31: first accepted or rejected), or still requested once the date has passed (RF17). In
 * time when the answer's UTC day is on or before the respond-by date. A draft, a referral
 * withdrawn before any answer, or one whose date has not passed yet is not counted.
 */
function responsesInTime(rows: readonly ReferralRow[], q: DashboardQuery) {
  const due = rows.flatMap(({ digest }) => {
    const { respondBy, respondedAt } = digest
    if (respondBy === null || !inPeriod(respondBy, q.period)) return []
    if (respondedAt !== null) {
      return [{ agencyId: digest.receivingAgencyId, inTime: respondedAt.slice(0, 10) <= respondBy }]
    }
    if (digest.status === 'requested' && datePassed(respondBy, q.now)) {
      return [{ agencyId: digest.receivingAgencyId, inTime: false }]
    }
    return []
  })
  const inTime = (list: readonly { inTime: boolean }[]) => list.filter((r) => r.inTime).length
  return {
    due: due.length,
    inTime: inTime(due),
    byAgency: groupBy(due, (r) => r.agencyId).map(([agencyId, list]) => ({
      agencyId,
      due: list.length,
      inTime: inTime(list),
    })),
  }
}

/** DB6: plan actions whose deadline in force lies in the period and that are overdue now (FP24). */
function overdueActions(entries: readonly IndexEntry[], q: DashboardQuery) {
  const counts = new Map<string, { responsible: Responsible; count: number }>()
  let total = 0
  for (const entry of entries.filter((e) => e.kind === 'plan')) {
    const digest = parsePlanDigest(q.summaries.get(entry.id))
    if (digest === undefined) continue
    const plan = asPlanForActions(entry.id, digest)
    for (const action of plan.goals.flatMap((g) => g.actions)) {
      const deadline = deadlineInForce(action.deadline)
      if (deadline === undefined || !inPeriod(deadline, q.period)) continue
      if (!isActionOverdue(action, q.now, plan.status)) continue
      const parties = responsibleParties(action.responsible).filter(
        (r) => q.agencyId === undefined || (r.kind === 'agency' && r.agencyId === q.agencyId),
      )
      if (parties.length === 0) continue
      total += 1
      for (const responsible of parties) {
        const key = responsible.kind === 'agency' ? `agency:${responsible.agencyId}` : 'family'
        const row = counts.get(key) ?? { responsible, count: 0 }
        counts.set(key, { ...row, count: row.count + 1 })
      }
    }
  }
  const byResponsible = [...counts].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, row]) => row)
  return { total, byResponsible }
}

/** Each agency (and the family) responsible, every candidate's while disputed, once each. */
function responsibleParties(field: FieldState<PartyRef>): Responsible[] {
  const refs =
    field.state === 'settled'
      ? [field.value]
      : field.state === 'disputed'
        ? field.candidates.map((c) => c.value)
        : []
  const agencies = [
    ...new Set(refs.flatMap((r) => (r.kind === 'professional' ? [r.agencyId] : []))),
  ]
  return [
    ...agencies.map((agencyId): Responsible => ({ kind: 'agency', agencyId })),
    ...(refs.some((r) => r.kind === 'family') ? [{ kind: 'family' } as const] : []),
  ]
}

/**
 * DB7: mediations still open now (no outcome) that were opened on or before the period's last
 * day, by stage; breached when now has reached the deadline (MD6).
 */
function openMediations(entries: readonly IndexEntry[], q: DashboardQuery) {
  const items = entries.flatMap((entry) => {
    const digest =
      entry.kind === 'mediation' ? parseMediationDigest(q.summaries.get(entry.id)) : undefined
    if (digest === undefined || entry.createdAt.slice(0, 10) > q.period.to) return []
    if (q.agencyId !== undefined && !digest.partyAgencyIds.includes(q.agencyId)) return []
    return [{ id: entry.id, digest, learningPoints: [] }]
  })
  const byStage = supervisorConsole(items, q.now).open.map(({ stage, rows }) => ({
    stage,
    open: rows.length,
    breached: rows.filter((r) => r.breached).length,
  }))
  return {
    total: byStage.reduce((n, r) => n + r.open, 0),
    breached: byStage.reduce((n, r) => n + r.breached, 0),
    byStage,
  }
}

/** Groups by key, keys in code-unit order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return [...groups].sort(([a], [b]) => compareCodeUnits(a, b))
}
