/**
 * Storage stays bounded and nothing is lost on the way: the relay folds a room's update log into
 * a snapshot, unloads rooms nobody has open, and survives kill -9 right after a compaction.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { content, eventually, metrics, mulberry32, storedUpdate } from './frames.ts'
import { type RelayProcess, sleep, waitFor } from './harness.ts'
import { relayForSuite } from './suite.ts'
import { watchSaved } from './wire.ts'

const COMPACT_UPDATES = 20
const TEXTS = ['minutes']
const MAPS = ['actions']

const rowsOf = (relay: RelayProcess, room: string) => {
  const db = relay.rawDb()
  return db.transaction(() => ({
    log: db.prepare('SELECT seq FROM updates WHERE room = ? ORDER BY seq').all(room) as {
      seq: number
    }[],
    snapshot: db.prepare('SELECT upto_seq AS upto FROM snapshots WHERE room = ?').get(room) as
      { upto: number } | undefined,
  }))()
}

const sameAs = (doc: Y.Doc) => (other: Y.Doc) =>
  JSON.stringify(content(other, TEXTS, MAPS)) === JSON.stringify(content(doc, TEXTS, MAPS))

const loadedFrom = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('relay: compaction, unloading, kill -9', () => {
  const suite = relayForSuite({
    COMPACT_UPDATES: String(COMPACT_UPDATES),
    IDLE_UNLOAD_MS: '200',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
  })
  const { open } = suite

  it('R12: after 200 edits the log holds fewer than COMPACT_UPDATES rows; a fresh client sees it all, also after the room unloaded', async () => {
    const room = 'demo/compacted-plan'
    const tokens = await Promise.all([1, 2, 3].map(() => suite.relay.token('anna')))
    const writer = open(room, tokens[0]!)
    await waitFor('writer synced', () => writer.synced())
    const next = mulberry32(11)
    const minutes = writer.doc.getText('minutes')
    const actions = writer.doc.getMap('actions')
    for (let i = 0; i < 200; i++) {
      // One transaction, one update message each: 200 rows before compaction.
      if (i % 3 === 2) actions.set(`a${i % 17}`, { who: 'mops', step: i })
      else if (i % 7 === 6 && minutes.length > 4) minutes.delete(Math.floor(next() * 4), 2)
      else minutes.insert(Math.floor(next() * (minutes.length + 1)), `${i}ż `)
      if (i % 25 === 24) await sleep(5)
    }
    await waitFor('everything stored', () =>
      sameAs(writer.doc)(loadedFrom(storedUpdate(suite.relay, room))),
    )
    expect((await metrics(suite.relay)).get('mosty_updates_total')).toBeGreaterThanOrEqual(200)

    // What remains, once the compaction's last step is done, is exactly the tail after the
    // snapshot: compaction deleted what it folded.
    await waitFor('no row at or below the snapshot', () => {
      const { log, snapshot } = rowsOf(suite.relay, room)
      return snapshot !== undefined && log.every((r) => r.seq > snapshot.upto)
    })
    expect(rowsOf(suite.relay, room).log.length).toBeLessThan(COMPACT_UPDATES)

    const fresh = open(room, tokens[1]!)
    await waitFor('fresh client synced', () => fresh.synced())
    expect(content(fresh.doc, TEXTS, MAPS)).toEqual(content(writer.doc, TEXTS, MAPS))
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(writer.doc))

    const expected = content(writer.doc, TEXTS, MAPS)
    const expectedSv = Y.encodeStateVector(writer.doc)
    writer.destroy()
    fresh.destroy()
    await eventually(
      'the room to unload',
      async () => (await metrics(suite.relay)).get('mosty_rooms_loaded') === 0,
    )

    const reloaded = open(room, tokens[2]!)
    await waitFor('reloading client synced', () => reloaded.synced())
    expect((await metrics(suite.relay)).get('mosty_rooms_loaded')).toBeGreaterThanOrEqual(1)
    expect(content(reloaded.doc, TEXTS, MAPS)).toEqual(expected)
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(expectedSv)
  })

  it('R7, R12: kill -9 right after a compaction loses nothing the relay confirmed', async () => {
    const room = 'demo/compacted-kill'
    const writerToken = await suite.relay.token('marek')
    const freshToken = await suite.relay.token('anna')
    const writer = open(room, writerToken)
    // The writer asks, as the app does, to be told what is committed (R8): a marker after each
    // burst of typing, each confirmed once everything sent before it is on disk.
    const confirmations = watchSaved(writer)
    await waitFor('writer synced', () => writer.synced())

    const minutes = writer.doc.getText('minutes')
    let typing = true
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        minutes.insert(minutes.length, `wpis ${i}; `)
        await sleep(1)
      }
    })()
    const before = rowsOf(suite.relay, room).snapshot?.upto ?? 0
    // Right after a compaction, with a few commits logged after the new snapshot, so both what
    // was folded and what was appended since must come back.
    await waitFor('a compaction and commits after it', () => {
      const { log, snapshot } = rowsOf(suite.relay, room)
      return (snapshot?.upto ?? 0) > before && log.length >= 3
    })
    await suite.relay.kill9()
    typing = false
    await typist
    // Keep the writer's unconfirmed edits out of the relay until the check below.
    writer.provider.disconnect()
    const saved = confirmations.latest()
    expect(saved.get(writer.doc.clientID) ?? 0).toBeGreaterThan(0)

    await suite.relay.start()
    const fresh = open(room, freshToken)
    await waitFor('fresh client synced', () => fresh.synced())
    const stored = Y.decodeStateVector(Y.encodeStateVector(fresh.doc))
    for (const [client, clock] of saved)
      expect(stored.get(client) ?? 0).toBeGreaterThanOrEqual(clock)
    // Appends only: what survived is the start of what was typed, at least all that was confirmed.
    const survived = fresh.doc.getText('minutes').toString()
    expect(minutes.toString().startsWith(survived)).toBe(true)
    expect(survived.length).toBeGreaterThanOrEqual(saved.get(writer.doc.clientID)!)
    // Rows the compaction replaced but had not deleted yet when it was killed, and those logged
    // after it, go once the room is opened again: fewer than a compaction's worth are left, all
    // after the snapshot.
    await waitFor('the log compacted once the room is open', () => {
      const { log, snapshot } = rowsOf(suite.relay, room)
      return (
        snapshot !== undefined &&
        log.length < COMPACT_UPDATES &&
        log.every((r) => r.seq > snapshot.upto)
      )
    })

    // The writer comes back and hands over the rest: nothing is lost at all.
    writer.provider.connect()
    await waitFor(
      'convergence',
      () => fresh.doc.getText('minutes').toString() === minutes.toString(),
    )
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(writer.doc))
  })
})
