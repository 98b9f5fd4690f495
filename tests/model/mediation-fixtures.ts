import type * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createMediation } from '../../src/model/mediation.ts'
import type { NewMediation } from '../../src/model/mediation.ts'

// Shared people and a mediation between the social-assistance centre and the police, mediated
// by a supervisor of the centre.

export const anna = { memberId: 'anna', agencyId: 'mops' }
export const ala = { memberId: 'ala', agencyId: 'mops' }
export const piotr = { memberId: 'piotr', agencyId: 'police' }
export const bozena = { memberId: 'bozena', agencyId: 'ngo' }
export const sam = { memberId: 'sam', agencyId: 'mops' }

/** Wednesday 5 March 2025, 10:00 UTC, plus minutes. */
export const at = (minutes = 0) => new Date(Date.UTC(2025, 2, 5, 10, minutes))

export function mediationIn(
  doc: Y.Doc,
  extra: Partial<NewMediation> = {},
  now: Date = at(),
): string {
  return createMediation(
    doc,
    {
      id: 'med-1',
      parties: [
        { agencyId: 'mops', memberId: 'anna' },
        { agencyId: 'police', memberId: 'piotr' },
      ],
      mediator: sam,
      links: [{ documentId: 'ref-1', kind: 'referral' }],
      category: 'roles-and-responsibilities',
      ...extra,
    },
    anna,
    { now },
  )
}

/** The ModelError code fn throws, 'none' when it does not throw. */
export function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof ModelError) return err.code
    throw err
  }
  return 'none'
}
