import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Compaction } from '../../sync-server/compaction.ts'
import { openDb } from '../../sync-server/db.ts'
import { FOLD_STEP_ROWS } from '../../sync-server/history-log.ts'
import { RELAY_SENDER } from '../../sync-server/history-coalesce.ts'
import { Metrics } from '../../sync-server/metrics.ts'
import { Room } from '../../sync-server/room.ts'
import { Rooms } from '../../sync-server/rooms.ts'
import { UpdateLog } from '../../sync-server/update-log.ts'
import { waitFor } from './harness.ts'

// Below the relay: a compaction runs in short steps while the room goes on taking updates. What
// it stores must be the room as it was when it began, what arrived meanwhile must stay after it,
// and stopping it at any step (a crash) must lose nothing.

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const freshLog = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-compaction-'))
  dirs.push(dir)
  const db = openDb(dir, { synchronous: 'NORMAL' })
  return { db, log: new UpdateLog(db, { historyWindowMs: 10_000 }) }
}

const ROOM = 'demo/plan-kowalski'
const ERASED = 'PESEL 85010112345'

/** A note typed key by key: every keystroke an update, as a client sends it. */
const typist = () => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const note = doc.getText('note')
  const type = (s: string) => {
    for (const ch of s) note.insert(note.length, ch)
  }
  return { doc, note, updates, type }
}

/** Commits updates to the room as the relay does (Rooms.accept, then its group commit). */
const commit = (log: UpdateLog, room: Room, updates: Uint8Array[]) => {
  for (const u of updates) room.append(u)
  const seqs = log.commit({
    updates: updates.map((data) => ({ room: room.name, data, sender: RELAY_SENDER })),
    at: Date.now(),
    opens: [],
  })
  room.logCount += updates.length
  room.logBytes += updates.reduce((n, u) => n + u.length, 0)
  room.lastSeq = seqs.at(-1) ?? room.lastSeq
}

/** The relay's rooms over the log; commits only when flushed by hand. */
const roomsOver = (log: UpdateLog, compactUpdates: number) =>
  new Rooms(log, new Metrics(), {
    commitDelayMs: 60_000,
    compactUpdates,
    compactBytes: 1 << 20,
    idleUnloadMs: 60_000,
  })
const loadRoom = (log: UpdateLog) => new Room(ROOM, log.load(ROOM), () => undefined)
/** A room with a note typed into it and committed, and a compaction of it just begun. */
const compactionOf = (log: UpdateLog, text: string) => {
  const t = typist()
  t.type(text)
  const room = loadRoom(log)
  commit(log, room, t.updates.splice(0))
  return { t, room, compaction: new Compaction(room, log, () => undefined) }
}
const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getText('note').toString()
}
const holds = (update: Uint8Array, s: string) => Buffer.from(update).includes(Buffer.from(s))
const rowSeqs = (db: ReturnType<typeof openDb>) =>
  db.prepare('SELECT seq FROM updates WHERE room = ? ORDER BY seq').pluck().all(ROOM) as number[]
const snapshotUpto = (db: ReturnType<typeof openDb>) =>
  db.prepare('SELECT upto_seq FROM snapshots WHERE room = ?').pluck().get(ROOM) as
    number | undefined

describe('a stored room read back', () => {
  it("R12: is its snapshot, the updates after it in commit order, and the seq of the last row (the snapshot's when none follow)", () => {
    const { log } = freshLog()
    const t = typist()
    t.type('Ala')
    const first = [...t.updates]
    const room = loadRoom(log)
    expect(room.lastSeq).toBe(0)
    commit(log, room, first)
    log.storeSnapshot(ROOM, Y.mergeUpdates(first), room.lastSeq)
    log.deleteCompacted(ROOM, room.lastSeq)
    const compacted = log.load(ROOM)
    expect(compacted.updates).toEqual([])
    expect(compacted.lastSeq).toBe(room.lastSeq)

    t.type(' ma kota')
    const after = t.updates.slice(first.length)
    commit(log, room, after)
    const stored = log.load(ROOM)
    expect(stored.updates).toEqual(after)
    expect(stored.lastSeq).toBe(room.lastSeq)
    expect(stored.logBytes).toBe(after.reduce((n, u) => n + u.length, 0))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.snapshot!)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(doc.getText('note').toString()).toBe('Ala ma kota')
  })
})

