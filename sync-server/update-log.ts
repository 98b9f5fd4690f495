import { bytes, type Db } from './db.ts'
import { RELAY_SENDER, type Sender } from './history-coalesce.ts'
import { type AccessOpen, HistoryLog } from './history-log.ts'

export interface StoredRoom {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  lastSeq: number
  logBytes: number
  /** Whether rows at or below the snapshot are left (a compaction stopped before deleting them). */
  leftover: boolean
}

export interface Commit {
  updates: readonly { room: string; data: Uint8Array; sender: Sender }[]
  /** When the commit happened (ms), recorded on its updates for the history. */
  at: number
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
  private readonly selectLastSeq
  private readonly upsertSnapshot
  private readonly selectLeftover
  private readonly deleteUpTo
  private readonly insertQuarantine
  /** One transaction per group: one fsync however many updates arrived within the window. */
  readonly commit: (c: Commit) => number[]

  constructor(
    private readonly db: Db,
    { historyWindowMs }: { historyWindowMs: number },
  ) {
    this.history = new HistoryLog(db, historyWindowMs)
    this.insert = db.prepare(
      `INSERT INTO updates (room, data, at, connection, member_id, agency_id, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.selectSnapshot = db.prepare(
      'SELECT data, upto_seq AS uptoSeq FROM snapshots WHERE room = ?',
    )
    // The data alone, each row's blob as it is, and the last seq apart: a long log (10,000 rows)
    // reads a third faster than as [seq, data] arrays, which read a third faster than objects.
    this.selectUpdates = db
      .prepare('SELECT data FROM updates WHERE room = ? AND seq > ? ORDER BY seq')
      .pluck(true)
    this.selectLastSeq = db
      .prepare('SELECT max(seq) FROM updates WHERE room = ? AND seq > ?')
      .pluck(true)
    this.upsertSnapshot = db.prepare(
      `INSERT INTO snapshots (room, data, upto_seq) VALUES (?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
       WHERE excluded.upto_seq > snapshots.upto_seq`,
    )
    this.selectLeftover = db
      .prepare('SELECT EXISTS (SELECT 1 FROM updates WHERE room = ? AND seq <= ?)')
      .pluck()
    this.deleteUpTo = db.prepare(
      `DELETE FROM updates WHERE seq IN
       (SELECT seq FROM updates WHERE room = ? AND seq <= ? ORDER BY seq LIMIT ?)`,
    )
    this.insertQuarantine = db.prepare(
      'INSERT INTO quarantine (room, data, reason, at) VALUES (?, ?, ?, ?)',
    )
    this.commit = db.transaction((c: Commit) => {
      this.history.recordOpens(c.opens)
      return c.updates.map(({ room, data, sender: { connection, author: a } }) =>
        Number(
          this.insert.run(
            room,
            data,
            c.at,
            connection,
            a?.memberId ?? null,
            a?.agencyId ?? null,
            a?.deviceId ?? null,
          ).lastInsertRowid,
        ),
      )
    })
  }

  /** Appends updates as the relay's own (seeding a benchmark's rooms). */
  appendBatch(rows: readonly { room: string; data: Uint8Array }[]): number[] {
    const updates = rows.map((r) => ({ ...r, sender: RELAY_SENDER }))
    return this.commit({ updates, at: Date.now(), opens: [] })
  }

  load(room: string): StoredRoom {
    const snap = this.selectSnapshot.get(room) as { data: Buffer; uptoSeq: number } | undefined
    const after = snap?.uptoSeq ?? 0
    const rows = this.selectUpdates.all(room, after) as Buffer[]
    let logBytes = 0
    const updates = rows.map((data) => {
      logBytes += data.length
      return bytes(data)
    })
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates,
      lastSeq: (this.selectLastSeq.get(room, after) as number | null) ?? after,
      logBytes,
      leftover: snap !== undefined && this.selectLeftover.get(room, snap.uptoSeq) === 1,
    }
  }

  /**
   * Stores `snapshot` as the room's state up to `uptoSeq`, the rows it replaces folded into the
   * history first, in one transaction; the rows themselves go later (deleteCompacted), read no more.
   * A snapshot older than the stored one is ignored: two compactions of a room (one still running
   * for a room unloaded and opened again) may end in either order.
   */
  storeSnapshot(room: string, snapshot: Uint8Array, uptoSeq: number): void {
    this.db.transaction(() => {
      this.history.fold(room, uptoSeq)
      this.upsertSnapshot.run(room, snapshot, uptoSeq)
    })()
  }

  /** Deletes up to `limit` of the room's rows at or below `uptoSeq`; how many it deleted. */
  deleteCompacted(room: string, uptoSeq: number, limit = Number.MAX_SAFE_INTEGER): number {
    return this.deleteUpTo.run(room, uptoSeq, limit).changes
  }

  /** Keeps an update that could not be merged, so nothing is ever thrown away silently. */
  quarantine(room: string, data: Uint8Array, reason: string): void {
    this.insertQuarantine.run(room, data, reason, new Date().toISOString())
  }
}
