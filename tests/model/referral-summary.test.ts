import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEntry, updateEntry } from '../../src/model/doc-index.ts'
import type { IndexEntry } from '../../src/model/doc-index.ts'
import { getSummary, listSummaries, setSummary } from '../../src/model/doc-summary.ts'
import type { DocumentSummary } from '../../src/model/doc-summary.ts'
import { createReferral, setTerms } from '../../src/model/referral.ts'
import type { NewReferral } from '../../src/model/referral.ts'
import { addResponsibility, fulfilResponsibility } from '../../src/model/referral-commitments.ts'
import { inbox } from '../../src/model/referral-inbox.ts'
import { recordOutcome } from '../../src/model/referral-outcome.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import {
  agenciesToAct,
  digestAsSummary,
  observeSummaries,
  overdueParts,
  parseReferralDigest,
  referralDigest,
  referralInbox,
} from '../../src/model/referral-summary.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const mops = { memberId: 'anna', agencyId: 'mops' }
const ngo = { memberId: 'bozena', agencyId: 'ngo' }
const school = { memberId: 'szymon', agencyId: 'school' }
const now = new Date('2026-03-10T12:00:00Z')
const REFERRER_SETS: ReferralStatus[] = ['requested', 'cancelled', 'entered-in-error']

type Actor = { memberId: string; agencyId: string }

/** A referral document, its index entry and its summary in one workspace document. */
function referralIn(
  ws: Y.Doc,
  id: string,
  from: Actor,
  to: string,
  steps: ReferralStatus[],
  extra: Partial<NewReferral> = {},
  build: (doc: Y.Doc) => void = () => {},
): Y.Doc {
  const doc = new Y.Doc()
  const code = `R-2026-${id}`
  createReferral(
    doc,
    { id, receivingAgencyId: to, person: { kind: 'person', code }, ...extra },
    from,
    { now },
  )
  const receiver = { memberId: 'x', agencyId: to }
  for (const s of steps) {
    setStatus(doc, s, REFERRER_SETS.includes(s) ? from : receiver, 'why', { now })
  }
  build(doc)
  addEntry(ws, { kind: 'referral', title: code, sharedWith: [to] }, from, { id, now })
  setSummary(ws, id, digestAsSummary(referralDigest(readReferral(doc, now))))
  return doc
}

const ids = <T extends { id: string }>(list: readonly T[]) => list.map((r) => r.id)

