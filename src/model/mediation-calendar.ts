import { ModelError } from './errors.ts'
import type { MediationUrgency, MediationStage } from './mediation-vocab.ts'
import { isIsoDate } from './referral-store.ts'
import { eitherCalendar, type Holidays, workingDaysEnd } from './working-days.ts'

// Stage deadlines in working days (W7): a working day is a UTC calendar day that is neither a
// Saturday, a Sunday nor a public holiday of the workspace's country (the calendar the reader
// passes) or one of the days the log itself was opened with.

/** Working days allowed in each stage when the matter is not urgent (MD6). */
export const STAGE_WORKING_DAYS: Readonly<Record<MediationStage, number>> = {
  1: 5,
  2: 5,
  3: 5,
  4: 14,
}
/** An urgent matter gets 24 clock hours in every stage, weekends and holidays included (MD6). */
export const URGENT_HOURS = 24

/**
 * MD6: the instant the stage's time is up. Like Polish administrative procedure (KPA art. 57 §1),
 * the day the stage was entered does not count and the period ends with the whole of its last
 * day: the deadline is 00:00 UTC after the n-th working day that follows the day of entry. An
 * urgent matter ends 24 hours after entry. Breached once now reaches the deadline.
 */
export function stageDeadline(
  enteredAt: Date | string,
  stage: MediationStage,
  urgency: MediationUrgency,
  ...holidays: readonly Holidays[]
): Date {
  const entered = typeof enteredAt === 'string' ? new Date(enteredAt) : enteredAt
  if (Number.isNaN(entered.getTime())) throw new ModelError('invalid-date', 'stage entry time')
  if (urgency === 'urgent') return new Date(entered.getTime() + URGENT_HOURS * 3_600_000)
  return workingDaysEnd(entered, STAGE_WORKING_DAYS[stage], eitherCalendar(...holidays))
}

/** Validated, deduplicated and sorted holiday dates (invalid-date for anything else). */
export function normalizeHolidays(holidays: readonly string[]): string[] {
  if (!Array.isArray(holidays)) throw new ModelError('invalid-date', 'holidays must be a list')
  for (const day of holidays) {
    if (!isIsoDate(day)) throw new ModelError('invalid-date', `not a YYYY-MM-DD date: ${day}`)
  }
  return [...new Set(holidays)].sort()
}
