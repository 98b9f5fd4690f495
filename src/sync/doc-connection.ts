import * as decoding from 'lib0/decoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { backoffDelay } from './backoff.ts'
import { LocalCopyBound } from './local-compaction.ts'
import { afterStored, LocalJournal, replayJournal } from './local-journal.ts'
import { OutgoingUpdates } from './outgoing.ts'
import { PendingChanges } from './pending.ts'
import { CLOSE, isPermanentClose, MSG_AUTH, MSG_SAVED } from './protocol.ts'
import { RevokedError, type Tokens } from './session.ts'

export type SyncState = 'offline' | 'connecting' | 'synced' | 'refused'

export interface DocStatus {
  state: SyncState
  /** Local changes the relay has not confirmed as stored. */
  pending: number
  /** The relay accepts no changes from this member to this document. */
  readOnly: boolean
  /** Why the relay refused the connection (permanent close code), if it did. */
  refusal: { code: number; reason: string } | null
}

/** Stored rows at which the device's copy of a document is merged into one. */
const LOCAL_ROWS_BOUND = 200

const syncUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`

/**
 * One document on this device: IndexedDB first (so the document opens offline and only the
 * difference travels), then the stock y-websocket provider to the relay. Reconnects with
 * jittered backoff, refreshes the token before each attempt, and counts unconfirmed changes.
 */
export class DocConnection {
  readonly doc = new Y.Doc()
  readonly ready: Promise<void>
  provider: WebsocketProvider | null = null
  private local: IndexeddbPersistence | null = null
  private readonly pending: PendingChanges
  private status: DocStatus = { state: 'offline', pending: 0, readOnly: false, refusal: null }
  private readonly listeners = new Set<(s: DocStatus) => void>()
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private outgoing: OutgoingUpdates | null = null
  private destroyed = false
  private readonly localBound: LocalCopyBound
  private readonly journal: LocalJournal
  private fencing = false

  constructor(
    readonly room: string,
    private readonly tokens: Tokens,
    private readonly onRevoked: () => void,
    /** Resolves when this document may connect (see SyncClient: the device's own changes first). */
    private readonly turn: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.pending = new PendingChanges(`mosty:pending:${room}`, localStorage)
    this.status.pending = this.pending.count
    this.journal = new LocalJournal(`mosty:journal:${room}`)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== null && (origin === this.provider || origin === this.local)) return
      // Replayed from the journal: counted and kept when it was first made.
      if (origin === this.journal) return
      this.journal.append(update)
      // After y-indexeddb's own listener has started writing this update.
      queueMicrotask(() => this.fenceJournal())
      this.pending.recordLocalChange()
      this.update({ pending: this.pending.count })
    })
    const opened = performance.now()
    const name = `mosty:${room}`
    const local = new IndexeddbPersistence(name, this.doc)
    this.local = local
    this.localBound = new LocalCopyBound(local, LOCAL_ROWS_BOUND)
    this.ready = local.whenSynced.then(() => {
      // Read by the benchmark: how long the device's own copy took to load.
      performance.measure(`mosty:local-load:${room}`, { start: opened })
      if (this.destroyed) return
      // Changes the page made just before it went away, if IndexedDB lost them.
      const replayed = replayJournal(this.journal, this.doc, this.journal)
      afterStored(local, () => this.journal.commitUpTo(replayed))
      this.startProvider()
      void this.localBound.afterLoad()
    })
  }

  get current(): DocStatus {
    return this.status
  }

  /** Bytes handed to the socket and not yet sent: what a slow link still has to carry up. */
  get unsentBytes(): number {
    return this.provider?.ws?.bufferedAmount ?? 0
  }

  onStatus(listener: (s: DocStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The browser says the network is back: try now instead of waiting out the backoff. */
  reconnectNow(): void {
    if (this.status.state !== 'offline' || !this.provider) return
    this.attempt = 0
    this.scheduleConnect(0)
  }

  /** The browser says the network is gone: close the socket; reconnection backs off as usual. */
  dropConnection(): void {
    if (this.provider?.wsconnected || this.provider?.wsconnecting) this.provider.disconnect()
  }

  destroy(): void {
    this.destroyed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.outgoing?.destroy()
    this.provider?.destroy()
    this.listeners.clear()
    // Let a running merge of the local copy finish: closing its database would abort it.
    this.localBound.destroy()
    void this.localBound.settled.then(() => this.doc.destroy())
  }

  private startProvider(): void {
    const provider = new WebsocketProvider(syncUrl(), this.room, this.doc, {
      connect: false,
      disableBc: true,
      // Reconnection is ours: jittered, token-refreshing, and final on permanent refusals.
      shouldReconnect: () => false,
    })
    this.provider = provider
    // Own changes go out gathered, each batch with a save marker; a marker only once the sync
    // step 2 carrying everything made before the connection has gone (see PendingChanges).
    this.outgoing = new OutgoingUpdates(provider, () =>
      this.status.state === 'synced' && !this.status.readOnly ? this.pending.mark() : null,
    )
    provider.messageHandlers[MSG_SAVED] = (_enc, decoder) => {
      decoding.readVarUint8Array(decoder)
      if (decoding.hasContent(decoder)) this.pending.confirm(decoding.readVarUint(decoder))
      this.update({ pending: this.pending.count })
    }
    provider.messageHandlers[MSG_AUTH] = (_enc, decoder) => {
      if (decoding.readVarUint(decoder) === 0) this.update({ readOnly: true })
    }
    provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ state: 'connecting', refusal: null })
    })
    provider.on('sync', (synced: boolean) => {
      if (!synced) return
      this.attempt = 0
      this.update({ state: 'synced' })
      this.outgoing?.flush()
    })
    provider.on('connection-close', (event) => this.closed(event))
    this.scheduleConnect(0)
  }

  private closed(event: CloseEvent | null): void {
    this.pending.forgetMarkers()
    if (this.destroyed) return
    const code = event?.code ?? 1006
    if (isPermanentClose(code) && code !== CLOSE.UNAUTHENTICATED) {
      if (code === CLOSE.REVOKED) this.onRevoked()
      if (code === CLOSE.PURGED) void this.dropLocalCopy()
      this.update({ state: 'refused', refusal: { code, reason: event?.reason ?? '' } })
      return
    }
    if (code === CLOSE.UNAUTHENTICATED) this.tokens.invalidate()
    this.update({ state: 'offline' })
    this.scheduleConnect(backoffDelay(this.attempt++))
  }

  private scheduleConnect(delayMs: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void this.connect(), delayMs)
  }

  private async connect(): Promise<void> {
    const provider = this.provider
    if (!provider || this.destroyed || provider.wsconnected || provider.wsconnecting) return
    await this.turn()
    if (this.destroyed || provider.wsconnected || provider.wsconnecting) return
    try {
      provider.params = { token: await this.tokens.get() }
    } catch (err) {
      if (err instanceof RevokedError) {
        this.onRevoked()
        this.update({ state: 'refused', refusal: { code: CLOSE.REVOKED, reason: err.message } })
        return
      }
      this.update({ state: 'offline' })
      this.scheduleConnect(backoffDelay(this.attempt++))
      return
    }
    this.update({ state: 'connecting' })
    provider.connect()
  }

  /**
   * R33: the relay purged the document under the retention rules; this device's copy goes too
   * (its IndexedDB database, the unsaved-change journal and count). The document stays open,
   * refused, until the screen leaves it.
   */
  private async dropLocalCopy(): Promise<void> {
    this.localBound.destroy()
    await this.localBound.settled
    await this.local?.clearData()
    this.local = null
    this.journal.commitUpTo(Number.MAX_SAFE_INTEGER)
    this.pending.forgetAll()
    this.update({ pending: 0 })
  }

  /**
   * Drops from the journal what IndexedDB has committed. One fence at a time, covering every
   * change made before it began: a transaction per keystroke would double IndexedDB's work.
   */
  private fenceJournal(): void {
    if (this.fencing || !this.local) return
    const upTo = this.journal.lastSeq
    this.fencing = afterStored(this.local, () => {
      this.fencing = false
      this.journal.commitUpTo(upTo)
      if (this.journal.lastSeq > upTo) this.fenceJournal()
    })
  }

  private update(patch: Partial<DocStatus>): void {
    this.status = { ...this.status, ...patch }
    for (const l of this.listeners) l(this.status)
  }
}
