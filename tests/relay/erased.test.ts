/**
 * What a member erased leaves the document the relay keeps and serves. Merged binary updates
 * keep the text of every deletion; once a room is compacted (as it unloads after its last device
 * left, or after COMPACT_UPDATES edits) neither its stored state nor what a new device receives
 * holds the erased text, while every visible character and every state vector stays as it was.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MSG_SYNC, SYNC_STEP2 } from '../../src/sync/protocol.ts'
import { hasDeletions, mergeDroppingErased } from '../../sync-server/room.ts'
import {
  content,
  eventually,
  metrics,
  mulberry32,
  openRaw,
  step1Frame,
  storedUpdate,
} from './frames.ts'
import { waitFor } from './harness.ts'
import { relayForSuite } from './suite.ts'

const COMPACT_UPDATES = 20
const TEXTS = ['minutes']
const MAPS = ['actions']
/** An identifying detail typed by mistake and erased at once. */
const SECRET = 'PESEL 90010112345'

const holds = (update: Uint8Array, text: string): boolean => Buffer.from(update).includes(text)

const loadedFrom = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

/** The update of a sync step 2 message, or null for any other message. */
const step2Of = (message: Uint8Array): Uint8Array | null => {
  const d = decoding.createDecoder(message)
  if (decoding.readVarUint(d) !== MSG_SYNC || decoding.readVarUint(d) !== SYNC_STEP2) return null
  return decoding.readVarUint8Array(d)
}

/** Types the secret into the minutes and a party's name into an action, then erases both. */
const eraseSecret = (doc: Y.Doc): void => {
  const minutes = doc.getText('minutes')
  const actions = doc.getMap('actions')
  minutes.insert(minutes.length, 'Rodzina K.: ')
  const at = minutes.length
  minutes.insert(at, SECRET)
  actions.set('a1', { who: SECRET })
  minutes.delete(at, SECRET.length)
  actions.set('a1', { who: 'mops' })
  minutes.insert(minutes.length, 'zgoda na plan.')
}

describe('relay: erased content leaves the stored document', () => {
  const suite = relayForSuite({
    COMPACT_UPDATES: String(COMPACT_UPDATES),
    IDLE_UNLOAD_MS: '200',
  })
  const { open } = suite

  it('R12: once the room unloads, neither the stored state nor a new device sees what was erased', async () => {
    const room = 'demo/erased-on-unload'
    const writer = open(room, await suite.relay.token('anna'))
    await waitFor('writer synced', () => writer.synced())
    eraseSecret(writer.doc)
    const expected = content(writer.doc, TEXTS, MAPS)
    const expectedSv = Y.encodeStateVector(writer.doc)
    await waitFor('everything stored', () =>
      holds(storedUpdate(suite.relay, room), 'zgoda na plan.'),
    )
    // Before compaction the log still holds it: what this test is about.
    expect(holds(storedUpdate(suite.relay, room), SECRET)).toBe(true)

    writer.destroy()
    await eventually(
      'the room to unload',
      async () => (await metrics(suite.relay)).get('mosty_rooms_loaded') === 0,
    )
    // The compaction as it unloads runs in steps, after the room has left memory.
    const logRows = () =>
      (
        suite.relay
          .rawDb()
          .prepare('SELECT count(*) AS n FROM updates WHERE room = ?')
          .get(room) as {
          n: number
        }
      ).n
    await eventually('the compaction as it unloads done', () => logRows() === 0)
    const stored = storedUpdate(suite.relay, room)
    expect(holds(stored, SECRET)).toBe(false)
    expect(content(loadedFrom(stored), TEXTS, MAPS)).toEqual(expected)

    // A new device asks for everything (sync step 1 with an empty state vector).
    const raw = await openRaw(suite.relay, room, await suite.relay.token('marek'))
    raw.ws.send(step1Frame(Y.encodeStateVector(new Y.Doc())))
    await eventually('sync step 2', () => raw.received.some((m) => step2Of(m) !== null))
    const step2 = raw.received.map(step2Of).find((u) => u !== null)!
    raw.ws.close()
    expect(holds(step2, SECRET)).toBe(false)
    const fresh = loadedFrom(step2)
    expect(content(fresh, TEXTS, MAPS)).toEqual(expected)
    expect(Y.encodeStateVector(fresh)).toEqual(expectedSv)
  })

  it('R12: a room that stays open drops what was erased at its next compaction', async () => {
    const room = 'demo/erased-while-open'
    const writer = open(room, await suite.relay.token('anna'))
    await waitFor('writer synced', () => writer.synced())
    eraseSecret(writer.doc)
    const minutes = writer.doc.getText('minutes')
    for (let i = 0; i < 2 * COMPACT_UPDATES; i++) minutes.insert(minutes.length, ` ${i}`)
    await waitFor('compacted after the erasure', () => {
      const snap = suite.relay
        .rawDb()
        .prepare('SELECT data FROM snapshots WHERE room = ?')
        .get(room) as { data: Buffer } | undefined
      return snap !== undefined && snap.data.includes('zgoda na plan.')
    })
    const snap = suite.relay
      .rawDb()
      .prepare('SELECT data FROM snapshots WHERE room = ?')
      .get(room) as {
      data: Buffer
    }
    expect(snap.data.includes(SECRET)).toBe(false)

    const fresh = open(room, await suite.relay.token('marek'))
    await waitFor('fresh client synced', () => fresh.synced())
    await waitFor('fresh client has every edit', () =>
      fresh.doc
        .getText('minutes')
        .toString()
        .endsWith(` ${2 * COMPACT_UPDATES - 1}`),
    )
    expect(content(fresh.doc, TEXTS, MAPS)).toEqual(content(writer.doc, TEXTS, MAPS))
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(writer.doc))
  })

  it('R12: keeps an update whose predecessor has not arrived, so it still applies once it does', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const text = doc.getText('minutes')
    text.insert(0, 'a')
    text.insert(1, 'b')
    const [first, second] = updates as [Uint8Array, Uint8Array]

    const kept = mergeDroppingErased([second])
    const later = loadedFrom(kept)
    Y.applyUpdate(later, first)
    expect(later.getText('minutes').toString()).toBe('ab')
  })

  it('R12: tells an update that deletes from one that does not, as decoding it would', () => {
    const next = mulberry32(7)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const text = doc.getText('minutes')
    const map = doc.getMap('actions')
    for (let i = 0; i < 2000; i++) {
      const r = next()
      if (r < 0.4) text.insert(Math.floor(next() * (text.length + 1)), 'ąb'.repeat(1 + (i % 90)))
      else if (r < 0.7 && text.length > 0) {
        const at = Math.floor(next() * text.length)
        text.delete(at, 1 + Math.floor(next() * Math.min(300, text.length - at)))
      } else map.set(`a${i % 13}`, i)
    }
    const merged = [Y.mergeUpdates(updates.slice(0, 7)), Y.encodeStateAsUpdate(doc)]
    let deleting = 0
    for (const u of [...updates, ...merged]) {
      const decoded = Y.decodeUpdate(u).ds.clients.size > 0
      if (decoded) deleting++
      expect(hasDeletions(u)).toBe(decoded)
    }
    expect(deleting).toBeGreaterThan(100)
    expect(deleting).toBeLessThan(updates.length)
  })
})
