import { compareCodeUnits } from './order.ts'
import type { Plan, PlanAction } from './plan-read.ts'
import type { ActionStatusValue, PartyRef, Participant, PlanStatusValue } from './plan-vocab.ts'
import { datePassed } from './referral-store.ts'
import type { FieldState } from './referral-vocab.ts'

// Overdue actions and "my actions" across plans: pure functions over read models, so the same
// rules serve one open plan and a list built from many. Dates compare in UTC (RF17).

/** The deadline in force: the settled date, or the earliest candidate while disputed (FP24). */
export function deadlineInForce(deadline: FieldState<string | null>): string | undefined {
  if (deadline.state === 'settled') return deadline.value ?? undefined
  if (deadline.state !== 'disputed') return undefined
  return deadline.candidates.flatMap((c) => (c.value === null ? [] : [c.value])).sort()[0]
}

/** Planned or in-progress (an action without a readable status is planned); disputed: any. */
export function actionIsOpen(status: FieldState<ActionStatusValue>): boolean {
  const open = (s: ActionStatusValue) => s.status === 'planned' || s.status === 'in-progress'
  if (status.state === 'settled') return open(status.value)
  if (status.state === 'disputed') return status.candidates.some((c) => open(c.value))
  return true
}

/** Completed or cancelled; a disputed status ends the plan only if every candidate does. */
export function planEnded(status: FieldState<PlanStatusValue>): boolean {
  const ended = (s: PlanStatusValue) => s.status === 'completed' || s.status === 'cancelled'
  if (status.state === 'settled') return ended(status.value)
  if (status.state === 'disputed') return status.candidates.every((c) => ended(c.value))
  return false
}

/**
 * FP24: an action is overdue when its deadline in force has passed (the UTC day after it has
 * begun), it is still open (not done, and not recorded as not done with its reason) and the plan
 * has not ended.
 */
export function isActionOverdue(
  action: Pick<PlanAction, 'deadline' | 'status'>,
  now: Date,
  planStatus?: FieldState<PlanStatusValue>,
): boolean {
  if (planStatus !== undefined && planEnded(planStatus)) return false
  const deadline = deadlineInForce(action.deadline)
  return deadline !== undefined && datePassed(deadline, now) && actionIsOpen(action.status)
}

/** What myActions needs of a plan; a whole Plan will do. */
export type PlanForActions = Pick<Plan, 'id' | 'status' | 'goals' | 'participants'>

/** A member's actions (theirs, or theirs as a family member), or an agency's. */
export type ActionOwner = { memberId: string } | { agencyId: string }

export interface MyAction {
  planId: string
  goalId: string
  action: PlanAction
  /** The deadline in force, if any. */
  deadline?: string
  overdue: boolean
  /** Who is responsible, as a sortable label: "agency/member" or "family/code". */
  who: string
  /** The responsible party is disputed: this owner is one of the candidates. */
  disputed: boolean
}

/**
 * FP26: the actions whose responsible party (settled, or any candidate while disputed) is the
 * owner, across plans, sorted by deadline in force (undated last) or by who, then plan and id.
 */
export function myActions(
  plans: readonly PlanForActions[],
  owner: ActionOwner,
  opts: { now?: Date; sort?: 'date' | 'who' } = {},
): MyAction[] {
  const now = opts.now ?? new Date()
  const list = plans.flatMap((plan) =>
    plan.goals.flatMap((goal) =>
      goal.actions.flatMap((action): MyAction[] => {
        const refs = responsibleRefs(action.responsible)
        if (!refs.some((ref) => owns(owner, ref, plan.participants))) return []
        const deadline = deadlineInForce(action.deadline)
        return [
          {
            planId: plan.id,
            goalId: goal.id,
            action,
            ...(deadline !== undefined && { deadline }),
            overdue: isActionOverdue(action, now, plan.status),
            who: [...new Set(refs.map((r) => label(r, plan.participants)))]
              .sort(compareCodeUnits)
              .join(' | '),
            disputed: action.responsible.state === 'disputed',
          },
        ]
      }),
    ),
  )
  const byDate = (a: MyAction, b: MyAction) =>
    compareCodeUnits(a.deadline ?? '\uffff', b.deadline ?? '\uffff')
  const byWho = (a: MyAction, b: MyAction) => compareCodeUnits(a.who, b.who)
  const [first, second] = opts.sort === 'who' ? [byWho, byDate] : [byDate, byWho]
  return list.sort(
    (a, b) =>
      first(a, b) ||
      second(a, b) ||
      compareCodeUnits(a.planId, b.planId) ||
      compareCodeUnits(a.action.id, b.action.id),
  )
}

function responsibleRefs(field: FieldState<PartyRef>): PartyRef[] {
  if (field.state === 'settled') return [field.value]
  if (field.state === 'disputed') return field.candidates.map((c) => c.value)
  return []
}

function owns(owner: ActionOwner, ref: PartyRef, participants: readonly Participant[]): boolean {
  if ('agencyId' in owner) return ref.kind === 'professional' && ref.agencyId === owner.agencyId
  if (ref.kind === 'professional') return ref.memberId === owner.memberId
  return participants.some(
    (p) => p.id === ref.participantId && p.kind === 'family' && p.memberId === owner.memberId,
  )
}

function label(ref: PartyRef, participants: readonly Participant[]): string {
  if (ref.kind === 'professional') return `${ref.agencyId}/${ref.memberId ?? ''}`
  const p = participants.find((x) => x.id === ref.participantId)
  return `family/${p?.kind === 'family' ? p.code : ref.participantId}`
}
