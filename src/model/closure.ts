import type * as Y from 'yjs'
import { readDecision } from './decision.ts'
import { readMeta } from './document.ts'
import { MEDIATION_FIELDS } from './mediation-vocab.ts'
import { parsePlanStatusValue } from './plan-values.ts'
import { PLAN_FIELDS, type PlanStatus } from './plan-vocab.ts'
import type { ReferralStatus } from './referral-status.ts'
import { parseStatusValue } from './referral-values.ts'
import { REFERRAL_FIELDS } from './referral-vocab.ts'
import type { DocumentKind } from './types.ts'

// Whether a document's work is over, for its retention (the relay's R33): read with the
// model's own readers, so the relay and the screens agree on what "closed" means.

/** RT1: a referral is closed once it ended: completed, declined, cancelled, failed or void. */
export const CLOSED_REFERRAL: readonly ReferralStatus[] = [
  'completed',
  'rejected',
  'cancelled',
  'failed',
  'entered-in-error',
]
/** RT2: a plan is closed once completed or cancelled (FP4's terminal statuses). */
export const CLOSED_PLAN: readonly PlanStatus[] = ['completed', 'cancelled']

export interface Closure {
  kind: DocumentKind
  /**
   * RT1–RT3: the status (or a mediation's outcome, RT3) is settled on a closing value. A
   * disputed status is not closed: the parties still disagree about whether the work is over.
   */
  closed: boolean
}

/** The document's kind and whether it is closed; undefined for a document of no known kind. */
export function closureOf(doc: Y.Doc): Closure | undefined {
  const meta = readMeta(doc)
  if (!meta) return
  const settled = (field: string) => {
    const d = readDecision(doc, field)
    return d.state === 'settled' ? d.value : undefined
  }
  switch (meta.kind) {
    case 'referral': {
      const v = settled(REFERRAL_FIELDS.status)
      const status = v === undefined ? undefined : parseStatusValue(v)?.status
      return { kind: 'referral', closed: status !== undefined && CLOSED_REFERRAL.includes(status) }
    }
    case 'plan': {
      const v = settled(PLAN_FIELDS.status)
      const status = v === undefined ? undefined : parsePlanStatusValue(v)?.status
      return { kind: 'plan', closed: status !== undefined && CLOSED_PLAN.includes(status) }
    }
    case 'mediation':
      return { kind: 'mediation', closed: settled(MEDIATION_FIELDS.outcome) !== undefined }
  }
}
