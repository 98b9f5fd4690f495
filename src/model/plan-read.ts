import type * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ModelError } from './errors.ts'
import type { Json } from './json.ts'
import { compareCodeUnits } from './order.ts'
import { ALL_PLAN_TEXT_FIELDS } from './plan.ts'
import type { AnyPlanTextField } from './plan.ts'
import { readActions } from './plan-actions.ts'
import { acknowledgementStates, approvalHistory, readAcknowledgements } from './plan-approval.ts'
import type { AcknowledgementState, ApprovalStep } from './plan-approval.ts'
import { readCommitments, readContingency } from './plan-commitments.ts'
import { planContentHash } from './plan-content.ts'
import { readGoals } from './plan-goals.ts'
import { readAttendance, readMeetings, readMinutes } from './plan-meetings.ts'
import { deadlineInForce, isActionOverdue } from './plan-overdue.ts'
import { rankedProblems, readProblems } from './plan-problems.ts'
import type { PlanProblem } from './plan-problems.ts'
import { readAmendments, readAssessments, readReviews } from './plan-reviews.ts'
import { detail, leadWorkerOf, PLAN_MAPS, planParties, readParticipants } from './plan-store.ts'
import { readPlanHeader } from './plan-store.ts'
import type { PlanHeader } from './plan-store.ts'
import { parseActionStatus, parseApproval, parseDate, parseFamilyPosition } from './plan-values.ts'
import { parsePartyRef, parsePeriod, parsePlanStatusValue, parseProgress } from './plan-values.ts'
import { parseVariant } from './plan-values.ts'
import { actionField, familyPositionField, goalField, PLAN_FIELDS } from './plan-vocab.ts'
import type {
  ActionRecord,
  ActionStatusValue,
  AmendmentRecord,
  ApprovalValue,
} from './plan-vocab.ts'
import type { AssessmentRecord, AttendanceRecord, CommitmentRecord } from './plan-vocab.ts'
import type { ContingencyRecord, GoalProgress, GoalRecord, MeetingRecord } from './plan-vocab.ts'
import type { PartyRef, Participant, Period, PlanStatusValue } from './plan-vocab.ts'
import type { PlanVariant, ReviewRecord } from './plan-vocab.ts'
import { fieldState } from './referral-store.ts'
import type { FieldState } from './referral-vocab.ts'
import { textField } from './text-field.ts'

// The plan as a screen sees it: one plain object, a fresh copy on every read, with every decision
// field's state (settled, or disputed with its candidates) so a disagreement is always on screen.

export interface PlanAction extends ActionRecord {
  deadline: FieldState<string | null>
  responsible: FieldState<PartyRef>
  status: FieldState<ActionStatusValue>
  /** FP24, for the time of the read. */
  overdue: boolean
}

export interface PlanGoal extends GoalRecord {
  targetDate: FieldState<string | null>
  progress: FieldState<GoalProgress>
  /** By deadline in force (undated last), then creation. */
  actions: PlanAction[]
}

export interface PlanMeeting extends MeetingRecord {
  attendance: AttendanceRecord[]
  minutes: string
}

export interface PlanReview extends ReviewRecord {
  assessments: AssessmentRecord[]
}

export interface Plan extends PlanHeader {
  variant: PlanVariant | null
  leadWorkerId: string
  languages: string[]
  representativeId: string | null
  /** FP2: the agencies that write to the plan. */
  parties: string[]
  status: FieldState<PlanStatusValue>
  period: FieldState<Period>
  participants: Participant[]
  text: Record<AnyPlanTextField, string>
  /** FP9: in the settled ranking's order, then unranked by creation. */
  problems: PlanProblem[]
  ranking: FieldState<string[]>
  selection: FieldState<string[]>
  goals: PlanGoal[]
  commitments: CommitmentRecord[]
  contingency: ContingencyRecord[]
  meetings: PlanMeeting[]
  reviews: PlanReview[]
  amendments: AmendmentRecord[]
  /** FP21: the hash acknowledgements and approvals are compared with. */
  contentHash: string
  acknowledgements: AcknowledgementState[]
  approval: FieldState<ApprovalValue> & { approvedCurrent: boolean; history: ApprovalStep[] }
  /** Every plan decision field now disputed, by name. */
  disputedFields: string[]
  readAt: string
}

