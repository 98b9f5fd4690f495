import { ModelError } from './errors.ts'
import { isIsoDate } from './referral-store.ts'

// Working days, pure: the calendar of public holidays comes in as an argument (W7). Whoever
// reads a deadline passes the workspace's calendar, built once from date-holidays outside the
// model (src/ui/state/public-holidays.ts, loaded lazily: the library and its data weigh about
// 1.5 MB), so the model stays free of it. Days are UTC calendar days, as every deadline here
// (RF17, MD6), so that every device computes the same instant whatever its zone.

/** Whether a UTC calendar day (YYYY-MM-DD) is a public holiday. */
export type HolidayCalendar = (day: string) => boolean

/** A calendar, or the holidays as a list or set of ISO dates. */
export type Holidays = HolidayCalendar | ReadonlySet<string> | readonly string[]

/** No public holidays: weekends alone are days off. */
export const NO_HOLIDAYS: HolidayCalendar = () => false

const DAY_MS = 86_400_000

/** The holidays as a calendar; a list is checked (invalid-date for anything but YYYY-MM-DD). */
export function holidayCalendar(holidays: Holidays): HolidayCalendar {
  if (typeof holidays === 'function') return holidays
  if (holidays instanceof Set) return (day) => holidays.has(day)
  if (!Array.isArray(holidays)) throw new ModelError('invalid-date', 'holidays must be a list')
  const days = new Set(holidays.map(requireDay))
  return (day) => days.has(day)
}

/** A day off in any of the calendars (e.g. the workspace's and a log's own list, MD6). */
export function eitherCalendar(...calendars: readonly Holidays[]): HolidayCalendar {
  const all = calendars.map(holidayCalendar)
  return (day) => all.some((isHoliday) => isHoliday(day))
}

/** W7: Monday to Friday and not a public holiday. */
export function isWorkingDay(day: string, holidays: Holidays): boolean {
  const weekday = new Date(`${requireDay(day)}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidayCalendar(holidays)(day)
}

/** W7: the n-th working day after `day` (YYYY-MM-DD), `day` itself not counted. */
export function addWorkingDays(day: string, n: number, holidays: Holidays): string {
  if (!Number.isInteger(n) || n < 0) throw new ModelError('invalid-value', 'working days')
  const isHoliday = holidayCalendar(holidays)
  let time = Date.parse(`${requireDay(day)}T00:00:00Z`)
  let counted = 0
  while (counted < n) {
    time += DAY_MS
    if (isWorkingDay(utcDay(time), isHoliday)) counted++
  }
  return utcDay(time)
}

/**
 * W7: the end of a period of n working days that starts at an instant: the day it starts does
 * not count and the period ends with the whole of its last day (as KPA art. 57 §1), i.e. 00:00
 * UTC after the n-th working day following the day of `from`.
 */
export function workingDaysEnd(from: Date, n: number, holidays: Holidays): Date {
  if (Number.isNaN(from.getTime())) throw new ModelError('invalid-date', 'start of the period')
  const lastDay = addWorkingDays(utcDay(from.getTime()), n, holidays)
  return new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS)
}

/** The UTC calendar day of an instant (ms since the epoch). */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10)

function requireDay(day: unknown): string {
  if (!isIsoDate(day)) throw new ModelError('invalid-date', `not a YYYY-MM-DD date: ${String(day)}`)
  return day
}
