import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MSG_SYNC, SYNC_STEP2, SYNC_UPDATE } from '../../src/sync/protocol.ts'
import { type Client, connect, RelayProcess, sleep, waitFor } from './harness.ts'
import { covers, ownClock, storedDoc, updateRows, watchSaved } from './wire.ts'
import { relayForSuite } from './suite.ts'

/** Mirrors into `sent` every document update the provider puts on the wire. */
const recordSent = (client: Client, sent: Y.Doc): void => {
  const wrap = (): void => {
    const ws = client.provider.ws
    if (!ws) return
    const send = ws.send.bind(ws)
    ws.send = (data: Parameters<WebSocket['send']>[0]) => {
      const decoder = decoding.createDecoder(new Uint8Array(data as ArrayBuffer))
      if (decoding.readVarUint(decoder) === MSG_SYNC) {
        const sub = decoding.readVarUint(decoder)
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
          Y.applyUpdate(sent, decoding.readVarUint8Array(decoder))
        }
      }
      send(data)
    }
  }
  client.provider.on('status', ({ status }) => {
    if (status === 'connected') wrap()
  })
}

const text = (c: Client): string => c.doc.getText('t').toString()

describe('relay: durability', () => {
  // Compact often, so that confirmations and kill -9 also cover the snapshot path.
  const suite = relayForSuite({ COMPACT_UPDATES: '8' })
  const { open } = suite

  it('R7, R8: an update the relay confirmed as saved survives kill -9, and no confirmation runs ahead of what was sent and stored', async () => {
    const room = 'demo/durable-confirmed'
    const writer = open(room, await suite.relay.token('anna'))
    const sent = new Y.Doc()
    recordSent(writer, sent)
    const violations: string[] = []
    const saved = watchSaved(writer, (sv) => {
      // A confirmation may only name what this client actually put on the wire ...
      const wire = Y.decodeStateVector(Y.encodeStateVector(sent))
      if (!covers(wire, sv)) violations.push(`confirmed ${[...sv]} but sent only ${[...wire]}`)
      // ... and what is already committed to SQLite at the moment the client hears of it.
      const onDisk = Y.decodeStateVector(Y.encodeStateVector(storedDoc(suite.relay, room)))
      if (!covers(onDisk, sv)) violations.push(`confirmed ${[...sv]} but stored ${[...onDisk]}`)
    })
    await waitFor('writer synced', () => writer.synced())
    await waitFor('first (empty) confirmation', () => saved.confirmed.length > 0)

    // Edits spread over several group commits.
    for (let i = 0; i < 30; i++) {
      writer.doc.getText('t').insert(text(writer).length, `wizyta ${i}; `)
      if (i % 3 === 0) await sleep(5)
    }
    const expected = text(writer)
    const mine = ownClock(writer.doc)
    await waitFor(
      'relay to confirm every local change',
      () => (saved.latest().get(writer.doc.clientID) ?? 0) >= mine,
    )
    await suite.relay.kill9()
    await suite.relay.start()

    expect(violations).toEqual([])
    expect(saved.confirmed.length).toBeGreaterThan(1)
    expect(
      suite.relay.rawDb().prepare('SELECT 1 FROM snapshots WHERE room = ?').get(room),
    ).toBeDefined()
    // Confirmations only grow.
    saved.confirmed.reduce((prev, sv) => {
      expect(covers(sv, prev)).toBe(true)
      return sv
    })
    const reader = open(room, await suite.relay.token('marek'))
    await waitFor('fresh client synced', () => reader.synced())
    expect(text(reader)).toBe(expected)
  })

  it('R7: edits made while the relay is down reach the relay and the other client once it is back, without any action by the user', async () => {
    const room = 'demo/durable-offline'
    const a = open(room, await suite.relay.token('anna'))
    const b = open(room, await suite.relay.token('marek'))
    await waitFor('both synced', () => a.synced() && b.synced())
    a.doc.getText('t').insert(0, 'Plan: ')
    await waitFor('b sees the plan', () => text(b) === 'Plan: ')

    await suite.relay.kill9()
    await waitFor(
      'both see the relay gone',
      () => !a.provider.wsconnected && !b.provider.wsconnected,
    )
    a.doc.getText('t').insert(text(a).length, 'wizyta domowa we wtorek')
    b.doc.getMap('status').set('state', 'active')
    b.doc.getText('t').insert(0, '[pilne] ')

    await suite.relay.start()
    await waitFor(
      'the two offline edits to converge',
      () =>
        text(a) === text(b) &&
        text(a).includes('wizyta domowa we wtorek') &&
        text(a).includes('[pilne]') &&
        a.doc.getMap('status').get('state') === 'active',
    )
    expect(text(a)).toBe('[pilne] Plan: wizyta domowa we wtorek')

    // The relay kept both: a client that was never offline with them gets everything.
    const c = open(room, await suite.relay.token('anna'))
    await waitFor('c synced', () => c.synced())
    await waitFor('c has both offline edits', () => text(c) === text(a))
    expect(c.doc.getMap('status').get('state')).toBe('active')
  })
})

describe('relay: SIGTERM drains', () => {
  let relay: RelayProcess
  const clients: Client[] = []

  beforeAll(async () => {
    // A commit window far longer than the test: only the drain on SIGTERM can commit.
    relay = await RelayProcess.start({ COMMIT_DELAY_MS: '600000' })
  })
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(() => relay.stop())

  it('R15: updates accepted just before SIGTERM are committed and present after restart', async () => {
    const room = 'demo/durable-drain'
    const writer = connect(relay, room, await relay.token('anna'))
    const reader = connect(relay, room, await relay.token('marek'))
    clients.push(writer, reader)
    const saved = watchSaved(writer)
    await waitFor('synced', () => writer.synced() && reader.synced())

    writer.doc.getText('t').insert(0, 'notatka z posiedzenia zespołu')
    // Accepted: the relay has forwarded it to the other client ...
    await waitFor('reader receives the update', () => text(reader).length > 0)
    // ... but not yet committed, so only the drain can save it.
    expect(updateRows(relay, room)).toBe(0)
    expect(covers(saved.latest(), new Map([[writer.doc.clientID, 1]]))).toBe(false)

    await relay.stop()
    expect(writer.closes.map((c) => c.code)).toContain(1012)
    expect(updateRows(relay, room)).toBeGreaterThan(0)
    expect(storedDoc(relay, room).getText('t').toString()).toBe('notatka z posiedzenia zespołu')

    await relay.start()
    const colleague = connect(relay, room, await relay.token('marek'))
    clients.push(colleague)
    await waitFor('colleague synced', () => colleague.synced())
    expect(text(colleague)).toBe('notatka z posiedzenia zespołu')
    // The writer's own provider came back by itself and is told the update is saved.
    await waitFor(
      'writer reconnected and confirmed',
      () => (saved.latest().get(writer.doc.clientID) ?? 0) >= ownClock(writer.doc),
    )
  })
})
