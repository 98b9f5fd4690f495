import type * as Y from 'yjs'
import type { IndexEntry } from './doc-index.ts'
import type { DocumentSummary } from './doc-summary.ts'
import { observeTopLevelMaps } from './observe.ts'
import { compareCodeUnits } from './order.ts'
import { actionsFor, inbox, isOverdue } from './referral-inbox.ts'
import type { ActionReason, Inbox, ReferralSummary } from './referral-inbox.ts'
import { loopClosed } from './referral-outcome.ts'
import type { Referral } from './referral-read.ts'
import { isIsoDate } from './referral-store.ts'
import { isReferralStatus } from './referral-status.ts'
import type { ReferralStatus } from './referral-status.ts'
import { OUTCOME_CODES, URGENCIES } from './referral-vocab.ts'
import type { Attribution, FieldState, OutcomeCode, Urgency } from './referral-vocab.ts'
import { isIsoInstant, isRecord } from './validate.ts'

// A referral's summary in the workspace (rule I7): what an inbox needs to sort referrals into
// sent, received and needs-my-action, and to flag the overdue ones, without opening every
// referral document. Nothing personal: no person code (the index title holds the pseudonymous
// code already), no reason, request, note or commitment text, no member ids. It holds inputs,
// never conclusions that depend on the date, so it does not change from one day to the next:
// whether something is overdue is decided by the reader with the same rules as the document
// (RF23, RF24), by turning the summary back into the light object those rules read.

/** Bump when the shape changes; a reader ignores versions it does not know. */
export const REFERRAL_SUMMARY_VERSION = 1

export type ReferralDigest = {
  kind: 'referral'
  v: typeof REFERRAL_SUMMARY_VERSION
  referringAgencyId: string
  receivingAgencyId: string
  /** The settled status; 'disputed' (see candidates); 'unknown' when empty or unreadable. */
  status: ReferralStatus | 'disputed' | 'unknown'
  /** While the status is disputed: each candidate's status and agency, in the register's order. */
  candidates: { status: ReferralStatus; agencyId: string }[]
  /** The settled urgency; 'disputed'; null when not set. */
  urgency: Urgency | 'disputed' | null
  /** The date in force (YYYY-MM-DD): the settled one, or the earliest candidate while disputed. */
  respondBy: string | null
  completeBy: string | null
  /** The names of the decision fields currently disputed. */
  disputed: string[]
  /** Commitments not yet done that have a due date: whose and when, without what. */
  openCommitments: { agencyId: string; dueBy: string }[]
  /** The settled outcome code, if any. */
  outcome: OutcomeCode | null
  /** RF15, as computed from the document. */
  loopClosed: boolean
  /** The service's name (or id) as the parties named it, e.g. "family therapy". */
  service: string | null
  /** RF29: when it was requested and first accepted (history times); null when not (yet). */
  requestedAt: string | null
  acceptedAt: string | null
  /** RF31: when the receiver first answered (accepted or rejected); null while it has not. */
  respondedAt: string | null
}

/** The summary of a referral as read from its document. */
export function referralDigest(referral: Referral): ReferralDigest {
  const status = referral.status
  const candidates =
    status.state === 'disputed'
      ? status.candidates.map((c) => ({ status: c.value.status, agencyId: c.agencyId }))
      : []
  const openCommitments = referral.responsibilities
    .flatMap((r) =>
      r.fulfilled === undefined && r.dueBy !== undefined
        ? [{ agencyId: r.agencyId, dueBy: r.dueBy }]
        : [],
    )
    .sort((a, b) => compareCodeUnits(a.dueBy, b.dueBy) || compareCodeUnits(a.agencyId, b.agencyId))
  const service = referral.service?.name ?? referral.service?.id ?? null
  return {
    kind: 'referral',
    v: REFERRAL_SUMMARY_VERSION,
    referringAgencyId: referral.parties.referringAgencyId,
    receivingAgencyId: referral.parties.receivingAgencyId,
    status:
      status.state === 'settled'
        ? status.value.status
        : status.state === 'disputed'
          ? 'disputed'
          : 'unknown',
    candidates,
    urgency:
      referral.urgency.state === 'settled'
        ? referral.urgency.value
        : referral.urgency.state === 'disputed'
          ? 'disputed'
          : null,
    respondBy: dateInForce(referral.respondBy),
    completeBy: dateInForce(referral.completeBy),
    disputed: [...referral.disputedFields],
    openCommitments,
    outcome: referral.outcome.state === 'settled' ? referral.outcome.value : null,
    loopClosed: loopClosed(referral),
    service,
    ...responseTimes(referral.history),
  }
}

