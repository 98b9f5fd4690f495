/**
 * Save confirmations on a slow link (R60): a connection hears only of its own markers, only when
 * they advance, and a confirmation is the same few bytes however many editing sessions the
 * document has had. What a confirmation vouches for is proved in durability.test.ts.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { OutgoingUpdates } from '../../src/sync/outgoing.ts'
import {
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SAVED,
  MSG_SYNC,
  SYNC_UPDATE,
} from '../../src/sync/protocol.ts'
import { frame, openRaw, type RawSocket, step1Frame, updateFrame } from './frames.ts'
import { waitFor } from './harness.ts'
import { relayForSuite } from './suite.ts'
import { confirmedMarker, saveMarkerFrame, storedDoc } from './wire.ts'

const confirmations = (raw: RawSocket): Uint8Array[] =>
  raw.received.filter((f) => confirmedMarker(f) !== null)
const markers = (raw: RawSocket): number[] => confirmations(raw).map((f) => confirmedMarker(f)!)

/**
 * Everything the relay had queued for `raw` before this call has arrived once the answer to an
 * awareness query has: the relay answers in order on each socket.
 */
const barrier = async (raw: RawSocket): Promise<void> => {
  const answers = (): number => raw.received.filter((f) => f[0] === MSG_AWARENESS).length
  const before = answers()
  raw.ws.send(frame(MSG_QUERY_AWARENESS))
  await waitFor('awareness answer', () => answers() > before)
}

const confirmedAt = (raw: RawSocket, marker: number): Promise<void> =>
  waitFor(`marker ${marker} confirmed`, () => markers(raw).includes(marker))

/** One edit of a fresh client: an update of about the size of a keystroke's. */
const edit = (key: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, 1)
  return Y.encodeStateAsUpdate(doc)
}