describe('referral summaries in the workspace (I7)', () => {
  it('holds the parties, status, terms and overdue inputs, and nothing personal', () => {
    const ws = new Y.Doc()
    const doc = referralIn(
      ws,
      '1',
      mops,
      'ngo',
      ['requested'],
      {
        service: { name: 'Family therapy' },
        urgency: 'urgent',
        respondBy: '2026-03-12',
        completeBy: '2026-04-30',
        reason: 'Jan Kowalski, ul. Długa 5, drinks',
        request: 'Therapy for Jan Kowalski',
      },
      (d) => {
        addResponsibility(d, { agencyId: 'ngo', what: 'Visit Jan', dueBy: '2026-03-20' }, mops)
        addResponsibility(d, { agencyId: 'mops', what: 'Call', dueBy: '2026-03-15' }, mops)
        addResponsibility(d, { agencyId: 'mops', what: 'Letter' }, mops)
      },
    )
    const summary = getSummary(ws, '1')
    expect(summary).toEqual({
      kind: 'referral',
      v: 1,
      referringAgencyId: 'mops',
      receivingAgencyId: 'ngo',
      status: 'requested',
      candidates: [],
      urgency: 'urgent',
      respondBy: '2026-03-12',
      completeBy: '2026-04-30',
      disputed: [],
      openCommitments: [
        { agencyId: 'mops', dueBy: '2026-03-15' },
        { agencyId: 'ngo', dueBy: '2026-03-20' },
      ],
      outcome: null,
      loopClosed: false,
      service: 'Family therapy',
      requestedAt: now.toISOString(),
      acceptedAt: null,
      respondedAt: null,
    })
    const text = JSON.stringify(summary)
    for (const personal of ['R-2026-1', 'Kowalski', 'Długa', 'Visit', 'anna']) {
      expect(text).not.toContain(personal)
    }
    expect(parseReferralDigest(summary)).toEqual(summary)
    // Refreshing an unchanged referral writes nothing (I7: only when it changes).
    expect(setSummary(ws, '1', digestAsSummary(referralDigest(readReferral(doc, now))))).toBe(false)
  })

  it('shows a disputed status with every candidate and the loop closed after the outcome', () => {
    const ws = new Y.Doc()
    const a = referralIn(ws, '2', mops, 'ngo', ['requested'])
    const b = new Y.Doc()
    sync(a, b)
    setStatus(a, 'cancelled', mops, 'Moved away')
    setStatus(b, 'accepted', ngo)
    sync(a, b)
    const disputed = referralDigest(readReferral(a, now))
    expect(disputed.status).toBe('disputed')
    expect(disputed.disputed).toEqual(['referral.status'])
    expect([...disputed.candidates].sort((x, y) => x.status.localeCompare(y.status))).toEqual([
      { status: 'accepted', agencyId: 'ngo' },
      { status: 'cancelled', agencyId: 'mops' },
    ])

    const c = referralIn(ws, '3', mops, 'ngo', ['requested', 'accepted', 'in-progress'])
    setStatus(c, 'completed', ngo)
    expect(referralDigest(readReferral(c, now)).loopClosed).toBe(false)
    recordOutcome(c, { code: 'achieved', note: 'Went well for Jan' }, ngo)
    const closed = referralDigest(readReferral(c, now))
    expect(closed).toMatchObject({ status: 'completed', outcome: 'achieved', loopClosed: true })
    expect(JSON.stringify(closed)).not.toContain('Jan')
  })

  it('RF23 over summaries gives the same inbox as over the documents', () => {
    const ws = new Y.Doc()
    const docs = [
      referralIn(ws, '1', mops, 'ngo', ['requested'], { respondBy: '2026-03-09' }),
      referralIn(ws, '2', mops, 'ngo', ['requested', 'accepted'], {}, (doc) => {
        addResponsibility(doc, { agencyId: 'ngo', what: 'Visit', dueBy: '2026-03-01' }, mops)
      }),
      referralIn(ws, '3', ngo, 'mops', []),
      referralIn(ws, '4', school, 'ngo', ['requested', 'accepted', 'in-progress', 'completed']),
      referralIn(ws, '5', school, 'mops', ['requested'], { respondBy: '2026-03-11' }),
      referralIn(ws, '6', mops, 'school', ['requested', 'accepted'], { completeBy: '2026-03-01' }),
      referralIn(ws, '7', ngo, 'school', ['requested', 'accepted'], {}, (doc) => {
        const { id } = addResponsibility(
          doc,
          { agencyId: 'school', what: 'Report', dueBy: '2026-03-02' },
          ngo,
        )
        fulfilResponsibility(doc, id, school)
      }),
    ]
    // A deadline disputed between the parties counts by its earliest candidate (RF24).
    const other = new Y.Doc()
    sync(docs[4] as Y.Doc, other)
    setTerms(docs[4] as Y.Doc, { respondBy: '2026-03-01' }, school)
    setTerms(other, { respondBy: '2026-03-20' }, { memberId: 'm', agencyId: 'mops' })
    sync(docs[4] as Y.Doc, other)
    setSummary(ws, '5', digestAsSummary(referralDigest(readReferral(other, now))))

    const full = docs.map((d) => readReferral(d, now))
    for (const agency of ['mops', 'ngo', 'school', 'police']) {
      const fromDocs = inbox(full, agency, now)
      const fromSummaries = referralInbox(listEntriesOf(ws), listSummaries(ws), agency, now)
      expect(ids(fromSummaries.sent)).toEqual(ids(fromDocs.sent).sort())
      expect(ids(fromSummaries.received)).toEqual(ids(fromDocs.received).sort())
      expect(fromSummaries.needsAction.map((e) => [e.referral.id, e.reasons])).toEqual(
        fromDocs.needsAction
          .map((e) => [e.referral.id, e.reasons])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      )
      expect(fromSummaries.counts).toEqual(fromDocs.counts)
    }
    const mine = referralInbox(listEntriesOf(ws), listSummaries(ws), 'mops', now)
    const row = (id: string) => [...mine.sent, ...mine.received].find((r) => r.id === id)
    expect(row('6')?.overdue).toBe(true)
    expect(row('3')?.overdue).toBe(false)
    expect(row('1')?.reasons).toEqual(['response-overdue'])
    expect(row('1')?.person.code).toBe('R-2026-1')
  })

  it('lists a referral whose summary has not arrived, by its index entry', () => {
    const ws = new Y.Doc()
    addEntry(ws, { kind: 'referral', title: 'R-9', sharedWith: ['ngo'] }, mops, { id: 'r9', now })
    addEntry(ws, { kind: 'plan', title: 'Plan P-1' }, mops, { id: 'p1', now })
    setSummary(ws, 'r9', { kind: 'referral', v: 99, status: 'requested' })
    const ngoInbox = referralInbox(listEntriesOf(ws), listSummaries(ws), 'ngo', now)
    expect(ids(ngoInbox.received)).toEqual(['r9'])
    expect(ngoInbox.received[0]?.summarized).toBe(false)
    expect(ngoInbox.received[0]?.digest.status).toBe('unknown')
    expect(ngoInbox.needsAction).toEqual([])
    expect(ids(referralInbox(listEntriesOf(ws), listSummaries(ws), 'mops', now).sent)).toEqual([
      'r9',
    ])
  })

  it('refuses malformed summaries', () => {
    const good = digestAsSummary(
      referralDigest(readReferral(referralIn(new Y.Doc(), '1', mops, 'ngo', []), now)),
    )
    expect(parseReferralDigest(good)).toBeDefined()
    expect(parseReferralDigest(undefined)).toBeUndefined()
    const bads: DocumentSummary[] = [
      { status: 'lost' },
      { urgency: 'soon' },
      { respondBy: '2026-02-30' },
      { referringAgencyId: 7 },
      { candidates: 'x' },
      { kind: 'plan' },
    ]
    for (const bad of bads) {
      expect(parseReferralDigest({ ...good, ...bad })).toBeUndefined()
    }
    expect(parseReferralDigest({ ...good, outcome: 'magic', loopClosed: 'yes' })).toMatchObject({
      outcome: null,
      loopClosed: false,
    })
  })

  it('names the agencies that must act, for the index entry', () => {
    const ws = new Y.Doc()
    const requested = referralIn(ws, '1', mops, 'ngo', ['requested'])
    expect(agenciesToAct(readReferral(requested, now), now)).toEqual(['ngo'])
    const late = referralIn(ws, '2', mops, 'ngo', ['requested'], { respondBy: '2026-03-01' })
    expect(agenciesToAct(readReferral(late, now), now)).toEqual(['mops', 'ngo'])
    const draft = referralIn(ws, '3', mops, 'ngo', [])
    expect(agenciesToAct(readReferral(draft, now), now)).toEqual([])
  })

  it('says which deadline makes a referral overdue (RF24)', () => {
    const ws = new Y.Doc()
    const late = referralIn(ws, '1', mops, 'ngo', ['requested'], {
      respondBy: '2026-03-09',
      completeBy: '2026-03-30',
    })
    expect(overdueParts(readReferral(late, now), now)).toEqual({
      respondBy: true,
      completeBy: false,
      commitments: false,
    })
    const working = referralIn(ws, '2', mops, 'ngo', ['requested', 'accepted'], {
      respondBy: '2026-03-09',
      completeBy: '2026-03-01',
    })
    addResponsibility(working, { agencyId: 'ngo', what: 'Visit', dueBy: '2026-03-02' }, mops)
    expect(overdueParts(readReferral(working, now), now)).toEqual({
      respondBy: false,
      completeBy: true,
      commitments: true,
    })
    setStatus(working, 'cancelled', mops, 'Moved away')
    expect(overdueParts(readReferral(working, now), now)).toEqual({
      respondBy: false,
      completeBy: false,
      commitments: false,
    })
  })

  it('observeSummaries calls back for summary changes only, until unsubscribed', () => {
    const ws = new Y.Doc()
    let calls = 0
    const off = observeSummaries(ws, () => calls++)
    addEntry(ws, { kind: 'referral', title: 'R-1' }, mops, { id: 'r1', now })
    expect(calls).toBe(0)
    setSummary(ws, 'r1', { kind: 'referral' })
    expect(calls).toBe(1)
    const remote = new Y.Doc()
    setSummary(remote, 'r2', { kind: 'referral' })
    sync(remote, ws)
    expect(calls).toBe(2)
    updateEntry(ws, 'r1', { needsActionBy: ['ngo'] })
    off()
    setSummary(ws, 'r1', { kind: 'plan' })
    expect(calls).toBe(2)
  })
})

function listEntriesOf(ws: Y.Doc): IndexEntry[] {
  return [...ws.getMap('index').keys()].sort().map((id) => ws.getMap('index').get(id) as IndexEntry)
}