/**
 * RF29: accepted at the first acceptance in the history (RF11's causal order; a resolution to
 * accepted counts), requested at the last request before it (or the last one, while none).
 */
function responseTimes(history: Referral['history']) {
  const accepted = history.findIndex((c) => c.status === 'accepted')
  const before = accepted === -1 ? history : history.slice(0, accepted)
  const requested = before.filter((c) => c.status === 'requested').at(-1)
  // RF31: the first answer, yes or no, in the same causal order.
  const responded = history.find((c) => c.status === 'accepted' || c.status === 'rejected')
  return {
    requestedAt: requested?.at ?? null,
    acceptedAt: accepted === -1 ? null : (history[accepted]?.at ?? null),
    respondedAt: responded?.at ?? null,
  }
}

/** The digest as a workspace summary (setSummary takes plain JSON objects). */
export const digestAsSummary = (digest: ReferralDigest): DocumentSummary => ({ ...digest })

/** A summary written by this or an older compatible version; undefined for anything else. */
export function parseReferralDigest(raw: DocumentSummary | undefined): ReferralDigest | undefined {
  if (!isRecord(raw) || raw.kind !== 'referral' || raw.v !== REFERRAL_SUMMARY_VERSION) return
  const { referringAgencyId, receivingAgencyId, status, urgency, respondBy, completeBy } = raw
  if (typeof referringAgencyId !== 'string' || typeof receivingAgencyId !== 'string') return
  if (!(status === 'disputed' || status === 'unknown' || isReferralStatus(status))) return
  if (!(urgency === null || urgency === 'disputed' || URGENCIES.includes(urgency as Urgency))) {
    return
  }
  if (!isDateOrNull(respondBy) || !isDateOrNull(completeBy)) return
  if (!Array.isArray(raw.candidates) || !Array.isArray(raw.disputed)) return
  if (!Array.isArray(raw.openCommitments)) return
  const candidates = raw.candidates.flatMap((c) =>
    isRecord(c) && isReferralStatus(c.status) && typeof c.agencyId === 'string'
      ? [{ status: c.status, agencyId: c.agencyId }]
      : [],
  )
  const openCommitments = raw.openCommitments.flatMap((c) =>
    isRecord(c) && typeof c.agencyId === 'string' && isIsoDate(c.dueBy)
      ? [{ agencyId: c.agencyId, dueBy: c.dueBy }]
      : [],
  )
  const outcome = OUTCOME_CODES.includes(raw.outcome as OutcomeCode)
    ? (raw.outcome as OutcomeCode)
    : null
  return {
    kind: 'referral',
    v: REFERRAL_SUMMARY_VERSION,
    referringAgencyId,
    receivingAgencyId,
    status: status as ReferralDigest['status'],
    candidates,
    urgency: urgency as ReferralDigest['urgency'],
    respondBy,
    completeBy,
    disputed: raw.disputed.filter((f): f is string => typeof f === 'string'),
    openCommitments,
    outcome,
    loopClosed: raw.loopClosed === true,
    service: typeof raw.service === 'string' ? raw.service : null,
    // Absent from summaries written before RF29: known again once the referral is opened.
    requestedAt: isIsoInstant(raw.requestedAt) ? raw.requestedAt : null,
    acceptedAt: isIsoInstant(raw.acceptedAt) ? raw.acceptedAt : null,
    // Absent from summaries written before RF31, likewise.
    respondedAt: isIsoInstant(raw.respondedAt) ? raw.respondedAt : null,
  }
}

/** One referral in an inbox built from the workspace: its index entry and its summary. */
export interface InboxRow extends ReferralSummary {
  entry: IndexEntry
  /** The summary, or one built from the index entry alone (fallbackDigest). */
  digest: ReferralDigest
  /** False when the summary was missing and the row was built from the index entry alone. */
  summarized: boolean
  /** RF24 for this row now. */
  overdue: boolean
  /** RF23: why the viewer's agency must act now; empty when it need not. */
  reasons: ActionReason[]
}

/**
 * RF23 over the workspace: every index entry of kind 'referral' with its summary, sorted into
 * the viewer agency's sent, received and needs-my-action lists by the model's own inbox rules.
 * An entry whose summary has not arrived (or was lost to a concurrent write, until the next
 * opening repairs it) is still listed: its owner is the referrer and its first sharing the
 * receiver, with an unknown status.
 */
