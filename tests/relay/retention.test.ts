/**
 * Retention (issue 16 §5), on a real relay whose retention clock the test moves by restarting it
 * with RELAY_CLOCK_OFFSET_MS — never by waiting: closed documents are purged once their kind's
 * period has passed and not before, a legal hold suspends the purge and is in the history,
 * coordinators see what is due in the next 30 days, the access log has its own period, a purge
 * leaves only a tombstone, and a purged room's bytes leave the database files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertDecision } from '../../src/model/decision.ts'
import { MEDIATION_FIELDS } from '../../src/model/mediation-vocab.ts'
import { PLAN_FIELDS } from '../../src/model/plan-vocab.ts'
import { REFERRAL_FIELDS } from '../../src/model/referral-vocab.ts'
import type { Json } from '../../src/model/json.ts'
import { CLOSE } from '../../src/sync/protocol.ts'
import { call } from './api-client.ts'
import { eventually, openRaw } from './frames.ts'
import { connect, RelayProcess, waitFor } from './harness.ts'

const DAY = 86_400_000
const tag = Math.random().toString(36).slice(2, 10)
const secretOf = (id: string) => `secret of ${id} ${tag}`
const ANNA = { memberId: 'anna', agencyId: 'mops' }

describe('relay: retention of closed documents', () => {
  let relay: RelayProcess

  /** Restarts the relay with its retention clock `days` ahead of the real one. */
  const at = async (days: number): Promise<void> => {
    await relay.stop()
    relay.env.RELAY_CLOCK_OFFSET_MS = String(Math.round(days * DAY))
    relay.output = ''
    await relay.start()
  }

  beforeAll(async () => {
    relay = await RelayProcess.start({
      IDLE_UNLOAD_MS: '100',
      RETENTION_SWEEP_MS: '100',
      RETENTION_REFERRAL_DAYS: '100',
      RETENTION_PLAN_DAYS: '200',
      RETENTION_MEDIATION_DAYS: '50',
      ACCESS_LOG_RETENTION_DAYS: '400',
      RELAY_CLOCK_OFFSET_MS: '0',
    })
  })
  afterAll(async () => {
    await relay.stop()
  })

  const api = async <T>(member: string, route: string, body: unknown) => {
    const r = await call(relay, route, { token: await relay.token(member), body })
    return { status: r.status, body: r.body as T }
  }

  const closedAt = (id: string): number | null | undefined =>
    (
      relay
        .rawDb()
        .prepare('SELECT closed_at AS c FROM document_closure WHERE document_id = ?')
        .get(id) as { c: number | null } | undefined
    )?.c

  const rowsOf = (id: string) => {
    const db = relay.rawDb()
    const room = `demo/${id}`
    const count = (sql: string, arg: string) => (db.prepare(sql).pluck().get(arg) as number) ?? 0
    return {
      updates: count('SELECT count(*) FROM updates WHERE room = ?', room),
      snapshots: count('SELECT count(*) FROM snapshots WHERE room = ?', room),
      history: count('SELECT count(*) FROM history_chunks WHERE room = ?', room),
      accessLog: count('SELECT count(*) FROM access_log WHERE document_id = ?', id),
      documents: count('SELECT count(*) FROM documents WHERE id = ?', id),
    }
  }

  /** Writes a document of `kind` as anna with `field` settled on `value`, and lets it unload. */
  const write = async (id: string, kind: string, field: string, value: Json) => {
    const client = connect(relay, `demo/${id}`, await relay.token('anna'))
    await waitFor(`${id} synced`, () => client.synced())
    client.doc.transact(() => {
      client.doc.getMap('meta').set('kind', kind)
      client.doc.getMap('meta').set('schemaVersion', 1)
      client.doc.getText('notes').insert(0, secretOf(id))
    })
    assertDecision(client.doc, field, value, ANNA)
    await eventually(`${id} stored`, () => rowsOf(id).updates > 0)
    client.destroy()
  }

  const fileHits = (needle: string): string[] =>
    ['', '-wal', '-shm'].filter((suffix) => {
      const file = path.join(relay.dataDir, `mosty.sqlite${suffix}`)
      return fs.existsSync(file) && fs.readFileSync(file).includes(needle)
    })

  it('R33: the relay notes when a document closed, from its state, and clears it when it reopens', async () => {
    await write('ret-ref', 'referral', REFERRAL_FIELDS.status, { status: 'completed' })
    await write('ret-held', 'referral', REFERRAL_FIELDS.status, {
      status: 'cancelled',
      reason: 'the family moved away',
    })
    await write('ret-open', 'referral', REFERRAL_FIELDS.status, { status: 'in-progress' })
    await write('ret-plan', 'plan', PLAN_FIELDS.status, { status: 'completed' })
    await write('ret-med', 'mediation', MEDIATION_FIELDS.outcome, 'resolved')
    await write('ret-reopen', 'plan', PLAN_FIELDS.status, { status: 'completed' })
    for (const id of ['ret-ref', 'ret-held', 'ret-plan', 'ret-med', 'ret-reopen']) {
      await eventually(`${id} noted closed`, () => typeof closedAt(id) === 'number')
    }
    expect(closedAt('ret-open') ?? null).toBe(null)

    const again = connect(relay, 'demo/ret-reopen', await relay.token('anna'))
    await waitFor('synced', () => again.synced())
    assertDecision(again.doc, PLAN_FIELDS.status, { status: 'active' }, ANNA)
    await eventually('stored', () => rowsOf('ret-reopen').updates > 1)
    again.destroy()
    await eventually('reopened: its closing date cleared', () => closedAt('ret-reopen') === null)
  })

  it('R34: only coordinators of the owning agency place a legal hold, and the history records it', async () => {
    const body = { documentId: 'ret-held', hold: true }
    expect((await api('anna', '/api/retention/hold', body)).status).toBe(403)
    expect((await api('piotr', '/api/retention/hold', body)).status).toBe(403)
    expect((await api('marek', '/api/retention/hold', { documentId: 'ret-held' })).status).toBe(400)
    expect((await api('marek', '/api/retention/hold', body)).status).toBe(200)
    const page = await api<{ entries: { source: string; memberId: string; note: string }[] }>(
      'anna',
      '/api/history/list',
      { documentId: 'ret-held' },
    )
    expect(
      page.body.entries.filter((e) => e.source === 'legal-hold').map((e) => [e.memberId, e.note]),
    ).toEqual([['marek', 'placed']])
  })

  it('R35: coordinators see the purges due in the next 30 days; nothing is purged before its time', async () => {
    await at(75)
    const due = await api<{ purges: { documentId: string; kind: string; held: boolean }[] }>(
      'marek',
      '/api/retention/due',
      {},
    )
    expect(due.status).toBe(200)
    // Referrals close +100 days (within 75 + 30), the mediation +50 (overdue, due now); the
    // plan's +200 is beyond the window; the open referral is never due.
    expect(due.body.purges.map((p) => [p.documentId, p.kind, p.held]).sort()).toEqual(
      [
        ['ret-held', 'referral', true],
        ['ret-ref', 'referral', false],
      ].sort(),
    )
    expect((await api('anna', '/api/retention/due', {})).status).toBe(403)
    const piotr = await api<{ purges: unknown[] }>('piotr', '/api/retention/due', {})
    expect(piotr.body.purges).toEqual([])
    // Nothing of the referrals went yet; the mediation (+50) did.
    expect(rowsOf('ret-ref').documents).toBe(1)
    expect(rowsOf('ret-held').documents).toBe(1)
    await eventually('the mediation purged', () => rowsOf('ret-med').documents === 0)
  })

  it('R33: past its period a closed document is purged to a tombstone; a hold keeps one until lifted', async () => {
    expect(rowsOf('ret-ref').accessLog).toBeGreaterThan(0)
    expect(fileHits(secretOf('ret-ref')).length).toBeGreaterThan(0)
    const closed = closedAt('ret-ref')!
    await at(101)
    await eventually('ret-ref purged', () => rowsOf('ret-ref').documents === 0)
    expect(rowsOf('ret-ref')).toEqual({
      updates: 0,
      snapshots: 0,
      history: 0,
      accessLog: 0,
      documents: 0,
    })
    const stone = await api<Record<string, unknown>>('marek', '/api/retention/tombstone', {
      documentId: 'ret-ref',
    })
    expect(stone.status).toBe(200)
    expect(stone.body).toEqual({
      documentId: 'ret-ref',
      kind: 'referral',
      ownerAgencyId: 'mops',
      closedAt: new Date(closed).toISOString(),
      purgedAt: expect.any(String),
    })
    const purgedAt = Date.parse(stone.body.purgedAt as string)
    expect(purgedAt - closed).toBeGreaterThanOrEqual(100 * DAY)
    expect(Object.keys(stone.body).sort()).toEqual(
      ['closedAt', 'documentId', 'kind', 'ownerAgencyId', 'purgedAt'].sort(),
    )
    expect((await api('piotr', '/api/retention/tombstone', { documentId: 'ret-ref' })).status).toBe(
      403,
    )
    // The held one, the open one and the plan (period not over) are all still there.
    expect(rowsOf('ret-held').documents).toBe(1)
    expect(rowsOf('ret-open').documents).toBe(1)
    expect(rowsOf('ret-plan').documents).toBe(1)
    // A device still holding the purged document is told to drop it; the id never registers again.
    const raw = await openRaw(relay, 'demo/ret-ref', await relay.token('anna'))
    expect((await raw.closed).code).toBe(CLOSE.PURGED)
    expect(rowsOf('ret-ref').documents).toBe(0)
    // Its bytes leave the database files once the WAL is cut after the purge.
    await eventually(
      'the purged bytes gone from the files',
      () => fileHits(secretOf('ret-ref')).length === 0,
    )
    expect(fileHits(secretOf('ret-plan')).length).toBeGreaterThan(0)

    expect(
      (await api('marek', '/api/retention/hold', { documentId: 'ret-held', hold: false })).status,
    ).toBe(200)
    await eventually(
      'ret-held purged once the hold is lifted',
      () => rowsOf('ret-held').documents === 0,
    )
  })

  it('R35: the access log is pruned after its own period; newer opens stay', async () => {
    const before = rowsOf('ret-open').accessLog
    expect(before).toBeGreaterThan(0)
    await at(401)
    await eventually('old opens pruned', () => rowsOf('ret-open').accessLog === 0)
    const client = connect(relay, 'demo/ret-open', await relay.token('anna'))
    await waitFor('synced', () => client.synced())
    await eventually('a new open logged', () => rowsOf('ret-open').accessLog === 1)
    client.destroy()
    // The open referral itself is never purged, however old.
    expect(rowsOf('ret-open').documents).toBe(1)
  })
})
