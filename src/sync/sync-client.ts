import { DocConnection, type DocStatus, type SyncState } from './doc-connection.ts'
import { GrantOutbox } from './grant-outbox.ts'
import { roomName } from './protocol.ts'
import { type Session, Tokens } from './session.ts'

export interface GlobalStatus {
  state: SyncState
  /** Changes on this device, across all documents, not yet confirmed by the relay. */
  pending: number
  /** This device was revoked: it should be wiped. */
  revoked: boolean
  /** Documents open on the device, and how many of them are in step with the relay. */
  documents: { synced: number; of: number }
  /**
   * While changes wait for the relay: of the documents that had unsaved changes since the last
   * time everything was saved, how many the relay has confirmed, and the bytes still waiting
   * on their sockets to go up the link.
   */
  saving: { saved: number; of: number; bytesToSend: number } | null
}

interface Entry {
  conn: DocConnection
  users: number
  off: () => void
}

const PENDING_PREFIX = 'mosty:pending:'
/** How long a background document waits for the device's own changes to go first, at most. */
const OWN_FIRST_MS = 30_000
/** How often the bytes still to send are read off the sockets while changes wait. */
const PROGRESS_MS = 500
export const WORKSPACE_DOCUMENT = 'workspace'

/**
 * Every document open on this device, the workspace document always among them. Documents with
 * changes the relay has not confirmed stay open in the background until it does, so a change
 * made offline reaches the relay even if its screen was closed.
 */
