import * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import type { Assertion } from './decision.ts'
import { ModelError } from './errors.ts'
import { canonicalJson } from './json.ts'
import { stageDeadline } from './mediation-calendar.ts'
import {
  readMediationActions,
  readLearningPoints,
  readProposals,
  readSessions,
} from './mediation-records.ts'
import { readStageMoves, stageOf } from './mediation-stage.ts'
import { MEDIATION_MAPS, positionKey, readHeader, readPartyRecords } from './mediation-store.ts'
import { readRecords } from './mediation-store.ts'
import { parseCategory, parseDecision, parseLink, parseOutcome } from './mediation-values.ts'
import { parseUrgency } from './mediation-values.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import type { MediationDecision, LearningPoint, MediationAction } from './mediation-vocab.ts'
import type { MediationCategory, MediationLink, MediationUrgency } from './mediation-vocab.ts'
import type {
  MediationOutcomeValue,
  MediationParty,
  MediationProposal,
  MediationSession,
  MediationStage,
  StageMove,
} from './mediation-vocab.ts'
import { compareCodeUnits } from './order.ts'
import { fieldState } from './referral-store.ts'
import type { FieldState } from './referral-vocab.ts'
import { TEXT_MAP } from './text-field.ts'
import type { Actor } from './types.ts'
import { type HolidayCalendar, NO_HOLIDAYS } from './working-days.ts'

// The mediation log as a screen sees it: one fresh plain object per read, every decision field
// with its state (a disagreement about the log itself stays visible too), and the time left.

export interface TimeLeft {
  /** The instant the stage's time is up (ISO). */
  deadline: string
  /** Negative once breached. */
  msLeft: number
  breached: boolean
}

export interface Mediation {
  id: string
  openedAt: string
  openedBy: Actor
  mediator: Actor
  /** Days off of this log's own (YYYY-MM-DD), fixed at opening, beside the workspace's (MD6). */
  holidays: string[]
  parties: MediationParty[]
  links: MediationLink[]
  category: FieldState<MediationCategory>
  urgency: FieldState<MediationUrgency>
  /** What deadlines use: the settled urgency; urgent while any candidate is (MD7). */
  effectiveUrgency: MediationUrgency
  stage: MediationStage
  stageEnteredAt: string
  stageMoves: StageMove[]
  sessions: MediationSession[]
  proposals: MediationProposal[]
  actions: MediationAction[]
  learningPoints: LearningPoint[]
  decision: FieldState<MediationDecision>
  outcome: FieldState<MediationOutcomeValue>
  /** An outcome is recorded (MD8). */
  closed: boolean
  /** When the outcome was recorded (the earliest candidate while disputed). */
  closedAt: string | null
  /** The current stage's deadline at readAt; null once closed. */
  timeLeft: TimeLeft | null
  /** The log's own decision fields currently disputed. */
  disputedFields: string[]
  readAt: string
}

/**
 * MD14: the whole log; refused (not-found) while the document holds none yet. Deadlines skip the
 * public holidays of `calendar`, the workspace's (W7, MD6).
 */
export function readMediation(
  doc: Y.Doc,
  now: Date = new Date(),
  calendar: HolidayCalendar = NO_HOLIDAYS,
): Mediation {
  const header = readHeader(doc)
  if (header === undefined) throw new ModelError('not-found', 'document holds no mediation')
  const byField = new Map<string, Assertion[]>()
  for (const a of listAssertions(doc)) byField.set(a.field, [...(byField.get(a.field) ?? []), a])
  const field = <T>(name: string, parse: (v: Assertion['value']) => T | undefined) =>
    fieldState(byField.get(name) ?? [], parse)
  const texts = doc.getMap<unknown>(TEXT_MAP)
  const parties = readPartyRecords(doc).map((p) => {
    const text = texts.get(positionKey(p.id))
    return { ...p, position: text instanceof Y.Text ? text.toString() : '' }
  })
  const stageMoves = readStageMoves(doc)
  const { stage, enteredAt } = stageOf(stageMoves, header.openedAt)
  const urgency = field(MEDIATION_FIELDS.urgency, parseUrgency)
  const outcome = field(MEDIATION_FIELDS.outcome, parseOutcome)
  const mediation: Mediation = {
    ...header,
    parties,
    links: uniqueLinks(readRecords(doc, MEDIATION_MAPS.links, parseLink)),
    category: field(MEDIATION_FIELDS.category, parseCategory),
    urgency,
    effectiveUrgency: effectiveUrgency(urgency),
    stage,
    stageEnteredAt: enteredAt,
    stageMoves,
    sessions: readSessions(doc),
    proposals: readProposals(doc),
    actions: readMediationActions(doc),
    learningPoints: readLearningPoints(doc),
    decision: field(MEDIATION_FIELDS.decision, parseDecision),
    outcome,
    closed: outcome.state === 'settled' || outcome.state === 'disputed',
    closedAt: outcome.state === 'settled' ? outcome.by.at : null,
    timeLeft: null,
    disputedFields: Object.values(MEDIATION_FIELDS)
      .filter((f) => field(f, (v) => v).state === 'disputed')
      .sort(compareCodeUnits),
    readAt: now.toISOString(),
  }
  if (outcome.state === 'disputed') {
    mediation.closedAt = outcome.candidates.map((c) => c.at).sort(compareCodeUnits)[0] ?? null
  }
  if (!mediation.closed) mediation.timeLeft = timeLeft(mediation, now, calendar)
  return mediation
}

