import * as idb from 'lib0/indexeddb'
import { type IndexeddbPersistence, storeState } from 'y-indexeddb'

/**
 * Merges a document's local copy into one row once it is loaded. y-indexeddb replays every
 * stored row on open, one Y.applyUpdate each, and merges rows only while edits keep coming (and
 * adds a row at every open), so a copy used across many sessions would open ever more slowly on
 * a phone. Uses y-indexeddb's own database layout (object store `updates`).
 */
export const compactLocalCopy = async (
  local: IndexeddbPersistence,
  maxRows: number,
): Promise<void> => {
  const db = await local._db
  const [store] = idb.transact(db, ['updates'], 'readonly')
  if ((await idb.count(store as IDBObjectStore)) > maxRows) await storeState(local, true)
}
