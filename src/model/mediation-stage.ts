import type * as Y from 'yjs'
import { readDecision } from './decision.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { compareCodeUnits } from './order.ts'
import {
  addRecord,
  byWrittenAt,
  MEDIATION_MAPS,
  parseWritten,
  readRecords,
} from './mediation-store.ts'
import { requireHeader, requireParticipant, written } from './mediation-store.ts'
import { parseStage, requireStage } from './mediation-values.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import type { MediationStage, StageMove } from './mediation-vocab.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// Stages only go up. Each move is a record of its own (who, when, why), and the stage is the
// highest stage any move reached: a grow-only set whose maximum never goes down, so two parties
// escalating offline at once merge into the higher stage instead of a dispute (MD5).

export function readStageMoves(doc: Y.Doc): StageMove[] {
  return readRecords(doc, MEDIATION_MAPS.stageMoves, (raw, id) => {
    const by = parseWritten(raw)
    const from = parseStage(raw.from)
    const to = parseStage(raw.to)
    if (!by || !from || !to || to <= from || typeof raw.reason !== 'string') return
    return { id, from, to, reason: raw.reason, ...by }
  }).sort(byWrittenAt)
}

/**
 * MD5: the current stage and when it was entered: the opening for stage 1, else the earliest
 * move into the current stage (device clocks: the best knowledge there is of when it began).
 */
export function stageOf(
  moves: readonly StageMove[],
  openedAt: string,
): { stage: MediationStage; enteredAt: string } {
  let stage: MediationStage = 1
  for (const m of moves) if (m.to > stage) stage = m.to
  if (stage === 1) return { stage, enteredAt: openedAt }
  const entries = moves.filter((m) => m.to === stage).map((m) => m.at)
  return { stage, enteredAt: entries.sort(compareCodeUnits)[0] ?? openedAt }
}

export const currentStage = (doc: Y.Doc) =>
  stageOf(readStageMoves(doc), requireHeader(doc).openedAt)

/** MD8: a log whose outcome is recorded (settled or disputed) is closed to stage moves. */
export const isClosed = (doc: Y.Doc): boolean =>
  readDecision(doc, MEDIATION_FIELDS.outcome).state !== 'empty'

/**
 * MD5: a party or the mediator moves the mediation up to a higher stage (skipping is allowed;
 * the reason says why). Refused downwards or sideways (invalid-transition), without a reason
 * (reason-required), by anyone else (not-a-party) and once the log is closed (mediation-closed).
 */
export function moveStage(
  doc: Y.Doc,
  move: { to: MediationStage; reason: string },
  actor: Actor,
  opts: { now?: Date; id?: string } = {},
): StageMove {
  requireParticipant(doc, actor)
  const to = requireStage(move.to)
  const reason = requireText(move.reason, 'reason-required', 'reason for moving up')
  if (isClosed(doc)) throw new ModelError('mediation-closed', 'the mediation has an outcome')
  const { stage: from } = currentStage(doc)
  if (to <= from) {
    throw new ModelError('invalid-transition', `stage ${from} cannot become ${to}: never down`)
  }
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'stage move id')
  const record: StageMove = { id, from, to, reason, ...written(actor, opts.now ?? new Date()) }
  addRecord(doc, MEDIATION_MAPS.stageMoves, record)
  return { ...record }
}
