/**
 * Bad input never crashes the relay, never reaches other clients and never reaches storage:
 * each offending socket is closed with the documented code and a readable reason, while the
 * people already editing the room stay connected and keep syncing.
 */
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE, MSG_AUTH } from '../../src/sync/protocol.ts'
import {
  awarenessFrame,
  content,
  frame,
  healthz,
  live,
  metrics,
  mulberry32,
  openRaw,
  type RawSocket,
  step1Frame,
  storedUpdate,
  updateFrame,
} from './frames.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'

const MAX_MESSAGE_BYTES = 4096
const ROOM = 'demo/malformed-plan'
const TEXTS = ['goal']
const MAPS = ['status']

/**
 * A v1 update holding one string item `client:clock` whose origin is `client:originClock`,
 * written byte by byte as Yjs would, but with an origin Yjs never writes when it is later than
 * the item itself.
 */
const itemWithOrigin = (client: number, clock: number, originClock: number): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, 0x80 | 4) // an item with an origin; string content
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, originClock)
  encoding.writeVarString(e, 'x')
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

const randomBytes = (seed: number, length: number): Uint8Array => {
  const next = mulberry32(seed)
  return Uint8Array.from({ length }, () => Math.floor(next() * 256))
}

interface Offence {
  what: string
  send: (raw: RawSocket) => void
  code: number
  reason: RegExp
}

