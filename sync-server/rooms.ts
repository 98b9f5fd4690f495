import * as Y from 'yjs'
import { MSG_SYNC, SYNC_UPDATE } from '../src/sync/protocol.ts'
import * as encoding from 'lib0/encoding'
import { log } from './log.ts'
import { reclaimMemory } from './memory.ts'
import { isEmptyUpdate } from './update-check.ts'
import { RELAY_SENDER, type Sender } from './history-coalesce.ts'
import { type AccessOpen, FOLD_STEP_ROWS } from './history-log.ts'
import type { Metrics } from './metrics.ts'
import { Compaction } from './compaction.ts'
import { Room } from './room.ts'
import type { UpdateLog } from './update-log.ts'

const RETRY_COMMIT_MS = 1000
/** A room's committed updates go into its history in groups of about this many (HistoryLog). */
const FOLD_EVERY = 64
/** After this many unloads, the relay returns memory once no room is loaded; see unload. */
const RECLAIM_AFTER_UNLOADS = 1000
/** A member reopening a document within this time (a reconnect) is not logged again. */
const REOPEN_QUIET_MS = 5 * 60_000
/** How many recent opens are remembered for that; the oldest are forgotten first. */
const RECENT_OPENS = 10_000

export interface RoomsOptions {
  commitDelayMs: number
  compactUpdates: number
  compactBytes: number
  idleUnloadMs: number
}

/**
 * The rooms held in memory and the group commit that makes their updates durable. Only rooms
 * with a connection (or within the idle timeout after the last one left) are loaded.
 */
export class Rooms {
  private readonly loaded = new Map<string, Room>()
  private queue: { room: Room; name: string; data: Uint8Array; sender: Sender }[] = []
  private opens: AccessOpen[] = []
  /** When each member last opened each document, for REOPEN_QUIET_MS. */
  private readonly recentOpens = new Map<string, number>()
  /** Rooms with a compaction or a history fold to do; see choreSoon. */
  private readonly chores = new Set<Room>()
  private choreScheduled = false
  /** Compactions under way, at most one per room (unloaded rooms' too); see Compaction. */
  private readonly compactions = new Map<Room, Compaction>()
  private timer: NodeJS.Timeout | null = null
  private unloadsSinceReclaim = 0
  /** Told a changed room's state as it leaves memory (Retention.noteState, R33). */
  onUnload: (name: string, state: Uint8Array) => void = () => {}

  constructor(
    private readonly log: UpdateLog,
    private readonly metrics: Metrics,
    private readonly opts: RoomsOptions,
    /** Calls back once what was committed is on disk (see WalSync); then saves are confirmed. */
    private readonly durable: (done: () => void) => void = (done) => done(),
  ) {}

  get size(): number {
    return this.loaded.size
  }

  acquire(name: string): Room {
    let room = this.loaded.get(name)
    if (!room) {
      room = new Room(name, this.log.load(name), this.quarantine(name))
      this.loaded.set(name, room)
      this.metrics.roomsLoaded = this.loaded.size
      // After the open: whoever opened it gets its state first.
      if (this.needsCompaction(room)) this.choreSoon(room)
    }
    if (room.idleTimer) {
      clearTimeout(room.idleTimer)
      room.idleTimer = null
    }
    return room
  }

  /** The room if it is in memory. */
  loadedRoom(name: string): Room | undefined {
    return this.loaded.get(name)
  }

  /**
   * Stops what a room's log was being worked on (a compaction of a state now scrubbed, R30): its
   * snapshot would be older than the scrubbed one, which the store keeps anyway.
   */
  forgetChores(name: string): void {
    for (const room of [...this.compactions.keys()]) {
      if (room.name === name) this.compactions.delete(room)
    }
    for (const room of [...this.chores]) if (room.name === name) this.chores.delete(room)
  }

  /** Drops a purged room from memory (R33); its connections were closed. */
  evict(name: string): void {
    const room = this.loaded.get(name)
    this.forgetChores(name)
    if (!room) return
    if (room.idleTimer) clearTimeout(room.idleTimer)
    this.queue = this.queue.filter((q) => q.room !== room)
    this.loaded.delete(name)
    this.metrics.roomsLoaded = this.loaded.size
  }

  /** Keeps an update of the room that Yjs cannot merge, so that nothing is lost silently. */
  private quarantine(name: string): (update: Uint8Array, reason: string) => void {
    return (update, reason) => {
      this.log.quarantine(name, update, reason)
      log('error', 'update quarantined', { room: name, bytes: update.length, reason })
    }
  }

