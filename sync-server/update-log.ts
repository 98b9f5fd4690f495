import type { Db } from './db.ts'
import type { HistoryWrite } from './history-coalesce.ts'
import { type AccessOpen, HistoryLog } from './history-log.ts'

export interface StoredRoom {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  lastSeq: number
  logBytes: number
}

export interface Commit {
  updates: readonly { room: string; data: Uint8Array }[]
  history: readonly HistoryWrite[]
  opens: readonly AccessOpen[]
}

/**
 * A room's durable state in SQLite: one snapshot plus the updates appended since; and, written
 * in the same transactions, its history and access log (history-log.ts).
 */
export class UpdateLog {
  readonly history: HistoryLog
  private readonly insert
  private readonly selectSnapshot
  private readonly selectUpdates
  private readonly upsertSnapshot
  private readonly deleteUpTo
  private readonly insertQuarantine
  /** One transaction per group: one fsync however many updates arrived within the window. */
  readonly commit: (c: Commit) => { seqs: number[]; historyIds: number[] }

  constructor(private readonly db: Db) {
    this.history = new HistoryLog(db)
    this.insert = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)')
    this.selectSnapshot = db.prepare(
      'SELECT data, upto_seq AS uptoSeq FROM snapshots WHERE room = ?',
    )
    // Rows as [seq, data] arrays rather than objects: a long log reads a third faster.
    this.selectUpdates = db
      .prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq')
      .raw(true)
    this.upsertSnapshot = db.prepare(
      `INSERT INTO snapshots (room, data, upto_seq) VALUES (?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
    )
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?')
    this.insertQuarantine = db.prepare(
      'INSERT INTO quarantine (room, data, reason, at) VALUES (?, ?, ?, ?)',
    )
    this.commit = db.transaction((c: Commit) => ({
      seqs: c.updates.map((r) => Number(this.insert.run(r.room, r.data).lastInsertRowid)),
      historyIds: this.history.write(c.history, c.opens),
    }))
  }

  /** Appends updates alone, without history (seeding a benchmark's rooms). */
  appendBatch(rows: readonly { room: string; data: Uint8Array }[]): number[] {
    return this.commit({ updates: rows, history: [], opens: [] }).seqs
  }

  load(room: string): StoredRoom {
    const snap = this.selectSnapshot.get(room) as { data: Buffer; uptoSeq: number } | undefined
    const rows = this.selectUpdates.all(room, snap?.uptoSeq ?? 0) as [number, Buffer][]
    let logBytes = 0
    const updates = rows.map(([, data]) => {
      logBytes += data.length
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    })
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates,
      lastSeq: rows.at(-1)?.[0] ?? snap?.uptoSeq ?? 0,
      logBytes,
    }
  }

  /** Replaces the log up to `uptoSeq` by `snapshot`, atomically. */
  compact(room: string, snapshot: Uint8Array, uptoSeq: number): void {
    this.db.transaction(() => {
      this.upsertSnapshot.run(room, snapshot, uptoSeq)
      this.deleteUpTo.run(room, uptoSeq)
    })()
  }

  /** Keeps an update that could not be merged, so nothing is ever thrown away silently. */
  quarantine(room: string, data: Uint8Array, reason: string): void {
    this.insertQuarantine.run(room, data, reason, new Date().toISOString())
  }
}
