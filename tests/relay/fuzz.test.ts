/**
 * Fuzzing the relay over real sockets: ten thousand random and mutated frames against a live
 * room. The frames come from a seeded PRNG, so a failure replays from SEED.
 *
 * What "the document is intact" honestly means here. The relay cannot tell a corrupted but
 * well-formed update from a real edit: a writer may add and delete content, and a mutated update
 * that still decodes is such a writer. What it must guarantee is
 * - it never crashes or stops serving, and every offender gets a documented close code;
 * - it never forwards or stores an update that a client cannot apply (the stock client would log
 *   "Caught error while handling a Yjs update" and hold a half-applied document), and never makes
 *   the room unloadable for the next person who opens it;
 * - content written by others is never touched by someone else's malformed input. Yjs content is
 *   addressed by (client id, clock): an update can only add items or delete ranges it names. The
 *   fuzz mutates updates of two source clients writing under their own roots; the known content
 *   is written by a third client (a fixed id; with this seed no mutation produces it, which the
 *   exact comparison confirms) under roots the fuzz never names. So the known text and map must
 *   come back exactly as written, not merely be "present".
 * The fuzz roots themselves may hold anything afterwards, and a live client that applied the
 * corrupted stream one update at a time may see them differently from a fresh load (Yjs resolves
 * two different contents claiming the same id by arrival order); every fresh load, before and
 * after a restart, sees the same state.
 */
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE, isPermanentClose, MSG_QUERY_AWARENESS, MSG_SAVED } from '../../src/sync/protocol.ts'
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
  readAwareness,
  step1Frame,
  step2Frame,
  storedUpdate,
  updateFrame,
} from './frames.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'

const SEED = 0x6d6f7374
const FRAMES = 10_000
const SOCKETS = 4
const MAX_MESSAGE_BYTES = 64 * 1024
const ROOM = 'demo/fuzzed-plan'
const KNOWN_CLIENT = 3_000_000_019
const KNOWN_TEXTS = ['known']
const KNOWN_MAPS = ['known-map']

type Rng = () => number
const int = (next: Rng, n: number): number => Math.floor(next() * n)
const pick = <T>(next: Rng, list: readonly T[]): T => list[int(next, list.length)] as T
const bytes = (next: Rng, n: number): Uint8Array =>
  Uint8Array.from({ length: n }, () => int(next, 256))
const UNICODE = ['a', 'ż', 'ą', '€', '😀', '\u0000', '"', '\\', '{', 'Ж', ' ', '\n']
const text = (next: Rng, n: number, alphabet = UNICODE): string =>
  Array.from({ length: n }, () => pick(next, alphabet)).join('')
/** Characters of three or more bytes in UTF-8: error messages quoting them grow fast. */
const WIDE = ['€', '中', '∑', 'ღ', '😀']

/** Valid frames captured from two real Y.Docs editing concurrently, and their presence. */
const captureValidFrames = (next: Rng): Uint8Array[] => {
  const out: Uint8Array[] = []
  const docs = [new Y.Doc(), new Y.Doc()]
  docs[0]!.clientID = 1001
  docs[1]!.clientID = 2002
  for (const [i, doc] of docs.entries()) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return
      out.push(updateFrame(update))
      // The peer sees it only sometimes: concurrent edits reference each other's items later.
      if (next() < 0.7) Y.applyUpdate(docs[1 - i]!, update, 'peer')
    })
  }
  for (let i = 0; i < 120; i++) {
    const doc = pick(next, docs)
    const t = doc.getText('fuzz-text')
    const m = doc.getMap('fuzz-map')
    const a = doc.getArray('fuzz-array')
    switch (int(next, 9)) {
      case 0:
        t.insert(int(next, t.length + 1), text(next, 1 + int(next, 12)), { lang: 'pl' })
        break
      case 1:
        if (t.length > 1) t.delete(int(next, t.length - 1), 1 + int(next, 2))
        break
      case 2:
        if (t.length > 1) t.format(0, int(next, t.length), { bold: next() < 0.5 ? true : null })
        break
      case 3:
        m.set(`k${int(next, 6)}`, { n: i, s: text(next, 4), list: [1, 'two', null] })
        break
      case 4: {
        const sub = new Y.Map<unknown>()
        m.set(`sub${int(next, 4)}`, sub)
        sub.set('deep', new Y.Text(text(next, 5)))
        break
      }
      case 5:
        a.insert(int(next, a.length + 1), [i, bytes(next, 3), new Y.Array()])
        break
      case 6:
        if (a.length > 0) a.delete(int(next, a.length), 1)
        break
      case 7:
        t.insertEmbed(int(next, t.length + 1), { image: text(next, 3) })
        break
      default:
        if (m.size > 0) m.delete(pick(next, [...m.keys()]))
    }
    if (i % 20 === 0) out.push(step1Frame(Y.encodeStateVector(doc)))
  }
  for (const doc of docs) out.push(step2Frame(Y.encodeStateAsUpdate(doc)))
  const awareness = new awarenessProtocol.Awareness(docs[0]!)
  awareness.setLocalState({ user: { name: 'Zofia Żółć €', color: '#c0ffee' }, cursor: null })
  const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [docs[0]!.clientID])
  out.push(frame(1, (e) => encoding.writeVarUint8Array(e, presence)))
  awareness.setLocalState(null)
  const gone = awarenessProtocol.encodeAwarenessUpdate(awareness, [docs[0]!.clientID])
  out.push(frame(1, (e) => encoding.writeVarUint8Array(e, gone)))
  awareness.destroy()
  out.push(
    frame(MSG_QUERY_AWARENESS),
    frame(MSG_SAVED),
    frame(MSG_SAVED, (e) => encoding.writeVarUint(e, 7)),
  )
  docs.forEach((d) => d.destroy())
  return out
}

