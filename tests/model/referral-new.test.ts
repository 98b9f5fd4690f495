import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral } from '../../src/model/referral.ts'
import type { NewReferral } from '../../src/model/referral.ts'
import { checkNewReferral } from '../../src/model/referral-new.ts'

const mops = { memberId: 'anna', agencyId: 'mops' }
const good: NewReferral = {
  receivingAgencyId: 'ngo',
  person: { kind: 'family', code: 'R-2026-014' },
  service: { name: 'Therapy' },
  urgency: 'urgent',
  respondBy: '2026-03-12',
}

const refusal = (draft: NewReferral) => {
  try {
    createReferral(new Y.Doc(), draft, mops)
  } catch (err) {
    if (err instanceof ModelError) return err.code
    throw err
  }
  return undefined
}

describe('checking a new referral before creating it', () => {
  it('accepts what createReferral accepts', () => {
    expect(checkNewReferral(good, 'mops')).toEqual([])
    expect(refusal(good)).toBeUndefined()
  })

  it('names every refused field with the code createReferral refuses it with', () => {
    const cases: [Partial<NewReferral>, string][] = [
      [{ receivingAgencyId: 'mops' }, 'receivingAgencyId'],
      [{ receivingAgencyId: '' }, 'receivingAgencyId'],
      [{ person: { kind: 'person', code: 'Jan Kowalski' } }, 'person'],
      [{ person: { kind: 'person', code: 'Kowalski' } }, 'person'],
      [{ service: { name: '  ' } }, 'service'],
      [{ urgency: 'soon' as never }, 'urgency'],
      [{ respondBy: '2026-02-30' }, 'respondBy'],
      [{ completeBy: '12.03.2026' }, 'completeBy'],
    ]
    for (const [patch, field] of cases) {
      const draft = { ...good, ...patch }
      const problems = checkNewReferral(draft, 'mops')
      expect(problems.map((p) => p.field)).toEqual([field])
      expect(problems[0]?.code).toBe(refusal(draft))
    }
    expect(
      checkNewReferral({ receivingAgencyId: '', person: { kind: 'person', code: '' } }, 'mops'),
    ).toEqual([
      { field: 'receivingAgencyId', code: 'invalid-party' },
      { field: 'person', code: 'invalid-person-code' },
    ])
  })
})
