import * as idb from 'lib0/indexeddb'
import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/**
 * Keeps a document's local copy to a bounded number of IndexedDB rows, so that opening it on a
 * phone stays fast however it was edited. y-indexeddb stores one row per update and replays every
 * row on open (one Y.applyUpdate each); it merges rows only once edits pause for a second and adds
 * a row at every open. So a long burst of typing (or of remote edits arriving) and many sessions
 * would leave thousands of rows. Here the copy is merged into one row after it loads and whenever
 * it reaches `maxRows` rows. (y-indexeddb's `storeState` resolves before its writes finish, so a
 * burst would start several merges; this one resolves when the rows are gone.)
 */
export class LocalCopyBound {
  private merging: Promise<void> | null = null

  constructor(
    private readonly local: IndexeddbPersistence,
    private readonly maxRows: number,
  ) {
    // Registered after y-indexeddb's own listener, so its row count already includes the update.
    local.doc.on('update', this.afterUpdate)
  }

  /** Once loaded: merges the rows earlier sessions left. */
  async afterLoad(): Promise<void> {
    const db = await this.local._db
    const [store] = idb.transact(db, ['updates'], 'readonly')
    if ((await idb.count(store as IDBObjectStore)) > this.maxRows) await this.merge()
  }

  /** Resolves once no merge is running (closing the database would abort one). */
  get settled(): Promise<void> {
    return this.merging ?? Promise.resolve()
  }

  destroy(): void {
    this.local.doc.off('update', this.afterUpdate)
  }

  private readonly afterUpdate = (): void => {
    if (this.local._dbsize >= this.maxRows && this.local.synced) void this.merge()
  }

  private merge(): Promise<void> {
    this.merging ??= this.replaceRows()
      .catch(() => undefined)
      .finally(() => {
        this.merging = null
      })
    return this.merging
  }

  /**
   * Once loaded, the document holds every stored row (earlier rows were applied at load, later
   * ones are its own updates), so its state replaces all rows up to the last one. One transaction:
   * rows y-indexeddb adds meanwhile queue behind it and are kept.
   */
  private async replaceRows(): Promise<void> {
    const local = this.local
    const db = await local._db
    const [store] = idb.transact(db, ['updates']) as [IDBObjectStore]
    const lastKey = (await idb.getLastKey(store)) as number
    // lib0 types rows narrower than IndexedDB stores; y-indexeddb's rows are Uint8Arrays too.
    await idb.addAutoKey(store, Y.encodeStateAsUpdate(local.doc) as unknown as ArrayBuffer)
    await idb.del(store, idb.createIDBKeyRangeUpperBound(lastKey, false))
    local._dbsize = await idb.count(store)
  }
}
