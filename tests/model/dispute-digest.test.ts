import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { codedValue, summaryDisputes, withDisputes } from '../../src/model/dispute-digest.ts'
import { getSummary, listSummaries, setSummary } from '../../src/model/doc-summary.ts'
import { applyRecordedDecision, recordDecision } from '../../src/model/mediation-decision.ts'
import { recordMediationOutcome } from '../../src/model/mediation-decision.ts'
import {
  categoryOfField,
  disputesNotInMediation,
  linkKindOf,
  mediationsOfField,
} from '../../src/model/mediation-disputes.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import { mediationSummary } from '../../src/model/mediation-summary.ts'
import { openMediation } from '../../src/model/mediation.ts'
import { createReferral, setTerms } from '../../src/model/referral.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import { digestAsSummary, referralDigest } from '../../src/model/referral-summary.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const anna = { memberId: 'anna', agencyId: 'mops' }
const ewa = { memberId: 'ewa', agencyId: 'fundacja' }
const zofia = { memberId: 'zofia', agencyId: 'zespol' }
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes))

/** A referral from mops to fundacja, requested, on two replicas that then decide offline. */
function disputedReferral(id: string) {
  const mops = new Y.Doc()
  createReferral(
    mops,
    { id, receivingAgencyId: 'fundacja', person: { kind: 'person', code: 'R-2026-031' } },
    anna,
    { now: at(0) },
  )
  setStatus(mops, 'requested', anna, undefined, { now: at(1) })
  const ngo = new Y.Doc()
  sync(mops, ngo)
  setStatus(mops, 'cancelled', anna, 'Rodzina Kowalskich wyjechała', { now: at(5) })
  setStatus(ngo, 'accepted', ewa, undefined, { now: at(6) })
  setTerms(mops, { respondBy: '2031-02-01' }, anna, { now: at(7) })
  setTerms(ngo, { respondBy: '2031-03-01' }, ewa, { now: at(8) })
  sync(mops, ngo)
  return { mops, ngo }
}

const summaryOf = (doc: Y.Doc) =>
  withDisputes(digestAsSummary(referralDigest(readReferral(doc, at(9)))), doc)

describe('disputes in document summaries (I8)', () => {
  it('I8: every disputed field with who asserted each candidate, for which agency and when; no prose', () => {
    const { mops, ngo } = disputedReferral('r1')
    const summary = summaryOf(ngo)
    expect(summary).toEqual(summaryOf(mops))
    expect(summaryDisputes(summary)).toEqual([
      {
        field: 'referral.respondBy',
        candidates: [
          { value: '2031-02-01', memberId: 'anna', agencyId: 'mops', at: at(7).toISOString() },
          { value: '2031-03-01', memberId: 'ewa', agencyId: 'fundacja', at: at(8).toISOString() },
        ],
      },
      {
        field: 'referral.status',
        candidates: [
          {
            value: { status: 'cancelled' },
            memberId: 'anna',
            agencyId: 'mops',
            at: at(5).toISOString(),
          },
          {
            value: { status: 'accepted' },
            memberId: 'ewa',
            agencyId: 'fundacja',
            at: at(6).toISOString(),
          },
        ],
      },
    ])
    expect(JSON.stringify(summary)).not.toMatch(/Kowalsk|wyjecha/)
  })

  it('I8: a value keeps only its codes: words under a prose key or with spaces are left out', () => {
    expect(codedValue('2031-02-01')).toBe('2031-02-01')
    expect(codedValue({ status: 'on-hold', reason: 'czeka' })).toEqual({ status: 'on-hold' })
    expect(codedValue({ position: 'agrees', comment: 'ok' })).toEqual({ position: 'agrees' })
    expect(codedValue({ kind: 'professional', agencyId: 'mops' })).toEqual({
      kind: 'professional',
      agencyId: 'mops',
    })
    expect(codedValue(['p1', 'p2'])).toEqual(['p1', 'p2'])
    expect(codedValue(['p1', 'two words'])).toBeUndefined()
    expect(codedValue('Pani Nowak')).toBeUndefined()
    expect(codedValue({ label: 'Pani Nowak' })).toBeUndefined()
    expect(codedValue(null)).toBeNull()
    expect(codedValue(3)).toBe(3)
  })

  it('I8: a summary without disputes carries an empty list; malformed entries are skipped', () => {
    const doc = new Y.Doc()
    createReferral(
      doc,
      { id: 'r2', receivingAgencyId: 'fundacja', person: { kind: 'person', code: 'R-1' } },
      anna,
    )
    expect(summaryOf(doc).disputes).toEqual([])
    expect(summaryDisputes(undefined)).toEqual([])
    const one = { memberId: 'a', agencyId: 'b', at: at(1).toISOString() }
    expect(
      summaryDisputes({
        disputes: [
          { field: 'x', candidates: [one, { ...one, at: 'yesterday' }] },
          { field: 'y', candidates: [one, { ...one, value: 'not a code' }] },
          'junk',
        ],
      }),
    ).toEqual([{ field: 'y', candidates: [one, one] }])
  })
})

