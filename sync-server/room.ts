import * as Y from 'yjs'
import type { AwarenessEntry } from './awareness.ts'

/** Whatever a room needs from a connection: the relay's connection class implements it. */
export interface RoomMember {
  readonly id: number
  send(message: Uint8Array): void
  /** The same, framed once for several members (see frame.ts). */
  sendFramed(frame: Buffer, messageBytes: number): void
  /**
   * After a commit: the member's last save marker, taken now and confirmed once the commit is on
   * disk; undefined if it asked nothing new since its last confirmation (R60).
   */
  savedNow(): (() => void) | undefined
  /** Once nothing is waiting to be committed or synced: confirms markers sent since. */
  savedSinceAll(): void
}

/** How many updates one Y.mergeUpdates call takes at most; see mergeMany. */
const MERGE_FAN_IN = 32

/**
 * Y.mergeUpdates over n updates costs O(n²): it filters and re-sorts all n readers after every
 * struct it writes, so a room opened with 10,000 stored keystrokes took over a second. Merging
 * in a tree of at most MERGE_FAN_IN at a time gives the same bytes in a few tens of ms.
 */
export const mergeMany = (updates: Uint8Array[]): Uint8Array => {
  let level = updates
  while (level.length > MERGE_FAN_IN) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += MERGE_FAN_IN) {
      next.push(Y.mergeUpdates(level.slice(i, i + MERGE_FAN_IN)))
    }
    level = next
  }
  return Y.mergeUpdates(level)
}

/**
 * `first` and `rest` merged into one (mergeMany); should some of `rest` not merge, they are
 * merged one by one onto `first`, and each that cannot is set aside through `onUnmergeable`:
 * everything else is kept.
 */
export const mergeSettingAside = (
  first: Uint8Array,
  rest: readonly Uint8Array[],
  onUnmergeable: (update: Uint8Array, reason: string) => void,
): Uint8Array => {
  try {
    return mergeMany([first, ...rest])
  } catch {
    let acc = first
    for (const u of rest) {
      try {
        acc = Y.mergeUpdates([acc, u])
      } catch (err) {
        onUnmergeable(u, err instanceof Error ? err.message : String(err))
      }
    }
    return acc
  }
}

/**
 * Whether a (version 1) update deletes anything. It ends with its delete set, whose last number is
 * the length of a deleted range (never 0) or, for an empty set, the count of its clients (0); a
 * number's last byte is 0 only for 0 itself.
 */
export const hasDeletions = (update: Uint8Array): boolean => update[update.length - 1] !== 0

/**
 * Updates as one, the way a Y.Doc keeps them: the content of deletions dropped, their places and
 * lengths kept, so every state vector and every later update still fit. Merging binary updates
 * keeps the text of every deletion: without this an erased name or PESEL would reach every device
 * that syncs the room, and a document would grow with everything ever typed into it. Updates
 * whose dependencies have not arrived are kept as they are (Y.encodeStateAsUpdate includes them).
 * Applied in one transaction, a long run of small updates also goes twice as fast as through
 * Y.mergeUpdates (10,000 keystrokes: ~21 ms instead of ~40).
 */
