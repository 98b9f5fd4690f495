import { bytes, type Db } from './db.ts'
import { authorOf, chunksOf, encodeChunk, type StoredEntry } from './history-chunks.ts'
import type { Author } from './history-coalesce.ts'

const BACKFILLED = 'history-backfilled'
/** Live-log rows up to this seq are in the history already (written by older relays). */
const FOLDED_BELOW = 'history-folded-below'

const writeChunks = (db: Db, byRoom: Map<string, StoredEntry[]>): void => {
  const insert = db.prepare('INSERT INTO history_chunks (room, entries, data) VALUES (?, ?, ?)')
  for (const [room, entries] of byRoom) {
    for (const chunk of chunksOf(entries)) insert.run(room, chunk.length, encodeChunk(chunk))
  }
}

const columnsOf = (db: Db, table: string): string[] =>
  db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]

/** The history as an older relay kept it, a row per (merged) entry, into chunks. */
const chunkRowHistory = (db: Db): void => {
  const rows = db
    .prepare(
      `SELECT room, source, member_id AS memberId, agency_id AS agencyId,
       device_id AS deviceId, first_at AS firstAt, last_at AS lastAt, updates, data
       FROM history ORDER BY room, id`,
    )
    .all() as ({ [K in keyof Author]: string | null } & {
    room: string
    source: StoredEntry['source']
    firstAt: number
    lastAt: number
    updates: number
    data: Buffer
  })[]
  const byRoom = new Map<string, StoredEntry[]>()
  for (const r of rows) {
    const entries = byRoom.get(r.room) ?? []
    byRoom.set(r.room, entries)
    entries.push({ ...r, author: authorOf(r), parts: [bytes(r.data)] })
  }
  writeChunks(db, byRoom)
  db.exec('DROP TABLE history')
}

/**
 * Documents stored before the relay kept a history start theirs with what was there: the
 * snapshot and the live log up to `foldedBelow` as they are, unattributed ('baseline'). Once.
 */
const backfill = (db: Db, foldedBelow: number): void => {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(BACKFILLED)) return
  const now = Date.now()
  const byRoom = new Map<string, StoredEntry[]>()
  const add = ([room, data]: [string, Buffer]): void => {
    const entries = byRoom.get(room) ?? []
    byRoom.set(room, entries)
    const baseline = { source: 'baseline' as const, author: null, firstAt: now, lastAt: now }
    entries.push({ ...baseline, updates: 1, parts: [bytes(data)] })
  }
  const snapshots = db.prepare('SELECT room, data FROM snapshots ORDER BY room').raw(true)
  for (const row of snapshots.iterate()) add(row as [string, Buffer])
  const log = db.prepare('SELECT room, data FROM updates WHERE seq <= ? ORDER BY seq').raw(true)
  for (const row of log.iterate(foldedBelow)) add(row as [string, Buffer])
  writeChunks(db, byRoom)
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(BACKFILLED, '1')
}

/**
 * Brings the history of an older relay's database up to date, in one transaction: a live log
 * gains the columns a fold reads (its rows were in the history already), a history kept as a
 * row per entry becomes chunks, and documents from before there was a history get a baseline.
 * Returns the seq up to which live-log rows count as folded.
 */
export const upgradeHistory = (db: Db): number =>
  db.transaction(() => {
    if (!columnsOf(db, 'updates').includes('connection')) {
      for (const column of [
        'at INTEGER',
        'connection INTEGER',
        'member_id TEXT',
        'agency_id TEXT',
        'device_id TEXT',
      ]) {
        db.exec(`ALTER TABLE updates ADD COLUMN ${column}`)
      }
      const max = db.prepare('SELECT max(seq) FROM updates').pluck().get() as number | null
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
        FOLDED_BELOW,
        String(max ?? 0),
      )
    }
    if (columnsOf(db, 'history').length > 0) chunkRowHistory(db)
    const foldedBelow = Number(
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(FOLDED_BELOW) ?? 0,
    )
    backfill(db, foldedBelow)
    return foldedBelow
  })()
