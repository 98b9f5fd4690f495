import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { bytes, type Db } from './db.ts'
import { decodeChunk, encodeChunk, type StoredEntry } from './history-chunks.ts'
import type { Author } from './history-coalesce.ts'
import type { Rooms } from './rooms.ts'
import { scrubFreePages, withSecureDelete } from './secure-store.ts'
import { deleteSetStart } from './update-check.ts'
import type { UpdateLog } from './update-log.ts'

/** A field of a document: a key of one of its top-level maps ('text/minutes', 'identity/details'). */
export interface FieldPath {
  map: string
  key: string
}

const PART = /^[A-Za-z0-9._-]{1,64}$/

export const parseField = (raw: unknown): FieldPath | null => {
  if (typeof raw !== 'string') return null
  const [map, key, ...rest] = raw.split('/')
  if (rest.length > 0 || !map || !key || !PART.test(map) || !PART.test(key)) return null
  return { map, key }
}

export const fieldName = (f: FieldPath): string => `${f.map}/${f.key}`

type Ranges = Map<number, [number, number][]>

/**
 * Everything the field ever held that is deleted now: each value the key had (a map keeps
 * earlier values as deleted items left of the current one) and, inside a value that is a type
 * (a Y.Text), each deleted item of it, or all of it once the value itself is deleted. Read from
 * a document that keeps deleted content (gc off), where deleted items still name their parent.
 */
const erasedRanges = (doc: Y.Doc, field: FieldPath): Ranges => {
  const ranges: Ranges = new Map()
  const add = (item: Y.Item): void => {
    const list = ranges.get(item.id.client) ?? []
    ranges.set(item.id.client, list)
    list.push([item.id.clock, item.length])
  }
  const walk = (item: Y.Item, gone: boolean): void => {
    const deleted = gone || item.deleted
    if (deleted) add(item)
    if (!(item.content instanceof Y.ContentType)) return
    const type = item.content.type
    for (let c = type._start; c; c = c.right) walk(c, deleted)
    for (const last of type._map.values()) {
      for (let c: Y.Item | null = last; c; c = c.left) walk(c, deleted)
    }
  }
  const root = doc.share.get(field.map)
  for (let c = root?._map.get(field.key) ?? null; c; c = c.left) walk(c, false)
  return ranges
}

/** An update that deletes the ranges and holds nothing else (Yjs update format v1). */
const deletionOf = (ranges: Ranges): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, ranges.size)
  for (const [client, list] of ranges) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, list.length)
    for (const [clock, length] of list.sort((a, b) => a[0] - b[0])) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, length)
    }
  }
  return encoding.toUint8Array(e)
}

/** The structs of `structsFrom` with the delete set of `dsFrom`. */
const joined = (structsFrom: Uint8Array, dsFrom: Uint8Array): Uint8Array => {
  const structs = structsFrom.subarray(0, deleteSetStart(structsFrom))
  const ds = dsFrom.subarray(deleteSetStart(dsFrom))
  const out = new Uint8Array(structs.length + ds.length)
  out.set(structs)
  out.set(ds, structs.length)
  return out
}

/** Deletes the field's current value: a text emptied, any other value removed from its map. */
export const clearField = (doc: Y.Doc, field: FieldPath): void => {
  const root = doc.share.get(field.map)
  if (!root?._map.has(field.key)) return
  const map = doc.getMap<unknown>(field.map)
  const value = map.get(field.key)
  if (value instanceof Y.Text) value.delete(0, value.length)
  else map.delete(field.key)
}

interface Chunk {
  id: number
  entries: StoredEntry[]
}

/**
 * The history and the state with the erased items' content gone: each entry re-encoded from a
 * document that knows the erasure before anything else (the deletion applied first waits for the
 * items it names, and deletes them as they arrive, so they integrate as deleted and their content
 * is collected), taking the structs the entry added and the entry's own deletions. Every id,
 * length and position stays; every state after an entry is the document as it was then, without
 * the erased content.
 */
