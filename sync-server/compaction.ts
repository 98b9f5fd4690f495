import * as Y from 'yjs'
import { log } from './log.ts'
import { type CompactionStart, mergeSettingAside, type Room } from './room.ts'
import { FOLD_STEP_ROWS } from './history-log.ts'
import type { UpdateLog } from './update-log.ts'

/** How long one step of a compaction may apply parts; the transaction's cleanup comes on top. */
const STEP_MS = 1
/**
 * Parts applied in one step at most: the transaction's cleanup at its end (merging structs,
 * collecting what was deleted) grows with what it applied; with 2 ms of parts it took 3–8 ms more.
 */
const PARTS_PER_STEP = 100
/** Log rows deleted per step once the snapshot is stored (~1 ms on this kind of disk). */
const DELETE_ROWS_PER_STEP = 250

/**
 * A room's log compacted into a snapshot in steps of a few milliseconds, each in its own turn of
 * the event loop, so that every room's messages get through in between. Done in one go, 2,000 small
 * updates took 15–60 ms (building the document, then deleting the rows): twenty rooms reaching the
 * limit together held every room's deliveries for about 400 ms.
 *
 * Steps: the rows it replaces are folded into the history, FOLD_STEP_ROWS at a time; the parts (the
 * room's state when the compaction began, as base and tail) are applied to a throwaway Y.Doc, at
 * most PARTS_PER_STEP at a time, so that erased content is dropped (see mergeDroppingErased); the
 * snapshot is stored (with whatever is left to fold, in one transaction); the room takes it in
 * place of those parts, unless its state was merged meanwhile; then the rows it replaces are
 * deleted a few hundred at a time. Updates accepted meanwhile stay in the log after the snapshot.
 * Stopped at any point, the database is consistent: before the snapshot only the history grew (as
 * any fold does), after it the rows left at or below it are never read and go when the room is next
 * opened (Room.leftover).
 */
export class Compaction {
  private readonly uptoSeq: number
  /** Log rows and bytes the snapshot replaces (the room's counts when it began). */
  private readonly rows: number
  private readonly bytes: number
  private readonly from: CompactionStart
  private doc: Y.Doc | null = null
  private applied = 0
  private foldDue = true
  private snapshotDue = true
  /** Whether its snapshot was stored (false until then, and if storing it failed). */
  stored = false

  constructor(
    private readonly room: Room,
    private readonly updateLog: UpdateLog,
    private readonly onUnmergeable: (update: Uint8Array, reason: string) => void,
  ) {
    this.from = room.compactionStart()
    this.uptoSeq = room.lastSeq
    this.rows = room.logCount
    this.bytes = room.logBytes
  }

  /** One step within about `budgetMs`; true once the compaction is over. */
  step(budgetMs = STEP_MS): boolean {
    if (this.foldDue) {
      try {
        this.foldDue = this.updateLog.history.fold(this.room.name, this.uptoSeq, FOLD_STEP_ROWS)
      } catch (err) {
        this.failed(err)
        return true
      }
      return false
    }
    if (this.snapshotDue) {
      const snapshot = this.merged(performance.now() + budgetMs)
      if (!snapshot) return false
      this.snapshotDue = false
      this.store(snapshot.bytes, snapshot.collected)
      return false
    }
    if (!this.stored) return true
    try {
      return (
        this.updateLog.deleteCompacted(this.room.name, this.uptoSeq, DELETE_ROWS_PER_STEP) === 0
      )
    } catch (err) {
      // Rows left at or below the snapshot are never read; the next compaction deletes them.
      log('error', 'compacted rows not deleted', {
        room: this.room.name,
        error: (err as Error).message,
      })
      return true
    }
  }

  /**
   * Applies parts until the time is up; the snapshot once all are in (null before). `collected`:
   * whether it went through a Y.Doc (erased content dropped).
   */
  private merged(until: number): { bytes: Uint8Array; collected: boolean } | null {
    const { parts } = this.from
    // A room opened with a long log has just built its state through a Y.Doc: that is it.
    if (this.from.collected) return { bytes: this.from.base, collected: true }
    const doc = (this.doc ??= new Y.Doc())
    let over = false
    try {
      Y.transact(doc, () => {
        const last = Math.min(parts.length, this.applied + PARTS_PER_STEP)
        while (this.applied < last) {
          Y.applyUpdate(doc, parts[this.applied++]!)
          if (performance.now() >= until) break
        }
      })
      if (this.applied < parts.length) return null
      over = true
      return { bytes: Y.encodeStateAsUpdate(doc), collected: true }
    } catch {
      over = true
      log('error', 'erased content kept: the state does not load into a document', {
        room: this.room.name,
      })
      const [first = new Uint8Array([0, 0]), ...rest] = parts
      return { bytes: mergeSettingAside(first, rest, this.onUnmergeable), collected: false }
    } finally {
      if (over) {
        this.doc = null
        doc.destroy()
      }
    }
  }

  private store(snapshot: Uint8Array, collected: boolean): void {
    try {
      this.updateLog.storeSnapshot(this.room.name, snapshot, this.uptoSeq)
    } catch (err) {
      this.failed(err)
      return
    }
    this.stored = true
    this.room.logCount -= this.rows
    this.room.logBytes -= this.bytes
    this.room.leftover = false
    this.room.compactedTo(snapshot, this.from, collected)
  }

  /** The log stays as it is; the room is compacted again after its next commit. */
  private failed(err: unknown): void {
    log('error', 'compaction failed', { room: this.room.name, error: (err as Error).message })
  }
}
