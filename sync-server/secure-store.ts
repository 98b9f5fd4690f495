import type { Db } from './db.ts'

/**
 * R32: what leaves the store for good (an erasure, a purge) leaves its bytes too. The relay's
 * connection runs `secure_delete = FAST` always: a deleted row's bytes are zeroed on the b-tree
 * page it was on, which is written anyway (no extra I/O on the commit path, which only inserts).
 * FAST leaves a page freed whole (an overflow page of a big snapshot or history chunk) as it was;
 * so erasures and purges run with `secure_delete = ON`, which zeroes those too, and then
 * overwrite the pages that earlier deletions left on the free list (scrubFreePages). The WAL's
 * old frames go with a TRUNCATE checkpoint (Checkpoints.truncate).
 */
export const withSecureDelete = <T>(db: Db, work: () => T): T => {
  db.pragma('secure_delete = ON')
  try {
    return db.transaction(work)()
  } finally {
    db.pragma('secure_delete = FAST')
  }
}

/**
 * Overwrites every page of the free list with zeros: a zero blob as large as the free list takes
 * all its pages (SQLite allocates from it first) and writes them, and deleting it (secure_delete
 * on) frees them zeroed. Costs a write of the free list; run only after an erasure or a purge.
 */
export const scrubFreePages = (db: Db): void => {
  const free = db.pragma('freelist_count', { simple: true }) as number
  if (free === 0) return
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.prepare('INSERT INTO scrub_pages (data) VALUES (zeroblob(?))').run(free * pageSize)
  db.prepare('DELETE FROM scrub_pages').run()
}