export function referralInbox(
  entries: readonly IndexEntry[],
  summaries: ReadonlyMap<string, DocumentSummary>,
  agencyId: string,
  now: Date = new Date(),
): Inbox<InboxRow> {
  const rows = entries
    .filter((e) => e.kind === 'referral')
    .map((entry) => {
      const parsed = parseReferralDigest(summaries.get(entry.id))
      const digest = parsed ?? fallbackDigest(entry)
      const light = asInboxReferral(entry, digest)
      return {
        ...light,
        entry,
        digest,
        summarized: parsed !== undefined,
        overdue: isOverdue(light, now),
        reasons: actionsFor(light, agencyId, now),
      }
    })
  return inbox(rows, agencyId, now)
}

/**
 * The agencies that must act on the referral now (RF23), for the index entry's needsActionBy so
 * that the documents list's "needs my action" agrees with the referral inbox.
 */
export function agenciesToAct(referral: ReferralSummary, now: Date = new Date()): string[] {
  const { referringAgencyId, receivingAgencyId } = referral.parties
  return [...new Set([referringAgencyId, receivingAgencyId])].filter(
    (agencyId) => actionsFor(referral, agencyId, now).length > 0,
  )
}

/**
 * Which part of RF24 makes the referral overdue now, for a marker beside each deadline: the
 * response (respond-by passed before acceptance), the completion date, or a commitment.
 */
export function overdueParts(
  referral: ReferralSummary,
  now: Date = new Date(),
): { respondBy: boolean; completeBy: boolean; commitments: boolean } {
  const none: FieldState<string | null> = { state: 'empty' }
  return {
    respondBy: isOverdue({ ...referral, completeBy: none, responsibilities: [] }, now),
    completeBy: isOverdue({ ...referral, respondBy: none, responsibilities: [] }, now),
    commitments: isOverdue({ ...referral, respondBy: none, completeBy: none }, now),
  }
}

/** Calls back once per transaction, local or remote, that changed any document's summary. */
export function observeSummaries(doc: Y.Doc, onChange: () => void): () => void {
  // 'summaries' is the top-level map of doc-summary.ts (tested together in referral-summary.test.ts).
  return observeTopLevelMaps(doc, ['summaries'], () => onChange())
}

/** A referral's index entry alone: its owner refers, the agency it is shared with receives. */
export function fallbackDigest(entry: IndexEntry): ReferralDigest {
  return {
    kind: 'referral',
    v: REFERRAL_SUMMARY_VERSION,
    referringAgencyId: entry.ownerAgencyId,
    receivingAgencyId: entry.sharedWith.find((a) => a !== entry.ownerAgencyId) ?? '',
    status: 'unknown',
    candidates: [],
    urgency: null,
    respondBy: null,
    completeBy: null,
    disputed: [],
    openCommitments: [],
    outcome: null,
    loopClosed: false,
    service: null,
    requestedAt: null,
    acceptedAt: null,
    respondedAt: null,
  }
}

/** The light object the inbox rules read (ReferralSummary), rebuilt from a summary. */
export function asInboxReferral(entry: IndexEntry, digest: ReferralDigest): ReferralSummary {
  const by = (agencyId: string): Attribution => ({
    assertionId: '',
    memberId: '',
    agencyId,
    at: '',
  })
  const status: ReferralSummary['status'] =
    digest.status === 'disputed'
      ? {
          state: 'disputed',
          candidates: digest.candidates.map((c) => ({
            ...by(c.agencyId),
            value: { status: c.status },
          })),
        }
      : digest.status === 'unknown'
        ? { state: 'empty' }
        : { state: 'settled', value: { status: digest.status }, by: by('') }
  const date = (value: string | null): FieldState<string | null> =>
    value === null ? { state: 'empty' } : { state: 'settled', value, by: by('') }
  return {
    id: entry.id,
    parties: {
      referringAgencyId: digest.referringAgencyId,
      referringMemberId: entry.createdBy,
      receivingAgencyId: digest.receivingAgencyId,
    },
    person: { kind: 'person', code: entry.title },
    status,
    respondBy: date(digest.respondBy),
    completeBy: date(digest.completeBy),
    responsibilities: digest.openCommitments.map((c, i) => ({
      id: String(i),
      agencyId: c.agencyId,
      what: '',
      dueBy: c.dueBy,
    })),
  }
}

function dateInForce(field: FieldState<string | null>): string | null {
  if (field.state === 'settled') return field.value
  if (field.state !== 'disputed') return null
  const dates = field.candidates.flatMap((c) => (c.value === null ? [] : [c.value]))
  return dates.sort()[0] ?? null
}

const isDateOrNull = (value: unknown): value is string | null => value === null || isIsoDate(value)
