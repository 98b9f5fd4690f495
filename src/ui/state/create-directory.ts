import { createMemo, createSignal, onCleanup } from 'solid-js'
import {
  type DirectoryRecords,
  listResponseTimes,
  observeDirectory,
  readDirectory,
  type ResponseTime,
} from '../../model/index.ts'
import type { SyncClient } from '../../sync/sync-client.ts'

export interface DirectoryView {
  records: () => DirectoryRecords
  responseTimes: () => ResponseTime[]
}

/** The partnership's directory (in the workspace document) as signals; works offline. */
export const createDirectory = (sync: SyncClient): DirectoryView => {
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  onCleanup(observeDirectory(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => setVersion((v) => v + 1))
  return {
    records: createMemo(() => (version(), readDirectory(doc))),
    responseTimes: createMemo(() => (version(), listResponseTimes(doc))),
  }
}