const scrubbed = (
  chunks: Chunk[],
  current: Uint8Array[],
  erasure: Uint8Array,
): { chunks: Chunk[]; state: Uint8Array } => {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, erasure)
    const out = chunks.map(({ id, entries }) => ({
      id,
      entries: entries.map((entry) => {
        if (entry.parts.length === 0) return entry
        const before = Y.encodeStateVector(doc)
        Y.transact(doc, () => entry.parts.forEach((p) => Y.applyUpdate(doc, p)))
        const own = entry.parts.length === 1 ? entry.parts[0]! : Y.mergeUpdates(entry.parts)
        return { ...entry, parts: [joined(Y.encodeStateAsUpdate(doc, before), own)] }
      }),
    }))
    Y.transact(doc, () => current.forEach((u) => Y.applyUpdate(doc, u)))
    return { chunks: out, state: Y.encodeStateAsUpdate(doc) }
  } finally {
    doc.destroy()
  }
}

/**
 * R30: erasing a field of a document so that its content cannot be recovered from the relay:
 * the field's value deleted (as the relay, so that every open device deletes it too), then every
 * place the relay keeps its text rewritten without it — the history's entries, the snapshot and
 * the live log (compacted into the snapshot at once), the quarantine — in one transaction with
 * secure_delete on, free pages overwritten, and the WAL cut by a TRUNCATE checkpoint (R32). The
 * history gains an entry that says who erased which field when, never what.
 */
export class Erasure {
  private readonly selectChunks
  private readonly rewriteChunk
  private readonly replaceSnapshot
  private readonly deleteLog
  private readonly deleteQuarantine

  constructor(
    private readonly db: Db,
    private readonly log: UpdateLog,
    private readonly rooms: Rooms,
    private readonly truncateWal: () => Promise<boolean>,
  ) {
    this.selectChunks = db
      .prepare('SELECT id, data FROM history_chunks WHERE room = ? ORDER BY id')
      .raw(true)
    this.rewriteChunk = db.prepare('UPDATE history_chunks SET data = ? WHERE id = ?')
    this.replaceSnapshot = db.prepare(
      `INSERT INTO snapshots (room, data, upto_seq) VALUES (?, ?, ?) ON CONFLICT (room)
       DO UPDATE SET data = excluded.data, upto_seq = max(upto_seq, excluded.upto_seq)`,
    )
    this.deleteLog = db.prepare('DELETE FROM updates WHERE room = ?')
    this.deleteQuarantine = db.prepare('DELETE FROM quarantine WHERE room = ?')
  }

  /** Erases `field` of `room` for `who`; resolves with the entry's id once the WAL is cut. */
  async erase(
    room: string,
    field: FieldPath,
    who: Author,
    at: number,
  ): Promise<{ entryId: number; erasedRanges: number; walTruncated: boolean }> {
    this.rooms.writeAsRelay(room, (doc) => clearField(doc, field), { connection: 0, author: who })
    this.rooms.flush()
    this.rooms.forgetChores(room)
    this.log.history.fold(room)
    const chunks = (this.selectChunks.all(room) as [number, Buffer][]).map(([id, data]) => ({
      id,
      entries: decodeChunk(bytes(data)),
    }))
    const stored = this.log.load(room)
    const current = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]
    const everything = new Y.Doc({ gc: false })
    let ranges: Ranges
    try {
      Y.transact(everything, () => {
        for (const c of chunks)
          for (const e of c.entries) e.parts.forEach((p) => apply(everything, p))
        current.forEach((u) => apply(everything, u))
      })
      ranges = erasedRanges(everything, field)
    } finally {
      everything.destroy()
    }
    const result = scrubbed(chunks, current, deletionOf(ranges))
    const event: StoredEntry = {
      source: 'erasure',
      author: who,
      firstAt: at,
      lastAt: at,
      updates: 0,
      parts: [],
      note: fieldName(field),
    }
    const id = withSecureDelete(this.db, () => {
      for (const c of result.chunks) this.rewriteChunk.run(encodeChunk(c.entries), c.id)
      const eventId = this.log.history.recordEvent(room, event)
      this.replaceSnapshot.run(room, result.state, stored.lastSeq)
      this.deleteLog.run(room)
      this.deleteQuarantine.run(room)
      scrubFreePages(this.db)
      return eventId
    })
    this.rooms.loadedRoom(room)?.replaceState(result.state, stored.lastSeq)
    let count = 0
    for (const list of ranges.values()) count += list.length
    return { entryId: id, erasedRanges: count, walTruncated: await this.truncateWal() }
  }
}

/** An update the room quarantined (Yjs cannot apply it) is left out, as everywhere else. */
const apply = (doc: Y.Doc, update: Uint8Array): void => {
  try {
    Y.applyUpdate(doc, update)
  } catch {
    // Quarantined already when it arrived (R10); its rows are deleted with the log.
  }
}
