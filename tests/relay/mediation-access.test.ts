import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createReferral, setTerms } from '../../src/model/referral.ts'
import { listDisputes, readDecision } from '../../src/model/decision.ts'
import { applyRecordedDecision, recordDecision } from '../../src/model/mediation-decision.ts'
import { mediationGrants, readMediation } from '../../src/model/mediation-read.ts'
import { openMediation } from '../../src/model/mediation.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'
import { rawConnect } from './wire.ts'

// MD13: a mediation log is visible to its parties and its mediator only, enforced by the relay's
// grants, exactly as the app sends them; and the mediator may write the decided value into the
// source document only once its owning agency has granted the mediator (as a member) write.

const zofia = { memberId: 'zofia', agencyId: 'zespol' }
const anna = { memberId: 'anna', agencyId: 'mops' }
const ewa = { memberId: 'ewa', agencyId: 'fundacja' }

describe('relay: who may open a mediation log (MD13)', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  const open = (room: string, token: string, doc?: Y.Doc): Client => {
    const c = connect(relay, room, token, doc)
    clients.push(c)
    return c
  }
  /** POST /api/grants as the app's grant outbox does. */
  const grant = async (token: string, body: object) => {
    const res = await fetch(`${relay.http}/api/grants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    return res.status
  }
  const refusedWith = async (room: string, token: string): Promise<number> =>
    (await rawConnect(relay, room, token).closed).code

  beforeAll(async () => {
    relay = await RelayProcess.start()
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })
  afterAll(async () => {
    await relay.stop()
  })

  it('R21: a non-party agency is refused (4403); the parties and the mediator open the log; the mediator writes the source only when its owner grants it', async () => {
    const zofiaToken = await relay.token('zofia')
    const annaToken = await relay.token('anna')
    const ewaToken = await relay.token('ewa')

    // A referral from mops to fundacja, with its respond-by date disputed.
    const annaRef = open('demo/med-ref', annaToken)
    await waitFor('anna synced', annaRef.synced)
    createReferral(
      annaRef.doc,
      { id: 'med-ref', receivingAgencyId: 'fundacja', person: { kind: 'person', code: 'R-9' } },
      anna,
    )
    expect(
      await grant(annaToken, {
        documentId: 'med-ref',
        subjectKind: 'agency',
        subjectId: 'fundacja',
        level: 'write',
      }),
    ).toBe(200)
    const ewaRef = open('demo/med-ref', ewaToken)
    await waitFor(
      'ewa has the referral',
      () => ewaRef.synced() && ewaRef.doc.getMap('meta').size > 0,
    )
    // Two concurrent assertions: each applied on its own replica before they meet.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(ewaRef.doc))
    setTerms(offline, { respondBy: '2031-03-01' }, ewa)
    setTerms(annaRef.doc, { respondBy: '2031-02-01' }, anna)
    Y.applyUpdate(ewaRef.doc, Y.encodeStateAsUpdate(offline))
    await waitFor('the dispute reached anna', () => listDisputes(annaRef.doc).length === 1)
    const [dispute] = listDisputes(annaRef.doc)

    // The supervisor opens the log on her device; it reaches the relay as zespol's document.
    const log = open('demo/med-log', zofiaToken)
    await waitFor('zofia synced', log.synced)
    openMediation(
      log.doc,
      {
        id: 'med-log',
        dispute: dispute!,
        sourceDocumentId: 'med-ref',
        sourceKind: 'referral',
        mediator: zofia,
        category: 'service-provision',
      },
      zofia,
    )
    await waitFor('log registered', () => relay.store.document('demo', 'med-log') !== undefined)
    for (const g of mediationGrants(readMediation(log.doc))) {
      expect(await grant(zofiaToken, g), `${g.subjectKind} ${g.subjectId}`).toBe(200)
    }

    // Police, the school and the NGO Nadzieja are not parties: refused before anything is sent.
    for (const outsider of ['tomasz', 'katarzyna', 'olga', 'jan']) {
      expect(await refusedWith('demo/med-log', await relay.token(outsider)), outsider).toBe(4403)
    }
    // Both parties' members (not only the workers named) and the mediator read the whole log.
    for (const who of ['anna', 'marek', 'ewa', 'piotr']) {
      const c = open('demo/med-log', await relay.token(who))
      await waitFor(`${who} has the log`, () => c.synced() && c.doc.getMap('mediation').size > 0)
      expect(
        readMediation(c.doc)
          .parties.map((p) => p.agencyId)
          .sort(),
      ).toEqual(['fundacja', 'mops'])
    }

    // Deciding is the mediator's; writing it into the referral needs mops's grant first.
    recordDecision(log.doc, { rationale: 'Kompromis', value: '2031-02-15' }, zofia)
    expect(await refusedWith('demo/med-ref', zofiaToken)).toBe(4403)
    // A party other than the owner cannot give it (the relay takes grants from the owner only).
    expect(
      await grant(ewaToken, {
        documentId: 'med-ref',
        subjectKind: 'member',
        subjectId: 'zofia',
        level: 'write',
      }),
    ).toBe(403)
    expect(
      await grant(annaToken, {
        documentId: 'med-ref',
        subjectKind: 'member',
        subjectId: 'zofia',
        level: 'write',
      }),
    ).toBe(200)
    const zofiaRef = open('demo/med-ref', zofiaToken)
    await waitFor(
      'zofia has the referral',
      () => zofiaRef.synced() && listDisputes(zofiaRef.doc).length === 1,
    )
    applyRecordedDecision(log.doc, zofiaRef.doc, 'med-ref', zofia)
    for (const c of [annaRef, ewaRef]) {
      await waitFor('the decision reached a party', () => {
        const state = readDecision(c.doc, 'referral.respondBy')
        return state.state === 'settled' && state.value === '2031-02-15'
      })
    }
    // Only the mediator as a member: the rest of her agency still cannot open either document.
    relay.store.createMember('demo', 'zespol-2', 'Druga osoba z zespołu', 'zespol', 'field-worker')
    expect(await refusedWith('demo/med-ref', await relay.token('zespol-2'))).toBe(4403)
  }, 60_000)
})
