import type * as Y from 'yjs'
import { assertDecision } from './decision.ts'
import { ModelError } from './errors.ts'
import { referralText } from './referral.ts'
import { requireSide } from './referral-store.ts'
import type { StatusValue } from './referral-status.ts'
import { requireOutcome } from './referral-values.ts'
import { REFERRAL_FIELDS } from './referral-vocab.ts'
import type { FieldState, OutcomeCode } from './referral-vocab.ts'
import { statusHistory } from './referral-workflow.ts'
import type { Actor } from './types.ts'

// The closed loop: the receiving agency reports what came of the referral back to the referrer.
// The outcome code is a decision field (two members of the receiver recording different outcomes
// offline is a dispute, not a coin toss); the note is collaborative text.

/**
 * RF13/RF14: only the receiving agency records the outcome, and only once it has accepted the
 * referral (a referral it rejected has no outcome of its own).
 */
export function recordOutcome(
  doc: Y.Doc,
  outcome: { code: OutcomeCode; note?: string },
  actor: Actor,
  opts: { now?: Date } = {},
): void {
  requireSide(doc, actor, 'receiver')
  const code = requireOutcome(outcome.code)
  if (!statusHistory(doc).some((change) => change.status === 'accepted')) {
    throw new ModelError('outcome-too-early', 'an outcome follows acceptance of the referral')
  }
  doc.transact(() => {
    assertDecision(doc, REFERRAL_FIELDS.outcome, code, actor, opts)
    if (outcome.note !== undefined) referralText(doc, 'outcome.note', actor).write(outcome.note)
  })
}

/** RF15: the loop is closed when the work has ended (completed or failed) and an outcome is on record. */
export function loopClosed(referral: {
  status: FieldState<StatusValue>
  outcome: FieldState<OutcomeCode>
}): boolean {
  const { status, outcome } = referral
  if (status.state !== 'settled' || outcome.state !== 'settled') return false
  return status.value.status === 'completed' || status.value.status === 'failed'
}
