import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { Db } from './db.ts'
import { type Author, coalesce, type LoggedUpdate, type OpenEntry } from './history-coalesce.ts'
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
  0 | 1,
]

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/**
 * An entry's updates as stored: one (merged) update, or, `packed`, the updates as they arrived,
 * one after another. A fold packs: merging a typist's thousands of keystrokes into one update
 * took as long as opening the document, on every compaction. Merging waits for a reader.
 */
const pack = (previous: Uint8Array | null, parts: readonly Uint8Array[]): Uint8Array => {
  const e = encoding.createEncoder()
  if (previous) encoding.writeUint8Array(e, previous)
  for (const p of parts) encoding.writeVarUint8Array(e, p)
  return encoding.toUint8Array(e)
}

const unpack = (data: Uint8Array, packed: 0 | 1): Uint8Array[] => {
  if (!packed) return [data]
  const d = decoding.createDecoder(data)
  const parts: Uint8Array[] = []
  while (decoding.hasContent(d)) parts.push(decoding.readVarUint8Array(d))
  return parts
}

/** Updates merged into one; one Yjs cannot merge (the room quarantined it) is left out. */
const merged = (parts: Uint8Array[]): Uint8Array => {
  if (parts.length === 1) return parts[0]!
  try {
    return mergeMany(parts)
  } catch {
    return parts.reduce(
      (acc, u) => {
        try {
          return Y.mergeUpdates([acc, u])
        } catch {
          return acc
        }
      },
      new Uint8Array([0, 0]),
    )
  }
}

type LoggedRow = [number, Buffer, number, number, string | null, string | null, string | null]

type Nullable<T> = { [K in keyof T]: T[K] | null }

/** A member's row names member, agency and device; the relay's own names none. */
const authorOf = (a: Nullable<Author>): Author | null =>
  a.memberId && a.agencyId && a.deviceId
    ? { memberId: a.memberId, agencyId: a.agencyId, deviceId: a.deviceId }
    : null

const BACKFILLED = 'history-backfilled'
/** Live-log rows up to this seq were written to the history when committed (older relays). */
const FOLDED_BELOW = 'history-folded-below'

/**
 * The relay's record of who changed what (table `history`) and who opened which document
 * (table `access_log`). Both are append-only: an entry is rewritten only while it is the room's
 * open entry (see history-coalesce.ts), never after.
 *
 * A commit records each update's sender and time on its row of the live log (`updates`), one
 * insert per update; the rows become history entries later, in bulk (`fold`): when the log is
 * compacted, before its rows go, and when someone reads the history. Writing entries at every
 * commit doubled the pages each commit wrote and stalled every socket for it.
 */
export class HistoryLog {
  private readonly insertEntry
  private readonly extendEntry
  private readonly insertOpen
  private readonly selectNewest
  private readonly selectUpTo
  private readonly countEntries
  private readonly selectOpens
  private readonly selectFolded
  private readonly selectUnfolded
  private readonly selectEntry
  private readonly upsertFolded
  private readonly foldedBelow: number

