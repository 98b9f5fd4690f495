import { WEEKDAYS, type Frequency, type Schedule, type Weekday } from './directory-vocab.ts'

// Opening hours and meeting times, read from HSDS schedules (RFC 5545 recurrences) into a
// shape the UI formats in the reader's language (DR12). Only what HSDS says is shown: a
// schedule without days or times still appears with its description.

export interface ScheduleDay {
  day: Weekday
  /** For monthly schedules: which occurrence in the month (2 = second, -1 = last). */
  ordinal?: number
}

export interface OpeningSlot {
  id: string
  freq?: Frequency
  /** Every how many weeks or months; 1 unless the schedule says otherwise. */
  interval: number
  days: ScheduleDay[]
  /** 'HH:MM' as stated by the schedule (seconds and zone dropped for display). */
  opens?: string
  closes?: string
  validFrom?: string
  validTo?: string
  description?: string
  notes?: string
  attendingType?: string
}

const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/

export function parseByday(byday: string | undefined): ScheduleDay[] {
  if (!byday) return []
  return byday
    .split(',')
    .map((part) => DAY.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ day: m[2] as Weekday, ...(m[1] !== undefined && { ordinal: Number(m[1]) }) }))
}

const hhmm = (t: string | undefined): string | undefined => t?.slice(0, 5)

/** Schedules as slots, in week order (Monday first), then by opening time. */
export function openingHours(schedules: readonly Schedule[]): OpeningSlot[] {
  const slots = schedules.map((s): OpeningSlot => {
    const opens = hhmm(s.opensAt)
    const closes = hhmm(s.closesAt)
    return {
      id: s.id,
      ...(s.freq !== undefined && { freq: s.freq }),
      interval: s.interval ?? 1,
      days: parseByday(s.byday).sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day)),
      ...(opens !== undefined && { opens }),
      ...(closes !== undefined && { closes }),
      ...(s.validFrom !== undefined && { validFrom: s.validFrom }),
      ...(s.validTo !== undefined && { validTo: s.validTo }),
      ...(s.description !== undefined && { description: s.description }),
      ...(s.notes !== undefined && { notes: s.notes }),
      ...(s.attendingType !== undefined && { attendingType: s.attendingType }),
    }
  })
  const first = (s: OpeningSlot) => (s.days[0] ? WEEKDAYS.indexOf(s.days[0].day) : 7)
  return slots.sort((a, b) => first(a) - first(b) || (a.opens ?? '').localeCompare(b.opens ?? ''))
}

/** A weekly schedule for the given days and hours, as a coordinator enters opening hours. */
export function weeklySchedule(
  id: string,
  days: readonly Weekday[],
  opensAt: string,
  closesAt: string,
  description?: string,
): Schedule {
  const ordered = WEEKDAYS.filter((d) => days.includes(d))
  return {
    id,
    freq: 'WEEKLY',
    interval: 1,
    byday: ordered.join(','),
    opensAt,
    closesAt,
    ...(description !== undefined &&
      description.trim() !== '' && { description: description.trim() }),
  }
}
