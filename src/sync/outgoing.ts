import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MSG_SAVED, MSG_SYNC, SYNC_UPDATE } from './protocol.ts'

/**
 * How long the device's own updates to a document are gathered into one message. A keystroke's
 * update is about 20 bytes and its framing 9 more (websocket header with mask, sync header), so
 * on a slow link sending each alone cost half as much again as the edit; consecutive letters
 * merge into one item, so half a second of typing travels in little more than one keystroke's
 * bytes. Partners see the text up to this much later, the author at once.
 */
export const COALESCE_MS = 500

const message = (type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * What this device sends the relay of its own changes to one document, on the stock provider's
 * socket: instead of the provider's message per update, the updates of a window merged into one
 * message, and right after it a save marker (R8) covering it. Updates made while the socket is
 * not open are not kept here: the next connection's sync step 2 carries them, as it would for
 * the stock provider.
 */
export class OutgoingUpdates {
  private queued: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || !this.open()) return
    this.queued.push(update)
    this.timer ??= setTimeout(() => this.flush(), this.windowMs)
  }
  private readonly onStatus = (): void => this.drop()

  constructor(
    private readonly provider: WebsocketProvider,
    /** The next save marker to send after a flush, or null to send none (read-only). */
    private readonly nextMarker: () => number | null,
    private readonly windowMs = COALESCE_MS,
  ) {
    provider.doc.off('update', provider._updateHandler)
    provider.doc.on('update', this.onUpdate)
    provider.on('status', this.onStatus)
  }

  /** Sends what is gathered now, then a marker; with nothing gathered, only the marker. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.provider.ws
    if (!this.open() || !ws) return this.drop()
    if (this.queued.length > 0) {
      const update = this.queued.length === 1 ? this.queued[0]! : Y.mergeUpdates(this.queued)
      this.queued = []
      ws.send(
        message(MSG_SYNC, (e) => {
          encoding.writeVarUint(e, SYNC_UPDATE)
          encoding.writeVarUint8Array(e, update)
        }),
      )
    }
    const marker = this.nextMarker()
    if (marker !== null) ws.send(message(MSG_SAVED, (e) => encoding.writeVarUint(e, marker)))
  }

  destroy(): void {
    this.drop()
    this.provider.doc.off('update', this.onUpdate)
    this.provider.off('status', this.onStatus)
  }

  private open(): boolean {
    const ws = this.provider.ws
    return this.provider.wsconnected && ws !== null && ws.readyState === ws.OPEN
  }

  /** The socket changed: what was gathered travels in the next sync step 2 instead. */
  private drop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.queued = []
  }
}
