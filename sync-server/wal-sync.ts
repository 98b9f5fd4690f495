import fs from 'node:fs'
import type { Synchronous } from './db.ts'
import { log } from './log.ts'

/**
 * Makes committed transactions durable without stopping the relay. SQLite in WAL mode with
 * `synchronous=FULL` fsyncs the WAL inside every commit, on the event loop: on this kind of virtual
 * disk usually under 1 ms, but 3–35 ms about once a second, and every socket waits. With
 * `synchronous=NORMAL` a commit only writes the WAL, but the commit that starts the WAL over after
 * a checkpoint syncs it (every two seconds under the benchmark's load, up to a few ms). With `OFF`
 * a commit never syncs (checkpoints, which must, run on their own connection: checkpoints.ts);
 * fsyncing the WAL after each commit on libuv's thread pool gives the same guarantee as FULL while
 * the relay keeps forwarding. Saves are confirmed only once the fsync returns.
 */
export class WalSync {
  private fd: number | null = null
  private ino = -1
  /** Whether an fsync is under way: at most one is, so that saves are confirmed in order. */
  private syncing = false
  /** Commits made since the fsync under way started: the next one covers them all. */
  private waiting: (() => void)[] = []

  constructor(private readonly walPath: string) {}

  /**
   * Calls `done` once everything committed so far is on disk; never, if the disk fails. Callers
   * are answered in the order they asked: fsyncs on the thread pool could return out of order,
   * and a later commit's confirmation overtaken by an earlier one's would tell a device that
   * less was saved than it had already heard.
   */
  sync(done: () => void): void {
    this.waiting.push(done)
    if (!this.syncing) this.next()
  }

  private next(): void {
    const batch = this.waiting
    this.waiting = []
    this.syncing = batch.length > 0
    if (!this.syncing) return
    let fd: number
    try {
      fd = this.open()
    } catch (err) {
      log('error', 'cannot open the WAL to sync it; saves stay unconfirmed', {
        error: (err as Error).message,
      })
      this.next()
      return
    }
    fs.fsync(fd, (err) => {
      // Unconfirmed saves stay pending on the devices, which send them again.
      if (err) {
        log('error', 'fsync of the WAL failed; saves stay unconfirmed', { error: err.message })
      } else {
        for (const done of batch) done()
      }
      this.next()
    })
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
  }

  /**
   * The WAL as it is now. SQLite keeps one WAL file while the relay's connection is open, but a
   * file replaced behind our back (another process closing the database last) must not leave us
   * syncing a deleted one: compare inodes, a stat per fsync.
   */
  private open(): number {
    const ino = fs.statSync(this.walPath).ino
    if (this.fd !== null && ino === this.ino) return this.fd
    this.close()
    this.fd = fs.openSync(this.walPath, 'r')
    this.ino = ino
    return this.fd
  }
}

/** How the relay makes a commit durable before confirming it (`SQLITE_SYNC`). */
export type SqliteSync = 'background' | 'full' | 'normal'

/** The relay's connection's own syncing for each (see WalSync). */
export const SYNCHRONOUS: Record<SqliteSync, Synchronous> = {
  background: 'OFF',
  full: 'FULL',
  normal: 'NORMAL',
}

/**
 * `background` (default): commits without fsync, then fsyncs the WAL off the event loop and
 * confirms after it. `full`: SQLite fsyncs inside each commit. `normal`: no fsync before
 * confirming (survives a crash of the relay, not of the machine).
 */
export const durability = (walPath: string, mode: SqliteSync): ((done: () => void) => void) => {
  if (mode !== 'background') return (done) => done()
  const wal = new WalSync(walPath)
  return (done) => wal.sync(done)
}
