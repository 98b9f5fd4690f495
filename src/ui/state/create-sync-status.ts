import { createSignal, onCleanup } from 'solid-js'
import type { DocConnection, DocStatus } from '../../sync/doc-connection.ts'
import type { GlobalStatus, SyncClient } from '../../sync/sync-client.ts'

/** The device-wide sync state as a signal. */
export const createSyncStatus = (sync: SyncClient): (() => GlobalStatus) => {
  const [status, setStatus] = createSignal(sync.status())
  onCleanup(sync.onStatus(setStatus))
  return status
}

/** One document's sync state as a signal. */
export const createDocStatus = (conn: DocConnection): (() => DocStatus) => {
  const [status, setStatus] = createSignal(conn.current)
  onCleanup(conn.onStatus(setStatus))
  return status
}