/** Whether the document already holds a mediation (it may still be loading or syncing). */
export const hasMediation = (doc: Y.Doc): boolean => readHeader(doc) !== undefined

/** MD6: the current stage's deadline, and how long is left of it at `now`. */
export function timeLeft(
  mediation: Pick<Mediation, 'stage' | 'stageEnteredAt' | 'effectiveUrgency' | 'holidays'>,
  now: Date,
  calendar: HolidayCalendar = NO_HOLIDAYS,
): TimeLeft {
  const { stage, stageEnteredAt, effectiveUrgency, holidays } = mediation
  const deadline = stageDeadline(stageEnteredAt, stage, effectiveUrgency, holidays, calendar)
  const msLeft = deadline.getTime() - now.getTime()
  return { deadline: deadline.toISOString(), msLeft, breached: msLeft <= 0 }
}

/** MD7: a disputed urgency counts as urgent, so the stricter deadline holds until settled. */
export function effectiveUrgency(urgency: FieldState<MediationUrgency>): MediationUrgency {
  if (urgency.state === 'settled') return urgency.value
  if (urgency.state === 'disputed' && urgency.candidates.some((c) => c.value === 'urgent')) {
    return 'urgent'
  }
  return 'normal'
}

const OBSERVED = ['meta', TEXT_MAP, 'assertions', ...Object.values(MEDIATION_MAPS)]

/** MD14: calls back once per transaction, local or remote, that changed the log, positions too. */
export function observeMediation(doc: Y.Doc, onChange: () => void): () => void {
  const types = new Set<unknown>(OBSERVED.map((name) => doc.getMap(name)))
  const handler = (transaction: Y.Transaction): void => {
    // changedParentTypes holds every ancestor of a changed type: a position's Y.Text included.
    for (const type of transaction.changedParentTypes.keys()) {
      if (types.has(type)) return onChange()
    }
  }
  doc.on('afterTransaction', handler)
  return () => doc.off('afterTransaction', handler)
}

function uniqueLinks(links: readonly MediationLink[]): MediationLink[] {
  const byKey = new Map(links.map((l) => [canonicalJson({ ...l }), l]))
  return [...byKey.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, l]) => l)
}

export interface MediationGrant {
  documentId: string
  subjectKind: 'agency' | 'member'
  subjectId: string
  level: 'write'
}

/**
 * MD13: the relay grants that make the log visible to exactly its parties and its mediator: each
 * party's agency, and the mediator as a member (not the mediator's whole agency). Visibility is
 * the relay's, not the model's: the UI sends these when it opens the mediation and when the
 * mediator adds a party. The document id is the mediation id.
 */
export function mediationGrants(mediation: Pick<Mediation, 'id' | 'parties' | 'mediator'>) {
  const agencies = [...new Set(mediation.parties.map((p) => p.agencyId))].sort(compareCodeUnits)
  const grants: MediationGrant[] = agencies.map((subjectId) => ({
    documentId: mediation.id,
    subjectKind: 'agency',
    subjectId,
    level: 'write',
  }))
  const mediator = mediation.mediator.memberId
  grants.push({
    documentId: mediation.id,
    subjectKind: 'member',
    subjectId: mediator,
    level: 'write',
  })
  return grants
}
