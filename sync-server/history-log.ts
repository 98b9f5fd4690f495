import type { Db } from './db.ts'
import type { HistoryWrite } from './history-coalesce.ts'
import { mergeMany } from './room.ts'

/** An admitted room open, for the access log: ids and the access given, never secrets. */
export interface AccessOpen {
  workspaceId: string
  documentId: string
  memberId: string
  agencyId: string
  access: 'read' | 'write'
  at: number
}

export interface HistoryEntry {
  id: number
  source: 'member' | 'relay' | 'baseline'
  memberId: string | null
  agencyId: string | null
  firstAt: number
  lastAt: number
  updates: number
  data: Uint8Array
}

export interface HistoryPage {
  /** Every entry of the room, of which `entries` are the newest. */
  total: number
  /** The document before the first of `entries` (null when they start at the beginning). */
  base: Uint8Array | null
  entries: HistoryEntry[]
}

type EntryRow = [
  number,
  HistoryEntry['source'],
  string | null,
  string | null,
  number,
  number,
  number,
  Buffer,
]

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

const BACKFILLED = 'history-backfilled'

/**
 * The relay's record of who changed what (table `history`) and who opened which document
 * (table `access_log`). Both are append-only: an entry is rewritten only while it is the room's
 * open entry (see history-coalesce.ts), never after; compaction of the live log leaves them be.
 */
export class HistoryLog {
  private readonly insertEntry
  private readonly extendEntry
  private readonly insertOpen
  private readonly selectNewest
  private readonly selectUpTo
  private readonly countEntries
  private readonly selectOpens

  constructor(private readonly db: Db) {
    this.insertEntry = db.prepare(
      `INSERT INTO history (room, source, member_id, agency_id, device_id, first_at, last_at,
       updates, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.extendEntry = db.prepare(
      'UPDATE history SET last_at = ?, updates = ?, data = ? WHERE id = ?',
    )
    this.insertOpen = db.prepare(
      `INSERT INTO access_log (workspace_id, document_id, member_id, agency_id, access, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const columns = 'id, source, member_id, agency_id, first_at, last_at, updates, data'
    this.selectNewest = db
      .prepare(`SELECT ${columns} FROM history WHERE room = ? ORDER BY id DESC LIMIT ?`)
      .raw(true)
    this.selectUpTo = db
      .prepare('SELECT data FROM history WHERE room = ? AND id <= ? ORDER BY id')
      .pluck(true)
    this.countEntries = db.prepare('SELECT count(*) FROM history WHERE room = ?').pluck(true)
    this.selectOpens = db.prepare(
      `SELECT member_id AS memberId, agency_id AS agencyId, access, at FROM access_log
       WHERE workspace_id = ? AND document_id = ? ORDER BY id DESC LIMIT ?`,
    )
    this.backfill()
  }

  /** Writes a commit's history rows; call inside the commit's transaction. Returns their ids. */
  write(writes: readonly HistoryWrite[], opens: readonly AccessOpen[]): number[] {
    for (const o of opens) {
      this.insertOpen.run(o.workspaceId, o.documentId, o.memberId, o.agencyId, o.access, o.at)
    }
    return writes.map((w) => {
      if (w.id !== null) {
        this.extendEntry.run(w.lastAt, w.updates, w.data, w.id)
        return w.id
      }
      const a = w.author
      return Number(
        this.insertEntry.run(
          w.room,
          a ? 'member' : 'relay',
          a?.memberId ?? null,
          a?.agencyId ?? null,
          a?.deviceId ?? null,
          w.firstAt,
          w.lastAt,
          w.updates,
          w.data,
        ).lastInsertRowid,
      )
    })
  }

  /**
   * The newest entries of a room, at most `maxEntries` and about `maxBytes` of updates (at
   * least one entry), with the document as it was before them.
   */
  page(room: string, maxEntries: number, maxBytes: number): HistoryPage {
    const rows = this.selectNewest.all(room, maxEntries) as EntryRow[]
    const entries: HistoryEntry[] = []
    let size = 0
    for (const [id, source, memberId, agencyId, firstAt, lastAt, updates, data] of rows) {
      size += data.byteLength
      if (entries.length > 0 && size > maxBytes) break
      entries.push({ id, source, memberId, agencyId, firstAt, lastAt, updates, data: bytes(data) })
    }
    entries.reverse()
    const total = this.countEntries.get(room) as number
    const first = entries[0]
    const base = first && total > entries.length ? this.stateUpTo(room, first.id - 1) : null
    return { total, base, entries }
  }

  /** The document after entry `upTo`: every entry up to it, merged. */
  stateUpTo(room: string, upTo: number): Uint8Array {
    const parts = (this.selectUpTo.all(room, upTo) as Buffer[]).map(bytes)
    return parts.length === 0 ? new Uint8Array([0, 0]) : mergeMany(parts)
  }

  /** Who opened a document, newest first. */
  opens(
    workspaceId: string,
    documentId: string,
    limit: number,
  ): Omit<AccessOpen, 'workspaceId' | 'documentId'>[] {
    return this.selectOpens.all(workspaceId, documentId, limit) as Omit<
      AccessOpen,
      'workspaceId' | 'documentId'
    >[]
  }

  /**
   * Documents stored before the relay kept a history start theirs with what was there: the
   * snapshot and the log as they are, unattributed ('baseline'). Done once, in SQL, without
   * merging anything.
   */
  private backfill(): void {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(BACKFILLED)) return
      const now = Date.now()
      this.db
        .prepare(
          `INSERT INTO history (room, source, first_at, last_at, updates, data)
           SELECT room, 'baseline', ?, ?, 1, data FROM snapshots ORDER BY room`,
        )
        .run(now, now)
      this.db
        .prepare(
          `INSERT INTO history (room, source, first_at, last_at, updates, data)
           SELECT room, 'baseline', ?, ?, 1, data FROM updates ORDER BY seq`,
        )
        .run(now, now)
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(BACKFILLED, '1')
    })()
  }
}
