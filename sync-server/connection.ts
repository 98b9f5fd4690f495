import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  CLOSE,
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SAVED,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../src/sync/protocol.ts'
import { type AwarenessEntry, decodeAwareness, encodeAwareness } from './awareness.ts'
import { frameBinary } from './frame.ts'
import type { Level } from './access-store.ts'
import type { Author, Sender } from './history-coalesce.ts'
import type { Metrics } from './metrics.ts'
import { TokenBucket } from './rate-limit.ts'
import type { Room, RoomMember } from './room.ts'
import type { Rooms } from './rooms.ts'
import { checkUpdate, isEmptyUpdate } from './update-check.ts'

export interface ConnectionLimits {
  maxMessageBytes: number
  maxBufferedBytes: number
  rateLimitPerSecond: number
  rateLimitBurst: number
}

/** A protocol violation: the offender is closed with this code and reason. */
class Violation extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason)
  }
}

const message = (type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A close reason fits the 123 bytes of a close frame, cut on a character boundary: ws throws on a
 * longer one, and reasons can quote the offending input (JSON.parse does), so they may be
 * multi-byte.
 */
export const closeReason = (reason: string): string => {
  let out = ''
  let bytes = 0
  for (const ch of reason) {
    bytes += Buffer.byteLength(ch)
    if (bytes > 123) break
    out += ch
  }
  return out
}

let nextId = 1
const EMPTY = new Uint8Array(0)

/** One authenticated, authorised socket in one room, speaking the y-websocket protocol. */
export class Connection implements RoomMember {
  readonly id = nextId++
  /** The highest save marker this client sent; echoed once everything before it is durable. */
  private savedMarker = 0
  /**
   * The highest marker it was told about or will be once a commit under way is on disk: a
   * confirmation goes only to the connection that asked, and only when it advances (R60).
   */
  private promisedMarker = 0
  private readonly bucket: TokenBucket
  /** Presence echoes (see handleAwareness) draw on their own, larger allowance. */
  private readonly echoBucket: TokenBucket
  private readonly clients = new Set<number>()
  private closed = false
  /** Every update this socket sends is the authenticated member's, whatever it contains. */
  private readonly sender: Sender

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws`, for frames built once for several members (sendFramed). */
    private readonly socket: Duplex,
    readonly room: Room,
    public access: Level,
    private readonly rooms: Rooms,
    private readonly metrics: Metrics,
    private readonly limits: ConnectionLimits,
    private readonly onClosed: (conn: Connection) => void,
    author: Author,
  ) {
    this.sender = { connection: this.id, author }
    this.bucket = new TokenBucket(limits.rateLimitPerSecond, limits.rateLimitBurst)
    this.echoBucket = new TokenBucket(limits.rateLimitPerSecond * 10, limits.rateLimitBurst * 10)
  }

  start(): void {
    this.room.members.add(this)
    this.metrics.connections++
    this.ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary))
    this.ws.on('close', () => this.cleanup())
    this.ws.on('error', () => this.cleanup())
    if (this.access === 'write') this.sendStep1()
    else this.tellReadOnly()
    if (this.room.awareness.size > 0) {
      this.send(message(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, this.awarenessAll())))
    }
  }

  /** Changes the access of an open connection after a grant changed. */
  setAccess(access: Level): void {
    if (access === this.access) return
    this.access = access
    if (access === 'read') this.tellReadOnly()
    else this.sendStep1()
  }

  send(msg: Uint8Array): void {
    if (!this.writable()) return
    this.metrics.bytesOut += msg.length
    this.ws.send(msg)
  }

  /**
   * A message framed once for several members (frameBinary), written to the socket as it is.
   * In order with ws's own writes: with compression off (relay.ts) and only bytes to send, ws
   * writes every frame at once, in call order.
   */
  sendFramed(frame: Buffer, messageBytes: number): void {
    if (!this.writable()) return
    this.metrics.bytesOut += messageBytes
    this.socket.write(frame)
  }

  /** Open and keeping up; a slow consumer is closed here, before its buffer grows further. */
  private writable(): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      const ws = this.ws
      this.close(CLOSE.TRY_LATER, 'slow consumer: unsent buffer over limit')
      // The close frame queues behind the full buffer; free the memory instead of waiting.
      setTimeout(() => ws.terminate(), 1000).unref()
      return false
    }
    return true
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.metrics.countClose(code)
    this.ws.close(code, closeReason(reason))
    this.cleanup()
  }

  /**
   * A commit of the room is on its way to disk: everything this connection sent before its
   * latest marker is in it, so the marker is confirmed once it is durable — if it advanced.
   */
  savedNow(): (() => void) | undefined {
    if (this.savedMarker <= this.promisedMarker) return undefined
    const marker = (this.promisedMarker = this.savedMarker)
    return () => this.sendSaved(marker)
  }

  /** Everything accepted in the room is durable: a marker received since is confirmed now. */
  savedSinceAll(): void {
    if (this.savedMarker <= this.promisedMarker) return
    this.promisedMarker = this.savedMarker
    this.sendSaved(this.savedMarker)
  }

  /**
   * `[100, empty, marker]` (R60): the empty field was the room's state vector, which grew with
   * every editing session; it stays, one byte, so that installed clients still parse the marker.
   */
  private sendSaved(marker: number): void {
    this.send(
      message(MSG_SAVED, (e) => {
        encoding.writeVarUint8Array(e, EMPTY)
        encoding.writeVarUint(e, marker)
      }),
    )
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    this.metrics.bytesIn += data.length
    try {
      if (data.length > this.limits.maxMessageBytes) {
        throw new Violation(CLOSE.TOO_LARGE, `message of ${data.length} bytes over the limit`)
      }
      // Awareness is charged in handleAwareness, once it is known whether it is an echo.
      const awareness = isBinary && data[0] === MSG_AWARENESS
      if (!awareness && !this.bucket.take()) {
        throw new Violation(CLOSE.TRY_LATER, 'rate limit exceeded')
      }
      if (!isBinary) throw new Violation(CLOSE.MALFORMED, 'text frames are not accepted')
      this.handle(data)
    } catch (err) {
      if (err instanceof Violation) this.close(err.code, err.message)
      else this.close(CLOSE.MALFORMED, `malformed message: ${(err as Error).message}`)
    }
  }

  /** `msg` as ws gave it: forwarded as it is, ws sends a Buffer without wrapping it again. */
  private handle(msg: Buffer): void {
    const decoder = decoding.createDecoder(msg)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MSG_SYNC:
        return this.handleSync(decoder, msg)
      case MSG_AWARENESS:
        return this.handleAwareness(decoding.readVarUint8Array(decoder))
      case MSG_QUERY_AWARENESS:
        return this.send(
          message(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, this.awarenessAll())),
        )
      case MSG_SAVED:
        // A read-only connection's changes are never saved, so it is never told they were.
        if (this.access !== 'write') return
        // Without a marker, or with one not above the last, there is nothing new to confirm.
        if (!decoding.hasContent(decoder)) return
        this.savedMarker = Math.max(this.savedMarker, decoding.readVarUint(decoder))
        // Otherwise the next commit answers it, or, with nothing left to commit, the end of the
        // fsync under way (savedSinceAll).
        if (this.room.uncommitted === 0 && this.room.unsynced === 0) this.savedSinceAll()
        return
      case MSG_AUTH:
        throw new Violation(CLOSE.MALFORMED, 'auth messages are sent by the relay only')
      default:
        throw new Violation(CLOSE.MALFORMED, `unknown message type ${type}`)
    }
  }

  private handleSync(decoder: decoding.Decoder, raw: Buffer): void {
    const sub = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (sub === SYNC_STEP1) {
      Y.decodeStateVector(payload)
      const diff = this.room.diff(payload)
      this.send(
        message(MSG_SYNC, (e) => {
          encoding.writeVarUint(e, SYNC_STEP2)
          encoding.writeVarUint8Array(e, diff)
        }),
      )
      return
    }
    if (sub !== SYNC_STEP2 && sub !== SYNC_UPDATE) {
      throw new Violation(CLOSE.MALFORMED, `unknown sync message type ${sub}`)
    }
    const runs: number[] = []
    checkUpdate(payload, runs)
    // A read-only connection's writes are neither applied, forwarded nor stored.
    if (this.access !== 'write' || isEmptyUpdate(payload)) return
    // Only what the room lacks is stored and forwarded (R31).
    const update = this.room.lacking(payload, runs)
    if (update === null) return
    this.rooms.accept(this.room, update, this.sender, update === payload ? runs : undefined)
    // Alone in the room (a worker writing by herself): nobody to frame the update for.
    if (this.room.members.size < 2) return
    const forward =
      sub === SYNC_UPDATE && update === payload
        ? raw
        : message(MSG_SYNC, (e) => {
            encoding.writeVarUint(e, SYNC_UPDATE)
            encoding.writeVarUint8Array(e, update)
          })
    const frame = frameBinary(forward)
    for (const m of this.room.members) if (m !== this) m.sendFramed(frame, forward.length)
  }

  private handleAwareness(update: Uint8Array): void {
    const entries = decodeAwareness(update)
    // A client id belongs to the connection that first announced it: no one spoofs presence.
    const accepted = [...entries].filter(([clientId, entry]) => {
      const current = this.room.awareness.get(clientId)
      if (current) return current.owner === this.id
      // Removing what is not there, or a state older than the end of a client's presence: what
      // a stock client sends back after hearing of it, not a claim; taken as one, it revived the
      // presence of whoever just left and was charged to the echoing client's own limit.
      if (entry.state === 'null') return false
      return entry.clock >= (this.room.departed.get(clientId) ?? 0)
    })
    // The stock client sends back every presence change it hears, so each message relayed to n
    // clients returns n echoes. Those change nothing and go nowhere; charged to the echoing
    // client's own limit they got everyone in a room closed when one member was chatty.
    const bucket = accepted.length > 0 ? this.bucket : this.echoBucket
    if (!bucket.take()) throw new Violation(CLOSE.TRY_LATER, 'rate limit exceeded')
    for (const [clientId, entry] of accepted) {
      if (entry.state === 'null') {
        this.room.awareness.delete(clientId)
        this.clients.delete(clientId)
        this.depart(clientId, entry.clock)
      } else {
        this.room.awareness.set(clientId, { ...entry, owner: this.id })
        this.room.departed.delete(clientId)
        this.clients.add(clientId)
      }
    }
    if (accepted.length === 0) return
    const payload = accepted.length === entries.size ? update : encodeAwareness(accepted)
    const msg = message(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, payload))
    // Echoed to the sender too: the stock client treats 30 s of silence as a dead socket.
    const frame = frameBinary(msg)
    for (const m of this.room.members) m.sendFramed(frame, msg.length)
  }

  private depart(clientId: number, clock: number): void {
    const departed = this.room.departed
    departed.delete(clientId)
    departed.set(clientId, clock)
    // Bounded: the oldest departures are forgotten first.
    if (departed.size > 10_000) departed.delete(departed.keys().next().value!)
  }

  private awarenessAll(): Uint8Array {
    return encodeAwareness(this.room.awareness)
  }

  private sendStep1(): void {
    const sv = this.room.stateVector()
    this.send(
      message(MSG_SYNC, (e) => {
        encoding.writeVarUint(e, SYNC_STEP1)
        encoding.writeVarUint8Array(e, sv)
      }),
    )
  }

  private tellReadOnly(): void {
    // y-protocols auth message "permission denied": the stock client logs it, Mosty shows it.
    this.send(
      message(MSG_AUTH, (e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarString(e, 'read-only: your changes to this document are not accepted')
      }),
    )
  }

  private cleanup(): void {
    if (this.closed) return
    this.closed = true
    this.metrics.connections--
    this.room.members.delete(this)
    const gone: [number, AwarenessEntry][] = []
    for (const clientId of this.clients) {
      const entry = this.room.awareness.get(clientId)
      if (entry?.owner !== this.id) continue
      this.room.awareness.delete(clientId)
      gone.push([clientId, { clock: entry.clock + 1, state: 'null' }])
      this.depart(clientId, entry.clock + 1)
    }
    if (gone.length > 0) {
      const msg = message(MSG_AWARENESS, (e) =>
        encoding.writeVarUint8Array(e, encodeAwareness(gone)),
      )
      for (const m of this.room.members) m.send(msg)
    }
    this.rooms.release(this.room)
    this.onClosed(this)
  }
}