  constructor(
    private readonly db: Db,
    private readonly windowMs: number,
  ) {
    // Before any statement is prepared: some read the columns it adds.
    this.foldedBelow = this.migrate()
    this.insertEntry = db.prepare(
      `INSERT INTO history (room, source, member_id, agency_id, device_id, first_at, last_at,
       updates, data, packed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    this.extendEntry = db.prepare(
      'UPDATE history SET last_at = ?, updates = ?, data = ? WHERE id = ?',
    )
    this.insertOpen = db.prepare(
      `INSERT INTO access_log (workspace_id, document_id, member_id, agency_id, access, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const columns = 'id, source, member_id, agency_id, first_at, last_at, updates, data, packed'
    this.selectNewest = db
      .prepare(`SELECT ${columns} FROM history WHERE room = ? ORDER BY id DESC LIMIT ?`)
      .raw(true)
    this.selectUpTo = db
      .prepare('SELECT data, packed FROM history WHERE room = ? AND id <= ? ORDER BY id')
      .raw(true)
    this.countEntries = db.prepare('SELECT count(*) FROM history WHERE room = ?').pluck(true)
    this.selectOpens = db.prepare(
      `SELECT member_id AS memberId, agency_id AS agencyId, access, at FROM access_log
       WHERE workspace_id = ? AND document_id = ? ORDER BY id DESC LIMIT ?`,
    )
    this.selectFolded = db.prepare(
      'SELECT upto_seq AS uptoSeq, open_id AS openId, open_connection AS openConnection FROM history_folded WHERE room = ?',
    )
    this.selectUnfolded = db
      .prepare(
        `SELECT seq, data, at, connection, member_id, agency_id, device_id FROM updates
         WHERE room = ? AND seq > ? AND seq <= ? ORDER BY seq`,
      )
      .raw(true)
    this.selectEntry = db.prepare(
      `SELECT member_id AS memberId, agency_id AS agencyId, device_id AS deviceId,
       first_at AS firstAt, updates, data FROM history WHERE id = ?`,
    )
    this.upsertFolded = db.prepare(
      `INSERT INTO history_folded (room, upto_seq, open_id, open_connection) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET upto_seq = excluded.upto_seq, open_id = excluded.open_id,
       open_connection = excluded.open_connection`,
    )
    this.backfill()
  }

  /** Logs admitted opens; call inside the commit's transaction. */
  recordOpens(opens: readonly AccessOpen[]): void {
    for (const o of opens) {
      this.insertOpen.run(o.workspaceId, o.documentId, o.memberId, o.agencyId, o.access, o.at)
    }
  }

  /**
   * Turns the room's live-log rows up to seq `upTo` (all of them without it) that are not yet in
   * its history into history entries. Idempotent; one transaction.
   */
  fold(room: string, upTo = Number.MAX_SAFE_INTEGER): void {
    this.db.transaction(() => {
      const folded = this.selectFolded.get(room) as
        { uptoSeq: number; openId: number | null; openConnection: number | null } | undefined
      const from = Math.max(folded?.uptoSeq ?? 0, this.foldedBelow)
      const rows = this.selectUnfolded.all(room, from, upTo) as LoggedRow[]
      const lastSeq = rows.at(-1)?.[0]
      if (lastSeq === undefined) return
      const updates: LoggedUpdate[] = rows.map(
        ([, data, at, connection, memberId, agencyId, deviceId]) => ({
          data: bytes(data),
          at,
          sender: { connection, author: authorOf({ memberId, agencyId, deviceId }) },
        }),
      )
      const open = this.openEntry(folded)
      const writes = coalesce(updates, open?.entry ?? null, this.windowMs)
      let openId: number | null = null
      for (const w of writes) {
        if (w.id !== null && open) {
          this.extendEntry.run(w.lastAt, w.updates, pack(open.data, w.parts), w.id)
          openId = w.id
          continue
        }
        const a = w.sender.author
        openId = Number(
          this.insertEntry.run(
            room,
            a ? 'member' : 'relay',
            a?.memberId ?? null,
            a?.agencyId ?? null,
            a?.deviceId ?? null,
            w.firstAt,
            w.lastAt,
            w.updates,
            pack(null, w.parts),
          ).lastInsertRowid,
        )
      }
      this.upsertFolded.run(room, lastSeq, openId, writes.at(-1)?.sender.connection ?? null)
    })()
  }

  private openEntry(
    folded: { openId: number | null; openConnection: number | null } | undefined,
  ): { entry: OpenEntry; data: Uint8Array } | null {
    if (!folded || folded.openId === null || folded.openConnection === null) return null
    const row = this.selectEntry.get(folded.openId) as
      (Nullable<Author> & { firstAt: number; updates: number; data: Buffer }) | undefined
    if (!row) return null
    return {
      entry: {
        id: folded.openId,
        sender: { connection: folded.openConnection, author: authorOf(row) },
        firstAt: row.firstAt,
        updates: row.updates,
      },
      // Open entries are the folds' own, always packed.
      data: bytes(row.data),
    }
  }

  /**
   * The newest entries of a room, at most `maxEntries` and about `maxBytes` of updates (at
   * least one entry), with the document as it was before them.
   */
  page(room: string, maxEntries: number, maxBytes: number): HistoryPage {
    this.fold(room)
    const rows = this.selectNewest.all(room, maxEntries) as EntryRow[]
    const entries: HistoryEntry[] = []
    let size = 0
    for (const [id, source, memberId, agencyId, firstAt, lastAt, updates, data, packed] of rows) {
      size += data.byteLength
      if (entries.length > 0 && size > maxBytes) break
      const update = merged(unpack(bytes(data), packed))
      entries.push({ id, source, memberId, agencyId, firstAt, lastAt, updates, data: update })
    }
    entries.reverse()
    const total = this.countEntries.get(room) as number
    const first = entries[0]
    const base = first && total > entries.length ? this.stateUpTo(room, first.id - 1) : null
    return { total, base, entries }
  }

  /** The document after entry `upTo`: every entry up to it, merged. */
  stateUpTo(room: string, upTo: number): Uint8Array {
    this.fold(room)
    const rows = this.selectUpTo.all(room, upTo) as [Buffer, 0 | 1][]
    return merged([
      new Uint8Array([0, 0]),
      ...rows.flatMap(([d, packed]) => unpack(bytes(d), packed)),
    ])
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
   * A live log from a relay that wrote history at every commit gains the columns a fold reads;
   * its rows are in the history already. Returns the seq up to which rows count as folded.
   */
  private migrate(): number {
    return this.db.transaction(() => {
      const columns = this.db
        .prepare("SELECT name FROM pragma_table_info('updates')")
        .pluck()
        .all() as string[]
      if (!columns.includes('connection')) {
        for (const column of [
          'at INTEGER',
          'connection INTEGER',
          'member_id TEXT',
          'agency_id TEXT',
          'device_id TEXT',
        ]) {
          this.db.exec(`ALTER TABLE updates ADD COLUMN ${column}`)
        }
        const max = this.db.prepare('SELECT max(seq) FROM updates').pluck().get() as number | null
        this.db
          .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
          .run(FOLDED_BELOW, String(max ?? 0))
      }
      const historyColumns = this.db
        .prepare("SELECT name FROM pragma_table_info('history')")
        .pluck()
        .all() as string[]
      if (!historyColumns.includes('packed')) {
        this.db.exec('ALTER TABLE history ADD COLUMN packed INTEGER NOT NULL DEFAULT 0')
      }
      const below = this.db
        .prepare('SELECT value FROM meta WHERE key = ?')
        .pluck()
        .get(FOLDED_BELOW)
      return Number(below ?? 0)
    })()
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