describe('relay: malformed input', () => {
  let relay: RelayProcess
  let a: Client
  let b: Client
  let offenderToken: string
  const offences: Offence[] = []

  beforeAll(async () => {
    relay = await RelayProcess.start({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) })
    offenderToken = await relay.token('anna')
    a = connect(relay, ROOM, await relay.token('anna'))
    b = connect(relay, ROOM, await relay.token('marek'))
    await waitFor('both synced', () => a.synced() && b.synced())
    a.doc.getText('goal').insert(0, 'Dzieci chodzą do szkoły')
    b.doc.getMap('status').set('state', 'active')
    b.doc.getMap('status').set('due', '2026-12-01')
    await waitFor(
      'convergence',
      () =>
        JSON.stringify(content(a.doc, TEXTS, MAPS)) === JSON.stringify(content(b.doc, TEXTS, MAPS)),
    )
  })

  afterAll(async () => {
    a?.destroy()
    b?.destroy()
    await relay?.stop()
  })

  const offend = (o: Offence): void => {
    offences.push(o)
  }

  offend({
    what: 'random bytes',
    // Whatever the bytes happen to start with (with this seed: the auth type), the verdict is the
    // same: malformed, with a reason.
    send: (r) => r.ws.send(randomBytes(7, 64)),
    code: CLOSE.MALFORMED,
    reason: /\S/,
  })
  offend({
    what: 'a truncated varint',
    send: (r) => r.ws.send(Uint8Array.of(0x80)),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'an empty binary frame',
    send: (r) => r.ws.send(new Uint8Array(0)),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'an unknown message type',
    send: (r) => r.ws.send(Uint8Array.of(7)),
    code: CLOSE.MALFORMED,
    reason: /^unknown message type 7$/,
  })
  offend({
    what: 'an auth message from a client',
    send: (r) => r.ws.send(frame(MSG_AUTH, (e) => encoding.writeVarUint(e, 0))),
    code: CLOSE.MALFORMED,
    reason: /auth messages are sent by the relay only/,
  })
  offend({
    what: 'an unknown sync sub-type',
    send: (r) => r.ws.send(Uint8Array.of(0, 9, 0)),
    code: CLOSE.MALFORMED,
    reason: /^unknown sync message type 9$/,
  })
  offend({
    what: 'a sync update whose payload is not a Yjs update',
    send: (r) => r.ws.send(updateFrame(Uint8Array.of(5, 9, 9, 200, 1))),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'a decodable update whose item refers to a later change of its own client',
    // Before the relay checked this, the update was stored and forwarded: every client holding
    // the room crashed applying it, and the room could no longer be loaded.
    send: (r) => {
      const sv = Y.decodeStateVector(Y.encodeStateVector(a.doc))
      const clock = sv.get(a.doc.clientID) ?? 0
      r.ws.send(updateFrame(itemWithOrigin(a.doc.clientID, clock, clock + 3)))
    },
    code: CLOSE.MALFORMED,
    reason: /later change of its own client/,
  })
  offend({
    what: 'a text frame',
    send: (r) => r.ws.send('{"type":"sync"}'),
    code: CLOSE.MALFORMED,
    reason: /^text frames are not accepted$/,
  })
  offend({
    what: 'a truncated sync step 1',
    send: (r) => {
      const full = step1Frame(Y.encodeStateVector(a.doc))
      r.ws.send(full.subarray(0, full.length - 1))
    },
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'a sync message cut after its type',
    send: (r) => r.ws.send(Uint8Array.of(0)),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'an awareness message whose state is not JSON',
    send: (r) => r.ws.send(awarenessFrame([{ clientId: 4242, clock: 1, state: 'not json' }])),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'an awareness message whose non-JSON state is long and not ASCII',
    // JSON.parse quotes the input in its error; quoted in a close reason it exceeded the 123
    // bytes of a close frame and ws threw inside the message handler: the relay process died.
    send: (r) =>
      r.ws.send(
        awarenessFrame([
          { clientId: 4243, clock: 1, state: `{"${'€'.repeat(40)}":${'€'.repeat(40)}}` },
        ]),
      ),
    code: CLOSE.MALFORMED,
    reason: /^malformed message: /,
  })
  offend({
    what: 'a message one byte over the limit',
    send: (r) => r.ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1)),
    code: CLOSE.TOO_LARGE,
    reason: new RegExp(`^message of ${MAX_MESSAGE_BYTES + 1} bytes over the limit$`),
  })
  offend({
    what: 'a message far over the limit',
    // Beyond ws's own ceiling the frame is refused while being read, with the standard
    // "message too big" code; the relay never buffers it.
    send: (r) => r.ws.send(randomBytes(9, MAX_MESSAGE_BYTES * 40)),
    code: 1009,
    reason: /.*/,
  })

  it.each(offences)('closes a socket sending $what; the room is unaffected', async (o) => {
    const raw = await openRaw(relay, ROOM, offenderToken)
    expect(raw.closedWith).toBeNull()
    o.send(raw)
    await waitFor('the offender to be closed', () => raw.closedWith !== null)
    const closed = await raw.closed
    expect(closed.code).toBe(o.code)
    expect(closed.reason).toMatch(o.reason)
    if (o.code !== 1009) expect(closed.reason.length).toBeGreaterThan(0)
    expect(relay.alive).toBe(true)
    expect(live(a) && live(b)).toBe(true)
  })

  it('R10: keeps serving: /healthz answers and every 4400/4413 close was counted', async () => {
    expect(await healthz(relay)).toEqual({ status: 200, ok: true })
    const m = await metrics(relay)
    const count = (code: number) => offences.filter((o) => o.code === code).length
    expect(m.get(`mosty_closes_total{code="${CLOSE.MALFORMED}"}`)).toBe(count(CLOSE.MALFORMED))
    expect(m.get(`mosty_closes_total{code="${CLOSE.TOO_LARGE}"}`)).toBe(count(CLOSE.TOO_LARGE))
  })

  it('R10: the clients already in the room were never closed and keep syncing', async () => {
    a.doc.getText('goal').insert(a.doc.getText('goal').length, ' i na zajęcia')
    b.doc.getMap('status').set('reviewed', true)
    await waitFor(
      'convergence after the offenders',
      () =>
        b.doc.getText('goal').toString() === 'Dzieci chodzą do szkoły i na zajęcia' &&
        a.doc.getMap('status').get('reviewed') === true,
    )
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
  })

  it('R10: stored nothing of the offenders: after a restart a fresh client sees exactly the content', async () => {
    const expected = content(a.doc, TEXTS, MAPS)
    const expectedSv = Y.encodeStateVector(a.doc)
    await waitFor('a fresh client to see everything (committed)', () => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, storedUpdate(relay, ROOM))
      return Buffer.from(Y.encodeStateVector(doc)).equals(Buffer.from(expectedSv))
    })
    a.destroy()
    b.destroy()
    await relay.stop()
    await relay.start()

    const fresh = connect(relay, ROOM, await relay.token('marek'))
    try {
      await waitFor('fresh client synced', () => fresh.synced())
      expect(content(fresh.doc, TEXTS, MAPS)).toEqual(expected)
      // The same state vector: not one struct more than the two people wrote.
      expect(Y.encodeStateVector(fresh.doc)).toEqual(expectedSv)
      expect([...fresh.doc.share.keys()].sort()).toEqual([...TEXTS, ...MAPS].sort())
      const quarantined = relay.rawDb().prepare('SELECT count(*) AS n FROM quarantine').get() as {
        n: number
      }
      expect(quarantined.n).toBe(0)
    } finally {
      fresh.destroy()
    }
  })
})
