import { mergeMany } from './room.ts'

/** The member, agency and device behind an authenticated connection, as the relay knows them. */
export interface Author {
  memberId: string
  agencyId: string
  deviceId: string
}

/** Who sent an update: a member's connection, or the relay itself (author null, connection 0). */
export interface Sender {
  connection: number
  author: Author | null
}

export const RELAY_SENDER: Sender = { connection: 0, author: null }

/** One committed update of the live log, with who sent it and when it was committed. */
export interface LoggedUpdate {
  data: Uint8Array
  at: number
  sender: Sender
}

/** The room's newest history entry, which the next updates may extend. */
export interface OpenEntry {
  id: number
  sender: Sender
  firstAt: number
  updates: number
  data: Uint8Array
}

/** One row of the history table to write: a new entry (id null) or the open one, extended. */
export interface HistoryWrite {
  id: number | null
  sender: Sender
  firstAt: number
  lastAt: number
  updates: number
  data: Uint8Array
}

/**
 * One connection, and one member's device: connection numbers start again when the relay
 * restarts, and someone else's connection must never extend an entry.
 */
const sameSender = (a: Sender, b: Sender): boolean =>
  a.connection === b.connection &&
  a.author?.memberId === b.author?.memberId &&
  a.author?.deviceId === b.author?.deviceId

interface Run {
  id: number | null
  sender: Sender
  firstAt: number
  lastAt: number
  updates: number
  parts: { data: Uint8Array; at: number }[]
}

/**
 * Folds committed updates, in commit order, into history entries. Consecutive updates of one
 * connection within `windowMs` of the entry's first become one entry (merged): a typist leaves
 * an entry per window, not one per keystroke. An update from anyone else in between closes the
 * entry, so the state after entry N is exactly the document as it was then. The first updates
 * may extend `open`, the room's newest entry, on the same terms. Returns the writes in order;
 * the last one is the room's open entry afterwards unless `closed` (an update Yjs could not
 * merge, which then stands alone).
 */
export const coalesce = (
  updates: readonly LoggedUpdate[],
  open: OpenEntry | null,
  windowMs: number,
): { writes: HistoryWrite[]; closed: boolean } => {
  const runs: Run[] = []
  let run: Run | null = null
  for (const u of updates) {
    const joins = (sender: Sender, firstAt: number): boolean =>
      sameSender(sender, u.sender) && u.at - firstAt < windowMs
    if (run && joins(run.sender, run.firstAt)) {
      run.parts.push(u)
      run.updates++
      run.lastAt = u.at
      continue
    }
    if (!run && open && joins(open.sender, open.firstAt)) {
      run = {
        id: open.id,
        sender: u.sender,
        firstAt: open.firstAt,
        lastAt: u.at,
        updates: open.updates + 1,
        parts: [{ data: open.data, at: open.firstAt }, u],
      }
    } else {
      run = { id: null, sender: u.sender, firstAt: u.at, lastAt: u.at, updates: 1, parts: [u] }
    }
    runs.push(run)
  }
  const writes: HistoryWrite[] = []
  let closed = false
  for (const r of runs) {
    const { parts, ...entry } = r
    try {
      const data = parts.length === 1 ? parts[0]!.data : mergeMany(parts.map((p) => p.data))
      writes.push({ ...entry, data })
      closed = false
    } catch {
      // An update Yjs cannot merge (the room keeps it aside too): each stands alone, and an
      // entry being extended stays as it was.
      for (const p of r.id === null ? parts : parts.slice(1)) {
        writes.push({ ...entry, id: null, firstAt: p.at, lastAt: p.at, updates: 1, data: p.data })
      }
      closed = true
    }
  }
  return { writes, closed }
}
