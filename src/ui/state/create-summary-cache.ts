import { createEffect, untrack } from 'solid-js'
import { getSummary } from '../../model/index.ts'
import type { DocStatus } from '../../sync/doc-connection.ts'
import type { SyncClient } from '../../sync/sync-client.ts'

/**
 * A document's workspace summary is a cache of the document (I7): refreshed whenever the
 * document is in step with the relay, or when there is none yet — never from a copy opened
 * offline, which could overwrite a newer summary. (Screens refresh it after their own writes
 * too.)
 */
export const createSummaryCache = <T>(opts: {
  sync: SyncClient
  id: string
  current: () => T | undefined
  status: () => DocStatus
  refresh: (value: T) => void
}): void => {
  createEffect(() => {
    const value = opts.current()
    const synced = opts.status().state === 'synced'
    if (value === undefined) return
    untrack(() => {
      if (synced || getSummary(opts.sync.workspace.doc, opts.id) === undefined) opts.refresh(value)
    })
  })
}
