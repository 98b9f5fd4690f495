import * as Y from 'yjs'
import type { AwarenessEntry } from './awareness.ts'

/** Whatever a room needs from a connection: the relay's connection class implements it. */
export interface RoomMember {
  readonly id: number
  send(message: Uint8Array): void
  readonly wantsSaved: boolean
}

/**
 * One document held in memory as binary Yjs updates, never as a Y.Doc: incoming updates are
 * appended to `tail` and folded into `base` only when someone needs the whole state.
 */
export class Room {
  readonly members = new Set<RoomMember>()
  readonly awareness = new Map<number, AwarenessEntry & { owner: number }>()
  /** Updates accepted but not yet committed to SQLite. */
  uncommitted = 0
  /** Log rows since the snapshot, to decide when to compact. */
  logCount: number
  logBytes: number
  lastSeq: number
  idleTimer: NodeJS.Timeout | null = null
  private base: Uint8Array
  private tail: Uint8Array[]

  constructor(
    readonly name: string,
    stored: {
      snapshot: Uint8Array | null
      updates: Uint8Array[]
      lastSeq: number
      logBytes: number
    },
    private readonly onUnmergeable: (update: Uint8Array, reason: string) => void,
  ) {
    this.base = stored.snapshot ?? new Uint8Array([0, 0])
    this.tail = stored.updates
    this.logCount = stored.updates.length
    this.logBytes = stored.logBytes
    this.lastSeq = stored.lastSeq
  }

  append(update: Uint8Array): void {
    this.tail.push(update)
  }

  /** The whole document as one merged update. */
  state(): Uint8Array {
    if (this.tail.length === 0) return this.base
    try {
      this.base = Y.mergeUpdates([this.base, ...this.tail])
    } catch {
      // Find the update(s) that cannot merge, set them aside, keep everything else.
      let acc = this.base
      for (const u of this.tail) {
        try {
          acc = Y.mergeUpdates([acc, u])
        } catch (err) {
          this.onUnmergeable(u, err instanceof Error ? err.message : String(err))
        }
      }
      this.base = acc
    }
    this.tail = []
    return this.base
  }

  /** What a client with state vector `sv` lacks. */
  diff(sv: Uint8Array): Uint8Array {
    return Y.diffUpdate(this.state(), sv)
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVectorFromUpdate(this.state())
  }
}