export class SyncClient {
  readonly tokens: Tokens
  /** Sharing decided offline waits here until the relay accepts it. */
  readonly grants: GrantOutbox
  private readonly open = new Map<string, Entry>()
  private readonly listeners = new Set<(s: GlobalStatus) => void>()
  private revoked = false
  /** Documents with unsaved changes since everything was last saved (GlobalStatus.saving). */
  private readonly savingRound = new Set<string>()
  private readonly turnWaiters = new Set<() => void>()
  private progressTimer: ReturnType<typeof setInterval> | null = null
  private lastBytesToSend = 0
  /** Documents with the device's own unsaved changes reconnect first. */
  private readonly onOnline = () =>
    [...this.open.values()]
      .sort((a, b) => Number(b.conn.current.pending > 0) - Number(a.conn.current.pending > 0))
      .forEach((o) => o.conn.reconnectNow())
  /** Sockets can outlive the network (Chromium keeps them); show the truth at once. */
  private readonly onOffline = () => this.open.forEach((o) => o.conn.dropConnection())
  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.status().pending === 0) return
    e.preventDefault()
    e.returnValue = ''
  }

  constructor(readonly session: Session) {
    this.tokens = new Tokens(session)
    this.grants = new GrantOutbox(this.tokens)
    this.acquire(WORKSPACE_DOCUMENT)
    for (const documentId of this.documentsWithPendingChanges()) this.ensure(documentId)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('beforeunload', this.onBeforeUnload)
  }

  get workspace(): DocConnection {
    return this.connection(WORKSPACE_DOCUMENT)
  }

  /** Opens (or shares) a document; call release() when the screen closes. */
  acquire(documentId: string): DocConnection {
    const entry = this.ensure(documentId)
    entry.users++
    return entry.conn
  }

  release(documentId: string): void {
    const entry = this.open.get(documentId)
    if (!entry) return
    entry.users = Math.max(0, entry.users - 1)
    this.closeIfDone(documentId)
  }

  status(): GlobalStatus {
    const all: DocStatus[] = [...this.open.values()].map((o) => o.conn.current)
    const pending = all.reduce((n, s) => n + s.pending, 0)
    const synced = all.filter((s) => s.state === 'synced').length
    const states = all.map((s) => s.state)
    const state: SyncState = states.includes('offline')
      ? 'offline'
      : states.includes('connecting')
        ? 'connecting'
        : states.every((s) => s === 'refused')
          ? 'refused'
          : 'synced'
    return {
      state,
      pending,
      revoked: this.revoked,
      documents: { synced, of: all.length },
      saving: this.saving(),
    }
  }

  onStatus(listener: (s: GlobalStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('beforeunload', this.onBeforeUnload)
    for (const id of [...this.open.keys()]) this.close(id)
    this.listeners.clear()
    for (const wake of [...this.turnWaiters]) wake()
    if (this.progressTimer) clearInterval(this.progressTimer)
  }

  private connection(documentId: string): DocConnection {
    const entry = this.open.get(documentId)
    if (!entry) throw new Error(`document ${documentId} is not open`)
    return entry.conn
  }

  private ensure(documentId: string): Entry {
    let entry = this.open.get(documentId)
    if (!entry) {
      const conn = new DocConnection(
        roomName(this.session.workspaceId, documentId),
        this.tokens,
        () => this.markRevoked(),
        () => this.turn(documentId),
      )
      const off = conn.onStatus((s) => {
        // A document that just reached the relay may be what a waiting grant needed.
        if (s.state === 'synced' && this.grants.waiting.length > 0) void this.grants.flush()
        this.emit()
        queueMicrotask(() => this.closeIfDone(documentId))
      })
      entry = { conn, users: 0, off }
      this.open.set(documentId, entry)
      this.emit()
    }
    return entry
  }

  /** A document no screen uses stays open only while it holds unconfirmed changes. */
  private closeIfDone(documentId: string): void {
    const entry = this.open.get(documentId)
    if (!entry || entry.users > 0 || entry.conn.current.pending > 0) return
    this.close(documentId)
  }

  private close(documentId: string): void {
    const entry = this.open.get(documentId)
    if (!entry) return
    entry.off()
    entry.conn.destroy()
    this.open.delete(documentId)
    this.emit()
  }

  private documentsWithPendingChanges(): string[] {
    const prefix = `${PENDING_PREFIX}${this.session.workspaceId}/`
    const ids: string[] = []
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(prefix)) continue
      const { made = 0, confirmed = 0 } = JSON.parse(localStorage.getItem(key) ?? '{}') as {
        made?: number
        confirmed?: number
      }
      const documentId = key.slice(prefix.length)
      if (made > confirmed && documentId !== WORKSPACE_DOCUMENT) ids.push(documentId)
    }
    return ids
  }

  private markRevoked(): void {
    this.revoked = true
    this.emit()
  }

  private emit(): void {
    const s = this.status()
    for (const l of this.listeners) l(s)
    for (const wake of [...this.turnWaiters]) wake()
    this.watchProgress(s)
  }

  private saving(): GlobalStatus['saving'] {
    let waiting = 0
    let bytesToSend = 0
    for (const [id, { conn }] of this.open) {
      if (conn.current.pending === 0) continue
      this.savingRound.add(id)
      waiting++
      bytesToSend += conn.unsentBytes
    }
    if (waiting === 0) {
      this.savingRound.clear()
      return null
    }
    this.lastBytesToSend = bytesToSend
    return { saved: this.savingRound.size - waiting, of: this.savingRound.size, bytesToSend }
  }

  /** While changes wait on a connection, the bytes left to send are shown as they go. */
  private watchProgress(s: GlobalStatus): void {
    const watch = s.saving !== null && s.state !== 'offline'
    if (watch && !this.progressTimer) {
      this.progressTimer = setInterval(() => {
        const before = this.lastBytesToSend
        if (this.saving()?.bytesToSend !== before) this.emit()
      }, PROGRESS_MS)
    } else if (!watch && this.progressTimer) {
      clearInterval(this.progressTimer)
      this.progressTimer = null
    }
  }

  /**
   * Sync order after days offline: a document no screen shows and with no unsaved changes of
   * its own (one downloaded in the background) connects once every document with unsaved
   * changes has sent them (is in step with the relay), or refused, or after OWN_FIRST_MS, so
   * that her own changes go up the link first.
   */
  private turn(documentId: string): Promise<void> {
    const entry = this.open.get(documentId)
    if (!entry || entry.users > 0 || entry.conn.current.pending > 0 || !this.ownFirst()) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        if (this.ownFirst() && this.open.has(documentId)) return
        clearTimeout(timer)
        this.turnWaiters.delete(wake)
        resolve()
      }
      const timer = setTimeout(() => {
        this.turnWaiters.delete(wake)
        resolve()
      }, OWN_FIRST_MS)
      this.turnWaiters.add(wake)
    })
  }

  private ownFirst(): boolean {
    return [...this.open.values()].some(
      ({ conn: { current } }) =>
        current.pending > 0 && current.state !== 'synced' && current.state !== 'refused',
    )
  }
}
