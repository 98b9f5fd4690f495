import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dashboard, inPeriod, median, readableDocuments } from '../../src/model/dashboard.ts'
import type { DashboardQuery } from '../../src/model/dashboard.ts'
import { addEntry, listEntries } from '../../src/model/doc-index.ts'
import { listSummaries, setSummary } from '../../src/model/doc-summary.ts'
import { createMediation } from '../../src/model/mediation.ts'
import { recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import { moveStage } from '../../src/model/mediation-stage.ts'
import { mediationSummary } from '../../src/model/mediation-summary.ts'
import { addAction, setActionResponsible, setActionStatus } from '../../src/model/plan-actions.ts'
import { createPlan, setPlanStatus } from '../../src/model/plan-details.ts'
import { addGoal } from '../../src/model/plan-goals.ts'
import { addParticipant } from '../../src/model/plan-participants.ts'
import { readPlan } from '../../src/model/plan-read.ts'
import type { PartyRef } from '../../src/model/plan-vocab.ts'
import { planSummary } from '../../src/model/plan-summary.ts'
import { createReferral } from '../../src/model/referral.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import {
  digestAsSummary,
  parseReferralDigest,
  referralDigest,
} from '../../src/model/referral-summary.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import type { Actor } from '../../src/model/types.ts'
import { sync } from './replicas.ts'

// A seeded partnership whose figures were counted by hand. The viewer is Anna of the
// social-assistance centre (mops); the period is March 2026; "now" is 10 April 2026, noon UTC.

const anna = { memberId: 'anna', agencyId: 'mops' }
const bozena = { memberId: 'bozena', agencyId: 'ngo' }
const piotr = { memberId: 'piotr', agencyId: 'police' }
const zofia = { memberId: 'zofia', agencyId: 'zespol' }
const member: Record<string, Actor> = {
  mops: anna,
  ngo: bozena,
  police: piotr,
  school: { memberId: 'kasia', agencyId: 'school' },
}
const at = (iso: string) => new Date(`${iso}Z`)
const now = at('2026-04-10T12:00')
const march = { from: '2026-03-01', to: '2026-03-31' }
const HOUR = 3_600_000

type Step = [ReferralStatus, string]

/** A referral from `from` to `to`, created at the first step's time, moved through `steps`. */
function referral(
  ws: Y.Doc,
  id: string,
  from: string,
  to: string,
  created: string,
  steps: Step[],
  respondBy?: string,
): void {
  const doc = new Y.Doc()
  const referrer = member[from] as Actor
  const receiver = member[to] as Actor
  createReferral(
    doc,
    {
      id,
      receivingAgencyId: to,
      person: { kind: 'person', code: `R-${id}` },
      ...(respondBy && { respondBy }),
    },
    referrer,
    { now: at(created) },
  )
  for (const [status, when] of steps) {
    const byReferrer = ['requested', 'cancelled'].includes(status)
    setStatus(doc, status, byReferrer ? referrer : receiver, 'why', { now: at(when) })
  }
  addEntry(ws, { kind: 'referral', title: `R-${id}`, sharedWith: [to] }, referrer, {
    id,
    now: at(created),
  })
  setSummary(ws, id, digestAsSummary(referralDigest(readReferral(doc, now))))
}

const ngoSide: PartyRef = { kind: 'professional', agencyId: 'ngo' }
const policeSide: PartyRef = { kind: 'professional', agencyId: 'police' }
const mopsSide: PartyRef = { kind: 'professional', agencyId: 'mops', memberId: 'anna' }
const mum: PartyRef = { kind: 'family', participantId: 'mum' }

/** A plan led by `lead` with the ngo and the police among its professionals and one goal. */
function plan(id: string, lead: Actor): Y.Doc {
  const doc = new Y.Doc()
  createPlan(doc, { id, variant: 'social-contract-a', languages: ['pl'] }, lead, {
    now: at('2026-02-20T10:00'),
  })
  addParticipant(doc, { kind: 'family', code: 'F-07', familyRole: 'parent' }, lead, { id: 'mum' })
  for (const { agencyId, memberId } of [bozena, piotr]) {
    addParticipant(doc, { kind: 'professional', agencyId, memberId, role: 'partner' }, lead)
  }
  addGoal(doc, { text: 'School', indicator: 'Attendance' }, lead, { id: 'g' })
  return doc
}

