import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listMembers } from '../../src/model/workspace.ts'
import { call, type Credentials, demoEnrol } from './api-client.ts'
import { type Client, RelayProcess, waitFor } from './harness.ts'
import { awarenessBarrier, watchAuth } from './wire.ts'
import { relayForSuite } from './suite.ts'

// The relay's JSON API (sync-server/api.ts, enrolment.ts) against the real process. ACL_POLL_MS
// is set far beyond the test's runtime: every change made through the API must reach open
// sockets through the relay's own in-process revalidation, never through polling SQLite.
const NO_POLLING = { ACL_POLL_MS: '600000' }

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest()

/** Everything the relay has on disk, as bytes: the database file and its WAL. */
const sqliteBytes = (relay: RelayProcess): Buffer =>
  Buffer.concat(
    fs
      .readdirSync(relay.dataDir)
      .filter((f) => f.startsWith('mosty.sqlite'))
      .map((f) => fs.readFileSync(path.join(relay.dataDir, f))),
  )

/** Every column of every row of a table, as text (blobs as UTF-8, Latin-1 and hex). */
const tableText = (relay: RelayProcess, table: string): string =>
  (relay.rawDb().prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
    .flatMap((row) =>
      Object.values(row).map((v) =>
        Buffer.isBuffer(v)
          ? `${v.toString('utf8')} ${v.toString('latin1')} ${v.toString('hex')}`
          : String(v),
      ),
    )
    .join('\n')

describe('relay API', () => {
  const synced = (...cs: Client[]): Promise<void> =>
    waitFor('clients synced', () => cs.every((c) => c.synced()))
  const text = (c: Client): string => c.doc.getText('t').toString()
  const append = (c: Client, s: string): void => c.doc.getText('t').insert(text(c).length, s)
  const closedWith = async (c: Client, code: number, reason: string): Promise<void> => {
    await waitFor(`socket closed ${code}`, () => c.closes.length > 0)
    expect(c.closes).toEqual([{ code, reason }])
    expect(c.provider.shouldConnect).toBe(false)
  }
  const api = (route: string, opts: Parameters<typeof call>[2] = {}) =>
    call(suite.relay, route, opts)

  const suite = relayForSuite({ DEMO_LOGIN: '1', ...NO_POLLING })
  const { open } = suite

  describe('demo enrolment', () => {
    it('lists the demo partnership and enrols a device whose token opens a room with the stock client', async () => {
      const demo = await api('/api/demo')
      expect(demo.status).toBe(200)
      expect(demo.body.members).toContainEqual({
        id: 'anna',
        displayName: 'Anna (pracownica socjalna)',
        agencyId: 'mops',
        role: 'field-worker',
        removed: false,
      })
      expect(demo.body.agencies).toContainEqual(expect.objectContaining({ id: 'fundacja' }))

      const creds = await demoEnrol(suite.relay, 'anna')
      expect(creds).toEqual({
        workspaceId: 'demo',
        memberId: 'anna',
        deviceId: expect.any(String),
        deviceSecret: expect.any(String),
        token: expect.any(String),
        expiresAt: expect.any(Number),
      })
      expect(creds.expiresAt).toBeGreaterThan(Date.now())
      expect(suite.relay.store.device(creds.deviceId)).toMatchObject({
        memberId: 'anna',
        label: 'test device',
        revokedAt: null,
      })

      const anna = open('demo/api-demo', creds.token)
      const marek = open('demo/api-demo', await suite.relay.token('marek'))
      await synced(anna, marek)
      append(anna, 'z urządzenia demo')
      await waitFor('marek sees it', () => text(marek) === 'z urządzenia demo')
      expect(suite.relay.store.document('demo', 'api-demo')).toMatchObject({
        ownerAgencyId: 'mops',
        createdBy: 'anna',
      })
      expect((await api('/api/me', { token: creds.token })).body.member).toMatchObject({
        id: 'anna',
      })
    })

    it('refuses a member the partnership does not have and one who was removed', async () => {
      const nobody = await api('/api/demo/enrol', { body: { memberId: 'nobody', label: 'x' } })
      expect(nobody).toMatchObject({ status: 404, body: { error: 'member not found' } })
      suite.relay.store.createMember('demo', 'demo-leaver', 'Odeszła', 'mops', 'field-worker')
      suite.relay.store.removeMember('demo', 'demo-leaver')
      const removed = await api('/api/demo/enrol', {
        body: { memberId: 'demo-leaver', label: 'x' },
      })
      expect(removed).toMatchObject({ status: 410, body: { error: 'member removed' } })
    })
  })

  describe('invitations', () => {
    it('only a coordinator invites, and only into their own agency', async () => {
      const ewa = await suite.relay.token('ewa')
      const before = suite.relay.store.listMembers('demo').length
      const byWorker = await api('/api/invitations', {
        token: ewa,
        body: { displayName: 'Ktoś', role: 'field-worker' },
      })
      expect(byWorker).toMatchObject({ status: 403, body: { error: 'only coordinators invite' } })
      expect(suite.relay.store.listMembers('demo')).toHaveLength(before)

      const marek = await suite.relay.token('marek')
      const fresh = await api('/api/invitations', {
        token: marek,
        body: { displayName: 'Beata (asystentka rodziny)', role: 'family-assistant' },
      })
      // An unknown role is refused before anyone is created.
      expect(fresh).toMatchObject({ status: 400, body: { error: 'unknown role' } })
      expect(suite.relay.store.listMembers('demo')).toHaveLength(before)
      const noName = await api('/api/invitations', {
        token: marek,
        body: { role: 'field-worker' },
      })
      expect(noName).toMatchObject({ status: 400, body: { error: 'displayName is required' } })
      expect(suite.relay.store.listMembers('demo')).toHaveLength(before)

      const invited = await api('/api/invitations', {
        token: marek,
        body: { displayName: 'Beata (asystentka rodziny)', role: 'field-worker' },
      })
      expect(invited.status).toBe(200)
      const { memberId, code, expiresAt } = invited.body as {
        memberId: string
        code: string
        expiresAt: string
      }
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/)
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000)
      expect(suite.relay.store.member('demo', memberId)).toMatchObject({
        displayName: 'Beata (asystentka rodziny)',
        agencyId: 'mops',
        role: 'field-worker',
        removedAt: null,
      })

      const existing = await api('/api/invitations', { token: marek, body: { memberId: 'anna' } })
      expect(existing.status).toBe(200)
      expect(existing.body.memberId).toBe('anna')
      const enrolled = await api('/api/enrol', {
        body: { code: existing.body.code, label: 'nowy telefon Anny' },
      })
      expect(enrolled.status).toBe(200)
      expect(enrolled.body).toMatchObject({ workspaceId: 'demo', memberId: 'anna' })

      for (const other of ['ewa', 'piotr', 'nobody']) {
        const r = await api('/api/invitations', { token: marek, body: { memberId: other } })
        expect(r).toMatchObject({
          status: 403,
          body: { error: 'you may invite only members of your agency' },
        })
      }
      // piotr coordinates fundacja: his new people join fundacja, whatever the body says.
      const byPiotr = await api('/api/invitations', {
        token: await suite.relay.token('piotr'),
        body: { displayName: 'Nowa terapeutka', role: 'field-worker', agencyId: 'mops' },
      })
      expect(byPiotr.status).toBe(200)
      expect(suite.relay.store.member('demo', byPiotr.body.memberId as string)?.agencyId).toBe(
        'fundacja',
      )
    })

    it('a code enrols exactly once, in any case, with spaces or dashes; unknown 404, expired 410', async () => {
      const marek = await suite.relay.token('marek')
      const invite = async (displayName: string) =>
        (
          await api('/api/invitations', {
            token: marek,
            body: { displayName, role: 'field-worker' },
          })
        ).body as { memberId: string; code: string }

      const { memberId, code } = await invite('Celina')
      const typed = ` ${code.slice(0, 5).toLowerCase()}-${code.slice(5, 7)} ${code.slice(7)} `
      const first = await api('/api/enrol', { body: { code: typed, label: 'telefon Celiny' } })
      expect(first.status).toBe(200)
      const creds = first.body as unknown as Credentials
      expect(creds).toMatchObject({ workspaceId: 'demo', memberId })
      expect(suite.relay.store.device(creds.deviceId)).toMatchObject({
        memberId,
        label: 'telefon Celiny',
      })
      // Her token works on a socket: she writes into a new document of her agency.
      const celina = open('demo/api-celina', creds.token)
      await synced(celina)
      expect(suite.relay.store.document('demo', 'api-celina')?.ownerAgencyId).toBe('mops')

      const devicesBefore = suite.relay.store.listDevices('demo').length
      const again = await api('/api/enrol', { body: { code, label: 'drugi telefon' } })
      expect(again).toMatchObject({ status: 410, body: { error: 'invitation already used' } })
      const unknown = await api('/api/enrol', { body: { code: 'ABCDEFGHJK', label: 'x' } })
      expect(unknown).toMatchObject({ status: 404, body: { error: 'invitation not found' } })

      const late = await invite('Dorota')
      suite.relay
        .rawDb()
        .prepare('UPDATE invitations SET expires_at = ? WHERE member_id = ?')
        .run(new Date(Date.now() - 1000).toISOString(), late.memberId)
      const expired = await api('/api/enrol', { body: { code: late.code, label: 'x' } })
      expect(expired).toMatchObject({ status: 410, body: { error: 'invitation expired' } })
      expect(suite.relay.store.listDevices('demo')).toHaveLength(devicesBefore)
    })

    it('only a hash of each code is stored: the plain code is nowhere in the SQLite file', async () => {
      const marek = await suite.relay.token('marek')
      const codes: string[] = []
      for (const name of ['Ela', 'Franek']) {
        const r = await api('/api/invitations', {
          token: marek,
          body: { displayName: name, role: 'field-worker' },
        })
        codes.push(r.body.code as string)
      }
      suite.relay.rawDb().pragma('wal_checkpoint(PASSIVE)')
      const rows = tableText(suite.relay, 'invitations')
      const disk = sqliteBytes(suite.relay)
      for (const code of codes) {
        expect(rows).not.toContain(code)
        expect(disk.includes(code)).toBe(false)
        expect(
          suite.relay
            .rawDb()
            .prepare('SELECT 1 FROM invitations WHERE code_hash = ?')
            .get(sha256(code)),
        ).toBeDefined()
      }
    })
  })

  describe('token refresh', () => {
    it('the device secret buys a new token; a wrong secret is 401, a revoked device 410', async () => {
      const creds = await demoEnrol(suite.relay, 'ewa')
      const fresh = await api('/api/token', {
        body: { deviceId: creds.deviceId, deviceSecret: creds.deviceSecret },
      })
      expect(fresh.status).toBe(200)
      expect(fresh.body).toEqual({ token: expect.any(String), expiresAt: expect.any(Number) })
      const me = await api('/api/me', { token: fresh.body.token as string })
      expect(me.body).toMatchObject({ workspaceId: 'demo', member: { id: 'ewa' } })

      const wrong = await api('/api/token', {
        body: { deviceId: creds.deviceId, deviceSecret: randomBytes(32).toString('base64url') },
      })
      expect(wrong).toMatchObject({ status: 401, body: { error: 'unknown device' } })
      const short = await api('/api/token', {
        body: { deviceId: creds.deviceId, deviceSecret: 'x' },
      })
      expect(short.status).toBe(401)
      const noDevice = await api('/api/token', {
        body: { deviceId: 'no-such-device', deviceSecret: creds.deviceSecret },
      })
      expect(noDevice.status).toBe(401)
      // A device made without a secret (the admin CLI's kind) cannot buy tokens either.
      await suite.relay.token('ewa', { deviceId: 'ewa-cli' })
      const cli = await api('/api/token', { body: { deviceId: 'ewa-cli', deviceSecret: 'x' } })
      expect(cli.status).toBe(401)

      suite.relay.store.revokeDevice(creds.deviceId)
      const revoked = await api('/api/token', {
        body: { deviceId: creds.deviceId, deviceSecret: creds.deviceSecret },
      })
      expect(revoked).toMatchObject({ status: 410, body: { error: 'device revoked' } })
      // Tokens it already holds stop working as well.
      const stale = await api('/api/me', { token: fresh.body.token as string })
      expect(stale).toMatchObject({ status: 410, body: { error: 'device revoked' } })
    })

    it('only a hash of the device secret is stored', async () => {
      const creds = await demoEnrol(suite.relay, 'olga')
      suite.relay.rawDb().pragma('wal_checkpoint(PASSIVE)')
      const row = suite.relay
        .rawDb()
        .prepare('SELECT secret_hash AS h FROM device_secrets WHERE device_id = ?')
        .get(creds.deviceId) as { h: Buffer }
      expect(row.h.equals(sha256(creds.deviceSecret))).toBe(true)
      expect(tableText(suite.relay, 'device_secrets')).not.toContain(creds.deviceSecret)
      expect(tableText(suite.relay, 'devices')).not.toContain(creds.deviceSecret)
      expect(sqliteBytes(suite.relay).includes(creds.deviceSecret)).toBe(false)
    })
  })

  describe('devices', () => {
    it("a coordinator lists and revokes their agency's devices, not another agency's", async () => {
      const annaPhone = await demoEnrol(suite.relay, 'anna')
      const ewaPhone = await demoEnrol(suite.relay, 'ewa')
      const marek = await suite.relay.token('marek', { deviceId: 'marek-desk' })

      const listed = await api('/api/devices', { token: marek })
      const ids = (listed.body.devices as { id: string; memberId: string }[]).map((d) => d.id)
      expect(ids).toContain(annaPhone.deviceId)
      expect(ids).toContain('marek-desk')
      expect(ids).not.toContain(ewaPhone.deviceId)
      const members = new Set(
        (listed.body.devices as { memberId: string }[]).map(
          (d) => suite.relay.store.member('demo', d.memberId)?.agencyId,
        ),
      )
      expect([...members]).toEqual(['mops'])
      // A field worker sees only her own devices.
      const own = await api('/api/devices', { token: annaPhone.token })
      expect(new Set((own.body.devices as { memberId: string }[]).map((d) => d.memberId))).toEqual(
        new Set(['anna']),
      )

      const ewaSocket = open('demo/api-devices-fundacja', ewaPhone.token)
      await synced(ewaSocket)
      for (const [token, deviceId] of [
        [marek, ewaPhone.deviceId],
        [await suite.relay.token('piotr'), annaPhone.deviceId],
        [annaPhone.token, 'marek-desk'],
        [marek, 'no-such-device'],
      ] as const) {
        const r = await api('/api/devices/revoke', { token, body: { deviceId } })
        expect(r).toMatchObject({ status: 403, body: { error: 'you may not revoke this device' } })
      }
      expect(suite.relay.store.device(ewaPhone.deviceId)?.revokedAt).toBeNull()
      expect(suite.relay.store.device('marek-desk')?.revokedAt).toBeNull()

      const annaSocket = open('demo/api-devices-mops', annaPhone.token)
      await synced(annaSocket)
      const r = await api('/api/devices/revoke', {
        token: marek,
        body: { deviceId: annaPhone.deviceId },
      })
      expect(r).toMatchObject({ status: 200, body: { revoked: annaPhone.deviceId } })
      await closedWith(annaSocket, 4410, 'device revoked')
      const after = await api('/api/devices', { token: marek })
      expect(
        (after.body.devices as { id: string; revokedAt: string | null }[]).find(
          (d) => d.id === annaPhone.deviceId,
        )?.revokedAt,
      ).toEqual(expect.any(String))
      expect(ewaSocket.closes).toEqual([])
    })

    it('R6: a member revokes their own device; its open socket closes with 4410 at once', async () => {
      const lost = await demoEnrol(suite.relay, 'tomasz')
      const desk = await demoEnrol(suite.relay, 'tomasz')
      const lostSocket = open('demo/api-own-device', lost.token)
      const deskSocket = open('demo/api-own-device', desk.token)
      await synced(lostSocket, deskSocket)

      const r = await api('/api/devices/revoke', {
        token: desk.token,
        body: { deviceId: lost.deviceId },
      })
      expect(r.status).toBe(200)
      await closedWith(lostSocket, 4410, 'device revoked')
      append(deskSocket, 'biurko działa dalej')
      await awarenessBarrier(deskSocket, deskSocket, waitFor)
      expect(deskSocket.closes).toEqual([])
      const again = await api('/api/token', {
        body: { deviceId: lost.deviceId, deviceSecret: lost.deviceSecret },
      })
      expect(again.status).toBe(410)
    })
  })

  describe('members', () => {
    it("R6: a coordinator removes a member of their agency: sockets close, tokens stop, not themselves or another agency's", async () => {
      const marek = await suite.relay.token('marek')
      const invited = await api('/api/invitations', {
        token: marek,
        body: { displayName: 'Grzegorz', role: 'field-worker' },
      })
      const leaverId = invited.body.memberId as string
      const leaver = (
        await api('/api/enrol', { body: { code: invited.body.code, label: 'tablet' } })
      ).body as unknown as Credentials
      const socket = open('demo/api-remove', leaver.token)
      const workspace = open('demo/workspace', leaver.token)
      const anna = open('demo/api-remove', await suite.relay.token('anna'))
      await synced(socket, workspace, anna)

      for (const [token, memberId, who] of [
        [marek, 'marek', 'himself'],
        [marek, 'ewa', 'another agency'],
        [marek, 'nobody', 'unknown'],
        [await suite.relay.token('anna'), leaverId, 'a field worker'],
        [await suite.relay.token('piotr'), leaverId, "another agency's coordinator"],
      ] as const) {
        const r = await api('/api/members/remove', { token, body: { memberId } })
        expect(r.status, who).toBe(403)
      }
      expect(suite.relay.store.member('demo', 'marek')?.removedAt).toBeNull()
      expect(suite.relay.store.member('demo', 'ewa')?.removedAt).toBeNull()
      expect(suite.relay.store.member('demo', leaverId)?.removedAt).toBeNull()

      const r = await api('/api/members/remove', { token: marek, body: { memberId: leaverId } })
      expect(r).toMatchObject({ status: 200, body: { removed: leaverId } })
      await closedWith(socket, 4410, 'member removed')
      await closedWith(workspace, 4410, 'member removed')
      const me = await api('/api/me', { token: leaver.token })
      expect(me).toMatchObject({ status: 410, body: { error: 'member removed' } })
      const refresh = await api('/api/token', {
        body: { deviceId: leaver.deviceId, deviceSecret: leaver.deviceSecret },
      })
      expect(refresh).toMatchObject({ status: 410, body: { error: 'member removed' } })
      const members = await api('/api/members', { token: marek })
      expect(members.body.members).toContainEqual(
        expect.objectContaining({ id: leaverId, removed: true }),
      )
      expect(anna.closes).toEqual([])
    })

    it('the directory in <workspace>/workspace gains an invited person and loses a removed one', async () => {
      const reader = open('demo/workspace', await suite.relay.token('ewa'))
      await synced(reader)
      const ids = () => listMembers(reader.doc).map((m) => m.id)
      await waitFor('directory published', () => ids().includes('anna'))
      expect(listMembers(reader.doc, 'mops').map((m) => m.id)).toEqual(
        expect.arrayContaining(['anna', 'marek']),
      )

      const marek = await suite.relay.token('marek')
      const invited = await api('/api/invitations', {
        token: marek,
        body: { displayName: 'Halina (asystentka)', role: 'field-worker' },
      })
      const id = invited.body.memberId as string
      await waitFor('new member in the directory', () => ids().includes(id))
      expect(listMembers(reader.doc).find((m) => m.id === id)).toEqual({
        id,
        displayName: 'Halina (asystentka)',
        agencyId: 'mops',
        role: 'field-worker',
      })

      await api('/api/members/remove', { token: marek, body: { memberId: id } })
      await waitFor('removed member leaves the directory', () => !ids().includes(id))
      expect(ids()).toContain('anna')
    })
  })

  describe('grants', () => {
    it('R3, R6: only non-observer members of the owning agency share; read and write take effect on sockets', async () => {
      const room = 'demo/api-share'
      const doc = 'api-share'
      const annaToken = await suite.relay.token('anna')
      const anna = open(room, annaToken)
      await synced(anna)
      append(anna, 'plan rodziny; ')
      suite.relay.store.createMember('demo', 'mops-observer', 'Obserwator MOPS', 'mops', 'observer')
      const grant = (token: string, body: Record<string, unknown>) =>
        api('/api/grants', {
          token,
          body: { documentId: doc, subjectKind: 'agency', subjectId: 'fundacja', ...body },
        })

      for (const who of ['mops-observer', 'piotr', 'ewa', 'zofia']) {
        const r = await grant(await suite.relay.token(who), { level: 'write' })
        expect(r, who).toMatchObject({
          status: 403,
          body: { error: 'only the owning agency shares this document' },
        })
      }
      const ewaToken = await suite.relay.token('ewa')
      expect(
        (await api('/api/grants/list', { token: ewaToken, body: { documentId: doc } })).status,
      ).toBe(403)
      expect(suite.relay.store.grants('demo', doc)).toEqual([])

      const read = await grant(annaToken, { level: 'read' })
      expect(read).toMatchObject({
        status: 200,
        body: {
          documentId: doc,
          grants: [{ subjectKind: 'agency', subjectId: 'fundacja', level: 'read' }],
        },
      })
      const ewa = open(room, ewaToken)
      const denied = watchAuth(ewa)
      await waitFor('ewa reads the plan', () => text(ewa) === 'plan rodziny; ')
      await waitFor('ewa told read-only', () => denied.length > 0)
      expect(denied[0]).toMatch(/^read-only/)
      append(ewa, 'ewa nie może pisać; ')
      await awarenessBarrier(ewa, anna, waitFor)
      expect(text(anna)).not.toContain('ewa nie może pisać')

      // A coordinator of the owning agency raises it to write: her next socket writes.
      const write = await grant(await suite.relay.token('marek'), { level: 'write' })
      expect(write.body.grants).toEqual([
        { subjectKind: 'agency', subjectId: 'fundacja', level: 'write' },
      ])
      const piotr = open(room, await suite.relay.token('piotr'))
      await synced(piotr)
      append(piotr, 'fundacja dopisuje; ')
      await waitFor('anna sees fundacja', () => text(anna).includes('fundacja dopisuje'))

      // Readers of the document see who it is shared with; others are refused.
      for (const who of ['anna', 'ewa', 'piotr', 'marek', 'mops-observer']) {
        const r = await api('/api/grants/list', {
          token: await suite.relay.token(who),
          body: { documentId: doc },
        })
        expect(r, who).toMatchObject({
          status: 200,
          body: {
            documentId: doc,
            ownerAgencyId: 'mops',
            grants: [{ subjectKind: 'agency', subjectId: 'fundacja', level: 'write' }],
          },
        })
      }
      for (const who of ['tomasz', 'olga', 'jan']) {
        const r = await api('/api/grants/list', {
          token: await suite.relay.token(who),
          body: { documentId: doc },
        })
        expect(r, who).toMatchObject({ status: 403, body: { error: 'no access to this document' } })
      }
      const unknownDoc = await api('/api/grants/list', {
        token: annaToken,
        body: { documentId: 'never-opened' },
      })
      expect(unknownDoc.status).toBe(403)
      expect(suite.relay.store.document('demo', 'never-opened')).toBeUndefined()

      // Revoking closes fundacja's open sockets to this room at once.
      const revoke = await api('/api/grants/revoke', {
        token: annaToken,
        body: { documentId: doc, subjectKind: 'agency', subjectId: 'fundacja' },
      })
      expect(revoke).toMatchObject({ status: 200, body: { grants: [] } })
      await closedWith(ewa, 4410, 'access to this document revoked')
      await closedWith(piotr, 4410, 'access to this document revoked')
      expect(anna.closes).toEqual([])
      const ewaAfter = await api('/api/grants/list', { token: ewaToken, body: { documentId: doc } })
      expect(ewaAfter.status).toBe(403)
    })

    it('R3: a grant to one member of another agency; bad grants are 400 and change nothing', async () => {
      const annaToken = await suite.relay.token('anna')
      const anna = open('demo/api-share-member', annaToken)
      await synced(anna)
      const doc = 'api-share-member'
      const r = await api('/api/grants', {
        token: annaToken,
        body: { documentId: doc, subjectKind: 'member', subjectId: 'olga', level: 'read' },
      })
      expect(r.status).toBe(200)
      const olga = open('demo/api-share-member', await suite.relay.token('olga'))
      const denied = watchAuth(olga)
      await synced(olga)
      await waitFor('olga told read-only', () => denied.length > 0)

      const bad: [Record<string, unknown>, number, string][] = [
        [{ subjectKind: 'agency', subjectId: 'nieznana', level: 'read' }, 400, 'no agency'],
        [{ subjectKind: 'member', subjectId: 'nikt', level: 'read' }, 400, 'no member'],
        [{ subjectKind: 'world', subjectId: 'fundacja', level: 'read' }, 400, 'bad grant'],
        [{ subjectKind: 'agency', subjectId: 'fundacja', level: 'admin' }, 400, 'level must'],
        [{ subjectKind: 'agency', subjectId: 'fundacja' }, 400, 'level is required'],
        [{ subjectKind: 'agency', level: 'read' }, 400, 'subjectId is required'],
        [
          { subjectKind: 'agency', subjectId: 'fundacja', level: 'read', documentId: '../x' },
          400,
          'bad grant',
        ],
        [
          { subjectKind: 'agency', subjectId: 'fundacja', level: 'read', documentId: 'not-yet' },
          409,
          'document not yet on the relay',
        ],
      ]
      for (const [body, status, error] of bad) {
        const res = await api('/api/grants', {
          token: annaToken,
          body: { documentId: doc, ...body },
        })
        expect(res.status, JSON.stringify(body)).toBe(status)
        expect(res.body.error).toContain(error)
      }
      expect(suite.relay.store.grants('demo', doc)).toEqual([
        { subjectKind: 'member', subjectId: 'olga', level: 'read' },
      ])
      expect(suite.relay.store.document('demo', 'not-yet')).toBeUndefined()
    })
  })

  describe('bad input', () => {
    it('malformed, oversized, unknown and unauthenticated requests get a clear status; the relay keeps running', async () => {
      const anna = await suite.relay.token('anna')
      for (const raw of ['not json', '{"code":', '[1,2]', '"text"', 'null']) {
        const r = await api('/api/enrol', { raw })
        expect(r, raw).toMatchObject({ status: 400, body: { error: 'body must be a JSON object' } })
        const authed = await api('/api/grants', { token: anna, raw })
        expect(authed.status, raw).toBe(400)
      }
      const missing = await api('/api/enrol', { body: { label: 'x' } })
      expect(missing).toMatchObject({ status: 400, body: { error: 'code is required' } })
      const wrongType = await api('/api/token', { body: { deviceId: 42, deviceSecret: 'x' } })
      expect(wrongType.status).toBe(400)

      const huge = JSON.stringify({ code: 'A'.repeat(17 * 1024), label: 'x' })
      expect((await api('/api/enrol', { raw: huge })).status).toBe(413)
      const hugeAuthed = await api('/api/invitations', {
        token: await suite.relay.token('marek'),
        raw: JSON.stringify({ displayName: 'x'.repeat(64 * 1024), role: 'field-worker' }),
      })
      expect(hugeAuthed).toMatchObject({ status: 413, body: { error: 'request body too large' } })
      // Far over the limit: refused early, and the connection the client reuses still works.
      for (let i = 0; i < 2; i++) {
        const flood = await api('/api/enrol', { raw: `{"code":"${'A'.repeat(4 << 20)}"}` })
        expect(flood.status).toBe(413)
        expect((await api('/api/demo')).status).toBe(200)
      }
      // Just under the limit is read (and then refused for what it says, not for its size).
      const under = JSON.stringify({ code: 'A'.repeat(16 * 1024 - 40), label: 'x' })
      expect((await api('/api/enrol', { raw: under })).status).toBe(400)

      expect((await api('/api/nothing-here', { token: anna })).body).toEqual({
        error: 'no such route',
      })
      expect((await api('/api/nothing-here', { token: anna })).status).toBe(404)
      expect((await api('/api/nothing-here')).status).toBe(404)
      expect((await api('/api/grants', { token: anna, method: 'GET' })).status).toBe(404)
      expect((await api('/api/token', { method: 'GET' })).status).toBe(404)

      const forged = await new SignJWT({ ws: 'demo', dev: 'x' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('mosty-relay')
        .setSubject('marek')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(randomBytes(32))
      const unauthenticated: [Parameters<typeof call>[2], string][] = [
        [{}, 'token missing'],
        [{ auth: 'Basic YW5uYTpzZWNyZXQ=' }, 'token missing'],
        [{ auth: 'Bearer ' }, 'token missing'],
        [{ token: 'garbage' }, 'token malformed'],
        [{ token: forged }, 'token signature invalid'],
        [{ token: await suite.relay.token('marek', { ttlSeconds: -60 }) }, 'token expired'],
      ]
      for (const [opts, error] of unauthenticated) {
        for (const route of ['/api/me', '/api/devices']) {
          const r = await api(route, opts)
          expect(r, `${route} ${error}`).toMatchObject({ status: 401, body: { error } })
        }
        const invite = await api('/api/invitations', {
          ...opts,
          body: { displayName: 'Intruz', role: 'coordinator' },
        })
        expect(invite).toMatchObject({ status: 401, body: { error } })
      }
      expect(suite.relay.store.listMembers('demo').some((m) => m.displayName === 'Intruz')).toBe(
        false,
      )

      const health = await fetch(`${suite.relay.http}/healthz`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ ok: true })
      expect(suite.relay.alive).toBe(true)
      expect(suite.relay.output).not.toMatch(/"level":"error"/)
    })
  })
})

describe('relay API without DEMO_LOGIN', () => {
  let relay: RelayProcess
  beforeAll(async () => {
    relay = await RelayProcess.start(NO_POLLING)
  })
  afterAll(() => relay.stop())

  it('the demo directory and demo enrolment answer 404 and enrol nothing', async () => {
    const devices = relay.store.listDevices('demo').length
    const list = await call(relay, '/api/demo')
    expect(list).toMatchObject({ status: 404, body: { error: 'demo login is off' } })
    const enrol = await call(relay, '/api/demo/enrol', {
      body: { memberId: 'marek', label: 'x' },
    })
    expect(enrol).toMatchObject({ status: 404, body: { error: 'demo login is off' } })
    const get = await call(relay, '/api/demo/enrol')
    expect(get.status).toBe(404)
    expect(relay.store.listDevices('demo')).toHaveLength(devices)
    // Invitations still work: the coordinator's way in.
    const invited = await call(relay, '/api/invitations', {
      token: await relay.token('marek'),
      body: { memberId: 'anna' },
    })
    expect(invited.status).toBe(200)
    const enrolled = await call(relay, '/api/enrol', {
      body: { code: invited.body.code, label: 'x' },
    })
    expect(enrolled.status).toBe(200)
  })
})
