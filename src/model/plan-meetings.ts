import * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { parseAttendance, parseMeeting } from './plan-records.ts'
import { insertRecord, planMap, PLAN_MAPS, readParticipants, readRecords } from './plan-store.ts'
import { requireParty, requireRecord } from './plan-store.ts'
import { ATTENDANCE } from './plan-vocab.ts'
import type { Attendance, AttendanceRecord, MeetingRecord } from './plan-vocab.ts'
import { applyTextChange, captureCaret, restoreCaret } from './text.ts'
import type { TextField } from './text-field.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, requireOneOf, requireText } from './validate.ts'

// Family team meetings: when, where, who is invited and the agenda as a record; who came as
// one record per meeting and participant; the minutes as a Y.Text per meeting, created with the
// meeting by the one device that creates it, under the meeting's new random id (FP20).

export interface NewMeeting {
  /** ISO instant (Date#toISOString). */
  start: string
  durationMinutes?: number
  place: string
  attendees: string[]
  agenda?: string[]
}

export const DEFAULT_MEETING_MINUTES = 90

/** FP17: any party schedules a meeting of participants; its minutes start empty. */
export function addMeeting(
  doc: Y.Doc,
  draft: NewMeeting,
  actor: Actor,
  opts: { id?: string; now?: Date } = {},
): MeetingRecord {
  requireParty(doc, actor)
  const clean = cleanMeeting(doc, draft)
  const createdAt = (opts.now ?? new Date()).toISOString()
  return doc.transact(() => {
    const meeting = insertRecord<MeetingRecord>(
      doc,
      PLAN_MAPS.meetings,
      (id) => ({ id, ...clean, createdAt, createdBy: actor.memberId }),
      opts.id,
    )
    // Only ever under a new id: two devices never create a Y type under the same key.
    planMap(doc, PLAN_MAPS.minutes).set(meeting.id, new Y.Text())
    return meeting
  })
}

export function updateMeeting(
  doc: Y.Doc,
  id: string,
  patch: Partial<NewMeeting>,
  actor: Actor,
): MeetingRecord {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.meetings, parseMeeting, id)
  const next: MeetingRecord = { ...current, ...cleanMeeting(doc, { ...current, ...patch }) }
  planMap(doc, PLAN_MAPS.meetings).set(id, next)
  return structuredClone(next)
}

/** FP17: present, absent or excused; the latest record per meeting and participant holds. */
export function recordAttendance(
  doc: Y.Doc,
  meetingId: string,
  participantId: string,
  response: Attendance,
  actor: Actor,
  now: Date = new Date(),
): AttendanceRecord {
  requireParty(doc, actor)
  requireRecord(doc, PLAN_MAPS.meetings, parseMeeting, meetingId)
  requireParticipants(doc, [participantId])
  const record: AttendanceRecord = {
    meetingId,
    participantId,
    response: requireOneOf(response, ATTENDANCE, 'invalid-value', 'attendance'),
    recordedBy: actor.memberId,
    at: now.toISOString(),
  }
  planMap(doc, PLAN_MAPS.attendance).set(`${meetingId}/${participantId}`, record)
  return { ...record }
}

/** FP17: a meeting's minutes; writes are refused for anyone not of a party. */
export function meetingMinutes(doc: Y.Doc, meetingId: string, actor: Actor): TextField {
  const ytext = planMap(doc, PLAN_MAPS.minutes).get(meetingId)
  if (!(ytext instanceof Y.Text)) {
    throw new ModelError('not-found', `meeting ${meetingId} has no minutes`)
  }
  return {
    read: () => ytext.toString(),
    write: (value, caret) => {
      requireParty(doc, actor)
      doc.transact(() => applyTextChange(ytext, value, caret))
    },
    observe: (onChange) => {
      const handler = (event: Y.YTextEvent) => onChange(!event.transaction.local)
      ytext.observe(handler)
      return () => ytext.unobserve(handler)
    },
    captureCaret: (index) => captureCaret(ytext, index),
    restoreCaret: (handle) => restoreCaret(doc, handle),
  }
}

export const readMeetings = (doc: Y.Doc): MeetingRecord[] =>
  readRecords(doc, PLAN_MAPS.meetings, parseMeeting).sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1,
  )

export const readAttendance = (doc: Y.Doc): AttendanceRecord[] =>
  readRecords(doc, PLAN_MAPS.attendance, parseAttendance)

export const readMinutes = (doc: Y.Doc, meetingId: string): string => {
  const ytext = planMap(doc, PLAN_MAPS.minutes).get(meetingId)
  return ytext instanceof Y.Text ? ytext.toString() : ''
}

export function requireParticipants(doc: Y.Doc, ids: readonly string[]): string[] {
  const known = new Set(readParticipants(doc).map((p) => p.id))
  const unknown = ids.find((id) => !known.has(id))
  if (unknown !== undefined) throw new ModelError('not-found', `participant ${unknown} not found`)
  return [...new Set(ids)]
}

function cleanMeeting(
  doc: Y.Doc,
  draft: NewMeeting,
): Omit<MeetingRecord, 'id' | 'createdAt' | 'createdBy'> {
  if (!isIsoInstant(draft.start)) {
    throw new ModelError('invalid-date', 'a meeting starts at an ISO instant')
  }
  const duration = draft.durationMinutes ?? DEFAULT_MEETING_MINUTES
  if (!Number.isInteger(duration) || duration <= 0 || duration > 24 * 60) {
    throw new ModelError('invalid-value', 'a meeting lasts 1 minute to 24 hours')
  }
  if (!Array.isArray(draft.attendees)) throw new ModelError('invalid-value', 'list the attendees')
  return {
    start: draft.start,
    durationMinutes: duration,
    place: requireText(draft.place, 'invalid-value', 'place'),
    attendees: requireParticipants(doc, draft.attendees),
    agenda: (draft.agenda ?? []).map((item) => requireText(item, 'invalid-value', 'agenda item')),
  }
}
