import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/sync/backoff.ts'
import { PendingChanges } from '../../src/sync/pending.ts'

/** localStorage's contract, kept in a Map: what a reload of the page would find. */
const storage = () => {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => m.set(k, v),
  }
}

describe('pending changes', () => {
  it('R8: counts local changes until a marker sent after them is confirmed', () => {
    const p = new PendingChanges('k', storage())
    p.recordLocalChange()
    p.recordLocalChange()
    const m1 = p.mark()
    p.recordLocalChange()
    expect(p.count).toBe(3)
    p.confirm(m1)
    expect(p.count).toBe(1)
    const m2 = p.mark()
    p.confirm(m2)
    expect(p.count).toBe(0)
  })

  it('R8: a marker answered on a dropped connection proves nothing; the next one does', () => {
    const p = new PendingChanges('k', storage())
    p.recordLocalChange()
    const lost = p.mark()
    p.forgetMarkers()
    p.confirm(lost)
    expect(p.count).toBe(1)
    p.confirm(p.mark())
    expect(p.count).toBe(0)
  })

  it('survives a reload: changes made offline are still counted', () => {
    const s = storage()
    const before = new PendingChanges('doc', s)
    before.recordLocalChange()
    before.recordLocalChange()
    const after = new PendingChanges('doc', s)
    expect(after.count).toBe(2)
    after.confirm(after.mark())
    expect(new PendingChanges('doc', s).count).toBe(0)
  })

  it('R8: an old marker confirmed late never un-confirms newer ones', () => {
    const p = new PendingChanges('k', storage())
    p.recordLocalChange()
    const m1 = p.mark()
    p.recordLocalChange()
    const m2 = p.mark()
    p.confirm(m2)
    p.confirm(m1)
    expect(p.count).toBe(0)
  })
})

describe('reconnect backoff', () => {
  it('grows with attempts, is capped, and is jittered between half and the whole ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(250)
    expect(backoffDelay(0, () => 1)).toBe(500)
    expect(backoffDelay(3, () => 0)).toBe(2000)
    expect(backoffDelay(50, () => 1)).toBe(30_000)
    expect(backoffDelay(50, () => 0)).toBe(15_000)
  })
})
