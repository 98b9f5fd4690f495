import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { parseAmendment, parseAssessment, parseGoal, parseReview } from './plan-records.ts'
import { requireParticipants } from './plan-meetings.ts'
import { assertFields, insertRecord, planMap, PLAN_MAPS, readRecords } from './plan-store.ts'
import { requireParty, requireRecord } from './plan-store.ts'
import { requireProgress } from './plan-values.ts'
import { goalField } from './plan-vocab.ts'
import type { AmendmentRecord, AssessmentRecord, GoalProgress, ReviewRecord } from './plan-vocab.ts'
import { optionalText, requireDate } from './referral-store.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Reviews of the plan: the dates they are due, each party's assessment of progress per goal
// (which also asserts the goals' progress fields, so differing assessments made offline are a
// dispute, D4), and amendments: what changed, why, and who agreed. All are append-only records.

export interface NewAssessment {
  progress: { goalId: string; progress: GoalProgress; note?: string }[]
  note?: string
}

type WriteOptions = { id?: string; now?: Date }

/** FP18: any party schedules a review date, optionally with the participants expected. */
export function scheduleReview(
  doc: Y.Doc,
  draft: { date: string; attendees?: string[] },
  actor: Actor,
  opts: WriteOptions = {},
): ReviewRecord {
  requireParty(doc, actor)
  const date = requireDate(draft.date, 'review date')
  const attendees = requireParticipants(doc, draft.attendees ?? [])
  const createdAt = (opts.now ?? new Date()).toISOString()
  return insertRecord<ReviewRecord>(
    doc,
    PLAN_MAPS.reviews,
    (id) => ({ id, date, attendees, createdAt, createdBy: actor.memberId }),
    opts.id,
  )
}

/**
 * FP18: a party's assessment at a review: progress per goal, recorded as said and asserted as
 * each goal's progress. Refused whole while one of those progress fields is disputed.
 */
export function recordAssessment(
  doc: Y.Doc,
  reviewId: string,
  draft: NewAssessment,
  actor: Actor,
  opts: WriteOptions = {},
): AssessmentRecord {
  requireParty(doc, actor)
  requireRecord(doc, PLAN_MAPS.reviews, parseReview, reviewId)
  const now = opts.now ?? new Date()
  if (!Array.isArray(draft.progress) || draft.progress.length === 0) {
    throw new ModelError('invalid-progress', 'assess the progress of at least one goal')
  }
  const progress = draft.progress.map((p) => {
    requireRecord(doc, PLAN_MAPS.goals, parseGoal, p.goalId)
    const note = optionalText(p.note, 'invalid-note', 'note')
    return {
      goalId: p.goalId,
      progress: requireProgress(p.progress),
      ...(note !== undefined && { note }),
    }
  })
  if (new Set(progress.map((p) => p.goalId)).size !== progress.length) {
    throw new ModelError('invalid-progress', 'assess each goal once')
  }
  const note = optionalText(draft.note, 'invalid-note', 'note')
  const at = now.toISOString()
  const { memberId, agencyId } = actor
  if (opts.id !== undefined && planMap(doc, PLAN_MAPS.assessments).has(opts.id)) {
    throw new ModelError('duplicate-id', `assessment ${opts.id} exists`)
  }
  return doc.transact(() => {
    // Asserted first: a disputed progress field refuses the assessment before anything is written.
    const changes = progress.map((p) => ({
      field: goalField(p.goalId, 'progress'),
      value: p.progress,
    }))
    assertFields(doc, changes, actor, now)
    return insertRecord<AssessmentRecord>(
      doc,
      PLAN_MAPS.assessments,
      (id) => ({
        id,
        reviewId,
        at,
        memberId,
        agencyId,
        progress,
        ...(note !== undefined && { note }),
      }),
      opts.id,
    )
  })
}

/** FP19: an amendment says what changed and why, and who of the participants agreed to it. */
export function recordAmendment(
  doc: Y.Doc,
  draft: { what: string; why: string; agreedBy: string[] },
  actor: Actor,
  opts: WriteOptions = {},
): AmendmentRecord {
  requireParty(doc, actor)
  const what = requireText(draft.what, 'invalid-value', 'what changed')
  const why = requireText(draft.why, 'reason-required', 'why it changed')
  if (!Array.isArray(draft.agreedBy) || draft.agreedBy.length === 0) {
    throw new ModelError('invalid-participant', 'name who agreed to the amendment')
  }
  const agreedBy = requireParticipants(doc, draft.agreedBy)
  const at = (opts.now ?? new Date()).toISOString()
  const { memberId, agencyId } = actor
  return insertRecord<AmendmentRecord>(
    doc,
    PLAN_MAPS.amendments,
    (id) => ({ id, at, memberId, agencyId, what, why, agreedBy }),
    opts.id,
  )
}

const byDateThenId =
  <T extends { id: string }>(date: (r: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export const readReviews = (doc: Y.Doc): ReviewRecord[] =>
  readRecords(doc, PLAN_MAPS.reviews, parseReview).sort(byDateThenId((r) => r.date))

export const readAssessments = (doc: Y.Doc): AssessmentRecord[] =>
  readRecords(doc, PLAN_MAPS.assessments, parseAssessment).sort(byDateThenId((r) => r.at))

export const readAmendments = (doc: Y.Doc): AmendmentRecord[] =>
  readRecords(doc, PLAN_MAPS.amendments, parseAmendment).sort(byDateThenId((r) => r.at))
