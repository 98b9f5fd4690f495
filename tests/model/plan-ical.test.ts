import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { planTextAs } from '../../src/model/plan.ts'
import { addAction } from '../../src/model/plan-actions.ts'
import { createPlan } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { planCalendar } from '../../src/model/plan-ical.ts'
import { addMeeting, meetingMinutes, recordAttendance } from '../../src/model/plan-meetings.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { addProblem } from '../../src/model/plan-problems.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import { scheduleReview } from '../../src/model/plan-reviews.ts'

// The export is read back with a small RFC 5545 reader: unfold (3.1), split content lines into
// name, parameters and value (3.1, 3.2: quoted parameter values may hold ':' and ';'), unescape
// TEXT values (3.3.11).

interface Line {
  name: string
  params: Record<string, string>
  value: string
}

function unfold(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true)
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1)
}

function parseLine(line: string): Line {
  let i = 0
  let quoted = false
  const parts: string[] = ['']
  for (; i < line.length; i++) {
    const ch = line[i] as string
    if (ch === '"') quoted = !quoted
    if (!quoted && ch === ':') break
    if (!quoted && ch === ';') parts.push('')
    else parts[parts.length - 1] += ch
  }
  const [name = '', ...rest] = parts
  const params = Object.fromEntries(
    rest.map((p) => {
      const [key = '', ...value] = p.split('=')
      return [key.toUpperCase(), value.join('=').replace(/^"(.*)"$/, '$1')]
    }),
  )
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) }
}

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))

/** The VEVENTs of a calendar as lists of content lines. */
function events(ics: string): Line[][] {
  const lines = unfold(ics).map(parseLine)
  expect(lines[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' })
  expect(lines.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' })
  expect(lines.find((l) => l.name === 'VERSION')?.value).toBe('2.0')
  const found: Line[][] = []
  let current: Line[] | undefined
  for (const line of lines) {
    if (line.name === 'BEGIN' && line.value === 'VEVENT') current = []
    else if (line.name === 'END' && line.value === 'VEVENT') {
      found.push(current ?? [])
      current = undefined
    } else current?.push(line)
  }
  return found
}

const lead = { memberId: 'anna', agencyId: 'mops' }
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour))

function newPlan(): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id: 'plan-1', variant: 'social-contract-a', languages: ['pl'] }, lead)
  addParticipant(doc, { kind: 'family', code: 'F-07', familyRole: 'parent' }, lead, { id: 'mum' })
  addParticipant(
    doc,
    {
      kind: 'professional',
      agencyId: 'mops',
      memberId: 'anna',
      role: 'social worker',
      facilitator: true,
    },
    lead,
    { id: 'p-anna' },
  )
  addParticipant(
    doc,
    { kind: 'professional', agencyId: 'ngo', memberId: 'bozena', role: 'assistant' },
    lead,
    { id: 'p-ngo' },
  )
  // Content that must never reach a calendar.
  planTextAs(doc, 'situation.causes', lead).write('Ojciec pije')
  addProblem(doc, 'Przemoc w rodzinie', lead)
  addGoal(doc, { text: 'Bezpieczny dom', indicator: 'Brak interwencji' }, lead, { id: 'g1' })
  addAction(
    doc,
    {
      goalId: 'g1',
      what: 'Terapia uzależnień',
      responsible: { kind: 'family', participantId: 'mum' },
    },
    lead,
  )
  addMeeting(
    doc,
    {
      start: at(9).toISOString(),
      durationMinutes: 90,
      place: 'MOPS, pokój 12; Żółkiewskiego 3',
      attendees: ['mum', 'p-anna', 'p-ngo'],
      agenda: ['Cele rodziny', 'Działania'],
    },
    lead,
    { id: 'm1' },
  )
  meetingMinutes(doc, 'm1', lead).write('Matka płakała')
  recordAttendance(doc, 'm1', 'mum', 'present', lead, at(9))
  recordAttendance(doc, 'm1', 'p-ngo', 'excused', lead, at(9))
  scheduleReview(doc, { date: '2026-05-01', attendees: ['mum', 'p-anna'] }, lead, { id: 'r1' })
  return doc
}