describe('relay: save confirmations (R60)', () => {
  const suite = relayForSuite()

  it('R60: a confirmation for writer A never reaches observer B, nor a read-only connection that asked', async () => {
    const room = 'demo/confirm-own'
    const a = await openRaw(suite.relay, room, await suite.relay.token('anna'))
    a.ws.send(updateFrame(edit('first')))
    a.ws.send(saveMarkerFrame(1))
    await confirmedAt(a, 1)
    suite.relay.store.grant('demo', 'confirm-own', 'agency', 'fundacja', 'read')
    // B opens the document as the app does: it syncs and asks once, then only watches.
    const b = await openRaw(suite.relay, room, await suite.relay.token('marek'))
    b.ws.send(step1Frame(new Uint8Array([0])))
    b.ws.send(saveMarkerFrame(1))
    await confirmedAt(b, 1)
    const reader = await openRaw(suite.relay, room, await suite.relay.token('ewa'))
    reader.ws.send(saveMarkerFrame(1))

    for (let i = 2; i <= 6; i++) {
      a.ws.send(updateFrame(edit(`k${i}`)))
      a.ws.send(saveMarkerFrame(i))
      // Each in its own group commit.
      await confirmedAt(a, i)
    }
    await Promise.all([barrier(b), barrier(reader)])
    // B received A's edits, forwarded as they came, and not one confirmation of them.
    expect(b.received.filter((f) => f[0] === 0).length).toBeGreaterThanOrEqual(5)
    expect(markers(b)).toEqual([1])
    expect(markers(reader)).toEqual([])
    expect(markers(a)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('R60: no confirmation without an advance — not for another writer’s commits, not for a marker repeated', async () => {
    const room = 'demo/confirm-advance'
    const a = await openRaw(suite.relay, room, await suite.relay.token('anna'))
    const b = await openRaw(suite.relay, room, await suite.relay.token('marek'))
    a.ws.send(updateFrame(edit('a1')))
    a.ws.send(saveMarkerFrame(1))
    await confirmedAt(a, 1)

    // B's commits: A asked nothing new, so hears nothing of them.
    for (let i = 1; i <= 4; i++) {
      b.ws.send(updateFrame(edit(`b${i}`)))
      b.ws.send(saveMarkerFrame(i))
      await confirmedAt(b, i)
    }
    // A repeats its marker, and sends one below it: neither advances.
    a.ws.send(saveMarkerFrame(1))
    a.ws.send(saveMarkerFrame(0))
    await barrier(a)
    expect(markers(a)).toEqual([1])

    // An advance is confirmed once, though more commits follow in the room.
    a.ws.send(updateFrame(edit('a2')))
    a.ws.send(saveMarkerFrame(2))
    await confirmedAt(a, 2)
    b.ws.send(updateFrame(edit('b5')))
    b.ws.send(saveMarkerFrame(5))
    await confirmedAt(b, 5)
    await barrier(a)
    expect(markers(a)).toEqual([1, 2])
    expect(markers(b)).toEqual([1, 2, 3, 4, 5])
  })

  it('R60: a confirmation’s size does not grow with the number of earlier editing sessions', async () => {
    const confirmationBytes = async (room: string): Promise<number> => {
      const writer = await openRaw(suite.relay, room, await suite.relay.token('anna'))
      writer.ws.send(updateFrame(edit('today')))
      writer.ws.send(saveMarkerFrame(1))
      await confirmedAt(writer, 1)
      writer.ws.close()
      return confirmations(writer)[0]!.length
    }
    const fresh = await confirmationBytes('demo/confirm-fresh')

    // 300 earlier editing sessions: 300 client ids in the room's state vector.
    const room = 'demo/confirm-300'
    const sessions = Array.from({ length: 300 }, (_, i) => edit(`session-${i}`))
    const seeder = await openRaw(suite.relay, room, await suite.relay.token('anna'))
    seeder.ws.send(updateFrame(Y.mergeUpdates(sessions)))
    seeder.ws.send(saveMarkerFrame(1))
    await confirmedAt(seeder, 1)
    seeder.ws.close()
    const later = await confirmationBytes(room)

    // The room does hold them: a new client's sync step 1 from the relay names all 300.
    const reader = await openRaw(suite.relay, room, await suite.relay.token('marek'))
    const step1 = decoding.createDecoder(reader.received[0]!)
    expect([decoding.readVarUint(step1), decoding.readVarUint(step1)]).toEqual([MSG_SYNC, 0])
    const stateVector = decoding.readVarUint8Array(step1)
    expect(Y.decodeStateVector(stateVector).size).toBeGreaterThanOrEqual(300)
    expect(stateVector.length).toBeGreaterThan(1000)
    // Type, an empty field, the marker: three bytes in both rooms.
    expect(later).toBe(fresh)
    expect(later).toBe(3)
  })
})

describe('the device’s outgoing updates (src/sync/outgoing.ts)', () => {
  const suite = relayForSuite()

  it('R8, R60: a burst of typing goes out as one merged update and a marker, confirmed only once the relay has stored all of it', async () => {
    const room = 'demo/outgoing-burst'
    const writer = suite.open(room, await suite.relay.token('anna'))
    const reader = suite.open(room, await suite.relay.token('marek'))
    let sent = 0
    const outgoing = new OutgoingUpdates(writer.provider, () => (writer.synced() ? ++sent : null))
    const updates: number[] = []
    const messages = (): number => updates.length
    const ws = (): WebSocket => writer.provider.ws as unknown as WebSocket
    await waitFor('both synced', () => writer.synced() && reader.synced())
    const send = ws().send.bind(ws())
    ws().send = ((data: Uint8Array) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) === MSG_SYNC && decoding.readVarUint(d) === SYNC_UPDATE) {
        updates.push(data.length)
      }
      send(data)
    }) as WebSocket['send']
    const stored: string[] = []
    writer.provider.messageHandlers[MSG_SAVED] = (_encoder, decoder) => {
      decoding.readVarUint8Array(decoder)
      decoding.readVarUint(decoder)
      stored.push(storedDoc(suite.relay, room).getText('t').toString())
    }
    const text = writer.doc.getText('t')
    for (const letter of 'wizyta domowa') text.insert(text.length, letter)
    outgoing.flush()
    await waitFor('the burst confirmed', () => stored.length > 0)
    // Thirteen keystrokes, one message; what the confirmation vouched for was on disk.
    expect(messages()).toBe(1)
    expect(stored[0]).toBe('wizyta domowa')
    await waitFor('the reader has it', () => reader.doc.getText('t').toString() === 'wizyta domowa')
    outgoing.destroy()
  })
})
