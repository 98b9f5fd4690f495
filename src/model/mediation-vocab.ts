import type { Json } from './json.ts'

// The mediation log's vocabulary: value lists (shared by validation and UI pickers), the names of
// its decision fields, and the shapes of its stored records. One Yjs document per mediation.

/** 1 between practitioners, 2 line managers, 3 formal, 4 partnership board. */
export const MEDIATION_STAGES = [1, 2, 3, 4] as const
export type MediationStage = (typeof MEDIATION_STAGES)[number]

export const MEDIATION_CATEGORIES = [
  'thresholds-or-criteria',
  'assessment',
  'roles-and-responsibilities',
  'service-provision',
  'information-sharing',
  'other',
] as const
export type MediationCategory = (typeof MEDIATION_CATEGORIES)[number]

export const MEDIATION_URGENCIES = ['normal', 'urgent'] as const
export type MediationUrgency = (typeof MEDIATION_URGENCIES)[number]

/**
 * 'escalated' means taken beyond this log (past stage 4, e.g. to a statutory body); moving up a
 * stage inside the log is a stage move, not an outcome.
 */
export const MEDIATION_OUTCOMES = [
  'resolved',
  'escalated',
  'withdrawn',
  'referred-to-complaint',
] as const
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number]

/** What a link points at: a referral, a plan, or an action of a plan. */
export const MEDIATION_LINK_KINDS = ['referral', 'plan', 'action'] as const
export type MediationLinkKind = (typeof MEDIATION_LINK_KINDS)[number]

/** Names of the mediation's decision fields in the document's register. */
export const MEDIATION_FIELDS = {
  category: 'mediation.category',
  urgency: 'mediation.urgency',
  decision: 'mediation.decision',
  outcome: 'mediation.outcome',
} as const

/** A worker (agency and member) or a whole agency or public body. */
export interface MediationParticipant {
  agencyId: string
  memberId?: string
}

/** A party as stored; its position is the Y.Text `position.<id>` of the 'text' map. */
export interface MediationPartyRecord extends MediationParticipant {
  id: string
  addedAt: string
  addedBy: string
}

export interface MediationParty extends MediationPartyRecord {
  /** The party's position in its own words. */
  position: string
}

/** The records the mediation concerns; `field` names one decision field of that document. */
export interface MediationLink {
  documentId: string
  kind: MediationLinkKind
  field?: string
}

/** Who wrote a record, and when (the writer's device clock: for display and deadlines only). */
export interface Written {
  memberId: string
  agencyId: string
  at: string
}

export interface StageMove extends Written {
  id: string
  from: MediationStage
  to: MediationStage
  reason: string
}

export interface MediationSession extends Written {
  id: string
  /** YYYY-MM-DD */
  date: string
  attendees: MediationParticipant[]
  notes: string
}

export interface MediationProposal extends Written {
  id: string
  text: string
}

export interface MediationAction extends Written {
  id: string
  what: string
  who: MediationParticipant
  /** YYYY-MM-DD */
  dueBy: string
}

export interface LearningPoint extends Written {
  id: string
  text: string
}

/** The mediator's decision or the parties' agreement; `value` is what a disputed field gets. */
export interface MediationDecision {
  rationale: string
  value?: Json
}

export interface MediationOutcomeValue {
  outcome: MediationOutcome
  note?: string
}