const mutate = (next: Rng, input: Uint8Array): Uint8Array => {
  const b = Array.from(input)
  const n = 1 + int(next, 4)
  for (let i = 0; i < n; i++) {
    const at = int(next, b.length + 1)
    switch (int(next, 7)) {
      case 0:
        if (b.length > 0) b[at % b.length] = int(next, 256)
        break
      case 1:
        b.splice(at, 0, int(next, 256))
        break
      case 2:
        b.splice(at, 1)
        break
      case 3:
        b.length = at
        break
      case 4:
        if (b.length > 0) b[at % b.length] = pick(next, [0x00, 0x7f, 0x80, 0xff])
        break
      case 5:
        if (b.length > 0) b[at % b.length]! ^= 1 << int(next, 8)
        break
      default:
        b.splice(at, 0, ...b.slice(at, at + 1 + int(next, 8)))
    }
  }
  return Uint8Array.from(b)
}

type Frame = { kind: string; data: Uint8Array | string }

/** The whole fuzz, fixed by the seed before a single byte is sent. */
const generate = (seed: number): Frame[] => {
  const next = mulberry32(seed)
  const valid = captureValidFrames(next)
  const frames: Frame[] = []
  while (frames.length < FRAMES) {
    const roll = next()
    if (roll < 0.2) {
      const size = next() < 0.9 ? int(next, 64) : next() < 0.95 ? int(next, 4096) : 70_000
      frames.push({ kind: 'random', data: bytes(next, size) })
    } else if (roll < 0.65) {
      frames.push({ kind: 'mutated', data: mutate(next, pick(next, valid)) })
    } else if (roll < 0.78) {
      const base = pick(next, valid)
      const tail = bytes(next, 1 + int(next, 32))
      frames.push({ kind: 'prefix+garbage', data: Uint8Array.from([...base, ...tail]) })
    } else if (roll < 0.88) {
      frames.push({ kind: 'valid', data: pick(next, valid) })
    } else if (roll < 0.92) {
      frames.push({ kind: 'text', data: text(next, int(next, 40)) })
    } else if (roll < 0.96) {
      // A well-formed envelope around a random payload.
      const sub = pick(next, [0, 1, 2])
      frames.push({
        kind: 'envelope',
        data: frame(0, (e) => {
          encoding.writeVarUint(e, sub)
          encoding.writeVarUint8Array(e, bytes(next, int(next, 48)))
        }),
      })
    } else {
      const state = pick(next, [
        text(next, 20),
        JSON.stringify({ user: text(next, 8) }),
        '{"a":' + text(next, 30),
        `{"${text(next, 24, WIDE)}":${text(next, 24, WIDE)}}`,
        'null',
      ])
      frames.push({
        kind: 'awareness',
        data: awarenessFrame([{ clientId: int(next, 2 ** 32), clock: int(next, 100), state }]),
      })
    }
  }
  return frames
}

type Outcome = 'accepted' | { code: number; reason: string }

/**
 * Sends one frame followed by a presence probe under the socket's own client id. The relay
 * handles a socket's messages in order, so the probe coming back means the frame was accepted;
 * a close means it was refused.
 */
const sendAndJudge = (raw: RawSocket, f: Frame, probeId: number, clock: number) =>
  new Promise<Outcome>((resolve) => {
    if (raw.closedWith) return resolve(raw.closedWith)
    const done = (outcome: Outcome) => {
      raw.ws.off('message', onMessage)
      raw.ws.off('close', onClose)
      resolve(outcome)
    }
    const onMessage = (data: Buffer) => {
      if ((readAwareness(new Uint8Array(data))?.get(probeId) ?? -1) >= clock) done('accepted')
    }
    const onClose = (code: number, reason: Buffer) => done({ code, reason: reason.toString() })
    raw.ws.on('message', onMessage)
    raw.ws.on('close', onClose)
    raw.ws.send(f.data)
    raw.ws.send(awarenessFrame([{ clientId: probeId, clock, state: '{"probe":true}' }]))
  })

