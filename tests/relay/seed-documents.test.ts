import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { summaryDisputes } from '../../src/model/dispute-digest.ts'
import { listEntries } from '../../src/model/doc-index.ts'
import { listSummaries } from '../../src/model/doc-summary.ts'
import { disputesNotInMediation } from '../../src/model/mediation-disputes.ts'
import { readMediation } from '../../src/model/mediation-read.ts'
import { myActionsFromSummaries, parsePlanDigest } from '../../src/model/plan-summary.ts'
import { actionField } from '../../src/model/plan-vocab.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import { parseReferralDigest, referralInbox } from '../../src/model/referral-summary.ts'
import { DEMO_MEDIATION } from '../../sync-server/seed-mediation.ts'
import { DEMO_ACTIONS, DEMO_PLAN } from '../../sync-server/seed-plan.ts'
import { demoDocumentId } from '../../sync-server/seed-writer.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'
import { rawConnect, storedDoc, updateRows } from './wire.ts'

// The demo's example documents (SEED_DEMO_DOCUMENTS=1, as `npm start` runs the relay), read the
// way the app reads them: the workspace's index and summaries, and each document through a stock
// client whose access the relay decides from the seeded grants.

const referral = (code: string) => demoDocumentId(`referral/${code}`)

describe('relay: the demo documents', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  const open = async (memberId: string, documentId: string): Promise<Client> => {
    const c = connect(relay, `demo/${documentId}`, await relay.token(memberId))
    clients.push(c)
    await waitFor(`${memberId} synced ${documentId}`, c.synced)
    return c
  }
  const refusal = async (memberId: string, documentId: string): Promise<number> =>
    (await rawConnect(relay, `demo/${documentId}`, await relay.token(memberId)).closed).code

  beforeAll(async () => {
    relay = await RelayProcess.start({ SEED_DEMO_DOCUMENTS: '1' })
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })
  afterAll(async () => {
    await relay.stop()
  })

  it('the workspace lists five referrals, a plan and a mediation, each with its summary; the inbox sorts them', async () => {
    const { doc } = await open('marek', 'workspace')
    const entries = listEntries(doc)
    const summaries = listSummaries(doc)
    expect(entries.map((e) => e.kind).sort()).toEqual([
      'mediation',
      'plan',
      'referral',
      'referral',
      'referral',
      'referral',
      'referral',
    ])
    for (const e of entries) expect(summaries.get(e.id)?.kind).toBe(e.kind)
    const digest = (code: string) => parseReferralDigest(summaries.get(referral(code)))
    expect(digest('R-2026-017')).toMatchObject({
      status: 'completed',
      outcome: 'achieved',
      loopClosed: true,
    })
    expect(digest('R-2026-029')?.status).toBe('in-progress')
    expect(digest('R-2026-036')?.status).toBe('accepted')
    expect(digest('R-2026-038')?.status).toBe('requested')
    expect(digest('R-2026-041')?.status).toBe('requested')

    const mops = referralInbox(entries, summaries, 'mops')
    expect(mops.sent.map((r) => r.entry.title).sort()).toEqual([
      'R-2026-029',
      'R-2026-038',
      'R-2026-041',
    ])
    expect(mops.received.map((r) => r.entry.title).sort()).toEqual(['R-2026-017', 'R-2026-036'])
    // Nadzieja has not answered by the respond-by date: overdue, on both sides' lists.
    const overdue = mops.sent.filter((r) => r.overdue).map((r) => r.entry.title)
    expect(overdue).toEqual(['R-2026-038'])
    const fundacja = referralInbox(entries, summaries, 'fundacja')
    expect(fundacja.needsAction.map((n) => n.referral.entry.title)).toEqual(['R-2026-041'])
  })

  it("a referral opens for its receiving agency's members (the grant) and is refused to an agency it was not sent to (4403)", async () => {
    const id = referral('R-2026-038')
    const olga = await open('olga', id)
    expect(readReferral(olga.doc).person.code).toBe('R-2026-038')
    expect(readReferral(olga.doc).reason).toContain('przemoc')
    expect(await refusal('katarzyna', id)).toBe(4403)
    expect(await refusal('ewa', id)).toBe(4403)
  })

  it("the plan's summary carries the therapy deadline disputed between mops and fundacja, which the console lists; ewa's actions include it", async () => {
    const { doc } = await open('zofia', 'workspace')
    const summaries = listSummaries(doc)
    const plan = summaries.get(DEMO_PLAN)
    const deadline = actionField(DEMO_ACTIONS.therapy, 'deadline')
    const dispute = summaryDisputes(plan).find((d) => d.field === deadline)
    expect(dispute?.candidates.map((c) => [c.agencyId, c.memberId]).sort()).toEqual([
      ['fundacja', 'ewa'],
      ['mops', 'anna'],
    ])
    const dates = dispute?.candidates.map((c) => c.value as string).sort() ?? []
    expect(dates).toHaveLength(2)
    // The earlier date is in force (FP24).
    const therapy = parsePlanDigest(plan)?.actions.find((a) => a.id === DEMO_ACTIONS.therapy)
    expect(therapy?.deadline).toBe(dates[0])

    // The travel dispute is in mediation; the deadline dispute waits on the console.
    const waiting = disputesNotInMediation(summaries).map((d) => d.field)
    expect(waiting).toContain(deadline)
    expect(waiting).not.toContain(actionField(DEMO_ACTIONS.travel, 'responsible'))

    const mine = myActionsFromSummaries(listEntries(doc), summaries, { memberId: 'ewa' })
    expect(mine.map((a) => a.action.id)).toContain(DEMO_ACTIONS.therapy)
    const annas = myActionsFromSummaries(listEntries(doc), summaries, { memberId: 'anna' })
    expect(annas.find((a) => a.action.id === DEMO_ACTIONS.school)?.overdue).toBe(true)
  })

  it('the mediation opens for zofia (mediator) and the two parties only; zofia may open its plan', async () => {
    for (const member of ['zofia', 'anna', 'ewa', 'piotr']) {
      const { doc } = await open(member, DEMO_MEDIATION)
      const m = readMediation(doc)
      expect(m.mediator.memberId).toBe('zofia')
      expect(m.stage).toBe(2)
      expect(m.parties.map((p) => p.agencyId).sort()).toEqual(['fundacja', 'mops'])
      expect(m.outcome.state).toBe('empty')
    }
    for (const member of ['olga', 'katarzyna', 'tomasz']) {
      expect(await refusal(member, DEMO_MEDIATION)).toBe(4403)
    }
    await open('zofia', DEMO_PLAN)
    expect(await refusal('olga', DEMO_PLAN)).toBe(4403)
  })

  it('a restart does not seed again', async () => {
    const rooms = ['workspace', referral('R-2026-017'), DEMO_PLAN, DEMO_MEDIATION]
    const before = rooms.map((r) => Y.encodeStateVector(storedDoc(relay, `demo/${r}`)))
    const documents = relay.rawDb().prepare('SELECT count(*) AS n FROM documents').get()
    expect(relay.output).toContain('demo documents seeded')
    await relay.stop()
    relay.output = ''
    await relay.start()
    expect(relay.output).not.toContain('demo documents seeded')
    expect(relay.rawDb().prepare('SELECT count(*) AS n FROM documents').get()).toEqual(documents)
    const after = rooms.map((r) => Y.encodeStateVector(storedDoc(relay, `demo/${r}`)))
    expect(after).toEqual(before)
    const { doc } = await open('anna', 'workspace')
    expect(listEntries(doc)).toHaveLength(7)
  })
})

describe('relay: without SEED_DEMO_DOCUMENTS', () => {
  it('the demo partnership has no documents', async () => {
    const relay = await RelayProcess.start()
    try {
      expect(relay.rawDb().prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 })
      expect(updateRows(relay, `demo/${referral('R-2026-017')}`)).toBe(0)
      const c = connect(relay, 'demo/workspace', await relay.token('marek'))
      await waitFor('marek synced', c.synced)
      expect(listEntries(c.doc)).toEqual([])
      expect(listSummaries(c.doc).size).toBe(0)
      c.destroy()
    } finally {
      await relay.stop()
    }
  })
})
