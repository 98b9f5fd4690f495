import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDb } from '../../sync-server/db.ts'
import {
  coalesce,
  type LoggedUpdate,
  RELAY_SENDER,
  type Sender,
} from '../../sync-server/history-coalesce.ts'
import { CHUNK_ENTRIES } from '../../sync-server/history-chunks.ts'
import { UpdateLog } from '../../sync-server/update-log.ts'

// R17/R18 below the relay: commits record who sent each update on its row of the live log, and
// the history entries are made from those rows later, in bulk. Whenever that happens — after
// every commit, once at the end, at a compaction — the entries must be the same.

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-fold-'))
  dirs.push(dir)
  return dir
}

const WINDOW = 10_000
const anna: Sender = {
  connection: 1,
  author: { memberId: 'anna', agencyId: 'mops', deviceId: 'dev-a' },
}
const ewa: Sender = {
  connection: 2,
  author: { memberId: 'ewa', agencyId: 'fundacja', deviceId: 'dev-e' },
}

/** A document typed into: every keystroke is an update, as a client sends it. */
const typist = () => {
  const doc = new Y.Doc()
  return {
    doc,
    type: (text: string): Uint8Array[] => {
      const out: Uint8Array[] = []
      const take = (u: Uint8Array) => out.push(u)
      doc.on('update', take)
      for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch)
      doc.off('update', take)
      return out
    },
  }
}

const textOf = (update: Uint8Array): string => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('coalesce: updates into history entries', () => {
  const logged = (sender: Sender, at: number, data: Uint8Array): LoggedUpdate => ({
    sender,
    at,
    data,
  })

  it('R16: one entry per typing run; someone else in between, or the window passing, starts a new one', () => {
    const t = typist()
    const a = t.type('Ala')
    const b = t.type('!')
    const c = t.type('ok')
    const writes = coalesce(
      [
        ...a.map((u) => logged(anna, 1000, u)),
        logged(ewa, 1500, b[0]!),
        logged(anna, 2000, c[0]!),
        logged(anna, 2000 + WINDOW, c[1]!),
      ],
      null,
      WINDOW,
    )
    expect(writes.map((w) => [w.sender.author?.memberId, w.updates, w.firstAt, w.lastAt])).toEqual([
      ['anna', 3, 1000, 1000],
      ['ewa', 1, 1500, 1500],
      ['anna', 1, 2000, 2000],
      ['anna', 1, 2000 + WINDOW, 2000 + WINDOW],
    ])
    expect(textOf(Y.mergeUpdates(writes[0]!.parts))).toBe('Ala')
  })

  it('R16: extends the open entry of the same connection; a connection with the same number after a restart is someone else', () => {
    const t = typist()
    const first = t.type('Ma')
    const open = { id: 7, sender: anna, firstAt: 1000, updates: first.length }
    const more = t.type('tka')
    const extended = coalesce(
      more.map((u) => ({ sender: anna, at: 1200, data: u })),
      open,
      WINDOW,
    )
    expect(extended).toHaveLength(1)
    expect(extended[0]).toMatchObject({ id: 7, updates: 5, firstAt: 1000, lastAt: 1200 })
    // Only what the entry gains: the stored entry keeps what it had.
    expect(textOf(Y.mergeUpdates([...first, ...extended[0]!.parts]))).toBe('Matka')

    const impostor: Sender = { connection: anna.connection, author: ewa.author }
    const other = coalesce([{ sender: impostor, at: 1300, data: more[0]! }], open, WINDOW)
    expect(other[0]).toMatchObject({ id: null, updates: 1 })
    expect(other[0]!.sender.author?.memberId).toBe('ewa')
  })
})