describe('relay: fuzzed frames', () => {
  let relay: RelayProcess
  let known: Client
  let consoleError: MockInstance<typeof console.error>
  const expected = (): Record<string, unknown> => ({
    'text:known': [
      { insert: 'Cel główny: ' },
      { insert: 'dzieci chodzą do szkoły', attributes: { bold: true } },
    ],
    'map:known-map': { status: 'in-progress', due: '2026-12-01', owner: 'mops' },
  })

  beforeAll(async () => {
    relay = await RelayProcess.start({
      MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      RATE_LIMIT_PER_SECOND: '1000000',
      RATE_LIMIT_BURST: '1000000',
      MAX_ROOMS_PER_DEVICE: '1000',
      // Compact often, so snapshots are merged from fuzzed updates while the fuzz runs.
      COMPACT_UPDATES: '50',
    })
    consoleError = vi.spyOn(console, 'error')
    const doc = new Y.Doc()
    doc.clientID = KNOWN_CLIENT
    known = connect(relay, ROOM, await relay.token('marek'), doc)
    await waitFor('known client synced', () => known.synced())
    const t = doc.getText('known')
    t.insert(0, 'Cel główny: dzieci chodzą do szkoły')
    t.format(12, 23, { bold: true })
    const m = doc.getMap('known-map')
    m.set('status', 'in-progress')
    m.set('due', '2026-12-01')
    m.set('owner', 'mops')
    expect(content(doc, KNOWN_TEXTS, KNOWN_MAPS)).toEqual(expected())
    const check = new Y.Doc()
    await waitFor('known content stored', () => {
      Y.applyUpdate(check, storedUpdate(relay, ROOM))
      return JSON.stringify(content(check, KNOWN_TEXTS, KNOWN_MAPS)) === JSON.stringify(expected())
    })
  })

  afterAll(async () => {
    consoleError?.mockRestore()
    known?.destroy()
    await relay?.stop()
  })

  it(
    `R10: survives ${FRAMES} random and mutated frames (seed ${SEED})`,
    { timeout: 120_000 },
    async () => {
      const frames = generate(SEED)
      const token = await relay.token('anna')
      const updatesBefore = (await metrics(relay)).get('mosty_updates_total') ?? 0
      const outcomes = new Map<string, number>()
      const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
      let sent = 0

      const worker = async (w: number): Promise<void> => {
        const probeId = 0x7fff0000 + w
        let raw = await openRaw(relay, ROOM, token)
        let clock = 0
        for (let i = w; i < frames.length; i += SOCKETS) {
          if (raw.closedWith) raw = await openRaw(relay, ROOM, token)
          expect(raw.closedWith, 'the relay admits the fuzzing socket').toBeNull()
          const outcome = await sendAndJudge(raw, frames[i]!, probeId, ++clock)
          sent++
          count(outcome === 'accepted' ? 'accepted' : `closed ${outcome.code}`)
          if (outcome !== 'accepted' && outcome.code !== 1009) {
            expect(outcome.reason, `a readable reason for ${outcome.code}`).not.toBe('')
          }
        }
        raw.ws.close()
      }
      await Promise.all(Array.from({ length: SOCKETS }, (_, w) => worker(w)))

      expect(sent).toBe(FRAMES)
      // Every refusal was a documented one: malformed or too large, never an internal error.
      const codes = [...outcomes.keys()].filter((k) => k !== 'accepted')
      expect(codes.sort()).toEqual([`closed ${CLOSE.MALFORMED}`, `closed ${CLOSE.TOO_LARGE}`])
      // The fuzz exercised both sides: plenty refused, and mutated updates that still decode were
      // accepted, stored and merged.
      expect(outcomes.get('accepted')).toBeGreaterThan(FRAMES / 10)
      expect(outcomes.get(`closed ${CLOSE.MALFORMED}`)).toBeGreaterThan(FRAMES / 10)
      expect((await metrics(relay)).get('mosty_updates_total')).toBeGreaterThan(updatesBefore + 100)

      expect(relay.alive).toBe(true)
      expect(await healthz(relay)).toEqual({ status: 200, ok: true })
      // The person holding the known content was never disconnected, never received an update
      // their client could not apply, and still sees exactly what they wrote.
      expect(live(known)).toBe(true)
      expect(content(known.doc, KNOWN_TEXTS, KNOWN_MAPS)).toEqual(expected())
      expect(consoleError).not.toHaveBeenCalled()
      expect(relay.output).not.toContain('"level":"error"')
    },
  )

  it('R10: a fresh client loads the room, before and after a restart, and sees the known content', async () => {
    const loadFresh = async (): Promise<Y.Doc> => {
      const c = connect(relay, ROOM, await relay.token('marek'))
      await waitFor('fresh client synced', () => c.synced())
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(c.doc))
      c.destroy()
      return doc
    }
    const view = (doc: Y.Doc) => ({
      known: content(doc, KNOWN_TEXTS, KNOWN_MAPS),
      fuzz: [
        doc.getText('fuzz-text').toJSON(),
        doc.getMap('fuzz-map').toJSON(),
        doc.getArray('fuzz-array').toJSON(),
      ],
      sv: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((x, y) => x[0] - y[0]),
    })
    const before = view(await loadFresh())
    expect(before.known).toEqual(expected())

    // What SQLite holds loads on its own, and nothing had to be set aside as unmergeable.
    expect(() => Y.applyUpdate(new Y.Doc(), storedUpdate(relay, ROOM))).not.toThrow()
    const quarantined = relay.rawDb().prepare('SELECT count(*) AS n FROM quarantine').get() as {
      n: number
    }
    expect(quarantined.n).toBe(0)

    await relay.stop()
    await relay.start()
    const after = view(await loadFresh())
    expect(after).toEqual(before)

    // The known client rides through the restart: reconnected, content unchanged.
    await waitFor('known client back', () => known.provider.wsconnected && known.synced())
    // Closed only by the restart itself and refused while it was down, never refused for what it
    // holds (its sync step 2 carries the fuzzed content back to the relay).
    expect(known.closes.map((c) => c.code)).toContain(CLOSE.RESTARTING)
    expect(known.closes.filter((c) => isPermanentClose(c.code))).toEqual([])
    expect(content(known.doc, KNOWN_TEXTS, KNOWN_MAPS)).toEqual(expected())
    expect(consoleError).not.toHaveBeenCalled()
  })
})

