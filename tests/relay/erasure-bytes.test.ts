/**
 * Erasure that really erases (issue 16 §4): a detail written through a stock client, committed
 * and in the history, then erased, is nowhere the relay could give it back from — not in a
 * websocket reply, the history, the stored document, nor any byte of the SQLite files — and a
 * device that was offline meanwhile cannot bring it back by re-sending its old updates.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call } from './api-client.ts'
import { eventually, openRaw, step1Frame, step2Frame, storedUpdate, updateFrame } from './frames.ts'
import { type Client, waitFor } from './harness.ts'
import { relayForSuite } from './suite.ts'

const tag = Math.random().toString(36).slice(2, 10)
/** Unique strings, so that a match anywhere can only be the erased detail. */
const PESEL = `PESEL 85020712345 ${tag}`
const NAME = `Jadwiga Erased-${tag}`
const KEPT = `kept-${tag}`

const DOCUMENT = 'erase-bytes'
const ROOM = `demo/${DOCUMENT}`

const b64 = (s: string): Buffer => Buffer.from(s, 'base64')
const holdsAny = (bytes: Uint8Array): string[] =>
  [PESEL, NAME].filter((s) => Buffer.from(bytes).includes(s))

interface Page {
  entries: {
    id: number
    source: string
    memberId: string | null
    note: string | null
    update: string
  }[]
  base: string | null
}