describe('compaction in steps', () => {
  it('R12: stores the room as it began, without the erased text; updates accepted meanwhile stay after it', () => {
    const { db, log } = freshLog()
    const t = typist()
    t.type('Matka prosi o pomoc. ')
    t.note.insert(t.note.length, ERASED) // pasted, so its bytes are in one piece
    t.note.delete(t.note.length - ERASED.length, ERASED.length)
    t.type('Spotkanie w szkole we wtorek.')
    const room = loadRoom(log)
    commit(log, room, t.updates.splice(0))
    const before = t.note.toString()
    const uptoSeq = room.lastSeq

    const compaction = new Compaction(room, log, () => undefined)
    let steps = 0
    let done = false
    while (!done) {
      done = compaction.step(0)
      steps++
      // Someone goes on typing while the compaction runs.
      if (steps === 3) {
        t.type(' Ojciec też.')
        commit(log, room, t.updates.splice(0))
      }
    }

    expect(steps).toBeGreaterThan(3)
    expect(snapshotUpto(db)).toBe(uptoSeq)
    const stored = log.load(ROOM)
    expect(textOf(stored.snapshot!)).toBe(before)
    expect(holds(stored.snapshot!, ERASED)).toBe(false)
    // Only what was typed during the compaction is left in the log, after the snapshot.
    expect(rowSeqs(db).every((seq) => seq > uptoSeq)).toBe(true)
    expect(stored.updates).toHaveLength(' Ojciec też.'.length)
    expect(room.logCount).toBe(' Ojciec też.'.length)
    // The room serves the whole note, the erased text gone from it too.
    expect(textOf(room.state())).toBe(t.note.toString())
    expect(holds(room.state(), ERASED)).toBe(false)
    expect(textOf(loadRoom(log).state())).toBe(t.note.toString())
  })

  it('R12: a room whose state was merged meanwhile keeps it whole', () => {
    const { log } = freshLog()
    const { t, room, compaction } = compactionOf(log, 'Kurator: wizyta co tydzień.')
    compaction.step(0)
    t.type(' Szkoła zgłasza nieobecności.')
    commit(log, room, t.updates.splice(0))
    room.state() // a device opening the room merges the tail into the base
    let done = false
    while (!done) done = compaction.step(0)
    expect(textOf(room.state())).toBe(t.note.toString())
    expect(textOf(loadRoom(log).state())).toBe(t.note.toString())
  })

  it('R12: stopped after storing its snapshot, the rows it replaced go when the room is next opened', async () => {
    const { db, log } = freshLog()
    const { t, compaction } = compactionOf(log, 'Plan: terapia rodzinna, dwa razy w miesiącu.')
    while (snapshotUpto(db) === undefined) compaction.step(0)
    // The relay is killed here: the snapshot is stored, the rows it replaced are not deleted.
    expect(rowSeqs(db).length).toBeGreaterThan(0)
    expect(log.load(ROOM).leftover).toBe(true)

    const rooms = roomsOver(log, 2000)
    const room = rooms.acquire(ROOM)
    expect(textOf(room.state())).toBe(t.note.toString())
    await waitFor('the rows left behind deleted', () => rowSeqs(db).length === 0)
    expect(textOf(log.load(ROOM).snapshot!)).toBe(t.note.toString())
    rooms.close()
  })

  it('R12: two compactions of a room ending in either order keep the newer snapshot and every update', () => {
    const { db, log } = freshLog()
    // One compaction is still running for the room as it was unloaded …
    const { t, compaction: older } = compactionOf(log, 'Policja: procedura Niebieskiej Karty.')
    older.step(0)
    // … when it is opened again, written to and compacted anew.
    const reopened = loadRoom(log)
    t.type(' Zespół interdyscyplinarny w piątek.')
    commit(log, reopened, t.updates.splice(0))
    const newer = new Compaction(reopened, log, () => undefined)
    let done = false
    while (!done) done = newer.step(Infinity)
    done = false
    while (!done) done = older.step(Infinity)

    expect(snapshotUpto(db)).toBe(reopened.lastSeq)
    expect(rowSeqs(db)).toEqual([])
    expect(textOf(loadRoom(log).state())).toBe(t.note.toString())
  })

  it("R12: a compaction's worth that arrived while one ran is compacted next, without waiting for another commit", async () => {
    const { db, log } = freshLog()
    const rooms = roomsOver(log, 20)
    const room = rooms.acquire(ROOM)
    const t = typist()
    const write = (s: string) => {
      t.type(s)
      for (const u of t.updates.splice(0)) rooms.accept(room, u)
      rooms.flush()
    }
    write('Asystent rodziny: dwie wizyty.')
    await new Promise((resolve) => setImmediate(resolve)) // the compaction's first step
    write(' Poradnia: diagnoza dziecka.')
    await waitFor('the second batch compacted too', () => rowSeqs(db).length < 20)
    expect(textOf(log.load(ROOM).snapshot!)).toBe(t.note.toString())
    rooms.close()
  })

  it('R12: a long log is folded one step per turn of the event loop, never two', async () => {
    const { db, log } = freshLog()
    const t = typist()
    t.type('x'.repeat(4 * FOLD_STEP_ROWS))
    log.appendBatch(t.updates.splice(0).map((data) => ({ room: ROOM, data })))
    const rooms = roomsOver(log, 10_000)
    const room = rooms.acquire(ROOM)
    t.type('!')
    for (const u of t.updates.splice(0)) rooms.accept(room, u)
    rooms.flush() // a commit: the room's unfolded rows are now a chore
    const folded = () =>
      (db.prepare('SELECT upto_seq FROM history_folded WHERE room = ?').pluck().get(ROOM) as
        number | undefined) ?? 0
    const advances: number[] = []
    for (let before = folded(); before < room.lastSeq;) {
      await new Promise((resolve) => setImmediate(resolve))
      advances.push(folded() - before)
      before = folded()
    }
    expect(advances.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4)
    expect(Math.max(...advances)).toBeLessThanOrEqual(FOLD_STEP_ROWS)
    rooms.close()
  })
})