function publishPlan(ws: Y.Doc, doc: Y.Doc, id: string, owner: Actor): void {
  addEntry(ws, { kind: 'plan', title: `Plan ${id}` }, owner, { id, now: at('2026-02-20T10:00') })
  setSummary(ws, id, planSummary(readPlan(doc, now)))
}

function mediation(
  ws: Y.Doc,
  id: string,
  opener: Actor,
  other: string,
  opened: string,
  extra: { urgency?: 'urgent'; sharedWith?: string[] } = {},
  build: (doc: Y.Doc) => void = () => {},
): void {
  const doc = new Y.Doc()
  createMediation(
    doc,
    {
      id,
      parties: [{ agencyId: opener.agencyId }, { agencyId: other }],
      mediator: zofia,
      category: 'roles-and-responsibilities',
      ...(extra.urgency && { urgency: extra.urgency }),
    },
    opener,
    { now: at(opened) },
  )
  build(doc)
  addEntry(
    ws,
    { kind: 'mediation', title: `Mediation ${id}`, sharedWith: extra.sharedWith ?? [other] },
    opener,
    { id, now: at(opened) },
  )
  setSummary(ws, id, mediationSummary(readMediation(doc, now)))
}

function seededPartnership(): Y.Doc {
  const ws = new Y.Doc()
  // Referrals. Hours from request to acceptance: r1 48, r2 12, r3 96, r7 216.
  referral(ws, 'r1', 'mops', 'ngo', '2026-03-02T09:00', [
    ['requested', '2026-03-02T10:00'],
    ['accepted', '2026-03-04T10:00'],
  ])
  referral(ws, 'r2', 'mops', 'ngo', '2026-03-05T07:00', [
    ['requested', '2026-03-05T08:00'],
    ['accepted', '2026-03-05T20:00'],
    ['in-progress', '2026-03-06T08:00'],
  ])
  referral(ws, 'r3', 'mops', 'police', '2026-03-06T08:00', [
    ['requested', '2026-03-06T09:00'],
    ['accepted', '2026-03-10T09:00'],
  ])
  // Respond-by passed while requested, and while still a draft: both overdue responses.
  referral(
    ws,
    'r4',
    'mops',
    'ngo',
    '2026-03-10T08:00',
    [['requested', '2026-03-10T09:00']],
    '2026-03-15',
  )
  referral(ws, 'r5', 'mops', 'police', '2026-03-12T08:00', [], '2026-03-20')
  // Sent to mops by the ngo: readable through sharing; its respond-by has not passed.
  referral(
    ws,
    'r6',
    'ngo',
    'mops',
    '2026-03-15T08:00',
    [['requested', '2026-03-15T09:00']],
    '2026-04-20',
  )
  // Created in February, accepted in March: in the median, not in March's statuses.
  referral(ws, 'r7', 'mops', 'school', '2026-02-20T11:00', [
    ['requested', '2026-02-20T12:00'],
    ['accepted', '2026-03-01T12:00'],
  ])
  // Between the police and the ngo, not shared with mops: would change every referral figure.
  referral(
    ws,
    'r8',
    'police',
    'ngo',
    '2026-03-03T08:00',
    [['requested', '2026-03-03T09:00']],
    '2026-03-10',
  )
  // Rejected: answered, so not overdue although its respond-by passed.
  referral(
    ws,
    'r9',
    'mops',
    'ngo',
    '2026-03-20T08:00',
    [
      ['requested', '2026-03-20T09:00'],
      ['rejected', '2026-03-20T15:00'],
    ],
    '2026-03-21',
  )

  // Plans. p1: overdue a1 (ngo), a2 (mops), a4 (family), a8 (disputed: ngo or police).
  const p1 = plan('p1', anna)
  const add = (doc: Y.Doc, id: string, responsible: PartyRef, deadline: string) =>
    addAction(doc, { goalId: 'g', what: `do ${id}`, responsible, deadline }, anna, { id })
  add(p1, 'a1', ngoSide, '2026-03-10')
  add(p1, 'a2', mopsSide, '2026-03-20')
  setActionStatus(p1, 'a2', 'in-progress', anna)
  add(p1, 'a3', mopsSide, '2026-03-25')
  setActionStatus(p1, 'a3', 'done', anna)
  add(p1, 'a4', mum, '2026-03-12')
  add(p1, 'a5', policeSide, '2026-04-20') // not yet due
  add(p1, 'a6', mopsSide, '2026-02-25') // overdue, but its deadline is before March
  add(p1, 'a8', mopsSide, '2026-03-18')
  const p1b = new Y.Doc()
  sync(p1, p1b)
  setActionResponsible(p1, 'a8', ngoSide, anna)
  setActionResponsible(p1b, 'a8', policeSide, anna)
  sync(p1, p1b)
  publishPlan(ws, p1, 'p1', anna)
  // p2 was cancelled: its late action is no longer overdue.
  const p2 = plan('p2', anna)
  add(p2, 'a7', mopsSide, '2026-03-05')
  setPlanStatus(p2, 'cancelled', anna, 'Family moved away')
  publishPlan(ws, p2, 'p2', anna)
  // p3 is the police's own plan, not shared with mops.
  const p3 = plan('p3', piotr)
  addAction(p3, { goalId: 'g', what: 'x', responsible: policeSide, deadline: '2026-03-05' }, piotr)
  publishPlan(ws, p3, 'p3', piotr)

  // Mediations. m1 stage 1, five working days from Monday 2 March: breached on 9 March.
  mediation(ws, 'm1', anna, 'police', '2026-03-02T10:00')
  // Opened after the period: not counted.
  mediation(ws, 'm2', anna, 'ngo', '2026-04-08T10:00')
  // Between the ngo and the police only: mops may not read it.
  mediation(ws, 'm3', bozena, 'police', '2026-03-20T10:00')
  // Urgent, moved to stage 2 on 26 March: 24 hours, breached.
  mediation(ws, 'm4', anna, 'school', '2026-03-25T10:00', { urgency: 'urgent' }, (doc) =>
    moveStage(doc, { to: 2, reason: 'No answer' }, anna, { now: at('2026-03-26T09:00') }),
  )
  // Stage 4 entered on Monday 6 April: 14 working days, not breached on 10 April.
  mediation(ws, 'm5', anna, 'ngo', '2026-03-30T10:00', {}, (doc) =>
    moveStage(doc, { to: 4, reason: 'Board' }, anna, { now: at('2026-04-06T09:00') }),
  )
  // Withdrawn: closed, not open.
  mediation(ws, 'm6', anna, 'police', '2026-03-03T10:00', {}, (doc) =>
    recordMediationOutcome(doc, 'withdrawn', zofia, { now: at('2026-03-04T10:00') }),
  )
  return ws
}

