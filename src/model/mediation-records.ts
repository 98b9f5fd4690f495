import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { addRecord, byWrittenAt, MEDIATION_MAPS, parseParticipant } from './mediation-store.ts'
import {
  parseWritten,
  readRecords,
  requireMediator,
  requireParticipant,
} from './mediation-store.ts'
import { requireParticipantValue, written } from './mediation-store.ts'
import type { MediationMap } from './mediation-store.ts'
import type { LearningPoint, MediationAction, MediationParticipant } from './mediation-vocab.ts'
import type { MediationProposal, MediationSession } from './mediation-vocab.ts'
import { isIsoDate, requireDate } from './referral-store.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// What happens in a mediation besides the positions: sessions, proposals, agreed actions and the
// learning points for the partnership. Each is a plain JSON record under its own random id,
// written once and never edited, so records added on different devices are all kept (MD10).

interface Options {
  now?: Date
  id?: string
}

/** MD10: the mediator records a session: its date, who attended and the notes. */
export function recordSession(
  doc: Y.Doc,
  session: { date: string; attendees: MediationParticipant[]; notes: string },
  actor: Actor,
  opts: Options = {},
): MediationSession {
  requireMediator(doc, actor)
  const date = requireDate(session.date, 'session date')
  if (!Array.isArray(session.attendees)) {
    throw new ModelError('invalid-party', 'attendees must be a list')
  }
  const attendees = session.attendees.map((a) => requireParticipantValue(a, 'attendee'))
  const notes = typeof session.notes === 'string' ? session.notes.trim() : ''
  return add(doc, MEDIATION_MAPS.sessions, { date, attendees, notes }, actor, opts)
}

/** MD10: a party or the mediator puts a proposal on the table. */
export function addProposal(
  doc: Y.Doc,
  text: string,
  actor: Actor,
  opts: Options = {},
): MediationProposal {
  requireParticipant(doc, actor)
  const body = requireText(text, 'invalid-value', 'proposal')
  return add(doc, MEDIATION_MAPS.proposals, { text: body }, actor, opts)
}

/** MD10: the mediator records an agreed action: what, who does it and by when. */
export function addMediationAction(
  doc: Y.Doc,
  action: { what: string; who: MediationParticipant; dueBy: string },
  actor: Actor,
  opts: Options = {},
): MediationAction {
  requireMediator(doc, actor)
  const what = requireText(action.what, 'invalid-value', 'action')
  const who = requireParticipantValue(action.who, 'who acts')
  const dueBy = requireDate(action.dueBy, 'action due date')
  return add(doc, MEDIATION_MAPS.actions, { what, who, dueBy }, actor, opts)
}

/** MD10: a party or the mediator writes down a learning point for the partnership. */
export function addLearningPoint(
  doc: Y.Doc,
  text: string,
  actor: Actor,
  opts: Options = {},
): LearningPoint {
  requireParticipant(doc, actor)
  const body = requireText(text, 'invalid-value', 'learning point')
  return add(doc, MEDIATION_MAPS.learningPoints, { text: body }, actor, opts)
}

export const readSessions = (doc: Y.Doc): MediationSession[] =>
  readRecords(doc, MEDIATION_MAPS.sessions, (raw, id) => {
    const by = parseWritten(raw)
    if (!by || !isIsoDate(raw.date) || typeof raw.notes !== 'string') return
    if (!Array.isArray(raw.attendees)) return
    const attendees = raw.attendees.flatMap((a) => parseParticipant(a) ?? [])
    return { id, date: raw.date, attendees, notes: raw.notes, ...by }
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byWrittenAt(a, b)))

export const readProposals = (doc: Y.Doc): MediationProposal[] =>
  readTexts(doc, MEDIATION_MAPS.proposals).sort(byWrittenAt)

export const readMediationActions = (doc: Y.Doc): MediationAction[] =>
  readRecords(doc, MEDIATION_MAPS.actions, (raw, id) => {
    const by = parseWritten(raw)
    const who = parseParticipant(raw.who)
    if (!by || !who || typeof raw.what !== 'string' || !isIsoDate(raw.dueBy)) return
    return { id, what: raw.what, who, dueBy: raw.dueBy, ...by }
  }).sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : byWrittenAt(a, b)))

export const readLearningPoints = (doc: Y.Doc): LearningPoint[] =>
  readTexts(doc, MEDIATION_MAPS.learningPoints).sort(byWrittenAt)

/** Proposals and learning points share one shape: a text, who wrote it and when. */
function readTexts(doc: Y.Doc, name: MediationMap): MediationProposal[] {
  return readRecords(doc, name, (raw, id) => {
    const by = parseWritten(raw)
    if (!by || typeof raw.text !== 'string') return
    return { id, text: raw.text, ...by }
  })
}

function add<T extends object>(
  doc: Y.Doc,
  name: MediationMap,
  fields: T,
  actor: Actor,
  opts: Options,
): T & { id: string; memberId: string; agencyId: string; at: string } {
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'record id')
  const record = { id, ...fields, ...written(actor, opts.now ?? new Date()) }
  addRecord(doc, name, record)
  return structuredClone(record)
}
