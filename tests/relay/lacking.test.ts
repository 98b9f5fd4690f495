/**
 * R31: the room stores and forwards only what it lacks. Cut wrongly, an update would lose a
 * person's edit; not cut, a device that was offline during an erasure would store the erased text
 * again. Checked on the relay's Room against Yjs itself.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room } from '../../sync-server/room.ts'
import { checkUpdate } from '../../sync-server/update-check.ts'

const roomWith = (updates: Uint8Array[]) =>
  new Room(
    'demo/lacking',
    { snapshot: null, updates, lastSeq: updates.length, logBytes: 0, leftover: false },
    () => {},
  )

const runsOf = (u: Uint8Array): number[] => {
  const runs: number[] = []
  checkUpdate(u, runs)
  return runs
}

/** Offers an update as a connection does; returns what the room took (null: nothing). */
const offer = (room: Room, u: Uint8Array): Uint8Array | null => {
  const runs = runsOf(u)
  const taken = room.lacking(u, runs)
  if (taken) room.append(taken, taken === u ? runs : undefined)
  return taken
}

const textOf = (updates: Uint8Array[]): string => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

describe('relay: a room takes only what it lacks (R31)', () => {
  it('R31: a live edit is taken as it is, without re-encoding', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.getText('t').insert(0, 'ab')
    const room = roomWith([updates[0]!])
    doc.getText('t').insert(2, 'c')
    expect(offer(room, updates[1]!)).toBe(updates[1])
  })

  it('R31: a re-sent update that the room has is dropped; one that also holds new edits keeps them', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const t = doc.getText('t')
    t.insert(0, 'secret ')
    t.insert(7, 'kept')
    const room = roomWith([...updates])
    // Erased on the relay: its items stay as deleted ones of the same ids.
    t.delete(0, 7)
    offer(room, updates[2]!)
    expect(offer(room, updates[0]!)).toBeNull()
    t.insert(t.length, ' more')
    // The device's old insert and its new one, as one update.
    const resent = Y.mergeUpdates([updates[0]!, updates[3]!])
    expect(Buffer.from(resent).includes('secret')).toBe(true)
    const taken = offer(room, resent)!
    expect(Buffer.from(taken).includes('secret')).toBe(false)
    expect(Buffer.from(taken).includes(' more')).toBe(true)
    expect(textOf([room.state()])).toBe('kept more')
  })

  it('R31: an update that fills a gap in what the room was given is never cut', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const t = doc.getText('t')
    t.insert(0, 'a')
    t.insert(1, 'b')
    t.insert(2, 'c')
    // The room is given the first and the third: the third waits for the second.
    const room = roomWith([updates[0]!])
    expect(offer(room, updates[2]!)).toBe(updates[2])
    const second = offer(room, updates[1]!)
    expect(second).not.toBeNull()
    expect(textOf([room.state()])).toBe('abc')
  })

  it('R31: another client’s structs re-sent within a step 2 are cut, the sender’s own new ones kept', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'from a ')
    const room = roomWith([Y.encodeStateAsUpdate(a)])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    b.getText('t').insert(7, 'from b')
    const taken = offer(room, Y.encodeStateAsUpdate(b))!
    expect(Buffer.from(taken).includes('from a')).toBe(false)
    expect(textOf([room.state()])).toBe('from a from b')
  })
})
