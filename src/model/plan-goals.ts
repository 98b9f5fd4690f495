import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { assertFields, insertRecord, planMap, PLAN_MAPS, readRecords } from './plan-store.ts'
import { requireParty, requireRecord } from './plan-store.ts'
import { readProblems } from './plan-problems.ts'
import { parseGoal } from './plan-records.ts'
import { requireIds, requireProgress } from './plan-values.ts'
import { goalField } from './plan-vocab.ts'
import type { GoalProgress, GoalRecord } from './plan-vocab.ts'
import { requireDate } from './referral-store.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Specific goals: what, a measurable indicator and the problems they answer, as a record; the
// target date and the progress as decision fields, so two agencies judging progress differently
// see a dispute instead of one silently replacing the other (FP11).

export interface NewGoal {
  text: string
  indicator: string
  problemIds?: string[]
  targetDate?: string
}

type WriteOptions = { id?: string; now?: Date }

/** FP11: any party adds a goal; its progress starts in-progress. */
export function addGoal(doc: Y.Doc, draft: NewGoal, actor: Actor, opts: WriteOptions = {}) {
  requireParty(doc, actor)
  const now = opts.now ?? new Date()
  const fields = cleanGoal(doc, draft)
  const target = draft.targetDate === undefined ? undefined : requireDate(draft.targetDate, 'date')
  return doc.transact(() => {
    const goal = insertRecord<GoalRecord>(
      doc,
      PLAN_MAPS.goals,
      (id) => ({ id, ...fields, createdAt: now.toISOString(), createdBy: actor.memberId }),
      opts.id,
    )
    const changes: { field: string; value: Json }[] = [
      { field: goalField(goal.id, 'progress'), value: 'in-progress' },
    ]
    if (target !== undefined)
      changes.push({ field: goalField(goal.id, 'targetDate'), value: target })
    assertFields(doc, changes, actor, now)
    return goal
  })
}

export function updateGoal(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<NewGoal, 'targetDate'>>,
  actor: Actor,
): GoalRecord {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.goals, parseGoal, id)
  const next: GoalRecord = { ...current, ...cleanGoal(doc, { ...current, ...patch }) }
  planMap(doc, PLAN_MAPS.goals).set(id, next)
  return structuredClone(next)
}

/** FP11: the target date (null removes it), a decision field. */
export function setGoalTarget(
  doc: Y.Doc,
  id: string,
  date: string | null,
  actor: Actor,
  now?: Date,
) {
  requireParty(doc, actor)
  requireRecord(doc, PLAN_MAPS.goals, parseGoal, id)
  const value = date === null ? null : requireDate(date, 'target date')
  assertFields(doc, [{ field: goalField(id, 'targetDate'), value }], actor, now)
}

/** FP11: progress (in-progress, improving, no-change, achieved, not-achieved), a decision field. */
export function setGoalProgress(
  doc: Y.Doc,
  id: string,
  progress: GoalProgress,
  actor: Actor,
  now?: Date,
) {
  requireParty(doc, actor)
  requireRecord(doc, PLAN_MAPS.goals, parseGoal, id)
  const value = requireProgress(progress)
  assertFields(doc, [{ field: goalField(id, 'progress'), value }], actor, now)
}

export const readGoals = (doc: Y.Doc): GoalRecord[] => readRecords(doc, PLAN_MAPS.goals, parseGoal)

function cleanGoal(doc: Y.Doc, draft: Omit<NewGoal, 'targetDate'>) {
  const problemIds = requireIds(draft.problemIds ?? [])
  const problems = readProblems(doc)
  const unknown = problemIds.find((id) => !problems.some((p) => p.id === id))
  if (unknown !== undefined) throw new ModelError('not-found', `problem ${unknown} not found`)
  return {
    text: requireText(draft.text, 'invalid-value', 'goal'),
    indicator: requireText(draft.indicator, 'invalid-value', 'indicator'),
    problemIds,
  }
}
