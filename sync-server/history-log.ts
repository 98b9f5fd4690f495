import { bytes, type Db } from './db.ts'
import {
  authorOf,
  chunksOf,
  decodeChunk,
  encodeChunk,
  type EntrySource,
  entryId,
  locate,
  type StoredEntry,
} from './history-chunks.ts'
import { coalesce, type LoggedUpdate, type OpenEntry } from './history-coalesce.ts'
import { upgradeHistory } from './history-upgrade.ts'
import { mergeSettingAside } from './room.ts'

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
  source: EntrySource
  /** An event's note (the erased field; a hold placed or lifted), null for updates. */
  note: string | null
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

const EMPTY = new Uint8Array([0, 0])

/** Updates merged into one; one Yjs cannot merge (the room quarantined it) is left out. */
const merged = (parts: Uint8Array[]): Uint8Array =>
  parts.length === 1 ? parts[0]! : mergeSettingAside(EMPTY, parts, () => {})

type LoggedRow = [number, Buffer, number, number, string | null, string | null, string | null]

/** Live-log rows one step of folding takes at most (~1 ms), so that a long log folds in steps. */
export const FOLD_STEP_ROWS = 250

/**
 * The relay's record of who changed what (table `history_chunks`, see history-chunks.ts) and who
 * opened which document (table `access_log`). Both are append-only: an entry is rewritten only
 * while it is the room's open entry (see history-coalesce.ts), never after.
 *
 * A commit records each update's sender and time on its row of the live log (`updates`), one
 * insert per update; the rows become history entries later, in bulk (`fold`): every few hundred
 * updates of a room, when the log is compacted (before its rows go), and when someone reads the
 * history. Writing entries at every commit doubled the pages each commit wrote and stalled every
 * socket for it. Entries keep their updates as they arrived and are merged when read.
 */
export class HistoryLog {
  private readonly insertChunk
  private readonly updateChunk
  private readonly selectChunk
  private readonly selectNewest
  private readonly selectUpTo
  private readonly countEntries
  private readonly insertOpen
  private readonly selectOpens
  private readonly selectFolded
  private readonly selectUnfolded
  private readonly upsertFolded
  private readonly foldedBelow: number

  constructor(
    private readonly db: Db,
    private readonly windowMs: number,
  ) {
    // Before any statement is prepared: some read the columns it adds.
    this.foldedBelow = upgradeHistory(db)
    this.insertChunk = db.prepare(
      'INSERT INTO history_chunks (room, entries, data) VALUES (?, ?, ?)',
    )
    this.updateChunk = db.prepare('UPDATE history_chunks SET entries = ?, data = ? WHERE id = ?')
    this.selectChunk = db.prepare('SELECT data FROM history_chunks WHERE id = ?').pluck(true)
    this.selectNewest = db
      .prepare('SELECT id, data FROM history_chunks WHERE room = ? ORDER BY id DESC')
      .raw(true)
    this.selectUpTo = db
      .prepare('SELECT id, data FROM history_chunks WHERE room = ? AND id <= ? ORDER BY id')
      .raw(true)
    this.countEntries = db
      .prepare('SELECT coalesce(sum(entries), 0) FROM history_chunks WHERE room = ?')
      .pluck(true)
    this.insertOpen = db.prepare(
      `INSERT INTO access_log (workspace_id, document_id, member_id, agency_id, access, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    this.selectOpens = db.prepare(
      `SELECT member_id AS memberId, agency_id AS agencyId, access, at FROM access_log
       WHERE workspace_id = ? AND document_id = ? ORDER BY id DESC LIMIT ?`,
    )
    this.selectFolded = db.prepare(
      `SELECT upto_seq AS uptoSeq, open_id AS openId, open_connection AS openConnection
       FROM history_folded WHERE room = ?`,
    )
    this.selectUnfolded = db
      .prepare(
        `SELECT seq, data, at, connection, member_id, agency_id, device_id FROM updates
         WHERE room = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      )
      .raw(true)
    this.upsertFolded = db.prepare(
      `INSERT INTO history_folded (room, upto_seq, open_id, open_connection) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET upto_seq = excluded.upto_seq, open_id = excluded.open_id,
       open_connection = excluded.open_connection`,
    )
  }

  /** Logs admitted opens; call inside the commit's transaction. */
  recordOpens(opens: readonly AccessOpen[]): void {
    for (const o of opens) {
      this.insertOpen.run(o.workspaceId, o.documentId, o.memberId, o.agencyId, o.access, o.at)
    }
  }

