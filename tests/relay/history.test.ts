/**
 * The relay's history and access log (R16–R19): every committed change is attributed to the
 * member whose authenticated connection sent it, whatever the change claims; the document can be
 * rebuilt as it was after any entry; both records survive compaction and restarts; the access
 * log is shown only to coordinators of the owning agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { eventually } from './frames.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'
import { awarenessBarrier, storedDoc } from './wire.ts'

interface Entry {
  id: number
  source: 'member' | 'relay' | 'baseline'
  memberId: string | null
  agencyId: string | null
  from: string
  at: string
  updates: number
  update: string
}
interface Page {
  total: number
  base: string | null
  entries: Entry[]
}

const COMPACT_UPDATES = 20

const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'))

const reason = (doc: Y.Doc): string => {
  const t = doc.getMap('text').get('reason')
  return t instanceof Y.Text ? t.toString() : ''
}

/** The document after the first `n` entries of a page. */
const replay = (page: Page, n: number): Y.Doc => {
  const doc = new Y.Doc()
  if (page.base) Y.applyUpdate(doc, fromBase64(page.base))
  for (const e of page.entries.slice(0, n)) Y.applyUpdate(doc, fromBase64(e.update))
  return doc
}

describe('relay: history and access log', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  const tokens = new Map<string, string>()
  const tokenOf = async (member: string): Promise<string> => {
    if (!tokens.has(member)) tokens.set(member, await relay.token(member))
    return tokens.get(member)!
  }
  const open = async (room: string, member: string): Promise<Client> => {
    const c = connect(relay, room, await tokenOf(member))
    clients.push(c)
    await waitFor(`${member} synced`, () => c.synced())
    return c
  }
  const api = async <T>(
    route: string,
    member: string,
    body: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(relay.http + route, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await tokenOf(member)}`,
      },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as T }
  }
  const history = async (documentId: string, member = 'marek'): Promise<Page> => {
    const r = await api<Page>('/api/history/list', member, { documentId })
    expect(r.status).toBe(200)
    return r.body
  }
  const stored = (room: string, check: (doc: Y.Doc) => boolean) =>
    waitFor(`${room} stored`, () => check(storedDoc(relay, room)))

  beforeAll(async () => {
    relay = await RelayProcess.start({
      COMPACT_UPDATES: String(COMPACT_UPDATES),
      // Long enough that a test's own typing is never split by the clock of a slow machine.
      HISTORY_WINDOW_MS: '120000',
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
    })
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay?.stop()
  })

  it('R16: each change is the member’s whose connection sent it, also when it names someone else', async () => {
    const anna = await open('demo/hist-a', 'anna') // mops: owner
    const annasOwn = anna.doc.clientID
    anna.doc.getMap('text').set('reason', new Y.Text('Rodzina potrzebuje wsparcia.'))
    await stored('demo/hist-a', (d) => reason(d) === 'Rodzina potrzebuje wsparcia.')
    relay.store.grant('demo', 'hist-a', 'agency', 'fundacja', 'write')

    // Ewa (fundacja) writes as if she were Anna: an assertion naming Anna, a signature line,
    // and even structs under Anna's own Yjs client id.
    const ewa = await open('demo/hist-a', 'ewa')
    const ewasOwn = ewa.doc.clientID
    ewa.doc.clientID = anna.doc.clientID
    ewa.doc.transact(() => {
      const t = ewa.doc.getMap('text').get('reason') as Y.Text
      t.insert(t.length, ' Zgoda: Anna (pracownica socjalna), mops.')
      ewa.doc.getMap('assertions').set('forged', {
        field: 'status',
        value: 'accepted',
        member: 'anna',
        agency: 'mops',
        at: '2026-01-01T00:00:00.000Z',
      })
    })
    ewa.doc.clientID = ewasOwn
    await waitFor('anna sees ewa', () => reason(anna.doc).includes('Zgoda'))
    // Yjs renamed Anna's client on seeing its id used by someone else; her provider's presence
    // still goes by the old one, so she keeps it (her next change follows Ewa's forged ones).
    anna.doc.clientID = annasOwn
    await stored('demo/hist-a', (d) => d.getMap('assertions').has('forged'))

    anna.doc.transact(() => (anna.doc.getMap('text').get('reason') as Y.Text).delete(0, 8))
    await stored('demo/hist-a', (d) => reason(d).startsWith('potrzebuje'))

    const page = await history('hist-a')
    expect(page.entries.map((e) => [e.memberId, e.agencyId])).toEqual([
      ['anna', 'mops'],
      ['ewa', 'fundacja'],
      ['anna', 'mops'],
    ])
    expect(page.entries.every((e) => e.source === 'member')).toBe(true)
    // The forged assertion and signature arrived in Ewa's entry, not in one of Anna's.
    expect(replay(page, 1).getMap('assertions').has('forged')).toBe(false)
    const afterEwa = replay(page, 2)
    expect(afterEwa.getMap('assertions').get('forged')).toMatchObject({ member: 'anna' })
    expect(reason(afterEwa)).toContain('Zgoda: Anna')
    expect(reason(replay(page, 3))).toBe(reason(anna.doc))
    // Devices are recorded, never shown.
    expect(JSON.stringify(page)).not.toContain('dev-')
    for (const e of page.entries) {
      expect(Date.parse(e.from)).toBeLessThanOrEqual(Date.parse(e.at))
    }
  })

  it('R16: a read-only member’s refused write leaves no history; no one without access reads it', async () => {
    const anna = await open('demo/hist-b', 'anna')
    anna.doc.getMap('text').set('reason', new Y.Text('Pierwsza wersja.'))
    await stored('demo/hist-b', (d) => reason(d) === 'Pierwsza wersja.')
    relay.store.grant('demo', 'hist-b', 'agency', 'szkola', 'read')
    const jan = await open('demo/hist-b', 'jan') // observer: read only
    await waitFor('jan has the text', () => reason(jan.doc) === 'Pierwsza wersja.')
    const before = await history('hist-b')

    ;(jan.doc.getMap('text').get('reason') as Y.Text).insert(0, 'Jan tu był. ')
    // Everything Jan sent before this has been handled by the relay once Anna hears it.
    await awarenessBarrier(jan, anna, waitFor)
    anna.doc.getMap('text').set('note', new Y.Text('Anna po Janie.'))
    await stored('demo/hist-b', (d) => d.getMap('text').has('note'))

    // Jan's refused write neither made an entry nor ended Anna's: her next change joined it.
    const after = await history('hist-b')
    expect(before.entries.map((e) => e.memberId)).toEqual(['anna'])
    expect(after.entries.map((e) => e.memberId)).toEqual(['anna'])
    expect(after.entries[0]!.updates).toBe(before.entries[0]!.updates + 1)
    expect(reason(replay(after, after.entries.length))).toBe('Pierwsza wersja.')

    // Tomasz (policja) has no access to the document, so none to its history or any state.
    expect((await api('/api/history/list', 'tomasz', { documentId: 'hist-b' })).status).toBe(403)
    expect(
      (await api('/api/history/state', 'tomasz', { documentId: 'hist-b', upTo: 1e9 })).status,
    ).toBe(403)
    // Jan may read the document, so he reads its history.
    expect((await api('/api/history/list', 'jan', { documentId: 'hist-b' })).status).toBe(200)
  })

  it('R17: the state after entry N is the document as it was then; typing makes one entry, not one per key', async () => {
    const anna = await open('demo/hist-c', 'anna')
    const text = new Y.Text()
    anna.doc.getMap('text').set('reason', text)
    const seen: string[] = []
    for (const word of ['Matka ', 'prosi ', 'o ', 'pomoc.']) {
      // Each word typed key by key: a transaction (and an update) per keystroke.
      for (const ch of word) text.insert(text.length, ch)
      await stored('demo/hist-c', (d) => reason(d) === text.toString())
      seen.push(text.toString())
      // Someone else's change in between ends Anna's entry.
      relay.store.grant('demo', 'hist-c', 'agency', 'fundacja', 'write')
      const ewa = connect(relay, 'demo/hist-c', await tokenOf('ewa'))
      await waitFor('ewa synced', () => ewa.synced())
      ewa.doc.getMap('meta').set(`seen-${seen.length}`, true)
      await stored('demo/hist-c', (d) => d.getMap('meta').has(`seen-${seen.length}`))
      ewa.destroy()
    }
    const page = await history('hist-c')
    const annas = page.entries.filter((e) => e.memberId === 'anna')
    expect(annas).toHaveLength(4)
    expect(annas.map((e) => e.updates)).toEqual([1 + 6, 6, 2, 6])
    for (const [i, entry] of annas.entries()) {
      const r = await api<{ state: string }>('/api/history/state', 'marek', {
        documentId: 'hist-c',
        upTo: entry.id,
      })
      expect(r.status).toBe(200)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, fromBase64(r.body.state))
      expect(reason(doc)).toBe(seen[i])
      expect(doc.getMap('meta').has(`seen-${i + 1}`)).toBe(false)
    }
    expect((await api('/api/history/state', 'marek', { documentId: 'hist-c' })).status).toBe(400)
  })

  it('R18: history survives compaction of the live log and a restart of the relay', async () => {
    const anna = await open('demo/hist-d', 'anna')
    const text = new Y.Text()
    anna.doc.getMap('text').set('reason', text)
    for (let i = 0; i < 3 * COMPACT_UPDATES; i++) text.insert(text.length, `${i % 10}`)
    await stored('demo/hist-d', (d) => reason(d) === text.toString())
    const snapshot = relay.rawDb().prepare('SELECT 1 FROM snapshots WHERE room = ?')
    await waitFor('the log compacted', () => snapshot.get('demo/hist-d') !== undefined)

    const before = await history('hist-d')
    expect(before.entries).toHaveLength(1)
    expect(before.entries[0]).toMatchObject({ memberId: 'anna', updates: 1 + 3 * COMPACT_UPDATES })
    expect(reason(replay(before, 1))).toBe(text.toString())

    anna.destroy()
    await relay.stop()
    await relay.start()
    await eventually('the relay to answer again', () =>
      fetch(relay.http + '/healthz').then(
        (r) => r.ok,
        () => false,
      ),
    )
    const after = await history('hist-d')
    expect(after).toEqual(before)
    const r = await api<{ state: string }>('/api/history/state', 'marek', {
      documentId: 'hist-d',
      upTo: after.entries[0]!.id,
    })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, fromBase64(r.body.state))
    expect(reason(doc)).toBe(text.toString())
  })

  it('R18: the relay’s own writes (the directory) are the relay’s', async () => {
    const page = await history('workspace', 'anna')
    expect(page.entries.length).toBeGreaterThan(0)
    expect(page.entries[0]).toMatchObject({ source: 'relay', memberId: null, agencyId: null })
  })

  it('R19: the access log records who opened a document, for coordinators of the owner only', async () => {
    const anna = await open('demo/hist-e', 'anna')
    anna.doc.getMap('text').set('reason', new Y.Text('x'))
    await stored('demo/hist-e', (d) => reason(d) === 'x')
    relay.store.grant('demo', 'hist-e', 'agency', 'fundacja', 'read')
    await open('demo/hist-e', 'ewa')
    // A reconnect a moment later is the same visit.
    await open('demo/hist-e', 'anna')
    await open('demo/hist-e', 'marek')

    type Log = { opens: { memberId: string; agencyId: string; access: string; at: string }[] }
    let log: Log = { opens: [] }
    await eventually('three opens logged', async () => {
      const r = await api<Log>('/api/access-log', 'marek', { documentId: 'hist-e' })
      expect(r.status).toBe(200)
      log = r.body
      return log.opens.length >= 3
    })
    expect(log.opens.map((o) => [o.memberId, o.agencyId, o.access]).reverse()).toEqual([
      ['anna', 'mops', 'write'],
      ['ewa', 'fundacja', 'read'],
      ['marek', 'mops', 'write'],
    ])
    expect(JSON.stringify(log)).not.toContain('dev-')

    // A field worker of the owner, a coordinator of another agency: refused.
    expect((await api('/api/access-log', 'anna', { documentId: 'hist-e' })).status).toBe(403)
    expect((await api('/api/access-log', 'piotr', { documentId: 'hist-e' })).status).toBe(403)
    // The server's own log lines name no one.
    expect(relay.output).not.toMatch(/Anna|Ewa|Marek/)
  })
})