function query(ws: Y.Doc, viewer: Actor, extra: Partial<DashboardQuery> = {}): DashboardQuery {
  const entries = listEntries(ws)
  return {
    entries,
    summaries: listSummaries(ws),
    readable: readableDocuments(entries, viewer),
    period: march,
    now,
    ...extra,
  }
}

const counts = (rows: { status: string; count: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.status, r.count]))

describe('the partnership dashboard on a seeded partnership', () => {
  const ws = seededPartnership()

  it('DB1: a member reads what its agency owns, what is shared with it and what was granted to it', () => {
    const entries = listEntries(ws)
    const mine = readableDocuments(entries, anna)
    expect([...mine].sort()).toEqual(
      [
        'm1',
        'm2',
        'm4',
        'm5',
        'm6',
        'p1',
        'p2',
        'r1',
        'r2',
        'r3',
        'r4',
        'r5',
        'r6',
        'r7',
        'r9',
      ].sort(),
    )
    // The supervisor's agency owns nothing: she reads a mediation only through her own grant.
    expect([...readableDocuments(entries, zofia)]).toEqual([])
    expect([...readableDocuments(entries, zofia, new Set(['m3']))]).toEqual(['m3'])
  })

  it('RF29: a referral summary holds when it was requested and first accepted', () => {
    const digest = parseReferralDigest(listSummaries(ws).get('r2'))
    expect(digest?.requestedAt).toBe('2026-03-05T08:00:00.000Z')
    expect(digest?.acceptedAt).toBe('2026-03-05T20:00:00.000Z')
    const waiting = parseReferralDigest(listSummaries(ws).get('r4'))
    expect([waiting?.requestedAt, waiting?.acceptedAt]).toEqual(['2026-03-10T09:00:00.000Z', null])
  })

  it('DB3: referrals created in the period by status, without the unreadable one', () => {
    const figures = dashboard(query(ws, anna))
    expect(counts(figures.referralsByStatus)).toEqual({
      draft: 1,
      requested: 2,
      accepted: 2,
      'in-progress': 1,
      rejected: 1,
    })
  })

  it('DB4: median time from request to acceptance, of referrals accepted in the period', () => {
    const { acceptance } = dashboard(query(ws, anna))
    // 12, 48, 96 and 216 hours: the mean of the middle two.
    expect(acceptance.count).toBe(4)
    expect(acceptance.medianMs).toBe(72 * HOUR)
    expect(acceptance.byAgency).toEqual([
      { agencyId: 'ngo', medianMs: 30 * HOUR, count: 2 },
      { agencyId: 'police', medianMs: 96 * HOUR, count: 1 },
      { agencyId: 'school', medianMs: 216 * HOUR, count: 1 },
    ])
  })

  it('DB5: overdue responses by the agency that has to respond', () => {
    expect(dashboard(query(ws, anna)).overdueResponses).toEqual({
      total: 2,
      byAgency: [
        { agencyId: 'ngo', count: 1 },
        { agencyId: 'police', count: 1 },
      ],
    })
  })

  it('DB6: overdue actions by responsible agency; a disputed one counts for each candidate', () => {
    expect(dashboard(query(ws, anna)).overdueActions).toEqual({
      total: 4,
      byResponsible: [
        { responsible: { kind: 'agency', agencyId: 'mops' }, count: 1 },
        { responsible: { kind: 'agency', agencyId: 'ngo' }, count: 2 },
        { responsible: { kind: 'agency', agencyId: 'police' }, count: 1 },
        { responsible: { kind: 'family' }, count: 1 },
      ],
    })
  })

  it('DB7: open mediations by stage with their breached deadlines', () => {
    expect(dashboard(query(ws, anna)).openMediations).toEqual({
      total: 3,
      breached: 2,
      byStage: [
        { stage: 1, open: 1, breached: 1 },
        { stage: 2, open: 1, breached: 1 },
        { stage: 3, open: 0, breached: 0 },
        { stage: 4, open: 1, breached: 0 },
      ],
    })
  })

  it('DB8: one agency counts only the documents it takes part in', () => {
    const police = dashboard(query(ws, anna, { agencyId: 'police' }))
    expect(counts(police.referralsByStatus)).toEqual({ draft: 1, accepted: 1 })
    expect(police.acceptance).toEqual({
      medianMs: 96 * HOUR,
      count: 1,
      byAgency: [{ agencyId: 'police', medianMs: 96 * HOUR, count: 1 }],
    })
    expect(police.overdueResponses.total).toBe(1)
    expect(police.overdueActions).toEqual({
      total: 1,
      byResponsible: [{ responsible: { kind: 'agency', agencyId: 'police' }, count: 1 }],
    })
    expect(police.openMediations.total).toBe(1)
    expect(police.openMediations.breached).toBe(1)
  })

  it('DB1: the figures change with what the member may read', () => {
    // Piotr of the police reads r3, r5 and r8, the plan p3 and the mediations with the police.
    const figures = dashboard(query(ws, piotr))
    expect(counts(figures.referralsByStatus)).toEqual({ draft: 1, requested: 1, accepted: 1 })
    expect(figures.overdueResponses.total).toBe(2)
    expect(figures.overdueActions.total).toBe(1)
    expect(figures.openMediations.total).toBe(2) // m1 and m3
  })

  it('DB2: periods include both ends, by UTC day', () => {
    expect(inPeriod('2026-03-31T23:59:59.000Z', march)).toBe(true)
    expect(inPeriod('2026-04-01T00:00:00.000Z', march)).toBe(false)
    expect(inPeriod('2026-03-01', march)).toBe(true)
    const april = dashboard(query(ws, anna, { period: { from: '2026-04-01', to: '2026-04-30' } }))
    expect(counts(april.referralsByStatus)).toEqual({})
    expect(april.acceptance.medianMs).toBeNull()
    expect(april.openMediations.total).toBe(4) // m2 now counts as well
  })

  it('DB4: the median of an odd count is the middle value; of none, null', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})
