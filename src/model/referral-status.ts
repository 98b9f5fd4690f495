// The referral's status on the FHIR R4 Task codes and the workflow between them, as pure data
// and functions so that the UI can grey out a button with the same rule that refuses the write.
//
// The table follows FHIR R4's Task state machine (https://hl7.org/fhir/R4/task.html#statemachine)
// for a referral, without the optional 'received' and 'ready' states: a referral is requested,
// then accepted or rejected by the receiving agency, then worked on, paused or ended. Unlike
// FHIR, which allows entered-in-error from anywhere, only a referral nobody has accepted yet
// can be marked entered-in-error: once the receiver has started work, the referrer ends it by
// cancelling it with a reason, which keeps the receiver's record truthful.

export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/** Which party a member acts for: the referring agency or the receiving one. */
export type Side = 'referrer' | 'receiver'

/** Who may set each status: the requester owns the request, the performer owns the work. */
export const STATUS_SETTER: Readonly<Record<ReferralStatus, Side>> = {
  draft: 'referrer',
  requested: 'referrer',
  cancelled: 'referrer',
  'entered-in-error': 'referrer',
  accepted: 'receiver',
  rejected: 'receiver',
  'in-progress': 'receiver',
  'on-hold': 'receiver',
  completed: 'receiver',
  failed: 'receiver',
}

/** The allowed transitions; a status missing on the left is terminal. */
export const TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['requested', 'cancelled', 'entered-in-error'],
  requested: ['accepted', 'rejected', 'cancelled', 'entered-in-error'],
  accepted: ['in-progress', 'on-hold', 'cancelled', 'failed'],
  'in-progress': ['on-hold', 'completed', 'failed', 'cancelled'],
  'on-hold': ['in-progress', 'cancelled', 'failed'],
  rejected: [],
  completed: [],
  failed: [],
  cancelled: [],
  'entered-in-error': [],
}

/** Statuses that stop the work or refuse it: the other party must be told why. */
export const REASON_REQUIRED: readonly ReferralStatus[] = [
  'rejected',
  'on-hold',
  'failed',
  'cancelled',
]

export const isReferralStatus = (value: unknown): value is ReferralStatus =>
  REFERRAL_STATUSES.includes(value as ReferralStatus)

export const isTerminal = (status: ReferralStatus): boolean => TRANSITIONS[status].length === 0

export const reasonRequired = (status: ReferralStatus): boolean => REASON_REQUIRED.includes(status)

/** Why a transition is refused, or undefined when it is allowed. */
export function transitionProblem(
  from: ReferralStatus,
  to: ReferralStatus,
  side: Side,
): 'invalid-transition' | 'wrong-side' | undefined {
  if (!TRANSITIONS[from].includes(to)) return 'invalid-transition'
  if (STATUS_SETTER[to] !== side) return 'wrong-side'
  return undefined
}

/** RF2/RF3: the workflow allows from → to and `side` owns the target status. */
export const canTransition = (from: ReferralStatus, to: ReferralStatus, side: Side): boolean =>
  transitionProblem(from, to, side) === undefined

/** The statuses `side` may move to from `from`, for the buttons a screen offers. */
export const nextStatuses = (from: ReferralStatus, side: Side): ReferralStatus[] =>
  TRANSITIONS[from].filter((to) => STATUS_SETTER[to] === side)

/** A status decision as stored in the register: the status and, where given, its reason. */
export interface StatusValue {
  status: ReferralStatus
  reason?: string
}
