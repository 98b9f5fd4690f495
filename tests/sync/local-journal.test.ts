import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LocalJournal, replayJournal } from '../../src/sync/local-journal.ts'

const memory = () => {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    size: () => m.size,
  }
}

/** A device's keystrokes: one update each. */
const typing = (text: string): { doc: Y.Doc; updates: Uint8Array[] } => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch)
  return { doc, updates }
}

describe('local journal', () => {
  it('keeps changes across a reload until IndexedDB committed them, then forgets them', () => {
    const storage = memory()
    const before = new LocalJournal('mosty:journal:w/d', storage)
    const { updates } = typing('Offline.')
    const seqs = updates.map((u) => before.append(u))
    before.commitUpTo(seqs[3] as number)
    // The page went away: a new page sees what was not yet committed, and numbers on.
    const after = new LocalJournal('mosty:journal:w/d', storage)
    expect(after.waiting).toHaveLength(4)
    expect(after.lastSeq).toBe(seqs.at(-1))
    expect(after.append(new Uint8Array([0, 0]))).toBe((seqs.at(-1) as number) + 1)
    after.commitUpTo(after.lastSeq)
    expect(after.waiting).toEqual([])
    expect(storage.size()).toBe(0)
  })

  it('replayed on the next open, the lost keystrokes come back once, however often', () => {
    const storage = memory()
    const journal = new LocalJournal('mosty:journal:w/d', storage)
    const { updates } = typing('Offline.')
    updates.forEach((u) => journal.append(u))
    // IndexedDB kept only the first four keystrokes.
    const reopened = new Y.Doc()
    updates.slice(0, 4).forEach((u) => Y.applyUpdate(reopened, u))
    expect(reopened.getText('t').toString()).toBe('Offl')
    replayJournal(new LocalJournal('mosty:journal:w/d', storage), reopened, 'journal')
    replayJournal(new LocalJournal('mosty:journal:w/d', storage), reopened, 'journal')
    expect(reopened.getText('t').toString()).toBe('Offline.')
  })

  it('a full localStorage loses nothing that already worked: the change still goes on', () => {
    const journal = new LocalJournal('mosty:journal:w/d', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError')
      },
      removeItem: () => undefined,
    })
    expect(journal.append(new Uint8Array([1, 2, 3]))).toBe(1)
    expect(journal.waiting).toEqual([])
  })
})