  /** Called when a connection leaves; the room unloads once idle. */
  release(room: Room): void {
    if (room.members.size > 0 || room.idleTimer) return
    room.idleTimer = setTimeout(() => this.unload(room), this.opts.idleUnloadMs)
    room.idleTimer.unref()
  }

  /**
   * Accepts an update: in memory at once, durable at the next group commit, and recorded in the
   * room's history as the sender's (the relay's own writes are the relay's).
   */
  accept(
    room: Room,
    data: Uint8Array,
    sender: Sender = RELAY_SENDER,
    runs?: readonly number[],
  ): void {
    room.append(data, runs)
    room.uncommitted++
    this.queue.push({ room, name: room.name, data, sender })
    this.metrics.updatesTotal++
    this.timer ??= setTimeout(() => this.flush(), this.opts.commitDelayMs)
  }

  /** Logs an admitted open at the next group commit, unless the member just opened it. */
  recordOpen(open: AccessOpen): void {
    const key = `${open.workspaceId}/${open.documentId}/${open.memberId}`
    const last = this.recentOpens.get(key)
    if (last !== undefined && open.at - last < REOPEN_QUIET_MS) return
    this.recentOpens.delete(key)
    this.recentOpens.set(key, open.at)
    if (this.recentOpens.size > RECENT_OPENS) {
      this.recentOpens.delete(this.recentOpens.keys().next().value!)
    }
    this.opens.push(open)
    this.timer ??= setTimeout(() => this.flush(), this.opts.commitDelayMs)
  }