describe('relay: erasure that really erases', () => {
  const suite = relayForSuite({ IDLE_UNLOAD_MS: '200' })

  const api = async <T>(member: string, route: string, body: unknown) => {
    const r = await call(suite.relay, route, { token: await suite.relay.token(member), body })
    return { status: r.status, body: r.body as T }
  }

  /** Every byte of the database files: the main file, the WAL and the shared-memory index. */
  const fileHits = (): Record<string, string[]> => {
    const out: Record<string, string[]> = {}
    for (const suffix of ['', '-wal', '-shm']) {
      const file = path.join(suite.relay.dataDir, `mosty.sqlite${suffix}`)
      if (fs.existsSync(file)) out[suffix || 'db'] = holdsAny(fs.readFileSync(file))
    }
    return out
  }

  /** What /api/history/list and every /api/history/state hand out, decoded. */
  const historyHits = async (): Promise<{ hits: string[]; page: Page }> => {
    const { body: page } = await api<Page>('marek', '/api/history/list', { documentId: DOCUMENT })
    const hits = new Set<string>()
    const found = (b: Uint8Array) => holdsAny(b).forEach((h) => hits.add(h))
    if (page.base) found(b64(page.base))
    for (const e of page.entries) {
      found(b64(e.update))
      const r = await api<{ state: string }>('marek', '/api/history/state', {
        documentId: DOCUMENT,
        upTo: e.id,
      })
      found(b64(r.body.state))
    }
    return { hits: [...hits], page }
  }

  /** Everything a new device is sent when it asks for the whole document. */
  const freshReplies = async (): Promise<string[]> => {
    const raw = await openRaw(suite.relay, ROOM, await suite.relay.token('marek'))
    raw.ws.send(step1Frame(Y.encodeStateVector(new Y.Doc())))
    await eventually('sync step 2', () => raw.received.length >= 2)
    raw.ws.close()
    return raw.received.flatMap((m) => holdsAny(m))
  }

  it('R30: erasing needs write access, a registered document and a field path', async () => {
    expect(
      (await api('anna', '/api/documents/erase', { documentId: DOCUMENT, field: 'text/minutes' }))
        .status,
    ).toBe(404)
    const owner = suite.open(ROOM, await suite.relay.token('anna'))
    await waitFor('registered', () => owner.synced())
    const body = { documentId: DOCUMENT, field: 'text/minutes' }
    expect((await api('tomasz', '/api/documents/erase', body)).status).toBe(403)
    expect((await api('anna', '/api/documents/erase', { ...body, field: 'minutes' })).status).toBe(
      400,
    )
    expect((await api('anna', '/api/documents/erase', { ...body, field: 'a/b/c' })).status).toBe(
      400,
    )
  })

  it('R30, R31, R32: an erased field is in no reply, history entry, stored row or database byte, and an offline device re-sending it brings nothing back', async () => {
    const writer = suite.open(ROOM, await suite.relay.token('anna'))
    await waitFor('writer synced', () => writer.synced())
    writer.doc.transact(() => {
      writer.doc.getMap('meta').set('kind', 'referral')
      const text = writer.doc.getMap<Y.Text>('text')
      text.set('minutes', new Y.Text())
      text.set('request', new Y.Text())
      text.get('request')!.insert(0, `wsparcie ${KEPT}`)
    })
    const minutes = writer.doc.getMap<Y.Text>('text').get('minutes')!
    minutes.insert(0, 'Rodzina K.: ')
    // With a long text before it in the same update, the detail is stored on overflow pages,
    // which a deletion frees whole (what secure_delete = FAST leaves as it was).
    writer.doc.transact(() => {
      minutes.insert(minutes.length, `${'notatka '.repeat(3000)}`)
      minutes.insert(minutes.length, PESEL)
    })
    minutes.insert(minutes.length, ' zgoda')
    writer.doc.getMap('identity').set('details', { name: NAME, phone: '600100200' })

    // A second device of the owning agency holds everything, then goes offline with its updates.
    const offline: Client = suite.open(ROOM, await suite.relay.token('marek'))
    const oldUpdates: Uint8Array[] = []
    offline.doc.on('update', (u: Uint8Array) => oldUpdates.push(u))
    await waitFor('offline device has the details', () =>
      JSON.stringify(offline.doc.getMap('identity').toJSON()).includes(NAME),
    )
    await waitFor('offline device has the minutes', () =>
      (offline.doc.getMap<Y.Text>('text').get('minutes')?.toString() ?? '').includes(PESEL),
    )
    offline.provider.disconnect()
    offline.doc.getMap('actions').set('b1', `offline edit ${KEPT}`)

    await waitFor('committed', () => holdsAny(storedUpdate(suite.relay, ROOM)).length === 2)
    const before = await historyHits()
    // What this test is about: before the erasure the history and the files hold both.
    expect(before.hits.sort()).toEqual([NAME, PESEL].sort())
    await eventually('the details in the database files', () =>
      Object.values(fileHits()).some((h) => h.length > 0),
    )

    for (const field of ['text/minutes', 'identity/details']) {
      const r = await api<{ walTruncated: boolean }>('anna', '/api/documents/erase', {
        documentId: DOCUMENT,
        field,
      })
      expect(r.status).toBe(200)
      expect(r.body.walTruncated).toBe(true)
    }
    await waitFor('the open device sees the erasure', () => minutes.length === 0)
    expect(writer.doc.getMap('identity').has('details')).toBe(false)

    // The offline device's old updates, re-sent as they were, as an update and as a step 2.
    const resend = await openRaw(suite.relay, ROOM, await suite.relay.token('marek'))
    for (const u of oldUpdates) resend.ws.send(updateFrame(u))
    resend.ws.send(step2Frame(Y.mergeUpdates(oldUpdates)))
    // And the device itself reconnects: its offline edit arrives, the erasure reaches it.
    offline.provider.connect()
    await waitFor('the offline edit stored', () =>
      Buffer.from(storedUpdate(suite.relay, ROOM)).includes(`offline edit ${KEPT}`),
    )
    await waitFor(
      'the offline device erased it too',
      () => !offline.doc.getMap('identity').has('details'),
    )
    expect(offline.doc.getMap<Y.Text>('text').get('minutes')!.toString()).toBe('')
    resend.ws.close()
    // What its next local compaction writes (LocalCopyBound: the state of its gc'ing Y.Doc).
    expect(holdsAny(Y.encodeStateAsUpdate(offline.doc))).toEqual([])
    expect(writer.doc.getMap('actions').get('b1')).toBe(`offline edit ${KEPT}`)

    expect(holdsAny(storedUpdate(suite.relay, ROOM))).toEqual([])
    expect(await freshReplies()).toEqual([])
    const after = await historyHits()
    expect(after.hits).toEqual([])
    // The history keeps that it happened: who, which field; never what.
    const events = after.page.entries.filter((e) => e.source === 'erasure')
    expect(events.map((e) => [e.memberId, e.note])).toEqual([
      ['anna', 'text/minutes'],
      ['anna', 'identity/details'],
    ])
    // Everything not erased is still there, in the history and for a new device.
    const lastId = after.page.entries.at(-1)!.id
    const { body: last } = await api<{ state: string }>('marek', '/api/history/state', {
      documentId: DOCUMENT,
      upTo: lastId,
    })
    const then = new Y.Doc()
    Y.applyUpdate(then, b64(last.state))
    expect(then.getMap<Y.Text>('text').get('request')!.toString()).toBe(`wsparcie ${KEPT}`)
    expect(then.getMap('actions').get('b1')).toBe(`offline edit ${KEPT}`)
    const fresh = suite.open(ROOM, await suite.relay.token('marek'))
    await waitFor('fresh device synced', () => fresh.synced())
    expect(fresh.doc.getMap<Y.Text>('text').get('request')!.toString()).toBe(`wsparcie ${KEPT}`)
    expect(fresh.doc.getMap('actions').get('b1')).toBe(`offline edit ${KEPT}`)
    expect(fresh.doc.getMap<Y.Text>('text').get('minutes')!.toString()).toBe('')

    // After the relay's next checkpoint (and once it has stopped), no byte of its files.
    await new Promise((r) => setTimeout(r, 1500))
    expect(fileHits()).toEqual({ db: [], '-wal': [], '-shm': [] })
    writer.destroy()
    offline.destroy()
    fresh.destroy()
    await suite.relay.stop()
    expect(Object.values(fileHits()).flat()).toEqual([])
    await suite.relay.start()
  })
})
