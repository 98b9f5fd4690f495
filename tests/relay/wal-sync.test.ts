import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { openDb, syncOwnCheckpoints } from '../../sync-server/db.ts'
import { Metrics } from '../../sync-server/metrics.ts'
import type { RoomMember } from '../../sync-server/room.ts'
import { Rooms } from '../../sync-server/rooms.ts'
import { UpdateLog } from '../../sync-server/update-log.ts'
import { SYNCHRONOUS, WalSync } from '../../sync-server/wal-sync.ts'

// R7: a save is confirmed only once its commit is on disk. With SQLITE_SYNC=background the fsync
// runs off the event loop; here it is held back by hand to see what is confirmed meanwhile.

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-walsync-'))
  dirs.push(dir)
  return dir
}

/** A member that asked for save confirmations; records what it was told and when. */
const member = (id: number) => {
  const told: string[] = []
  let marker = 0
  const m: RoomMember & { told: string[]; mark: (n: number) => void } = {
    id,
    told,
    send: () => undefined,
    sendFramed: () => undefined,
    mark: (n) => (marker = n),
    savedNow: () => {
      const at = marker
      return () => told.push(`saved ${at}`)
    },
    savedSinceAll: () => told.push(`since ${marker}`),
  }
  return m
}

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const setup = () => {
  const db = openDb(tempDir(), { synchronous: 'NORMAL' })
  const held: (() => void)[] = []
  const rooms = new Rooms(
    new UpdateLog(db, { historyWindowMs: 10_000 }),
    new Metrics(),
    {
      commitDelayMs: 1_000_000,
      compactUpdates: 1000,
      compactBytes: 1 << 20,
      idleUnloadMs: 1_000_000,
    },
    (done) => held.push(done),
  )
  return { db, rooms, held }
}

describe('confirming saves after the fsync', () => {
  it('R7: tells nobody a commit is saved before its fsync returns, then tells what it held', () => {
    const { db, rooms, held } = setup()
    const room = rooms.acquire('w/doc')
    const anna = member(1)
    room.members.add(anna)
    anna.mark(1)
    rooms.accept(room, update('a'))
    rooms.flush()
    // Committed to SQLite, not yet confirmed.
    expect((db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n).toBe(1)
    expect(anna.told).toEqual([])
    // A marker sent after the commit is not part of it.
    anna.mark(2)
    held.shift()?.()
    expect(anna.told).toEqual(['saved 1', 'since 2'])
    rooms.close()
    db.close()
  })

  it('R7: with two commits waiting, the first fsync confirms only the first', () => {
    const { db, rooms, held } = setup()
    const room = rooms.acquire('w/doc')
    const ewa = member(2)
    room.members.add(ewa)
    ewa.mark(1)
    rooms.accept(room, update('a'))
    rooms.flush()
    ewa.mark(2)
    rooms.accept(room, update('b'))
    rooms.flush()
    expect(held).toHaveLength(2)
    held.shift()?.()
    expect(ewa.told).toEqual(['saved 1'])
    held.shift()?.()
    expect(ewa.told).toEqual(['saved 1', 'saved 2', 'since 2'])
    rooms.close()
    db.close()
  })

  it('R7: WalSync answers in the order it was asked, however its fsyncs return', () => {
    const dir = tempDir()
    const db = openDb(dir, { synchronous: 'NORMAL' })
    db.exec('CREATE TABLE t (x)')
    // The thread pool decides when each fsync returns: here the test does.
    const pending: ((err: NodeJS.ErrnoException | null) => void)[] = []
    const fsync = vi
      .spyOn(fs, 'fsync')
      .mockImplementation((_fd, cb: (err: NodeJS.ErrnoException | null) => void) => {
        pending.push(cb)
      })
    try {
      const wal = new WalSync(`${db.name}-wal`)
      const told: string[] = []
      for (const name of ['first', 'second', 'third']) {
        db.prepare('INSERT INTO t VALUES (?)').run(name)
        wal.sync(() => told.push(name))
      }
      // The last fsync to start returns first.
      while (pending.length > 0) pending.pop()?.(null)
      expect(told).toEqual(['first', 'second', 'third'])
      expect(fsync.mock.calls.length).toBeLessThan(3)
      wal.close()
    } finally {
      fsync.mockRestore()
      db.close()
    }
  })

  it('R7: WalSync confirms after syncing the real WAL, and never when it cannot sync', async () => {
    const dir = tempDir()
    const db = openDb(dir, { synchronous: 'NORMAL' })
    db.exec('CREATE TABLE t (x)')
    db.prepare('INSERT INTO t VALUES (1)').run()
    const wal = new WalSync(`${db.name}-wal`)
    await new Promise<void>((resolve) => wal.sync(resolve))
    wal.close()
    db.close()

    const missing = new WalSync(path.join(dir, 'gone.sqlite-wal'))
    let confirmed = false
    missing.sync(() => (confirmed = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(confirmed).toBe(false)
  })

  it('R7: the connection that never syncs its commits syncs the checkpoints it runs by itself', () => {
    const never = openDb(tempDir(), { synchronous: SYNCHRONOUS.background })
    expect(never.pragma('synchronous', { simple: true })).toBe(0)
    never.exec('CREATE TABLE t (x)')
    never.prepare('INSERT INTO t VALUES (1)').run()
    // Closing as the last connection checkpoints: the WAL synced before it is copied, the
    // database after.
    syncOwnCheckpoints(never)
    expect(never.pragma('synchronous', { simple: true })).toBe(1)
    never.close()
    const full = openDb(tempDir(), { synchronous: SYNCHRONOUS.full })
    syncOwnCheckpoints(full)
    expect(full.pragma('synchronous', { simple: true })).toBe(2)
    full.close()
  })
})