/**
 * Inputs the fuzz found, kept as regressions. Each decodes as a Yjs update (which was all the
 * relay checked), so the relay stored and forwarded it; then every client applying it threw, and
 * every later load of the room threw too: the document was lost to everyone.
 */
describe('relay: updates the fuzz found corrupting', () => {
  const FOUND: { what: string; hex: string; after?: () => Uint8Array }[] = [
    { what: 'a deletion of zero items', hex: '00018906018b4c00' },
    { what: 'a struct followed by bytes decoding ignores', hex: '0101890650008906017101f02200' },
    {
      what: 'an item whose origin is a later clock of its own client',
      // client 777, clock 1, origin 777:3, string "x"; the room already holds 777:0.
      hex: '0101890601848906030178' + '00',
      after: () => {
        const doc = new Y.Doc()
        doc.clientID = 777
        doc.getText('fuzz-text').insert(0, 'a')
        return Y.encodeStateAsUpdate(doc)
      },
    },
  ]
  let relay: RelayProcess
  let holder: Client
  let consoleError: MockInstance<typeof console.error>
  beforeAll(async () => {
    relay = await RelayProcess.start()
    consoleError = vi.spyOn(console, 'error')
  })
  afterAll(async () => {
    consoleError?.mockRestore()
    holder?.destroy()
    await relay?.stop()
  })

  it.each(FOUND)('refuses $what with 4400; the room still loads', async ({ hex, after }) => {
    const room = `demo/found-${FOUND.findIndex((f) => f.hex === hex)}`
    holder = connect(relay, room, await relay.token('marek'))
    await waitFor('holder synced', () => holder.synced())
    holder.doc.getText('known').insert(0, 'Plan pomocy')
    const raw = await openRaw(relay, room, await relay.token('anna'))
    if (after) {
      raw.ws.send(updateFrame(after()))
      await waitFor('the valid update relayed', () => holder.doc.getText('fuzz-text').length === 1)
    }
    raw.ws.send(updateFrame(Uint8Array.from(Buffer.from(hex, 'hex'))))
    await waitFor('the update refused', () => raw.closedWith !== null)
    expect(raw.closedWith?.code).toBe(CLOSE.MALFORMED)

    const fresh = connect(relay, room, await relay.token('marek'))
    await waitFor('fresh client synced', () => fresh.synced())
    expect(fresh.doc.getText('known').toString()).toBe('Plan pomocy')
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(holder.doc))
    fresh.destroy()
    expect(() => Y.applyUpdate(new Y.Doc(), storedUpdate(relay, room))).not.toThrow()
    expect(live(holder)).toBe(true)
    expect(consoleError).not.toHaveBeenCalled()
    holder.destroy()
  })
})
