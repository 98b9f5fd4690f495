import { ModelError } from './errors.ts'
import type { ModelErrorCode } from './errors.ts'
import type { NewReferral } from './referral.ts'
import { requireDate } from './referral-store.ts'
import {
  requirePerson,
  requireReceiver,
  requireService,
  requireUrgency,
} from './referral-values.ts'

// The checks createReferral makes, without a document: a form asks them before it opens a new
// document, so a refused draft leaves no empty document behind on the device or the relay.

export type NewReferralField =
  'receivingAgencyId' | 'person' | 'service' | 'urgency' | 'respondBy' | 'completeBy'

export interface NewReferralProblem {
  field: NewReferralField
  code: ModelErrorCode
}

/** Every problem createReferral would refuse the draft for (RF1, RF6, RF8), by field. */
export function checkNewReferral(
  draft: NewReferral,
  referringAgencyId: string,
): NewReferralProblem[] {
  const checks: [NewReferralField, () => unknown][] = [
    ['receivingAgencyId', () => requireReceiver(draft.receivingAgencyId, referringAgencyId)],
    ['person', () => requirePerson(draft.person)],
    ['service', () => draft.service !== undefined && requireService(draft.service)],
    ['urgency', () => draft.urgency !== undefined && requireUrgency(draft.urgency)],
    [
      'respondBy',
      () => draft.respondBy !== undefined && requireDate(draft.respondBy, 'respond-by'),
    ],
    [
      'completeBy',
      () => draft.completeBy !== undefined && requireDate(draft.completeBy, 'complete-by'),
    ],
  ]
  return checks.flatMap(([field, check]) => {
    try {
      check()
      return []
    } catch (err) {
      if (err instanceof ModelError) return [{ field, code: err.code }]
      throw err
    }
  })
}