describe('disputes on the console (MD17)', () => {
  it('MD17: a dispute is listed until a mediation links it, again when that closes unsettled, and gone once decided', () => {
    const { mops, ngo } = disputedReferral('r1')
    const ws = new Y.Doc()
    setSummary(ws, 'r1', summaryOf(ngo))
    const pending = disputesNotInMediation(listSummaries(ws))
    expect(pending.map((d) => [d.documentId, d.field, d.linkKind])).toEqual([
      ['r1', 'referral.status', 'referral'],
      ['r1', 'referral.respondBy', 'referral'],
    ])
    expect(pending[0]?.since).toBe(at(5).toISOString())

    // The supervisor opens a mediation from the summary alone: its parties are the agencies.
    const log = new Y.Doc()
    const dispute = pending.find((d) => d.field === 'referral.respondBy')!
    openMediation(
      log,
      {
        id: 'm1',
        dispute,
        sourceDocumentId: 'r1',
        sourceKind: dispute.linkKind,
        mediator: zofia,
        category: 'service-provision',
      },
      zofia,
      { now: at(20) },
    )
    expect(readMediation(log).parties.map((p) => [p.agencyId, p.memberId])).toEqual([
      ['fundacja', 'ewa'],
      ['mops', 'anna'],
    ])
    setSummary(ws, 'm1', mediationSummary(readMediation(log, at(21))))
    expect(disputesNotInMediation(listSummaries(ws)).map((d) => d.field)).toEqual([
      'referral.status',
    ])
    expect(mediationsOfField(listSummaries(ws), 'r1', 'referral.respondBy')).toEqual(['m1'])
    expect(mediationsOfField(listSummaries(ws), 'r1', 'referral.status')).toEqual([])

    // Withdrawn without a decision: the disagreement is back on the console.
    const withdrawn = new Y.Doc()
    Y.applyUpdate(withdrawn, Y.encodeStateAsUpdate(log))
    recordMediationOutcome(withdrawn, 'withdrawn', zofia, { now: at(30) })
    const ws2 = new Y.Doc()
    Y.applyUpdate(ws2, Y.encodeStateAsUpdate(ws))
    setSummary(ws2, 'm1', mediationSummary(readMediation(withdrawn, at(31))))
    expect(disputesNotInMediation(listSummaries(ws2)).map((d) => d.field)).toContain(
      'referral.respondBy',
    )

    // Decided and applied: the refreshed summary holds the dispute no more, on every replica.
    recordDecision(log, { rationale: 'Termin kompromisowy', value: '2031-02-15' }, zofia)
    applyRecordedDecision(log, mops, 'r1', zofia, { now: at(40) })
    setSummary(ws, 'r1', withDisputes(getSummary(ws, 'r1')!, mops))
    sync(mops, ngo)
    expect(summaryDisputes(summaryOf(ngo)).map((d) => d.field)).toEqual(['referral.status'])
    expect(disputesNotInMediation(listSummaries(ws)).map((d) => d.field)).toEqual([
      'referral.status',
    ])
  })

  it('MD17: a plan action field links the action, other plan fields the plan; a first category by field', () => {
    expect(linkKindOf('plan', 'plan.action.a1.deadline')).toBe('action')
    expect(linkKindOf('plan', 'plan.status')).toBe('plan')
    expect(linkKindOf('referral', 'referral.status')).toBe('referral')
    expect(categoryOfField('plan.action.a1.responsible')).toBe('roles-and-responsibilities')
    expect(categoryOfField('referral.sharing.fundacja')).toBe('information-sharing')
    expect(categoryOfField('referral.respondBy')).toBe('service-provision')
  })
})