describe('HistoryLog.fold over the live log', () => {
  /** The same commits, folded after each one or only at the end: the same entries. */
  const commitAll = (log: UpdateLog, room: string, foldEach: boolean) => {
    const a = typist()
    const batches: { sender: Sender; data: Uint8Array }[][] = [
      a.type('Matka ').map((data) => ({ sender: anna, data })),
      a.type('prosi').map((data) => ({ sender: anna, data })),
      a.type(' o').map((data) => ({ sender: RELAY_SENDER, data })),
      a.type(' pomoc').map((data) => ({ sender: ewa, data })),
    ]
    batches.forEach((batch, i) => {
      log.commit({
        updates: batch.map((b) => ({ room, ...b })),
        at: 1000 + i,
        opens: [],
      })
      if (foldEach) log.history.fold(room)
    })
    return a.doc.getText('t').toString()
  }

  const entries = (log: UpdateLog, room: string) =>
    log.history
      .page(room, 100, 1 << 20)
      .entries.map((e) => [e.source, e.memberId, e.agencyId, e.updates, textOf(e.data)])

  it('R16: gives the same entries folded after every commit or once, and the last one is the document', () => {
    const each = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    const once = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    const text = commitAll(each, 'demo/d', true)
    commitAll(once, 'demo/d', false)
    const folded = entries(each, 'demo/d')
    expect(folded).toEqual(entries(once, 'demo/d'))
    // Anna's two commits are one entry; the relay's write and Ewa's are their own.
    expect(folded.map(([source, member, , updates]) => [source, member, updates])).toEqual([
      ['member', 'anna', 11],
      ['relay', null, 2],
      ['member', 'ewa', 6],
    ])
    const page = each.history.page('demo/d', 100, 1 << 20)
    expect(textOf(each.history.stateUpTo('demo/d', page.entries.at(-1)!.id))).toBe(text)
  })

  it('R16: folded a few rows at a time, as a long log is, gives the same entries', () => {
    const steps = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    const once = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    commitAll(steps, 'demo/s', false)
    commitAll(once, 'demo/s', false)
    let folds = 1
    while (steps.history.fold('demo/s', undefined, 3)) folds++
    expect(folds).toBeGreaterThan(4)
    expect(entries(steps, 'demo/s')).toEqual(entries(once, 'demo/s'))
  })

  it('R18: a compaction folds the rows it removes; the history keeps every version afterwards', () => {
    const db = openDb(tempDir(), { synchronous: 'NORMAL' })
    const log = new UpdateLog(db, { historyWindowMs: WINDOW })
    const text = commitAll(log, 'demo/c', false)
    const stored = log.load('demo/c')
    const lastSeq = stored.lastSeq
    log.storeSnapshot('demo/c', Y.mergeUpdates(stored.updates), lastSeq)
    log.deleteCompacted('demo/c', lastSeq)
    expect(db.prepare('SELECT count(*) FROM updates WHERE room = ?').pluck().get('demo/c')).toBe(0)
    const page = log.history.page('demo/c', 100, 1 << 20)
    expect(page.entries.map((e) => e.memberId)).toEqual(['anna', null, 'ewa'])
    expect(textOf(log.history.stateUpTo('demo/c', page.entries[0]!.id))).toBe('Matka prosi')
    expect(textOf(log.history.stateUpTo('demo/c', page.entries[2]!.id))).toBe(text)
  })

  it('R17: an update Yjs cannot merge is left out when the history is read; the rest stays readable', () => {
    const log = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    const t = typist()
    const broken = new Uint8Array([1, 1, 5, 0, 4, 1, 200])
    log.commit({
      updates: [...t.type('Ala'), broken, ...t.type(' ma')].map((data) => ({
        room: 'demo/b',
        data,
        sender: anna,
      })),
      at: 1,
      opens: [],
    })
    const page = log.history.page('demo/b', 100, 1 << 20)
    expect(page.entries.map((e) => [e.memberId, e.updates])).toEqual([['anna', 7]])
    expect(textOf(page.entries[0]!.data)).toBe('Ala ma')
    expect(textOf(log.history.stateUpTo('demo/b', page.entries[0]!.id))).toBe('Ala ma')
  })

  it('R16: a fold of more entries than a chunk holds keeps them in order across chunks', () => {
    const log = new UpdateLog(openDb(tempDir(), { synchronous: 'NORMAL' }), {
      historyWindowMs: WINDOW,
    })
    const t = typist()
    // Two people typing at once: every keystroke is an entry of its own.
    const keys = t.type('ab'.repeat(2600))
    log.commit({
      updates: keys.map((data, i) => ({ room: 'demo/k', data, sender: i % 2 ? ewa : anna })),
      at: 1,
      opens: [],
    })
    const page = log.history.page('demo/k', 500, 1 << 20)
    expect(page.total).toBe(keys.length)
    expect(page.total).toBeGreaterThan(CHUNK_ENTRIES)
    expect(page.entries).toHaveLength(500)
    const ids = page.entries.map((e) => e.id)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
    const replay = new Y.Doc()
    Y.applyUpdate(replay, page.base!)
    for (const e of page.entries) Y.applyUpdate(replay, e.data)
    expect(replay.getText('t').toString()).toBe('ab'.repeat(2600))
    // The state after the 4,097th entry (the first of the second chunk) is 4,097 letters.
    const all = log.history.page('demo/k', 10_000, 1 << 30).entries
    expect(textOf(log.history.stateUpTo('demo/k', all[CHUNK_ENTRIES]!.id))).toHaveLength(
      CHUNK_ENTRIES + 1,
    )
    expect(all[CHUNK_ENTRIES - 1]!.memberId).toBe('ewa')
    expect(all[CHUNK_ENTRIES]!.memberId).toBe('anna')
  })

  it('R18: rows an older relay already wrote to the history are not folded again', () => {
    const dir = tempDir()
    // The live log and history as the relay left them when it wrote history at every commit.
    const old = new Database(path.join(dir, 'mosty.sqlite'))
    old.exec(`
      CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE history (
        id INTEGER PRIMARY KEY, room TEXT NOT NULL, source TEXT NOT NULL,
        member_id TEXT, agency_id TEXT, device_id TEXT,
        first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, updates INTEGER NOT NULL,
        data BLOB NOT NULL);
      INSERT INTO meta VALUES ('history-backfilled', '1');`)
    const t = typist()
    const before = t.type('Ala')
    for (const u of before)
      old.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run('demo/m', u)
    old
      .prepare(
        `INSERT INTO history (room, source, member_id, agency_id, device_id, first_at, last_at,
         updates, data) VALUES ('demo/m', 'member', 'anna', 'mops', 'dev-a', 1, 1, 3, ?)`,
      )
      .run(Y.mergeUpdates(before))
    old.close()

    const log = new UpdateLog(openDb(dir, { synchronous: 'NORMAL' }), { historyWindowMs: WINDOW })
    log.commit({
      updates: t.type(' ma').map((data) => ({ room: 'demo/m', data, sender: ewa })),
      at: 5,
      opens: [],
    })
    const page = log.history.page('demo/m', 100, 1 << 20)
    expect(page.entries.map((e) => [e.memberId, e.updates])).toEqual([
      ['anna', 3],
      ['ewa', 3],
    ])
    expect(textOf(log.history.stateUpTo('demo/m', page.entries[1]!.id))).toBe('Ala ma')
  })
})