  /**
   * Turns the room's live-log rows up to seq `upTo` (all of them without it) that are not yet in
   * its history into history entries: the open entry extended, the others in new chunks.
   * Idempotent; one transaction. At most `limit` rows at a time (the first of them); true if it
   * took that many, so that more may be left.
   */
  fold(room: string, upTo = Number.MAX_SAFE_INTEGER, limit = -1): boolean {
    return this.db.transaction(() => {
      const folded = this.selectFolded.get(room) as
        { uptoSeq: number; openId: number | null; openConnection: number | null } | undefined
      const from = Math.max(folded?.uptoSeq ?? 0, this.foldedBelow)
      const rows = this.selectUnfolded.all(room, from, upTo, limit) as LoggedRow[]
      const lastSeq = rows.at(-1)?.[0]
      if (lastSeq === undefined) return false
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
      const fresh: StoredEntry[] = []
      for (const w of writes) {
        if (w.id !== null && open) {
          const entry = open.chunk.at(-1)!
          open.chunk[open.chunk.length - 1] = {
            ...entry,
            lastAt: w.lastAt,
            updates: w.updates,
            parts: [...entry.parts, ...w.parts],
          }
          this.updateChunk.run(open.chunk.length, encodeChunk(open.chunk), open.chunkId)
          openId = w.id
          continue
        }
        fresh.push({
          source: w.sender.author ? 'member' : 'relay',
          author: w.sender.author,
          firstAt: w.firstAt,
          lastAt: w.lastAt,
          updates: w.updates,
          parts: w.parts,
        })
      }
      for (const chunk of chunksOf(fresh)) {
        const id = Number(
          this.insertChunk.run(room, chunk.length, encodeChunk(chunk)).lastInsertRowid,
        )
        openId = entryId(id, chunk.length - 1)
      }
      this.upsertFolded.run(room, lastSeq, openId, writes.at(-1)?.sender.connection ?? null)
      return rows.length === limit
    })()
  }

  /** The room's open entry, the last of its chunk, which a fold may extend. */
  private openEntry(
    folded: { openId: number | null; openConnection: number | null } | undefined,
  ): { entry: OpenEntry; chunkId: number; chunk: StoredEntry[] } | null {
    if (!folded || folded.openId === null || folded.openConnection === null) return null
    const { chunk: chunkId, index } = locate(folded.openId)
    const data = this.selectChunk.get(chunkId) as Buffer | undefined
    const chunk = data ? decodeChunk(bytes(data)) : []
    const last = chunk[index]
    if (!last || index !== chunk.length - 1) return null
    return {
      entry: {
        id: folded.openId,
        sender: { connection: folded.openConnection, author: last.author },
        firstAt: last.firstAt,
        updates: last.updates,
      },
      chunkId,
      chunk,
    }
  }

  /**
   * Appends an event (an erasure, R30; a legal hold, R34) after everything the room's log holds,
   * as an entry of its own that no later update extends. Returns its id.
   */
  recordEvent(room: string, event: StoredEntry): number {
    return this.db.transaction(() => {
      this.fold(room)
      const folded = this.selectFolded.get(room) as { uptoSeq: number } | undefined
      const chunkId = Number(this.insertChunk.run(room, 1, encodeChunk([event])).lastInsertRowid)
      this.upsertFolded.run(room, folded?.uptoSeq ?? 0, null, null)
      return entryId(chunkId, 0)
    })()
  }

  /**
   * The newest entries of a room, at most `maxEntries` and about `maxBytes` of updates (at
   * least one entry), with the document as it was before them.
   */
  page(room: string, maxEntries: number, maxBytes: number): HistoryPage {
    this.fold(room)
    const entries: HistoryEntry[] = []
    let size = 0
    newest: for (const [id, data] of this.selectNewest.iterate(room) as Iterable<
      [number, Buffer]
    >) {
      const chunk = decodeChunk(bytes(data))
      for (let i = chunk.length - 1; i >= 0; i--) {
        const e = chunk[i]!
        size += e.parts.reduce((n, p) => n + p.byteLength, 0)
        if (entries.length >= maxEntries || (entries.length > 0 && size > maxBytes)) break newest
        entries.push({
          id: entryId(id, i),
          source: e.source,
          memberId: e.author?.memberId ?? null,
          agencyId: e.author?.agencyId ?? null,
          firstAt: e.firstAt,
          lastAt: e.lastAt,
          updates: e.updates,
          note: e.note ?? null,
          data: e.parts.length === 0 ? EMPTY : merged(e.parts),
        })
      }
    }
    entries.reverse()
    const total = this.countEntries.get(room) as number
    const first = entries[0]
    const base = first && total > entries.length ? this.folded(room, first.id - 1) : null
    return { total, base, entries }
  }

  /** The document after entry `upTo`: every entry up to it, merged. */
  stateUpTo(room: string, upTo: number): Uint8Array {
    this.fold(room)
    return this.folded(room, upTo)
  }

  /** The same, over the history as it is (already folded). */
  private folded(room: string, upTo: number): Uint8Array {
    const parts: Uint8Array[] = []
    const rows = this.selectUpTo.all(room, locate(upTo).chunk) as [number, Buffer][]
    for (const [id, data] of rows) {
      decodeChunk(bytes(data)).forEach((e, i) => {
        if (entryId(id, i) <= upTo) parts.push(...e.parts)
      })
    }
    return parts.length === 0 ? EMPTY : merged(parts)
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
}
