import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dashboard } from '../../src/model/dashboard.ts'
import { addEntry, listEntries } from '../../src/model/doc-index.ts'
import { listSummaries, setSummary } from '../../src/model/doc-summary.ts'
import { createReferral } from '../../src/model/referral.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import { digestAsSummary, parseReferralDigest } from '../../src/model/referral-summary.ts'
import { referralDigest } from '../../src/model/referral-summary.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import type { Actor } from '../../src/model/types.ts'

// Responses in time (DB9) over referrals from the centre (mops) to an NGO and to the police,
// counted by hand. The period is April–May 2026; "now" is 8 May 2026, noon UTC.

const anna = { memberId: 'anna', agencyId: 'mops' }
const receivers: Record<string, Actor> = {
  ngo: { memberId: 'bozena', agencyId: 'ngo' },
  police: { memberId: 'piotr', agencyId: 'police' },
}
const at = (iso: string) => new Date(`${iso}Z`)
const now = at('2026-05-08T12:00')
const period = { from: '2026-04-01', to: '2026-05-31' }

/** A referral sent on 28 April to `to` with a respond-by date, then moved through `steps`. */
function referral(
  ws: Y.Doc,
  id: string,
  to: string,
  respondBy: string,
  steps: [ReferralStatus, string][],
) {
  const doc = new Y.Doc()
  const created = at('2026-04-28T08:00')
  createReferral(
    doc,
    { id, receivingAgencyId: to, person: { kind: 'person', code: `R-${id}1` }, respondBy },
    anna,
    { now: created },
  )
  setStatus(doc, 'requested', anna, undefined, { now: at('2026-04-28T09:00') })
  for (const [status, when] of steps) {
    const byReferrer = status === 'cancelled'
    setStatus(doc, status, byReferrer ? anna : (receivers[to] as Actor), 'why', { now: at(when) })
  }
  addEntry(ws, { kind: 'referral', title: `R-${id}`, sharedWith: [to] }, anna, { id, now: created })
  setSummary(ws, id, digestAsSummary(referralDigest(readReferral(doc, now))))
}

const figures = (ws: Y.Doc, agencyId?: string) => {
  const entries = listEntries(ws)
  return dashboard({
    entries,
    summaries: listSummaries(ws),
    readable: new Set(entries.map((e) => e.id)),
    period,
    now,
    ...(agencyId !== undefined && { agencyId }),
  }).responsesInTime
}

describe('DB9: responses in time', () => {
  it('RF31: the summary holds the first answer, an acceptance or a rejection', () => {
    const ws = new Y.Doc()
    referral(ws, 'a', 'ngo', '2026-05-05', [
      ['accepted', '2026-05-04T16:00'],
      ['in-progress', '2026-05-06T10:00'],
    ])
    referral(ws, 'r', 'police', '2026-05-05', [['rejected', '2026-05-06T10:00']])
    referral(ws, 'w', 'police', '2026-05-20', [])
    const summaries = listSummaries(ws)
    expect(parseReferralDigest(summaries.get('a'))?.respondedAt).toBe('2026-05-04T16:00:00.000Z')
    expect(parseReferralDigest(summaries.get('r'))?.respondedAt).toBe('2026-05-06T10:00:00.000Z')
    expect(parseReferralDigest(summaries.get('w'))?.respondedAt).toBeNull()
    // A summary written before RF31 reads as not answered yet.
    const { respondedAt, ...older } = parseReferralDigest(summaries.get('a'))!
    expect(respondedAt).not.toBeNull()
    expect(parseReferralDigest({ ...older })?.respondedAt).toBeNull()
  })

  it('DB9: answered on or before the respond-by day is in time; after it, or not at all once it passed, is late', () => {
    const ws = new Y.Doc()
    // In time: accepted on the respond-by day itself (late evening UTC).
    referral(ws, 'a', 'ngo', '2026-05-05', [['accepted', '2026-05-05T23:30']])
    // In time: declined before the date.
    referral(ws, 'b', 'ngo', '2026-05-05', [['rejected', '2026-04-30T10:00']])
    // Late: accepted the day after.
    referral(ws, 'c', 'police', '2026-05-05', [['accepted', '2026-05-06T08:00']])
    // Late: still requested, its date has passed.
    referral(ws, 'd', 'police', '2026-05-06', [])
    // Not due yet: requested, the date is still to come.
    referral(ws, 'e', 'police', '2026-05-12', [])
    // Not due: withdrawn by the referrer before any answer.
    referral(ws, 'f', 'ngo', '2026-05-04', [['cancelled', '2026-05-01T10:00']])
    // Outside the period: its respond-by date is in June, although it was answered.
    referral(ws, 'g', 'ngo', '2026-06-02', [['accepted', '2026-05-02T10:00']])
    expect(figures(ws)).toEqual({
      due: 4,
      inTime: 2,
      byAgency: [
        { agencyId: 'ngo', due: 2, inTime: 2 },
        { agencyId: 'police', due: 2, inTime: 0 },
      ],
    })
    expect(figures(ws, 'police')).toEqual({
      due: 2,
      inTime: 0,
      byAgency: [{ agencyId: 'police', due: 2, inTime: 0 }],
    })
  })
})
