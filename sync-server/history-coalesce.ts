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
}

/**
 * One row of the history table to write: a new entry (id null) or the open one extended, with
 * the updates it gains (kept as they are: merging them is left to whoever reads the entry).
 */
export interface HistoryWrite {
  id: number | null
  sender: Sender
  firstAt: number
  lastAt: number
  updates: number
  parts: Uint8Array[]
}

/**
 * One connection, and one member's device: connection numbers start again when the relay
 * restarts, and someone else's connection must never extend an entry.
 */
const sameSender = (a: Sender, b: Sender): boolean =>
  a.connection === b.connection &&
  a.author?.memberId === b.author?.memberId &&
  a.author?.deviceId === b.author?.deviceId

/**
 * Folds committed updates, in commit order, into history entries. Consecutive updates of one
 * connection within `windowMs` of the entry's first become one entry: a typist leaves an entry
 * per window, not one per keystroke. An update from anyone else in between closes the entry, so
 * the state after entry N is exactly the document as it was then. The first updates may extend
 * `open`, the room's newest entry, on the same terms. Returns the writes in order; the last one
 * is the room's open entry afterwards.
 */
export const coalesce = (
  updates: readonly LoggedUpdate[],
  open: OpenEntry | null,
  windowMs: number,
): HistoryWrite[] => {
  const writes: HistoryWrite[] = []
  let entry: HistoryWrite | null = null
  for (const u of updates) {
    const joins = (sender: Sender, firstAt: number): boolean =>
      sameSender(sender, u.sender) && u.at - firstAt < windowMs
    if (entry && joins(entry.sender, entry.firstAt)) {
      entry.parts.push(u.data)
      entry.updates++
      entry.lastAt = u.at
      continue
    }
    entry =
      !entry && open && joins(open.sender, open.firstAt)
        ? { ...open, lastAt: u.at, updates: open.updates + 1, parts: [u.data] }
        : { id: null, sender: u.sender, firstAt: u.at, lastAt: u.at, updates: 1, parts: [u.data] }
    writes.push(entry)
  }
  return writes
}
