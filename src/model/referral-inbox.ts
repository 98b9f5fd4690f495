import type { Referral } from './referral-read.ts'
import { datePassed, sideOf } from './referral-store.ts'
import { isTerminal } from './referral-status.ts'
import type { ReferralStatus } from './referral-status.ts'
import type { FieldState } from './referral-vocab.ts'

// An agency's inbox over referral summaries: pure, so that the same rules serve a list built
// from open documents today and from the workspace index later. Dates compare in UTC (RF17).

/** What the inbox needs of a referral; a whole Referral will do. */
export type ReferralSummary = Pick<
  Referral,
  'id' | 'parties' | 'person' | 'status' | 'respondBy' | 'completeBy' | 'responsibilities'
>

export type ActionReason =
  /** The referral was sent to my agency and awaits acceptance or rejection. */
  | 'awaiting-response'
  /** The respond-by date passed while the referral was still a draft or requested. */
  | 'response-overdue'
  /** A commitment of my agency is past its date and not done. */
  | 'responsibility-overdue'
  /** The status is disputed, and my agency is a party or one of the candidates. */
  | 'status-disputed'

export interface Inbox<R extends ReferralSummary> {
  sent: R[]
  received: R[]
  needsAction: { referral: R; reasons: ActionReason[] }[]
  counts: { sent: number; received: number; needsAction: number; overdue: number }
}

/** RF23: sent (referring = me), received (receiving = me) and what needs my agency's action. */
export function inbox<R extends ReferralSummary>(
  referrals: readonly R[],
  agencyId: string,
  now: Date = new Date(),
): Inbox<R> {
  const sent = referrals.filter((r) => r.parties.referringAgencyId === agencyId)
  const received = referrals.filter((r) => r.parties.receivingAgencyId === agencyId)
  const needsAction = referrals
    .map((referral) => ({ referral, reasons: actionsFor(referral, agencyId, now) }))
    .filter((entry) => entry.reasons.length > 0)
  const mine = referrals.filter((r) => sideOf(r.parties, agencyId) !== undefined)
  return {
    sent,
    received,
    needsAction,
    counts: {
      sent: sent.length,
      received: received.length,
      needsAction: needsAction.length,
      overdue: mine.filter((r) => isOverdue(r, now)).length,
    },
  }
}

/** RF23: why `agencyId` must act on the referral now; empty when it need not. */
export function actionsFor(
  referral: ReferralSummary,
  agencyId: string,
  now: Date = new Date(),
): ActionReason[] {
  const side = sideOf(referral.parties, agencyId)
  const statuses = possibleStatuses(referral.status)
  const reasons: ActionReason[] = []
  if (side === 'receiver' && statuses.includes('requested')) reasons.push('awaiting-response')
  if (responseOverdue(referral, now)) {
    if (side === 'referrer' || (side === 'receiver' && statuses.includes('requested'))) {
      reasons.push('response-overdue')
    }
  }
  if (open(referral) && overdueResponsibilities(referral, now, agencyId)) {
    reasons.push('responsibility-overdue')
  }
  const status = referral.status
  if (
    status.state === 'disputed' &&
    (side !== undefined || status.candidates.some((c) => c.agencyId === agencyId))
  ) {
    reasons.push('status-disputed')
  }
  return reasons
}

/**
 * RF24: an open referral is overdue when its respond-by date passed before acceptance, its
 * complete-by date passed, or a commitment of any party is past its date and not done.
 */
export function isOverdue(referral: ReferralSummary, now: Date = new Date()): boolean {
  if (!open(referral)) return false
  const completeBy = earliestDate(referral.completeBy)
  return (
    responseOverdue(referral, now) ||
    (completeBy !== undefined && datePassed(completeBy, now)) ||
    overdueResponsibilities(referral, now)
  )
}

/** The settled status, or every candidate's while disputed; none when unknown. */
function possibleStatuses(status: ReferralSummary['status']): ReferralStatus[] {
  if (status.state === 'settled') return [status.value.status]
  if (status.state === 'disputed') return status.candidates.map((c) => c.value.status)
  return []
}

/** Not yet ended: a disputed status is open while any candidate is. */
const open = (referral: ReferralSummary): boolean =>
  possibleStatuses(referral.status).some((s) => !isTerminal(s))

function responseOverdue(referral: ReferralSummary, now: Date): boolean {
  const respondBy = earliestDate(referral.respondBy)
  if (respondBy === undefined || !datePassed(respondBy, now)) return false
  const statuses = possibleStatuses(referral.status)
  return statuses.length > 0 && statuses.every((s) => s === 'draft' || s === 'requested')
}

function overdueResponsibilities(referral: ReferralSummary, now: Date, agencyId?: string) {
  return referral.responsibilities.some(
    (r) =>
      (agencyId === undefined || r.agencyId === agencyId) &&
      r.fulfilled === undefined &&
      r.dueBy !== undefined &&
      datePassed(r.dueBy, now),
  )
}

/** A deadline in force: the settled date, or the earliest candidate while disputed. */
function earliestDate(field: FieldState<string | null>): string | undefined {
  if (field.state === 'settled') return field.value ?? undefined
  if (field.state !== 'disputed') return undefined
  const dates = field.candidates.flatMap((c) => (c.value === null ? [] : [c.value]))
  return dates.sort()[0]
}
