import { createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js'
import { ModelError } from '../../model/index.ts'
import type { DocConnection, DocStatus } from '../../sync/doc-connection.ts'
import { type Presence, PresenceChannel } from '../../sync/presence.ts'
import { createDocStatus } from './create-sync-status.ts'
import type { SyncClient } from '../../sync/sync-client.ts'
import { useSync } from './session.tsx'
import { useWorkspace } from './workspace-context.tsx'

export interface OpenDocument {
  conn: DocConnection
  /** True once this device's stored copy has loaded. */
  ready: () => boolean
  /** The connection to the relay: offline, connecting, up to date or refused; unsaved changes. */
  status: () => DocStatus
}

/**
 * A document held open while the calling screen lives, opened from this device's storage first
 * and released when the screen closes.
 */
export const createOpenDocument = (id: string): OpenDocument => {
  const sync = useSync()
  const conn = sync.acquire(id)
  onCleanup(() => sync.release(id))
  const status = createDocStatus(conn)

  const [ready, setReady] = createSignal(false)
  let disposed = false
  onCleanup(() => (disposed = true))
  void conn.ready.then(() => !disposed && setReady(true))
  return { conn, ready, status }
}

/**
 * Makes a new document on this device: `write` runs once its storage is open (its genesis, its
 * index entry, then usually opening its screen), and the document reaches the relay whenever it
 * is reachable. It is held open until `write` has returned, so that its screen takes it over.
 */
export const createLocally = async (
  sync: SyncClient,
  id: string,
  write: (conn: DocConnection) => void,
): Promise<void> => {
  const conn = sync.acquire(id)
  try {
    await conn.ready
    write(conn)
  } finally {
    // The new document stays open until the relay confirms it, or its screen takes it over.
    sync.release(id)
  }
}

export interface DocPresence {
  /** Who else has the document open, and in which field. */
  peers: () => Presence[]
  /** The field I am in (null: none), for the others to see. */
  setField: (field: string | null) => void
}

/**
 * Who else has this document open and in which field (never any case data). The channel exists
 * once the relay connection does (after local storage loaded) and is rebuilt if my display name
 * arrives later.
 */
export const createPresence = (open: Pick<OpenDocument, 'conn' | 'ready'>): DocPresence => {
  const { conn, ready } = open
  const sync = useSync()
  const ws = useWorkspace()
  const [peers, setPeers] = createSignal<Presence[]>([])
  const [field, setFieldSignal] = createSignal<string | null>(null)
  let channel: PresenceChannel | null = null
  const name = createMemo(() => ws.me()?.displayName ?? sync.session.memberId)

  createEffect(() => {
    const provider = ready() ? conn.provider : null
    if (!provider) return
    const ch = new PresenceChannel(provider.awareness, {
      memberId: sync.session.memberId,
      name: name(),
    })
    channel = ch
    const current = untrack(field)
    if (current !== null) ch.setField(current)
    setPeers(ch.peers())
    const off = ch.onChange(() => setPeers(ch.peers()))
    onCleanup(() => {
      off()
      ch.destroy()
      // Leave no "editing" marker behind if the connection outlives this screen.
      ch.setField(null)
      channel = null
    })
  })

  return {
    peers,
    setField: (f: string | null) => {
      setFieldSignal(f)
      channel?.setField(f)
    },
  }
}

/**
 * A read of the document that the model refuses while the document is incomplete (half-arrived,
 * or without its structure yet): null until it can be read. Any other error is thrown.
 */
export const readOrNull = <T>(read: () => T): T | null => {
  try {
    return read()
  } catch (err) {
    if (err instanceof ModelError) return null
    throw err
  }
}
