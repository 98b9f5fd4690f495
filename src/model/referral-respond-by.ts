import type { ResponseTime } from './directory-vocab.ts'
import type { Urgency } from './referral-vocab.ts'
import { addWorkingDays, type HolidayCalendar, utcDay } from './working-days.ts'

// The respond-by date a new referral proposes from the response time the partnership agreed for
// the receiving agency (DR3). A date, like every referral deadline (RF17): it has passed once the
// UTC day after it has begun.

/** RF30: the respond-by date an agreed response time gives for a referral made at `now`. */
export function respondByFrom(
  agreed: Pick<ResponseTime, 'within' | 'unit'>,
  now: Date,
  calendar: HolidayCalendar,
): string {
  if (agreed.unit === 'hours') return utcDay(now.getTime() + agreed.within * 3_600_000)
  return addWorkingDays(utcDay(now.getTime()), agreed.within, calendar)
}

/** RF30: the response time agreed for referrals to an agency with an urgency (DR3), if any. */
export const agreedResponseTime = (
  responseTimes: readonly ResponseTime[],
  receivingAgencyId: string,
  urgency: Urgency,
): ResponseTime | undefined =>
  responseTimes.find((r) => r.agencyId === receivingAgencyId && r.urgency === urgency)