  /**
   * Writes into a room on the relay's own behalf (the directory): the change is made on a
   * temporary Y.Doc, and only its difference is accepted and sent to the room's members. An
   * erasure's deletion is made this way on a member's request, and recorded as theirs (`sender`).
   */
  writeAsRelay(name: string, change: (doc: Y.Doc) => void, sender: Sender = RELAY_SENDER): void {
    const room = this.acquire(name)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, room.state())
    const before = Y.encodeStateVector(doc)
    change(doc)
    const update = Y.encodeStateAsUpdate(doc, before)
    doc.destroy()
    if (!isEmptyUpdate(update)) {
      this.accept(room, update, sender)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MSG_SYNC)
      encoding.writeVarUint(encoder, SYNC_UPDATE)
      encoding.writeVarUint8Array(encoder, update)
      const message = encoding.toUint8Array(encoder)
      for (const m of room.members) m.send(message)
    }
    this.release(room)
  }

  /** Commits every queued update in one transaction, then confirms and compacts. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.queue.length === 0 && this.opens.length === 0) return
    const batch = this.queue
    const opens = this.opens
    this.queue = []
    this.opens = []
    const started = process.hrtime.bigint()
    let seqs: number[]
    try {
      seqs = this.log.commit({
        updates: batch.map((b) => ({ room: b.name, data: b.data, sender: b.sender })),
        at: Date.now(),
        opens,
      })
    } catch (err) {
      // Disk full or locked: keep every update queued (nothing is confirmed) and try again.
      this.queue = batch.concat(this.queue)
      this.opens = opens.concat(this.opens)
      log('error', 'commit failed, will retry', {
        updates: batch.length,
        error: (err as Error).message,
      })
      this.timer ??= setTimeout(() => this.flush(), RETRY_COMMIT_MS)
      return
    }
    this.metrics.observeCommit(Number(process.hrtime.bigint() - started) / 1e9)
    const touched = new Set<Room>()
    batch.forEach((b, i) => {
      b.room.uncommitted--
      b.room.logCount++
      b.room.logBytes += b.data.length
      b.room.unfolded++
      b.room.lastSeq = seqs[i] ?? b.room.lastSeq
      touched.add(b.room)
    })
    const confirmations: (() => void)[] = []
    for (const room of touched) {
      if (this.hasChores(room)) this.choreSoon(room)
      room.unsynced++
      for (const m of room.members) {
        const confirm = m.savedNow()
        if (confirm) confirmations.push(confirm)
      }
    }
    // Confirmed as they were at the commit: whatever arrived since is not in it. Markers sent
    // since, with nothing left to commit or sync, are confirmed once this is on disk.
    this.durable(() => {
      for (const confirm of confirmations) confirm()
      for (const room of touched) {
        room.unsynced--
        if (room.uncommitted === 0 && room.unsynced === 0) {
          for (const m of room.members) m.savedSinceAll()
        }
      }
    })
  }

  private needsCompaction(room: Room): boolean {
    return (
      room.leftover ||
      room.logCount >= this.opts.compactUpdates ||
      room.logBytes >= this.opts.compactBytes
    )
  }

  private hasChores(room: Room): boolean {
    return this.needsCompaction(room) || room.unfolded >= FOLD_EVERY
  }

  /**
   * After a commit, what a room's log needs (compaction, or its history folded) is done in short
   * steps, one per turn of the event loop, the rooms taking turns, so that messages arriving
   * meanwhile get through in between: twenty busy rooms compacted in one go stalled every room
   * for over 100 ms (see Compaction).
   */
  private choreSoon(room: Room): void {
    this.chores.add(room)
    this.choreLater()
  }

  /** One step in the next turn, never two: a second chain of steps would halve the turns. */
  private choreLater(): void {
    if (this.choreScheduled || this.chores.size === 0) return
    this.choreScheduled = true
    setImmediate(() => {
      this.choreScheduled = false
      this.choreNext()
    })
  }

  private choreNext(): void {
    const [room] = this.chores
    if (!room) return
    this.chores.delete(room)
    const compaction = this.compactions.get(room)
    if (compaction) {
      if (!compaction.step()) this.chores.add(room)
      else {
        this.compactions.delete(room)
        // What arrived meanwhile may be a compaction's worth already (a failed one waits for the
        // next commit instead of retrying at once).
        if (compaction.stored && this.hasChores(room)) this.choreSoon(room)
      }
    } else if (this.loaded.get(room.name) === room) {
      if (this.needsCompaction(room)) this.compact(room)
      else if (room.unfolded >= FOLD_EVERY) this.fold(room)
    }
    this.choreLater()
  }

  private fold(room: Room): void {
    try {
      // A long log (a room opened with one) folds in steps too.
      if (this.log.history.fold(room.name, undefined, FOLD_STEP_ROWS)) this.choreSoon(room)
      else room.unfolded = 0
    } catch (err) {
      // The rows stay in the live log; the next fold or the compaction takes them.
      log('error', 'history fold failed', { room: room.name, error: (err as Error).message })
    }
  }

  /** Starts compacting the room (its steps are chores); every accepted update is committed first. */
  private compact(room: Room): void {
    if (this.compactions.has(room)) return
    if (room.uncommitted > 0) this.flush()
    this.compactions.set(room, new Compaction(room, this.log, this.quarantine(room.name)))
    this.choreSoon(room)
  }

  private unload(room: Room): void {
    room.idleTimer = null
    if (room.members.size > 0) return
    if (room.uncommitted > 0) this.flush()
    // Compacted as it leaves memory if something was erased in it, so that the erased content
    // leaves the stored document once the session is over, not only after thousands more edits.
    if (room.erased) this.compact(room)
    this.noteUnload(room)
    this.loaded.delete(room.name)
    this.metrics.roomsLoaded = this.loaded.size
    // A burst of rooms came and went (a morning's documents, a reconnect storm): once none is
    // loaded, give their memory back instead of keeping it resident until the next burst.
    if (++this.unloadsSinceReclaim >= RECLAIM_AFTER_UNLOADS && this.loaded.size === 0) {
      reclaimMemory({ unloaded: this.unloadsSinceReclaim })
      this.unloadsSinceReclaim = 0
    }
  }

  private noteUnload(room: Room): void {
    if (!room.changed) return
    try {
      this.onUnload(room.name, room.state())
    } catch (err) {
      log('error', 'room state not noted for retention', {
        room: room.name,
        error: (err as Error).message,
      })
    }
  }

  /** Unloads everything (shutdown); every accepted update is committed first. */
  close(): void {
    this.flush()
    this.chores.clear()
    // Finished now rather than left for the next start: their rows would stay until then.
    for (const compaction of this.compactions.values()) {
      let done = false
      while (!done) done = compaction.step(Infinity)
    }
    this.compactions.clear()
    if (this.timer) clearTimeout(this.timer)
    if (this.queue.length > 0) {
      log('error', 'updates left uncommitted at shutdown; their senders resend them', {
        updates: this.queue.length,
      })
    }
    for (const room of this.loaded.values()) {
      if (room.idleTimer) clearTimeout(room.idleTimer)
      this.noteUnload(room)
    }
    this.loaded.clear()
    this.metrics.roomsLoaded = 0
  }
}
