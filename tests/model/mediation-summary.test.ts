import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getSummary, listSummaries, setSummary } from '../../src/model/doc-summary.ts'
import { recordDecision, recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import { positionText } from '../../src/model/mediation-parties.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import { addLearningPoint, addProposal, recordSession } from '../../src/model/mediation-records.ts'
import { moveStage } from '../../src/model/mediation-stage.ts'
import {
  consoleItem,
  consoleItemsFromSummaries,
  mediationDigest,
  mediationSummary,
  parseMediationDigest,
  supervisorConsole,
} from '../../src/model/mediation-summary.ts'
import type { NewMediation } from '../../src/model/mediation.ts'
import { anna, at, mediationIn, piotr, sam } from './mediation-fixtures.ts'

const DAY = 24 * 60

function mediation(
  id: string,
  extra: Partial<NewMediation> = {},
  build?: (d: Y.Doc) => void,
  openedAt: Date = at(),
) {
  const doc = new Y.Doc()
  mediationIn(doc, { id, ...extra }, openedAt)
  build?.(doc)
  return doc
}

describe('mediation summaries (I7)', () => {
  it('MD15: the summary holds stage, deadline, urgency, agencies and outcome, nothing personal', () => {
    const doc = mediation('med-1', {}, (d) => {
      const police = readMediation(d).parties.find((p) => p.agencyId === 'police')!
      positionText(d, police.id, piotr).write('Kowalski family refused the visit')
      addProposal(d, 'Visit with Mrs Nowak', anna)
      recordSession(d, { date: '2025-03-06', attendees: [anna], notes: 'Tense meeting' }, sam)
      addLearningPoint(d, 'Call Mrs Nowak first', anna)
    })
    const summary = mediationSummary(readMediation(doc, at(60)))
    expect(summary).toEqual({
      kind: 'mediation',
      v: 1,
      stage: 1,
      stageEnteredAt: at().toISOString(),
      urgency: 'normal',
      category: 'roles-and-responsibilities',
      deadline: '2025-03-13T00:00:00.000Z',
      partyAgencyIds: ['mops', 'police'],
      outcome: null,
      closedAt: null,
      learningPoints: 1,
      links: [{ documentId: 'ref-1', kind: 'referral' }],
    })
    const text = JSON.stringify(summary)
    for (const personal of ['Kowalski', 'Nowak', 'Tense', 'anna', 'piotr', 'sam']) {
      expect(text).not.toContain(personal)
    }
  })

  it('MD15: the summary changes only with the log, not with the date, and round-trips', () => {
    const doc = mediation('med-1')
    const early = mediationSummary(readMediation(doc, at(1)))
    expect(early).toEqual(mediationDigest(readMediation(doc, at(1))))
    expect(mediationSummary(readMediation(doc, at(30 * DAY)))).toEqual(early)
    const ws = new Y.Doc()
    expect(setSummary(ws, 'med-1', early)).toBe(true)
    expect(setSummary(ws, 'med-1', mediationSummary(readMediation(doc, at(9 * DAY))))).toBe(false)
    expect(parseMediationDigest(getSummary(ws, 'med-1'))).toEqual(early)
    expect(parseMediationDigest({ kind: 'referral', v: 1 })).toBeUndefined()
    expect(parseMediationDigest({ ...early, stage: 7 })).toBeUndefined()
  })
})

describe('the supervisor console', () => {
  it('MD16: open ones by stage, breached first then by deadline; recently closed with learning', () => {
    // at() is Wednesday 5 March 2025 10:00 UTC; now is Thursday 13 March 12:00.
    const now = at(8 * DAY + 120)
    const normal = mediation('normal') // 5 working days: up at 13 March 00:00, breached
    const urgent = mediation('urgent', { urgency: 'urgent' }) // 6 March 10:00, breached
    const soon = mediation('soon', {}, undefined, at(3 * DAY)) // Saturday: 15 March 00:00
    const recent = mediation('recent', {}, undefined, at(5 * DAY)) // Monday: 18 March 00:00
    const stage2 = mediation('stage2', {}, (d) =>
      moveStage(d, { to: 2, reason: 'Managers' }, anna, { now: at(7 * DAY) }),
    )
    const done = mediation('done', {}, (d) => {
      recordDecision(d, { rationale: 'Agreed' }, sam)
      addLearningPoint(d, 'Agree deadlines at the meeting', anna, { now: at(DAY) })
      recordMediationOutcome(d, 'resolved', sam, { now: at(2 * DAY) })
    })
    const old = mediation('old', {}, (d) =>
      recordMediationOutcome(d, 'withdrawn', sam, { now: at(-60 * DAY) }),
    )
    // Some come from the workspace's summaries, some from logs open on this device.
    const ws = new Y.Doc()
    for (const d of [urgent, recent, stage2, old]) {
      const read = readMediation(d, at())
      setSummary(ws, read.id, mediationSummary(read))
    }
    const items = [
      ...consoleItemsFromSummaries(listSummaries(ws)),
      ...[soon, normal, done].map((d) => consoleItem(readMediation(d, now))),
    ]
    const view = supervisorConsole(items, now)
    expect(view.open.map((g) => [g.stage, g.rows.map((r) => r.id)])).toEqual([
      [1, ['urgent', 'normal', 'soon', 'recent']],
      [2, ['stage2']],
      [3, []],
      [4, []],
    ])
    expect(view.open[0]!.rows.map((r) => r.breached)).toEqual([true, true, false, false])
    expect(view.open[0]!.rows[1]!.msLeft).toBe(-12 * 3_600_000)
    expect(view.open[1]!.rows[0]).toMatchObject({ breached: false })
    expect(view.recentlyClosed.map((r) => [r.id, r.digest.outcome])).toEqual([['done', 'resolved']])
    expect(view.recentlyClosed[0]!.learningPoints.map((l) => l.text)).toEqual([
      'Agree deadlines at the meeting',
    ])
    const quarter = supervisorConsole(items, now, { recentDays: 90 })
    expect(quarter.recentlyClosed.map((r) => r.id)).toEqual(['done', 'old'])
  })
})
