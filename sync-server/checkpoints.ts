import type BetterSqlite3 from 'better-sqlite3'
import { createRequire } from 'node:module'
import type * as WorkerThreads from 'node:worker_threads'
import { Worker } from 'node:worker_threads'
import { type Db, syncOwnCheckpoints } from './db.ts'
import { log } from './log.ts'

interface CheckpointerData {
  file: string
  intervalMs: number
  /** Where better-sqlite3 is, resolved by the relay: the thread has no module context. */
  sqlite: string
}

/**
 * The checkpointing thread, run from its source text (a TypeScript worker file would need a
 * loader in the thread, and a separate bundle entry): it may use nothing from outside itself.
 * Its own connection copies what the WAL holds into the database file every `intervalMs`,
 * never waiting for the relay's writer (PASSIVE).
 */
const checkpointer = (): void => {
  // Not `require` or `import`: bundlers rewrite those, and the thread has neither.
  const { parentPort, workerData } = process.getBuiltinModule(
    'node:worker_threads',
  ) as typeof WorkerThreads
  const { file, intervalMs, sqlite } = workerData as CheckpointerData
  const load = process.getBuiltinModule('node:module').createRequire(sqlite)
  const Database = load(sqlite) as typeof BetterSqlite3
  const db = new Database(file)
  db.pragma('synchronous = NORMAL')
  const checkpoint = (): void => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
    } catch (err) {
      parentPort?.postMessage({ error: (err as Error).message })
    }
  }
  const timer = setInterval(checkpoint, intervalMs)
  parentPort?.on('message', (message: unknown) => {
    if (message === 'truncate') {
      // After an erasure or a purge (R32): every frame copied and the WAL file cut to nothing,
      // so that no old page image stays in it. Readers or the writer in the way: tried again.
      const tryTruncate = (attempt: number): void => {
        try {
          const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
          if (row?.busy && attempt < 50) {
            setTimeout(() => tryTruncate(attempt + 1), 20)
            return
          }
          parentPort?.postMessage({ truncated: !row?.busy })
        } catch (err) {
          parentPort?.postMessage({ truncated: false, error: (err as Error).message })
        }
      }
      tryTruncate(0)
      return
    }
    if (message !== 'close') return
    clearInterval(timer)
    checkpoint()
    db.close()
    parentPort?.close()
  })
}

/**
 * SQLite copies the WAL back into the database file (a checkpoint) inside whichever commit
 * crosses 1,000 pages: on the relay's one thread, with two fsyncs, 3–35 ms during which no
 * socket is served. Here the relay's connection never checkpoints; a thread of its own does, on
 * a second connection, every `intervalMs`. A checkpoint then also copies a page written many
 * times since the last one only once.
 */
export class Checkpoints {
  private readonly worker: Worker
  private readonly exited: Promise<void>

  constructor(db: Db, intervalMs = 1000) {
    db.pragma('wal_autocheckpoint = 0')
    const workerData: CheckpointerData = {
      file: db.name,
      intervalMs,
      sqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
    }
    // tsx keeps function names with a helper, __name, that the thread must have too.
    const source = `const __name = (f) => f;\n(${checkpointer.toString()})()`
    // The thread holds almost nothing: a small heap keeps the relay's memory what it was.
    this.worker = new Worker(source, {
      eval: true,
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    })
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    this.worker.on('message', (m: { error?: string }) => {
      if (m.error) log('error', 'checkpoint failed; the WAL grows until one succeeds', m)
    })
    this.worker.on('error', (err) => {
      log('error', 'checkpoint thread failed; checkpoints return to commits', {
        error: err.message,
      })
      syncOwnCheckpoints(db)
      db.pragma('wal_autocheckpoint = 1000')
    })
    this.worker.unref()
  }

  /**
   * A TRUNCATE checkpoint on the thread: resolves true once the WAL file is empty (false if
   * readers kept it busy for about a second; the next erasure or purge tries again).
   */
  truncate(): Promise<boolean> {
    return new Promise((resolve) => {
      const onMessage = (m: { truncated?: boolean }) => {
        if (m.truncated === undefined) return
        this.worker.off('message', onMessage)
        resolve(m.truncated)
      }
      this.worker.on('message', onMessage)
      this.worker.postMessage('truncate')
    })
  }

  /** Checkpoints once more and ends the thread. */
  close(): Promise<void> {
    this.worker.postMessage('close')
    return this.exited
  }
}
