import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalAttendeeType } from 'ical-generator'
import type { ICalAttendeeData } from 'ical-generator'
import type { Plan } from './plan-read.ts'
import type { Attendance, Participant } from './plan-vocab.ts'

// FP27: the plan's meetings and review dates as an iCalendar (RFC 5545) file, for the calendars
// of the people involved. Least data: a meeting's time, place and attendees, a review's date;
// attendees are named by what the plan holds (a family member's pseudonymous code and role, a
// professional's display name from the workspace) and addressed at a non-routable `.invalid`
// address (RFC 2606) made of ids, since the plan holds no e-mail addresses. The agenda is included
// only when asked for; minutes, goals and actions never.

/** What the calendar needs of a plan; a whole Plan will do. */
export type PlanForCalendar = Pick<Plan, 'id' | 'participants' | 'meetings' | 'reviews' | 'readAt'>

export interface CalendarOptions {
  /** DTSTAMP of every event; the plan's read time when omitted. */
  now?: Date
  /** Display names of workspace members by id, for professionals' CN (else the member id). */
  memberNames?: Readonly<Record<string, string>>
  /** Texts in the reader's language. */
  labels?: { calendar?: string; meeting?: string; review?: string }
  includeAgenda?: boolean
}

const PARTSTAT: Readonly<Record<Attendance, ICalAttendeeStatus>> = {
  present: ICalAttendeeStatus.ACCEPTED,
  excused: ICalAttendeeStatus.DECLINED,
  absent: ICalAttendeeStatus.DECLINED,
}

/** FP27: a VCALENDAR with one VEVENT per meeting and one all-day VEVENT per review date. */
export function planCalendar(plan: PlanForCalendar, opts: CalendarOptions = {}): string {
  const stamp = opts.now ?? new Date(plan.readAt)
  const calendar = ical({
    prodId: { company: 'Mosty', product: 'Family team plan', language: 'EN' },
    name: opts.labels?.calendar ?? 'Family team plan',
  })
  for (const meeting of plan.meetings) {
    const start = new Date(meeting.start)
    const event = calendar.createEvent({
      id: `meeting-${meeting.id}@${plan.id}.mosty.invalid`,
      stamp,
      start,
      end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
      summary: opts.labels?.meeting ?? 'Family team meeting',
      location: meeting.place,
      ...(opts.includeAgenda === true &&
        meeting.agenda.length > 0 && { description: meeting.agenda.join('\n') }),
    })
    for (const id of meeting.attendees) {
      const response = meeting.attendance.find((a) => a.participantId === id)?.response
      const data = attendee(plan, id, opts)
      if (data === undefined) continue
      event.createAttendee({
        ...data,
        status: response === undefined ? ICalAttendeeStatus.NEEDSACTION : PARTSTAT[response],
      })
    }
  }
  for (const review of plan.reviews) {
    const event = calendar.createEvent({
      id: `review-${review.id}@${plan.id}.mosty.invalid`,
      stamp,
      start: review.date,
      allDay: true,
      summary: opts.labels?.review ?? 'Plan review',
    })
    for (const id of review.attendees) {
      const data = attendee(plan, id, opts)
      if (data !== undefined) event.createAttendee(data)
    }
  }
  // Every content line ends with CRLF (RFC 5545 3.1), the last one too; the library omits it.
  const text = calendar.toString()
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

function attendee(
  plan: PlanForCalendar,
  participantId: string,
  opts: CalendarOptions,
): ICalAttendeeData | undefined {
  const p = plan.participants.find((x) => x.id === participantId)
  if (p === undefined) return undefined
  return {
    name: displayName(p, opts),
    email: `${safe(p.id)}@${safe(plan.id)}.mosty.invalid`,
    type: ICalAttendeeType.INDIVIDUAL,
    role:
      p.kind === 'professional' && p.facilitator ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
  }
}

function displayName(p: Participant, opts: CalendarOptions): string {
  if (p.kind === 'family') return `${p.code} (${p.familyRole})`
  return opts.memberNames?.[p.memberId] ?? p.memberId
}

/** Ids as address labels: letters, digits and hyphens only. */
const safe = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '-')
