import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Author } from './history-coalesce.ts'

/**
 * A room's history is stored as chunks: one row of `history_chunks` holds the entries one fold
 * made, one after another. A row per entry cost an insert per entry — when several people type
 * at once every keystroke is an entry of its own — as much as the commit of the update itself.
 */

/** One history entry as stored: who, when, and its updates as they arrived (merged on reading). */
export interface StoredEntry {
  source: EntrySource
  author: Author | null
  firstAt: number
  lastAt: number
  updates: number
  parts: Uint8Array[]
  /** Events only: what happened (the erased field, the hold placed or lifted), never content. */
  note?: string
}

/**
 * 'erasure' (R30) and 'legal-hold' (R34) are events: who did what when, with a note and no
 * updates; the others carry the updates as they arrived.
 */
export type EntrySource = 'member' | 'relay' | 'baseline' | 'erasure' | 'legal-hold'

export const isEvent = (source: EntrySource): boolean =>
  source === 'erasure' || source === 'legal-hold'

/** Entries per chunk at most; an entry's id is its chunk's id × this + its place in the chunk. */
export const CHUNK_ENTRIES = 4096

/** Splits entries into chunks of at most CHUNK_ENTRIES. */
export const chunksOf = <T>(entries: readonly T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < entries.length; i += CHUNK_ENTRIES) {
    out.push(entries.slice(i, i + CHUNK_ENTRIES))
  }
  return out
}

type Nullable<T> = { [K in keyof T]: T[K] | null }

/** A member's row names member, agency and device; the relay's own names none. */
export const authorOf = (a: Nullable<Author>): Author | null =>
  a.memberId && a.agencyId && a.deviceId
    ? { memberId: a.memberId, agencyId: a.agencyId, deviceId: a.deviceId }
    : null

export const entryId = (chunk: number, index: number): number => chunk * CHUNK_ENTRIES + index

/** The chunk an entry id is in, and its place there. */
export const locate = (id: number): { chunk: number; index: number } => ({
  chunk: Math.floor(id / CHUNK_ENTRIES),
  index: id % CHUNK_ENTRIES,
})

const SOURCES: readonly EntrySource[] = ['member', 'relay', 'baseline', 'erasure', 'legal-hold']

export const encodeChunk = (entries: readonly StoredEntry[]): Uint8Array => {
  const e = encoding.createEncoder()
  for (const entry of entries) {
    encoding.writeVarUint(e, SOURCES.indexOf(entry.source))
    encoding.writeVarString(e, entry.author?.memberId ?? '')
    encoding.writeVarString(e, entry.author?.agencyId ?? '')
    encoding.writeVarString(e, entry.author?.deviceId ?? '')
    encoding.writeVarUint(e, entry.firstAt)
    encoding.writeVarUint(e, entry.lastAt)
    encoding.writeVarUint(e, entry.updates)
    encoding.writeVarUint(e, entry.parts.length)
    for (const part of entry.parts) encoding.writeVarUint8Array(e, part)
    if (isEvent(entry.source)) encoding.writeVarString(e, entry.note ?? '')
  }
  return encoding.toUint8Array(e)
}

export const decodeChunk = (data: Uint8Array): StoredEntry[] => {
  const d = decoding.createDecoder(data)
  const entries: StoredEntry[] = []
  while (decoding.hasContent(d)) {
    const source = SOURCES[decoding.readVarUint(d)] ?? 'relay'
    const memberId = decoding.readVarString(d)
    const agencyId = decoding.readVarString(d)
    const deviceId = decoding.readVarString(d)
    const firstAt = decoding.readVarUint(d)
    const lastAt = decoding.readVarUint(d)
    const updates = decoding.readVarUint(d)
    const parts: Uint8Array[] = []
    for (let n = decoding.readVarUint(d); n > 0; n--) parts.push(decoding.readVarUint8Array(d))
    const author = authorOf({ memberId, agencyId, deviceId })
    const entry: StoredEntry = { source, author, firstAt, lastAt, updates, parts }
    if (isEvent(source)) entry.note = decoding.readVarString(d)
    entries.push(entry)
  }
  return entries
}
