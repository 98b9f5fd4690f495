import { randomBytes } from 'node:crypto'
import { SignJWT } from 'jose'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issueToken, loadSigningKey } from '../../sync-server/auth.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'
import {
  awarenessBarrier,
  intruderFrames,
  ownClock,
  rawConnect,
  storedAnywhere,
  storedDoc,
  updateRows,
  watchAuth,
  watchSaved,
} from './wire.ts'

const MARKER = 'INTRUDER-CONTENT'
const READ_ONLY_MARKER = 'READ-ONLY-EDIT'

describe('relay: authentication and authorisation', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  const open = (room: string, token: string, doc?: Y.Doc): Client => {
    const c = connect(relay, room, token, doc)
    clients.push(c)
    return c
  }

  /**
   * Asserts that a connection is refused with `code` and `reason`: a raw client that pushes an
   * update the moment the socket opens receives no frame at all and stores nothing, and the stock
   * client sees the same close and stops retrying.
   */
  const expectRefused = async (
    room: string,
    token: string | null,
    code: number,
    reason: string | RegExp,
  ): Promise<void> => {
    const rowsBefore = updateRows(relay, room)
    const raw = rawConnect(relay, room, token, intruderFrames(MARKER))
    const closed = await raw.closed
    expect(closed.code).toBe(code)
    expect(closed.reason).toMatch(reason)
    expect(raw.frames).toEqual([])
    expect(updateRows(relay, room)).toBe(rowsBefore)

    if (token === null) return // the stock client always sends its params
    const doc = new Y.Doc()
    doc.getText('t').insert(0, MARKER)
    const stock = connect(relay, room, token, doc)
    await waitFor('stock client closed', () => stock.closes.length > 0)
    expect(stock.closes[0]).toEqual({ code, reason: expect.stringMatching(reason) })
    // 44xx is permanent: the stock client gives up instead of hammering the relay.
    expect(stock.provider.shouldConnect).toBe(false)
    stock.destroy()
  }

  beforeAll(async () => {
    relay = await RelayProcess.start()
  })
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(() => relay.stop())

  it('R1: missing token: 4401 "token missing"', async () => {
    await expectRefused('demo/auth-missing', null, 4401, 'token missing')
    await expectRefused('demo/auth-missing', '', 4401, 'token missing')
  })

  it('R1: malformed token: 4401 "token malformed"', async () => {
    await expectRefused('demo/auth-malformed', 'not.a.jwt', 4401, 'token malformed')
    await expectRefused('demo/auth-malformed', 'garbage', 4401, 'token malformed')
  })

  it('R1: token signed with another key: 4401 "token signature invalid"', async () => {
    await relay.token('anna', { deviceId: 'dev-anna-forged' })
    const forged = await new SignJWT({ ws: 'demo', dev: 'dev-anna-forged' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('mosty-relay')
      .setSubject('anna')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(randomBytes(32))
    await expectRefused('demo/auth-forged', forged, 4401, 'token signature invalid')
  })

  it('R1: expired token: 4401 "token expired"', async () => {
    const expired = await relay.token('anna', { ttlSeconds: -60 })
    await expectRefused('demo/auth-expired', expired, 4401, 'token expired')
  })

  it('R1: a token that expires while connected closes the socket with 4401 "token expired"', async () => {
    // Valid for at least one more second (exp is in whole seconds).
    const c = open('demo/auth-expiring', await relay.token('anna', { ttlSeconds: 2 }))
    await waitFor('synced', () => c.synced())
    await waitFor('closed on expiry', () => c.closes.length > 0)
    expect(c.closes[0]).toEqual({ code: 4401, reason: 'token expired' })
    expect(c.provider.shouldConnect).toBe(false)
  })

  it('R1: a validly signed token for a device the relay never registered: 4401', async () => {
    const key = loadSigningKey(relay.rawDb())
    const unknown = await issueToken(key, {
      workspaceId: 'demo',
      memberId: 'anna',
      deviceId: 'never-registered',
    })
    await expectRefused('demo/auth-unknown-device', unknown, 4401, 'unknown device')
    // A device of anna's presented as marek's.
    await relay.token('anna', { deviceId: 'dev-anna-borrowed' })
    const borrowed = await issueToken(key, {
      workspaceId: 'demo',
      memberId: 'marek',
      deviceId: 'dev-anna-borrowed',
    })
    await expectRefused('demo/auth-unknown-device', borrowed, 4401, 'unknown device')
  })

  it('R1: revoked device: 4410 "device revoked"', async () => {
    const token = await relay.token('anna', { deviceId: 'dev-anna-lost-phone' })
    relay.store.revokeDevice('dev-anna-lost-phone')
    await expectRefused('demo/auth-revoked', token, 4410, 'device revoked')
  })

  it('R1: removed member: 4410 "member removed"', async () => {
    relay.store.createMember('demo', 'leaver', 'Former worker', 'mops', 'field-worker')
    const token = await relay.token('leaver')
    relay.store.removeMember('demo', 'leaver')
    await expectRefused('demo/auth-removed', token, 4410, 'member removed')
  })

  it('R3, R4: a document first opened by anna is registered to her agency; tomasz of another agency without a grant gets 4403', async () => {
    const anna = open('demo/case-kowalscy', await relay.token('anna'))
    await waitFor('anna synced', () => anna.synced())
    expect(relay.store.document('demo', 'case-kowalscy')).toMatchObject({
      ownerAgencyId: 'mops',
      createdBy: 'anna',
    })
    anna.doc.getText('t').insert(0, 'wywiad środowiskowy')
    const saved = watchSaved(anna)
    await waitFor(
      'anna saved',
      () => (saved.latest().get(anna.doc.clientID) ?? 0) >= ownClock(anna.doc),
    )

    await expectRefused(
      'demo/case-kowalscy',
      await relay.token('tomasz'),
      4403,
      'no access to this document',
    )
    // Being refused changes neither the owner nor the content.
    expect(relay.store.document('demo', 'case-kowalscy')?.ownerAgencyId).toBe('mops')
    expect(storedDoc(relay, 'demo/case-kowalscy').getText('t').toString()).toBe(
      'wywiad środowiskowy',
    )
  })

  it('R2: a token for workspace demo on a room of another workspace: 4403', async () => {
    relay.store.createWorkspace('inne', 'Inne partnerstwo')
    await expectRefused(
      'inne/case-1',
      await relay.token('anna'),
      4403,
      'no access to this workspace',
    )
    expect(relay.store.document('inne', 'case-1')).toBeUndefined()
  })

  it('R2: a room name that is not <workspace>/<document>: 4404', async () => {
    const token = await relay.token('anna')
    for (const room of [
      'demo',
      'demo/a/b',
      'demo/%2E%2E',
      'demo/bad%20name',
      `demo/${'x'.repeat(65)}`,
    ]) {
      await expectRefused(room, token, 4404, 'room must be <workspaceId>/<documentId>')
    }
    expect(relay.store.document('demo', 'a')).toBeUndefined()
  })

  it('R3, R4: an observer cannot create a document (4403), reads existing ones and the workspace read-only', async () => {
    const jan = await relay.token('jan')
    await expectRefused('demo/observer-new', jan, 4403, 'no access to this document')
    expect(relay.store.document('demo', 'observer-new')).toBeUndefined()

    // A document of his own agency, created by katarzyna: jan reads it, and is told he may not write.
    const kasia = open('demo/szkola-opinia', await relay.token('katarzyna'))
    await waitFor('katarzyna synced', () => kasia.synced())
    kasia.doc.getText('t').insert(0, 'opinia pedagoga')
    const observer = open('demo/szkola-opinia', jan)
    const denied = watchAuth(observer)
    await waitFor('jan reads it', () => observer.doc.getText('t').toString() === 'opinia pedagoga')
    await waitFor('jan told read-only', () => denied.length > 0)
    expect(denied[0]).toMatch(/^read-only/)

    const index = open('demo/workspace', jan)
    const indexDenied = watchAuth(index)
    await waitFor('jan reads the workspace', () => index.synced())
    await waitFor('jan told read-only on the workspace', () => indexDenied.length > 0)
    expect(indexDenied[0]).toMatch(/^read-only/)
    expect(index.closes).toEqual([])
  })

  it('R3, R5: an agency grant "read" makes a member read-only: the write is not applied, not forwarded, not stored, and the client is told', async () => {
    const room = 'demo/ref-read'
    const anna = open(room, await relay.token('anna'))
    await waitFor('anna synced', () => anna.synced())
    anna.doc.getText('t').insert(0, 'skierowanie do fundacji')
    relay.store.grant('demo', 'ref-read', 'agency', 'fundacja', 'read')

    const ewa = open(room, await relay.token('ewa'))
    const denied = watchAuth(ewa)
    await waitFor(
      'ewa reads the referral',
      () => ewa.doc.getText('t').toString() === 'skierowanie do fundacji',
    )
    await waitFor('ewa told read-only', () => denied.length > 0)
    expect(denied[0]).toMatch(/^read-only/)

    ewa.doc.getText('t').insert(0, READ_ONLY_MARKER)
    await awarenessBarrier(ewa, anna, waitFor)
    expect(anna.doc.getText('t').toString()).toBe('skierowanie do fundacji')

    // After a restart (SIGTERM commits everything the relay accepted) the edit is nowhere.
    await relay.stop()
    expect(storedDoc(relay, room).getText('t').toString()).toBe('skierowanie do fundacji')
    expect(storedAnywhere(relay, READ_ONLY_MARKER)).toBe(false)
    await relay.start()
    const fresh = open(room, await relay.token('marek'))
    await waitFor('fresh synced', () => fresh.synced())
    expect(fresh.doc.getText('t').toString()).toBe('skierowanie do fundacji')
  })

  it('R3: a member grant "write" lets a member of another agency write', async () => {
    const room = 'demo/ref-member-grant'
    const anna = open(room, await relay.token('anna'))
    await waitFor('anna synced', () => anna.synced())
    relay.store.grant('demo', 'ref-member-grant', 'member', 'olga', 'write')
    const olga = open(room, await relay.token('olga'))
    const denied = watchAuth(olga)
    const saved = watchSaved(olga)
    await waitFor('olga synced', () => olga.synced())
    olga.doc.getText('t').insert(0, 'grupa wsparcia w czwartki')
    await waitFor(
      'anna receives olga’s edit',
      () => anna.doc.getText('t').toString() === 'grupa wsparcia w czwartki',
    )
    await waitFor(
      'olga’s edit saved',
      () => (saved.latest().get(olga.doc.clientID) ?? 0) >= ownClock(olga.doc),
    )
    expect(denied).toEqual([])
    // Her agency colleague without the grant is still refused.
    relay.store.createMember('demo', 'olga2', 'Colleague', 'nadzieja', 'field-worker')
    await expectRefused(room, await relay.token('olga2'), 4403, 'no access to this document')
  })

  it('R1, R5: nothing any refused client pushed was ever stored, even after the relay commits everything on shutdown', async () => {
    await relay.stop()
    expect(storedAnywhere(relay, MARKER)).toBe(false)
    await relay.start()
  })
})
