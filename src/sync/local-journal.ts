import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

interface Entry {
  seq: number
  update: string
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/**
 * The last words typed survive the page going away. y-indexeddb writes each update in its own
 * IndexedDB transaction, and a page that unloads (the tab closed, a reload, a full navigation)
 * aborts the transactions not yet committed: the last keystrokes before closing were lost. So
 * each change made on this device is also written at once to localStorage, which is synchronous,
 * and dropped once IndexedDB has committed everything up to it; whatever is left is applied again
 * when the document next opens (applying an update twice changes nothing).
 */
export class LocalJournal {
  private nextSeq: number

  constructor(
    private readonly key: string,
    private readonly storage: JournalStorage = localStorage,
  ) {
    this.nextSeq = (this.read().at(-1)?.seq ?? 0) + 1
  }

  /** The number of the newest change kept so far. */
  get lastSeq(): number {
    return this.nextSeq - 1
  }

  /** Updates not yet known to be in IndexedDB, oldest first. */
  get waiting(): Uint8Array[] {
    return this.read().map((e) => fromBase64(e.update))
  }

  /** Keeps a change until `commitUpTo` its number; returns that number. */
  append(update: Uint8Array): number {
    const seq = this.nextSeq++
    try {
      this.write([...this.read(), { seq, update: toBase64(update) }])
    } catch {
      // A full localStorage (a huge paste): the change still goes to IndexedDB as before.
    }
    return seq
  }

  /** IndexedDB has committed every change up to `seq`. */
  commitUpTo(seq: number): void {
    this.write(this.read().filter((e) => e.seq > seq))
  }

  private read(): Entry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]')
      return Array.isArray(parsed) ? (parsed as Entry[]) : []
    } catch {
      return []
    }
  }

  private write(entries: Entry[]): void {
    if (entries.length === 0) this.storage.removeItem(this.key)
    else this.storage.setItem(this.key, JSON.stringify(entries))
  }
}

/**
 * Calls `done` once every IndexedDB write y-indexeddb has started so far has committed: a
 * transaction on the same store, begun after them, completes only after they do. Returns whether
 * it could begin one (not before the database opened, nor once it closed).
 */
export const afterStored = (local: IndexeddbPersistence, done: () => void): boolean => {
  const db = local.db
  if (!db) return false
  try {
    const tx = db.transaction(['updates'], 'readonly')
    tx.oncomplete = () => done()
    return true
  } catch {
    // The database is closing (the document was closed): the journal stays for the next open.
    return false
  }
}

/**
 * Applies what the journal kept to the document, as the device's own changes; returns the number
 * of the last one, to drop them once IndexedDB holds them.
 */
export const replayJournal = (journal: LocalJournal, doc: Y.Doc, origin: unknown): number => {
  for (const update of journal.waiting) Y.applyUpdate(doc, update, origin)
  return journal.lastSeq
}
