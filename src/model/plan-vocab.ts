// The family team meeting plan's vocabulary (kontrakt socjalny): value lists, exported so that
// validation and UI pickers share them, the names of its decision fields and its record shapes.

/**
 * social-contract-a: a person or family in a difficult life situation (art. 108 of the Polish
 * social-assistance act); social-contract-b: activation and preventing social exclusion;
 * family-team-plan: a plan agreed at a family team meeting outside the contract.
 */
export const PLAN_VARIANTS = ['social-contract-a', 'social-contract-b', 'family-team-plan'] as const
export type PlanVariant = (typeof PLAN_VARIANTS)[number]

export const PLAN_STATUSES = ['proposed', 'active', 'on-hold', 'completed', 'cancelled'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** FP4: the plan's status table; completed and cancelled are terminal. */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  proposed: ['active', 'cancelled'],
  active: ['on-hold', 'completed', 'cancelled'],
  'on-hold': ['active', 'cancelled'],
  completed: [],
  cancelled: [],
}
export const PLAN_REASON_REQUIRED: readonly PlanStatus[] = ['on-hold', 'cancelled']

/** Languages offered first; any BCP 47 primary tag (2–3 letters, optional subtags) is accepted. */
export const PLAN_LANGUAGES = ['pl', 'ru', 'en', 'ky', 'uk'] as const

export const FAMILY_ROLES = ['parent', 'child', 'grandparent', 'guardian', 'other'] as const
export type FamilyRole = (typeof FAMILY_ROLES)[number]

export const GOAL_PROGRESS = [
  'in-progress',
  'improving',
  'no-change',
  'achieved',
  'not-achieved',
] as const
export type GoalProgress = (typeof GOAL_PROGRESS)[number]

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'not-done'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export const ATTENDANCE = ['present', 'absent', 'excused'] as const
export type Attendance = (typeof ATTENDANCE)[number]

/** Obligations of a side, the bottom lines that are not negotiable, and the consequences. */
export const COMMITMENT_TYPES = ['obligation', 'bottom-line', 'consequence'] as const
export type CommitmentType = (typeof COMMITMENT_TYPES)[number]

export const FAMILY_POSITIONS = ['agrees', 'disagrees'] as const
export type FamilyPositionCode = (typeof FAMILY_POSITIONS)[number]

export const APPROVAL_STATES = ['requested', 'approved', 'returned'] as const
export type ApprovalState = (typeof APPROVAL_STATES)[number]

/** Names of the plan's decision fields in the document's register. */
export const PLAN_FIELDS = {
  status: 'plan.status',
  period: 'plan.period',
  ranking: 'plan.problems.ranking',
  selection: 'plan.problems.selected',
  approval: 'plan.approval',
} as const
export const familyPositionField = (problemId: string): string => `plan.problem.${problemId}.family`
export const goalField = (goalId: string, part: 'targetDate' | 'progress'): string =>
  `plan.goal.${goalId}.${part}`
export const actionField = (
  actionId: string,
  part: 'deadline' | 'responsible' | 'status',
): string => `plan.action.${actionId}.${part}`

export interface PlanStatusValue {
  status: PlanStatus
  reason?: string
}

/** YYYY-MM-DD, from ≤ to. */
export interface Period {
  from: string
  to: string
}

/** Who does or checks something: a family member (a participant) or a professional side. */
export type PartyRef =
  | { kind: 'family'; participantId: string }
  | { kind: 'professional'; agencyId: string; memberId?: string }

/** A side of the plan: the family, or an agency (the lead agency is the worker's centre). */
export type PlanSide = { kind: 'family' } | { kind: 'agency'; agencyId: string }

export interface ActionStatusValue {
  status: ActionStatus
  reason?: string
}

export interface FamilyPosition {
  position: FamilyPositionCode
  comment?: string
}

export interface ApprovalValue {
  state: ApprovalState
  /** Required when returned. */
  comments?: string
  /** planContentHash when the value was asserted. */
  hash: string
}

export type * from './plan-types.ts'
