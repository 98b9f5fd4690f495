import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { compareCodeUnits } from './order.ts'
import { assertFields, insertRecord, planMap, PLAN_MAPS, readRecords } from './plan-store.ts'
import { requireFamilyAuthor, requireParty, requireRecord } from './plan-store.ts'
import { parseProblem } from './plan-records.ts'
import { requireFamilyPosition, requireIds } from './plan-values.ts'
import { familyPositionField, PLAN_FIELDS } from './plan-vocab.ts'
import type { FamilyPosition, ProblemRecord } from './plan-vocab.ts'
import type { FieldState } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// The problems that matter: listed by any party, ranked and the most important selected (both
// decision fields, so two agencies ranking differently offline see a dispute, D4), and the
// family's own position on each, which keeps a problem the family disputes visibly disputed.

export interface PlanProblem extends ProblemRecord {
  /** 1 for the most important, in the settled ranking; undefined when unranked. */
  rank?: number
  /** In the settled selection of the problems the plan works on. */
  selected: boolean
  /** FP10: the family's position, a decision field written by the family's side only. */
  familyPosition: FieldState<FamilyPosition>
  /** The family disagrees, or one of the candidates of its disputed position says so. */
  disputedByFamily: boolean
}

type WriteOptions = { id?: string; now?: Date }

/** FP8: any party lists a problem. */
export function addProblem(doc: Y.Doc, text: string, actor: Actor, opts: WriteOptions = {}) {
  requireParty(doc, actor)
  const clean = requireText(text, 'invalid-value', 'problem')
  const createdAt = (opts.now ?? new Date()).toISOString()
  return insertRecord<ProblemRecord>(
    doc,
    PLAN_MAPS.problems,
    (id) => ({ id, text: clean, createdAt, createdBy: actor.memberId }),
    opts.id,
  )
}

export function updateProblem(doc: Y.Doc, id: string, text: string, actor: Actor): ProblemRecord {
  requireParty(doc, actor)
  const current = requireRecord(doc, PLAN_MAPS.problems, parseProblem, id)
  const next = { ...current, text: requireText(text, 'invalid-value', 'problem') }
  planMap(doc, PLAN_MAPS.problems).set(id, next)
  return { ...next }
}

/** Removes a problem; a ranking or selection naming it skips it from then on. */
export function removeProblem(doc: Y.Doc, id: string, actor: Actor): boolean {
  requireParty(doc, actor)
  const existed = planMap(doc, PLAN_MAPS.problems).has(id)
  planMap(doc, PLAN_MAPS.problems).delete(id)
  return existed
}

/** FP9: the problems in order of importance, most important first (a decision field). */
export function rankProblems(doc: Y.Doc, ids: readonly string[], actor: Actor, now?: Date) {
  requireParty(doc, actor)
  const ranking = requireKnown(doc, ids)
  assertFields(doc, [{ field: PLAN_FIELDS.ranking, value: ranking }], actor, now)
}

/** FP9: the problems the plan works on (a decision field; the same set compares equal, D5). */
export function selectProblems(doc: Y.Doc, ids: readonly string[], actor: Actor, now?: Date) {
  requireParty(doc, actor)
  const selection = requireKnown(doc, ids).sort(compareCodeUnits)
  assertFields(doc, [{ field: PLAN_FIELDS.selection, value: selection }], actor, now)
}

/** FP10: the family agrees with a problem as stated, or disagrees (and may say why). */
export function setFamilyPosition(
  doc: Y.Doc,
  problemId: string,
  position: FamilyPosition,
  actor: Actor,
  now?: Date,
): void {
  requireFamilyAuthor(doc, actor)
  requireRecord(doc, PLAN_MAPS.problems, parseProblem, problemId)
  const value = { ...requireFamilyPosition(position) }
  assertFields(doc, [{ field: familyPositionField(problemId), value }], actor, now)
}

export const readProblems = (doc: Y.Doc): ProblemRecord[] =>
  readRecords(doc, PLAN_MAPS.problems, parseProblem)

/**
 * FP9: ranked problems first in the settled ranking's order, then the unranked ones by creation
 * time and id; a disputed ranking ranks nothing (its candidates are shown with the field).
 */
export function rankedProblems(
  problems: readonly ProblemRecord[],
  ranking: FieldState<string[]>,
  selection: FieldState<string[]>,
  positionOf: (id: string) => FieldState<FamilyPosition>,
): PlanProblem[] {
  const order = ranking.state === 'settled' ? ranking.value.filter((id) => has(problems, id)) : []
  const chosen = selection.state === 'settled' ? selection.value : []
  const byCreation = [...problems].sort(
    (a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id),
  )
  const sorted = [
    ...order.flatMap((id) => byCreation.filter((p) => p.id === id)),
    ...byCreation.filter((p) => !order.includes(p.id)),
  ]
  return sorted.map((p) => {
    const familyPosition = positionOf(p.id)
    const rank = order.indexOf(p.id)
    return {
      ...p,
      ...(rank >= 0 && { rank: rank + 1 }),
      selected: chosen.includes(p.id),
      familyPosition,
      disputedByFamily: familyDisagrees(familyPosition),
    }
  })
}

export function familyDisagrees(position: FieldState<FamilyPosition>): boolean {
  if (position.state === 'settled') return position.value.position === 'disagrees'
  if (position.state === 'disputed') {
    return position.candidates.some((c) => c.value.position === 'disagrees')
  }
  return false
}

const has = (problems: readonly ProblemRecord[], id: string) => problems.some((p) => p.id === id)

function requireKnown(doc: Y.Doc, ids: readonly string[]): string[] {
  const list = requireIds(ids)
  const problems = readProblems(doc)
  const unknown = list.find((id) => !has(problems, id))
  if (unknown !== undefined) throw new ModelError('not-found', `problem ${unknown} not found`)
  return list
}