/** FP25: the whole plan; refused (not-found) while the document holds none yet. */
export function readPlan(doc: Y.Doc, now: Date = new Date()): Plan {
  const header = readPlanHeader(doc)
  if (header === undefined) throw new ModelError('not-found', 'document holds no plan')
  const byField = groupByField(listAssertions(doc))
  const field = <T>(name: string, parse: (v: Json) => T | undefined) =>
    fieldState(byField.get(name) ?? [], parse)
  const status = field(PLAN_FIELDS.status, parsePlanStatusValue)
  const actions = readActions(doc)
  const actionsOf = (goalId: string) =>
    actions
      .filter((a) => a.goalId === goalId)
      .map((a): PlanAction => {
        const view = {
          ...a,
          deadline: field(actionField(a.id, 'deadline'), parseDate),
          responsible: field(actionField(a.id, 'responsible'), parsePartyRef),
          status: field(actionField(a.id, 'status'), parseActionStatus),
        }
        return { ...view, overdue: isActionOverdue(view, now, status) }
      })
      .sort(
        (a, b) =>
          compareCodeUnits(
            deadlineInForce(a.deadline) ?? '\uffff',
            deadlineInForce(b.deadline) ?? '\uffff',
          ) ||
          compareCodeUnits(a.createdAt, b.createdAt) ||
          compareCodeUnits(a.id, b.id),
      )
  const goals = readGoals(doc)
    .sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id))
    .map((g) => ({
      ...g,
      targetDate: field(goalField(g.id, 'targetDate'), parseDate),
      progress: field(goalField(g.id, 'progress'), parseProgress),
      actions: actionsOf(g.id),
    }))
  const attendance = readAttendance(doc)
  const assessments = readAssessments(doc)
  const participants = readParticipants(doc)
  const contentHash = planContentHash(doc)
  const approval = field(PLAN_FIELDS.approval, parseApproval)
  const languages = detail(doc, 'languages')
  const representative = detail(doc, 'representative')
  const ranking = field(PLAN_FIELDS.ranking, parseIds)
  const selection = field(PLAN_FIELDS.selection, parseIds)
  return {
    ...header,
    variant: parseVariant(detail(doc, 'variant')) ?? null,
    leadWorkerId: leadWorkerOf(doc) ?? header.createdBy,
    languages: Array.isArray(languages) ? languages.filter((l) => typeof l === 'string') : [],
    representativeId: typeof representative === 'string' ? representative : null,
    parties: planParties(doc),
    status,
    period: field(PLAN_FIELDS.period, parsePeriod),
    participants,
    text: Object.fromEntries(
      ALL_PLAN_TEXT_FIELDS.map((f) => [f, textField(doc, f).read()]),
    ) as Record<AnyPlanTextField, string>,
    problems: rankedProblems(readProblems(doc), ranking, selection, (id) =>
      field(familyPositionField(id), parseFamilyPosition),
    ),
    ranking,
    selection,
    goals,
    commitments: readCommitments(doc),
    contingency: readContingency(doc),
    meetings: readMeetings(doc).map((m) => ({
      ...m,
      attendance: attendance.filter((a) => a.meetingId === m.id),
      minutes: readMinutes(doc, m.id),
    })),
    reviews: readReviews(doc).map((r) => ({
      ...r,
      assessments: assessments.filter((a) => a.reviewId === r.id),
    })),
    amendments: readAmendments(doc),
    contentHash,
    acknowledgements: acknowledgementStates(participants, readAcknowledgements(doc), contentHash),
    approval: {
      ...approval,
      approvedCurrent:
        approval.state === 'settled' &&
        approval.value.state === 'approved' &&
        approval.value.hash === contentHash,
      history: approvalHistory(doc),
    },
    disputedFields: [...byField.keys()]
      .filter((f) => f.startsWith('plan.') && field(f, (v) => v).state === 'disputed')
      .sort(compareCodeUnits),
    readAt: now.toISOString(),
  }
}

/** Whether the document already holds a plan (it may still be loading or syncing). */
export const hasPlan = (doc: Y.Doc): boolean => readPlanHeader(doc) !== undefined

const OBSERVED = ['meta', 'text', 'assertions', ...Object.values(PLAN_MAPS)]

/** What a transaction that touched the plan changed (FP25). */
export interface PlanChange {
  /** Made on this device. */
  local: boolean
  /** Only collaborative text changed (typing): nothing a read of the plan's records shows. */
  textOnly: boolean
}

/** FP25: calls back once per transaction, local or remote, that changed anything of the plan. */
export function observePlan(doc: Y.Doc, onChange: (change: PlanChange) => void): () => void {
  const text: unknown = doc.getMap('text')
  const types = new Set<unknown>(OBSERVED.map((name) => doc.getMap(name)))
  const handler = (transaction: Y.Transaction): void => {
    // changedParentTypes holds every ancestor of a changed type: text and minutes edits too.
    const touched = [...transaction.changedParentTypes.keys()].filter((t) => types.has(t))
    if (touched.length === 0) return
    onChange({ local: transaction.local, textOnly: touched.every((t) => t === text) })
  }
  doc.on('afterTransaction', handler)
  return () => doc.off('afterTransaction', handler)
}

function groupByField(assertions: readonly Assertion[]): Map<string, Assertion[]> {
  const byField = new Map<string, Assertion[]>()
  for (const a of assertions) byField.set(a.field, [...(byField.get(a.field) ?? []), a])
  return byField
}

const parseIds = (value: Json): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? (value as string[])
    : undefined
