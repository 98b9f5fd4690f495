import { ModelError } from './errors.ts'
import { isIsoDate } from './referral-store.ts'
import type { MediationUrgency, MediationStage } from './mediation-vocab.ts'

// Stage deadlines in working days. Everything is computed in UTC so that every device agrees on
// the same instant whatever its zone (as for referral dates, RF17): a working day is a UTC
// calendar day that is neither a Saturday, a Sunday nor one of the partnership's holidays.

/** Working days allowed in each stage when the matter is not urgent (MD6). */
export const STAGE_WORKING_DAYS: Readonly<Record<MediationStage, number>> = {
  1: 5,
  2: 5,
  3: 5,
  4: 14,
}
/** An urgent matter gets 24 clock hours in every stage, weekends and holidays included (MD6). */
export const URGENT_HOURS = 24

const DAY_MS = 86_400_000

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
  holidays: readonly string[],
): Date {
  const entered = typeof enteredAt === 'string' ? new Date(enteredAt) : enteredAt
  if (Number.isNaN(entered.getTime())) throw new ModelError('invalid-date', 'stage entry time')
  if (urgency === 'urgent') return new Date(entered.getTime() + URGENT_HOURS * 3_600_000)
  const lastDay = addWorkingDays(
    entered.toISOString().slice(0, 10),
    STAGE_WORKING_DAYS[stage],
    holidays,
  )
  return new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS)
}

/** The n-th working day after `day` (YYYY-MM-DD), `day` itself not counted. */
export function addWorkingDays(day: string, n: number, holidays: readonly string[]): string {
  const off = holidaySet(holidays)
  let time = Date.parse(`${requireDay(day)}T00:00:00Z`)
  let counted = 0
  while (counted < n) {
    time += DAY_MS
    if (isWorkingDay(new Date(time).toISOString().slice(0, 10), off)) counted++
  }
  return new Date(time).toISOString().slice(0, 10)
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string> | readonly string[]) {
  const weekday = new Date(`${requireDay(day)}T00:00:00Z`).getUTCDay()
  const off = holidays instanceof Set ? holidays : new Set(holidays)
  return weekday !== 0 && weekday !== 6 && !off.has(day)
}

/** Validated, deduplicated and sorted holiday dates (invalid-date for anything else). */
export function normalizeHolidays(holidays: readonly string[]): string[] {
  return [...holidaySet(holidays)].sort()
}

function holidaySet(holidays: readonly string[]): Set<string> {
  if (!Array.isArray(holidays)) throw new ModelError('invalid-date', 'holidays must be a list')
  return new Set(holidays.map(requireDay))
}

function requireDay(day: unknown): string {
  if (!isIsoDate(day)) throw new ModelError('invalid-date', `not a YYYY-MM-DD date: ${String(day)}`)
  return day
}

/**
 * Poland's statutory public holidays of a year (ustawa o dniach wolnych od pracy): the fixed
 * dates, Christmas Eve from 2025 on, and the movable Easter Monday and Corpus Christi (Easter
 * Sunday and Pentecost always fall on a Sunday). Kyrgyzstan's holidays depend on yearly decrees
 * and the lunar calendar, so a Kyrgyz partnership passes its own list.
 */
export function polishPublicHolidays(year: number): string[] {
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26']
  if (year >= 2025) fixed.push('12-24')
  const easter = easterSunday(year)
  const movable = [1, 60].map((days) => new Date(easter + days * DAY_MS).toISOString().slice(0, 10))
  return [...fixed.map((md) => `${year}-${md}`), ...movable].sort()
}

/** 2025 to 2027, for tests and as a default while the partnership has no calendar of its own. */
export const POLISH_PUBLIC_HOLIDAYS: readonly string[] = Object.freeze(
  [2025, 2026, 2027].flatMap(polishPublicHolidays),
)

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm), as UTC ms. */
function easterSunday(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return Date.UTC(year, month - 1, day)
}
