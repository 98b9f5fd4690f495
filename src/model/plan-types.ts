import type { Attendance, CommitmentType, FamilyRole, GoalProgress } from './plan-vocab.ts'
import type { PartyRef, PlanSide } from './plan-vocab.ts'

// The shapes of the plan's stored records (plan-records.ts reads them back).

export type Participant =
  | {
      id: string
      kind: 'family'
      /** Pseudonymous code (RF8's rule), never a name. */
      code: string
      familyRole: FamilyRole
      /** The workspace member this family member uses, when they have an account. */
      memberId?: string
    }
  | {
      id: string
      kind: 'professional'
      agencyId: string
      memberId: string
      /** Their role in the plan as written, e.g. "psychologist", "school pedagogue". */
      role: string
      facilitator: boolean
    }

interface Created {
  createdAt: string
  createdBy: string
}

export interface ProblemRecord extends Created {
  id: string
  text: string
}

export interface GoalRecord extends Created {
  id: string
  text: string
  /** How progress is measured. */
  indicator: string
  problemIds: string[]
}

export interface ActionRecord extends Created {
  id: string
  goalId: string
  what: string
  checker?: PartyRef
  /** The document id of a referral agreement this action is carried out through. */
  referralId?: string
}

export interface CommitmentRecord {
  id: string
  side: PlanSide
  type: CommitmentType
  text: string
}

export interface ContingencyRecord {
  id: string
  /** "If …" */
  trigger: string
  /** "… then …" */
  response: string
  /** Who to call: a service, an agency or a contact point as written. */
  call: string
}

export interface MeetingRecord extends Created {
  id: string
  /** ISO instant. */
  start: string
  durationMinutes: number
  place: string
  /** Participant ids invited. */
  attendees: string[]
  agenda: string[]
}

export interface AttendanceRecord {
  meetingId: string
  participantId: string
  response: Attendance
  recordedBy: string
  at: string
}

export interface ReviewRecord extends Created {
  id: string
  /** YYYY-MM-DD */
  date: string
  /** Participant ids expected at the review. */
  attendees: string[]
}

export interface AssessmentRecord {
  id: string
  reviewId: string
  at: string
  memberId: string
  agencyId: string
  progress: { goalId: string; progress: GoalProgress; note?: string }[]
  note?: string
}

export interface AmendmentRecord {
  id: string
  at: string
  memberId: string
  agencyId: string
  what: string
  why: string
  /** Participant ids of those who agreed to it. */
  agreedBy: string[]
}

export interface AcknowledgementRecord {
  id: string
  participantId: string
  /** planContentHash of the version acknowledged. */
  hash: string
  /** How many amendments the plan had then: a version number people can read. */
  amendments: number
  at: string
  recordedBy: string
  recordedByAgency: string
}
