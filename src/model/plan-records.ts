import type { Json } from './json.ts'
import { parsePartyRef } from './plan-values.ts'
import { ATTENDANCE, COMMITMENT_TYPES, GOAL_PROGRESS } from './plan-vocab.ts'
import type { AcknowledgementRecord, ActionRecord, AmendmentRecord } from './plan-vocab.ts'
import type { AssessmentRecord, AttendanceRecord, CommitmentRecord } from './plan-vocab.ts'
import type { ContingencyRecord, GoalRecord, MeetingRecord, PlanSide } from './plan-vocab.ts'
import type { ProblemRecord, ReviewRecord } from './plan-vocab.ts'
import { isIsoDate } from './referral-store.ts'
import { isIsoInstant, isRecord, isStringArray } from './validate.ts'

// Readers of the plan's stored records: each returns a fresh record, or undefined for a value
// this version cannot read (written by a faulty or newer client), which reads then skip (W5).

type Raw = Record<string, unknown>
const str = (v: unknown): v is string => typeof v === 'string'
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T)
const created = (r: Raw) => str(r.createdBy) && isIsoInstant(r.createdAt)

export function parseProblem(r: Raw, key: string): ProblemRecord | undefined {
  if (r.id !== key || !str(r.text) || !created(r)) return
  return {
    id: key,
    text: r.text,
    createdAt: r.createdAt as string,
    createdBy: r.createdBy as string,
  }
}

export function parseGoal(r: Raw, key: string): GoalRecord | undefined {
  if (r.id !== key || !str(r.text) || !str(r.indicator) || !isStringArray(r.problemIds)) return
  if (!created(r)) return
  const { text, indicator, problemIds, createdAt, createdBy } = r as unknown as GoalRecord
  return { id: key, text, indicator, problemIds: [...problemIds], createdAt, createdBy }
}

export function parseAction(r: Raw, key: string): ActionRecord | undefined {
  if (r.id !== key || !str(r.goalId) || !str(r.what) || !created(r)) return
  const checker = r.checker === undefined ? undefined : parsePartyRef(r.checker as Json)
  if (r.checker !== undefined && checker === undefined) return
  if (r.referralId !== undefined && !str(r.referralId)) return
  const { goalId, what, createdAt, createdBy, referralId } = r as unknown as ActionRecord
  return {
    id: key,
    goalId,
    what,
    createdAt,
    createdBy,
    ...(checker !== undefined && { checker }),
    ...(referralId !== undefined && { referralId }),
  }
}

export function parseSide(v: unknown): PlanSide | undefined {
  if (!isRecord(v)) return
  if (v.kind === 'family') return { kind: 'family' }
  return v.kind === 'agency' && str(v.agencyId)
    ? { kind: 'agency', agencyId: v.agencyId }
    : undefined
}

export function parseCommitment(r: Raw, key: string): CommitmentRecord | undefined {
  const side = parseSide(r.side)
  if (r.id !== key || side === undefined || !oneOf(COMMITMENT_TYPES, r.type) || !str(r.text)) return
  return { id: key, side, type: r.type, text: r.text }
}

export function parseContingency(r: Raw, key: string): ContingencyRecord | undefined {
  if (r.id !== key || !str(r.trigger) || !str(r.response) || !str(r.call)) return
  return { id: key, trigger: r.trigger, response: r.response, call: r.call }
}

export function parseMeeting(r: Raw, key: string): MeetingRecord | undefined {
  if (r.id !== key || !isIsoInstant(r.start) || !str(r.place) || !created(r)) return
  if (!Number.isInteger(r.durationMinutes) || (r.durationMinutes as number) <= 0) return
  if (!isStringArray(r.attendees) || !isStringArray(r.agenda)) return
  const m = r as unknown as MeetingRecord
  return { ...m, id: key, attendees: [...m.attendees], agenda: [...m.agenda] }
}

export function parseAttendance(r: Raw, key: string): AttendanceRecord | undefined {
  if (!str(r.meetingId) || !str(r.participantId) || key !== `${r.meetingId}/${r.participantId}`)
    return
  if (!oneOf(ATTENDANCE, r.response) || !str(r.recordedBy) || !isIsoInstant(r.at)) return
  const { meetingId, participantId, response, recordedBy, at } = r as unknown as AttendanceRecord
  return { meetingId, participantId, response, recordedBy, at }
}

export function parseReview(r: Raw, key: string): ReviewRecord | undefined {
  if (r.id !== key || !isIsoDate(r.date) || !isStringArray(r.attendees) || !created(r)) return
  const { date, attendees, createdAt, createdBy } = r as unknown as ReviewRecord
  return { id: key, date, attendees: [...attendees], createdAt, createdBy }
}

export function parseAssessment(r: Raw, key: string): AssessmentRecord | undefined {
  if (r.id !== key || !str(r.reviewId) || !isIsoInstant(r.at)) return
  if (!str(r.memberId) || !str(r.agencyId) || !Array.isArray(r.progress)) return
  const progress: AssessmentRecord['progress'] = []
  for (const p of r.progress as unknown[]) {
    if (!isRecord(p) || !str(p.goalId) || !oneOf(GOAL_PROGRESS, p.progress)) return
    if (p.note !== undefined && !str(p.note)) return
    progress.push({ goalId: p.goalId, progress: p.progress, ...(str(p.note) && { note: p.note }) })
  }
  if (r.note !== undefined && !str(r.note)) return
  const { reviewId, at, memberId, agencyId, note } = r as unknown as AssessmentRecord
  return {
    id: key,
    reviewId,
    at,
    memberId,
    agencyId,
    progress,
    ...(note !== undefined && { note }),
  }
}

export function parseAmendment(r: Raw, key: string): AmendmentRecord | undefined {
  if (r.id !== key || !isIsoInstant(r.at) || !str(r.memberId) || !str(r.agencyId)) return
  if (!str(r.what) || !str(r.why) || !isStringArray(r.agreedBy)) return
  const { at, memberId, agencyId, what, why, agreedBy } = r as unknown as AmendmentRecord
  return { id: key, at, memberId, agencyId, what, why, agreedBy: [...agreedBy] }
}

export function parseAcknowledgement(r: Raw, key: string): AcknowledgementRecord | undefined {
  if (r.id !== key || !str(r.participantId) || !str(r.hash) || !isIsoInstant(r.at)) return
  if (!Number.isInteger(r.amendments) || !str(r.recordedBy) || !str(r.recordedByAgency)) return
  const a = r as unknown as AcknowledgementRecord
  const { participantId, hash, amendments, at, recordedBy, recordedByAgency } = a
  return { id: key, participantId, hash, amendments, at, recordedBy, recordedByAgency }
}
