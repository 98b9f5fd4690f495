import * as Y from 'yjs'

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

/** One row of the history table to write: a new entry (id null) or the open one, extended. */
export interface HistoryWrite {
  id: number | null
  room: string
  author: Author | null
  firstAt: number
  lastAt: number
  updates: number
  data: Uint8Array
}

interface OpenEntry {
  id: number
  connection: number
  firstAt: number
  updates: number
  data: Uint8Array
}

interface Pending<R> {
  room: R
  id: number | null
  connection: number
  author: Author | null
  firstAt: number
  updates: number
  base: Uint8Array | null
  parts: Uint8Array[]
}

export interface HistoryPlan<R> {
  writes: HistoryWrite[]
  /** The entry each room is left with (index into writes) to extend at the next commit, or none. */
  open: Map<R, { write: number; connection: number } | null>
}

/**
 * Folds the updates of a group commit into history entries. Consecutive updates of one
 * connection in one room, within `windowMs` of the entry's first, become one entry (merged with
 * Y.mergeUpdates): a typist leaves an entry per window, not one per keystroke. An update from
 * anyone else in between closes the entry, so entries follow the order in which the relay
 * committed them and the state after entry N is exactly the document as it was then.
 */
export class HistoryCoalescer<R> {
  private readonly open = new Map<R, OpenEntry>()

  constructor(private readonly windowMs: number) {}

  /** Plans the writes for a batch without changing anything: the commit may still fail. */
  plan(
    batch: readonly { room: R; name: string; data: Uint8Array; sender: Sender }[],
    now: number,
  ): HistoryPlan<R> {
    const order: Pending<R>[] = []
    const current = new Map<R, Pending<R>>()
    for (const b of batch) {
      let entry = current.get(b.room)
      if (!entry) {
        const open = this.open.get(b.room)
        if (open && open.connection === b.sender.connection && now - open.firstAt < this.windowMs) {
          entry = {
            room: b.room,
            id: open.id,
            connection: open.connection,
            author: b.sender.author,
            firstAt: open.firstAt,
            updates: open.updates,
            base: open.data,
            parts: [],
          }
          order.push(entry)
          current.set(b.room, entry)
        }
      }
      if (!entry || entry.connection !== b.sender.connection) {
        entry = {
          room: b.room,
          id: null,
          connection: b.sender.connection,
          author: b.sender.author,
          firstAt: now,
          updates: 0,
          base: null,
          parts: [],
        }
        order.push(entry)
        current.set(b.room, entry)
      }
      entry.parts.push(b.data)
      entry.updates++
    }
    const plan: HistoryPlan<R> = { writes: [], open: new Map() }
    const nameOf = new Map(batch.map((b) => [b.room, b.name]))
    for (const e of order) {
      const room = nameOf.get(e.room)!
      const write = (data: Uint8Array, id: number | null, updates: number): number =>
        plan.writes.push({
          id,
          room,
          author: e.author,
          firstAt: e.firstAt,
          lastAt: now,
          updates,
          data,
        }) - 1
      const all = e.base ? [e.base, ...e.parts] : e.parts
      try {
        const data = all.length === 1 ? all[0]! : Y.mergeUpdates(all)
        plan.open.set(e.room, { write: write(data, e.id, e.updates), connection: e.connection })
      } catch {
        // An update Yjs cannot merge (kept aside by the room too): each part stands alone, and
        // the open entry, if any, stays as it was.
        for (const part of e.parts) write(part, null, 1)
        plan.open.set(e.room, null)
      }
    }
    return plan
  }

  /** The commit succeeded: `ids` are the rows of plan.writes, in order. */
  settle(plan: HistoryPlan<R>, ids: readonly number[]): void {
    for (const [room, open] of plan.open) {
      if (!open) {
        this.open.delete(room)
        continue
      }
      const w = plan.writes[open.write]!
      this.open.set(room, {
        id: ids[open.write]!,
        connection: open.connection,
        firstAt: w.firstAt,
        updates: w.updates,
        data: w.data,
      })
    }
  }

  /** The room unloaded: its next update starts a new entry. */
  forget(room: R): void {
    this.open.delete(room)
  }
}
