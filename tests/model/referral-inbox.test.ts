import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createReferral } from '../../src/model/referral.ts'
import type { NewReferral } from '../../src/model/referral.ts'
import { addResponsibility, fulfilResponsibility } from '../../src/model/referral-commitments.ts'
import { actionsFor, inbox, isOverdue } from '../../src/model/referral-inbox.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import type { Referral } from '../../src/model/referral-read.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const mops = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const school = { memberId: 'szymon', agencyId: 'school' }
const now = new Date('2026-03-10T12:00:00Z')

const REFERRER_SETS: ReferralStatus[] = ['requested', 'cancelled', 'entered-in-error']

function referral(
  id: string,
  from: { memberId: string; agencyId: string },
  to: string,
  steps: ReferralStatus[],
  extra: Partial<NewReferral> = {},
  build: (doc: Y.Doc) => void = () => {},
): Referral {
  const doc = new Y.Doc()
  createReferral(
    doc,
    { id, receivingAgencyId: to, person: { kind: 'person', code: `R-2026-${id}` }, ...extra },
    from,
  )
  const receiver = { memberId: 'x', agencyId: to }
  for (const s of steps) setStatus(doc, s, REFERRER_SETS.includes(s) ? from : receiver, 'why')
  build(doc)
  return readReferral(doc, now)
}

describe('inbox', () => {
  it('RF23: sent, received and what needs my action, with counts', () => {
    const referrals = [
      // mops → ngo, waiting for ngo; its respond-by passed yesterday.
      referral('1', mops, 'ngo', ['requested'], { respondBy: '2026-03-09' }),
      // mops → ngo, accepted; an ngo commitment is past its date.
      referral('2', mops, 'ngo', ['requested', 'accepted'], {}, (doc) => {
        addResponsibility(doc, { agencyId: 'ngo', what: 'Visit', dueBy: '2026-03-01' }, mops)
      }),
      // ngo → mops, a draft nobody needs to act on yet.
      referral('3', ngo, 'mops', []),
      // school → ngo, completed: nothing to do.
      referral('4', school, 'ngo', ['requested', 'accepted', 'in-progress', 'completed']),
      // school → mops, requested today, respond-by tomorrow.
      referral('5', school, 'mops', ['requested'], { respondBy: '2026-03-11' }),
    ]
    const ngoInbox = inbox(referrals, 'ngo', now)
    expect(ngoInbox.sent.map((r) => r.id)).toEqual(['3'])
    expect(ngoInbox.received.map((r) => r.id)).toEqual(['1', '2', '4'])
    expect(ngoInbox.needsAction.map((e) => [e.referral.id, e.reasons])).toEqual([
      ['1', ['awaiting-response', 'response-overdue']],
      ['2', ['responsibility-overdue']],
    ])
    expect(ngoInbox.counts).toEqual({ sent: 1, received: 3, needsAction: 2, overdue: 2 })

    const mopsInbox = inbox(referrals, 'mops', now)
    expect(mopsInbox.needsAction.map((e) => [e.referral.id, e.reasons])).toEqual([
      ['1', ['response-overdue']],
      ['5', ['awaiting-response']],
    ])
    expect(mopsInbox.counts).toEqual({ sent: 2, received: 2, needsAction: 2, overdue: 2 })
  })

  it('RF23: a status dispute needs the action of both parties', () => {
    const doc = new Y.Doc()
    createReferral(doc, { receivingAgencyId: 'ngo', person: { kind: 'person', code: 'R-9' } }, mops)
    setStatus(doc, 'requested', mops)
    const other = new Y.Doc()
    sync(doc, other)
    setStatus(doc, 'cancelled', mops, 'No longer needed')
    setStatus(other, 'accepted', ngo)
    sync(doc, other)
    const disputed = readReferral(doc, now)
    expect(actionsFor(disputed, 'mops', now)).toEqual(['status-disputed'])
    expect(actionsFor(disputed, 'ngo', now)).toEqual(['status-disputed'])
    expect(actionsFor(disputed, 'school', now)).toEqual([])
  })

  it('RF24/RF17: overdue by respond-by, complete-by or a commitment (UTC days), never once ended', () => {
    const d = (date: string) => new Date(`${date}T12:00:00Z`)
    const waiting = referral('a', mops, 'ngo', ['requested'], { respondBy: '2026-03-10' })
    expect(isOverdue(waiting, d('2026-03-10'))).toBe(false)
    expect(isOverdue(waiting, d('2026-03-11'))).toBe(true)
    const accepted = referral('b', mops, 'ngo', ['requested', 'accepted'], {
      respondBy: '2026-03-01',
      completeBy: '2026-04-30',
    })
    expect(isOverdue(accepted, d('2026-04-30'))).toBe(false)
    expect(isOverdue(accepted, d('2026-05-01'))).toBe(true)
    const done = referral('c', mops, 'ngo', ['requested', 'rejected'], { completeBy: '2026-03-01' })
    expect(isOverdue(done, d('2026-05-01'))).toBe(false)
    const committed = referral('d', mops, 'ngo', ['requested', 'accepted'], {}, (doc) => {
      addResponsibility(doc, { agencyId: 'mops', what: 'File', dueBy: '2026-03-05' }, mops, {
        id: 'r1',
      })
    })
    expect(isOverdue(committed, now)).toBe(true)
    expect(actionsFor(committed, 'mops', now)).toEqual(['responsibility-overdue'])
    const fulfilled = referral('e', mops, 'ngo', ['requested', 'accepted'], {}, (doc) => {
      addResponsibility(doc, { agencyId: 'mops', what: 'File', dueBy: '2026-03-05' }, mops, {
        id: 'r1',
      })
      fulfilResponsibility(doc, 'r1', mops)
    })
    expect(isOverdue(fulfilled, now)).toBe(false)
  })
})