export const mergeDroppingErased = (updates: Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      for (const u of updates) Y.applyUpdate(doc, u)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/** What a compaction starts from: the room's base and tail as they were. */
export interface CompactionStart {
  parts: Uint8Array[]
  base: Uint8Array
  tailLength: number
  /** Whether the parts are one state that went through a Y.Doc already: it is the snapshot. */
  collected: boolean
}

/**
 * From how many updates (base and tail) a room's state is built through a Y.Doc: below it,
 * merging the bytes costs less than building the document's structs (a few µs against ~0.4 ms
 * for a 10 KB document).
 */
const THROUGH_DOC_FROM = MERGE_FAN_IN

/**
 * One document held in memory as binary Yjs updates, never as a Y.Doc kept alive: incoming
 * updates are appended to `tail` and folded into `base` only when someone needs the whole state
 * (through a throwaway Y.Doc for a long tail, see mergeDroppingErased).
 */
export class Room {
  readonly members = new Set<RoomMember>()
  readonly awareness = new Map<number, AwarenessEntry & { owner: number }>()
  /** Client ids whose presence ended, with the clock it ended at: later echoes are not claims. */
  readonly departed = new Map<number, number>()
  /** Updates accepted but not yet committed to SQLite. */
  uncommitted = 0
  /** Commits of this room whose fsync has not returned yet (see WalSync). */
  unsynced = 0
  /** Log rows since the snapshot, to decide when to compact. */
  logCount: number
  /** Committed rows not yet folded into the history, about (see Rooms.fold). */
  unfolded: number
  logBytes: number
  lastSeq: number
  /** Whether the base went through a Y.Doc since it last changed (nothing erased is left in it). */
  private baseCollected = false
  /** Whether the log holds rows a compaction left behind (see Compaction); it compacts again. */
  leftover: boolean
  idleTimer: NodeJS.Timeout | null = null
  /** Whether anything was accepted since the room was loaded (its closure is noted on unload). */
  changed = false
  /** Whether something was deleted since the last compaction (see compactedTo). */
  erased: boolean
  private base: Uint8Array
  private tail: Uint8Array[]
  /**
   * Per client, the end of the highest clock range the room was given (at least what it holds;
   * null: not known, taken from the state when next needed). An update starting below it may
   * re-send what the room has (see lacking).
   */
  private known: Map<number, number> | null = null

  constructor(
    readonly name: string,
    stored: {
      snapshot: Uint8Array | null
      updates: Uint8Array[]
      lastSeq: number
      logBytes: number
      leftover: boolean
    },
    private readonly onUnmergeable: (update: Uint8Array, reason: string) => void,
  ) {
    this.base = stored.snapshot ?? new Uint8Array([0, 0])
    this.tail = stored.updates
    this.logCount = stored.updates.length
    this.unfolded = stored.updates.length
    this.logBytes = stored.logBytes
    this.lastSeq = stored.lastSeq
    this.erased = stored.updates.some(hasDeletions)
    this.leftover = stored.leftover
  }

  /** `runs`: the update's clock ranges as checkUpdate lists them; without them `known` is reset. */
  append(update: Uint8Array, runs?: readonly number[]): void {
    this.changed = true
    this.tail.push(update)
    if (hasDeletions(update)) this.erased = true
    if (!runs) this.known = null
    else if (this.known) {
      for (let i = 0; i < runs.length; i += 3) {
        const client = runs[i]!
        if (runs[i + 2]! > (this.known.get(client) ?? 0)) this.known.set(client, runs[i + 2]!)
      }
    }
  }

  /**
   * R31: the part of an update the room lacks, or null if it lacks none of it. An update that
   * starts where the room's clocks end (every live edit) is the update itself; one that re-sends
   * structs the room has (a device that was offline re-sending its old updates, with text erased
   * since) is cut to what the room lacks by Y.diffUpdate against the room's exact state vector.
   * The room keeps erased structs as deleted ones of the same ids and lengths, so their clocks
   * are in that vector and the re-sent content is dropped, never stored or forwarded again.
   */
  lacking(update: Uint8Array, runs: readonly number[]): Uint8Array | null {
    const known = (this.known ??= this.clocks())
    let overlaps = false
    for (let i = 0; i < runs.length; i += 3) {
      if (runs[i + 1]! < (known.get(runs[i]!) ?? 0)) overlaps = true
    }
    if (!overlaps) return update
    const lacked = Y.diffUpdate(update, this.stateVector())
    const { structs, ds } = Y.decodeUpdate(lacked)
    return structs.length === 0 && ds.clients.size === 0 ? null : lacked
  }

  private clocks(): Map<number, number> {
    return Y.decodeStateVector(this.stateVector())
  }

  /** R30: the room's whole state replaced by a scrubbed one, which the log now holds alone. */
  replaceState(state: Uint8Array, lastSeq: number): void {
    this.base = state
    this.tail = []
    this.baseCollected = true
    this.erased = false
    this.leftover = false
    this.known = null
    this.logCount = 0
    this.logBytes = 0
    this.unfolded = 0
    this.lastSeq = lastSeq
  }

  /** The whole document as one merged update. */
  state(): Uint8Array {
    if (this.tail.length === 0) return this.base
    if (this.tail.length + 1 >= THROUGH_DOC_FROM && this.mergeThroughDoc()) return this.base
    const tail = this.tail
    this.tail = []
    this.base = mergeSettingAside(this.base, tail, this.onUnmergeable)
    this.baseCollected = false
    return this.base
  }

  /** The state as it is, as parts, for a compaction to start from (see Compaction). */
  compactionStart(): CompactionStart {
    return {
      parts: [this.base, ...this.tail],
      base: this.base,
      tailLength: this.tail.length,
      collected: this.tail.length === 0 && this.baseCollected,
    }
  }

  /**
   * Takes a compaction's snapshot in place of the parts it was made from; updates appended since
   * stay after it. Should the state have been merged meanwhile, the parts can no longer be told
   * apart and the room keeps its state as it is (erased content too) until its next compaction.
   * `collected`: whether the snapshot went through a Y.Doc (erased content dropped).
   */
  compactedTo(snapshot: Uint8Array, from: CompactionStart, collected: boolean): void {
    if (this.base !== from.base) return
    this.base = snapshot
    this.baseCollected = collected
    this.tail = this.tail.slice(from.tailLength)
    this.erased = !collected || this.tail.some(hasDeletions)
  }

  /** Base and tail through a Y.Doc into the base; false (nothing changed) if Yjs throws. */
  private mergeThroughDoc(): boolean {
    try {
      this.base = mergeDroppingErased([this.base, ...this.tail])
    } catch {
      return false
    }
    this.baseCollected = true
    this.tail = []
    return true
  }

  /** What a client with state vector `sv` lacks. */
  diff(sv: Uint8Array): Uint8Array {
    const state = this.state()
    // A client with nothing (a state vector of no clients: a new device, a fresh load) lacks all
    // of it: the merged state as it is, rather than Y.diffUpdate re-encoding every struct of it
    // (a tenth of the time to open a long document).
    if (sv.length === 1 && sv[0] === 0) return state
    return Y.diffUpdate(state, sv)
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVectorFromUpdate(this.state())
  }
}