const memberNames = { anna: 'Anna Kowalska', bozena: 'Bożena Nowak' }

describe('iCalendar export', () => {
  it('FP27: meetings and review dates parse back with DTSTART, SUMMARY and ATTENDEE lines', () => {
    const ics = planCalendar(readPlan(newPlan(), at(2)), { memberNames })
    const [meeting, review] = events(ics)
    const prop = (event: Line[] | undefined, name: string) => event?.find((l) => l.name === name)
    expect(prop(meeting, 'DTSTART')?.value).toBe('20260309T100000Z')
    expect(prop(meeting, 'DTEND')?.value).toBe('20260309T113000Z')
    expect(prop(meeting, 'DTSTAMP')?.value).toBe('20260302T100000Z')
    expect(prop(meeting, 'SUMMARY')?.value).toBe('Family team meeting')
    expect(unescapeText(prop(meeting, 'LOCATION')?.value ?? '')).toBe(
      'MOPS, pokój 12; Żółkiewskiego 3',
    )
    const attendees = meeting?.filter((l) => l.name === 'ATTENDEE') ?? []
    expect(attendees.map((a) => [a.params.CN, a.params.PARTSTAT, a.params.ROLE])).toEqual([
      ['F-07 (parent)', 'ACCEPTED', 'REQ-PARTICIPANT'],
      ['Anna Kowalska', 'NEEDS-ACTION', 'CHAIR'],
      ['Bożena Nowak', 'DECLINED', 'REQ-PARTICIPANT'],
    ])
    expect(attendees.map((a) => a.value.toLowerCase())).toEqual([
      'mailto:mum@plan-1.mosty.invalid',
      'mailto:p-anna@plan-1.mosty.invalid',
      'mailto:p-ngo@plan-1.mosty.invalid',
    ])
    expect(prop(review, 'DTSTART')).toMatchObject({ params: { VALUE: 'DATE' }, value: '20260501' })
    expect(prop(review, 'SUMMARY')?.value).toBe('Plan review')
    expect(review?.filter((l) => l.name === 'ATTENDEE').map((a) => a.params.CN)).toEqual([
      'F-07 (parent)',
      'Anna Kowalska',
    ])
    expect(new Set([prop(meeting, 'UID')?.value, prop(review, 'UID')?.value]).size).toBe(2)
  })

  it('FP27: lines are at most 75 octets and end with CRLF (RFC 5545 3.1)', () => {
    const ics = planCalendar(readPlan(newPlan()), { memberNames })
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    }
  })

  it('FP27: nothing beyond codes, names, time, place and (if asked) the agenda leaves the plan', () => {
    const plain = planCalendar(readPlan(newPlan()), { memberNames })
    const text = unfold(plain)
      .map(parseLine)
      .map((l) => unescapeText(l.value))
      .join('\n')
    for (const secret of [
      'Ojciec pije',
      'Przemoc',
      'Bezpieczny dom',
      'Terapia',
      'Matka płakała',
      'Cele rodziny',
    ]) {
      expect(text).not.toContain(secret)
    }
    const people = unfold(plain)
      .map(parseLine)
      .filter((l) => l.name === 'ATTENDEE')
    for (const p of people) {
      expect(['F-07 (parent)', 'Anna Kowalska', 'Bożena Nowak']).toContain(p.params.CN)
      expect(p.value.toLowerCase()).toMatch(/^mailto:[a-z0-9-]+@plan-1\.mosty\.invalid$/)
    }
    const withAgenda = planCalendar(readPlan(newPlan()), { memberNames, includeAgenda: true })
    const description = unfold(withAgenda)
      .map(parseLine)
      .find((l) => l.name === 'DESCRIPTION')
    expect(unescapeText(description?.value ?? '')).toBe('Cele rodziny\nDziałania')
  })
})
