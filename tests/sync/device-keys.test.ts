import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createReferral, ModelError, signOff, verifySignOffs } from '../../src/model/index.ts'
import {
  type DeviceKey,
  generateDeviceKey,
  type KeyStore,
  loadOrCreateDeviceKey,
  memoryKeyStore,
  publicPoint,
} from '../../src/sync/device-keys.ts'

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'ewa', agencyId: 'fundacja' }

const newReferral = (): Y.Doc => {
  const doc = new Y.Doc()
  createReferral(
    doc,
    {
      id: 'ref-1',
      receivingAgencyId: 'fundacja',
      person: { kind: 'family', code: 'R-2026-014' },
      reason: 'Rent arrears',
      request: 'Debt counselling',
    },
    referrer,
  )
  return doc
}

describe('device signing key', () => {
  it('has a non-extractable private key and exports only the public point', async () => {
    const key = await generateDeviceKey()
    expect(key.keyPair.privateKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('jwk', key.keyPair.privateKey)).rejects.toThrow()
    expect(Object.keys(key.publicKeyJwk).sort()).toEqual(['crv', 'kty', 'x', 'y'])
    expect(key.publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' })
  })

  it('publicPoint refuses anything but an EC P-256 key and drops private members', () => {
    expect(() => publicPoint({ kty: 'RSA', n: 'x', e: 'AQAB' })).toThrow()
    const jwk = { kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'secret', ext: true }
    expect(publicPoint(jwk)).toEqual({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' })
  })

  it('is made once per device and then read from the store', async () => {
    const store = memoryKeyStore()
    let made = 0
    const generate = () => {
      made++
      return generateDeviceKey()
    }
    const first = await loadOrCreateDeviceKey(store, generate)
    const again = await loadOrCreateDeviceKey(store, generate)
    expect(again).toBe(first)
    expect(made).toBe(1)
  })

  it('two tabs asking at once end with the one key stored first', async () => {
    const inner = memoryKeyStore()
    // Both tabs read "no key" before either writes.
    let reads = 0
    const racing: KeyStore = {
      get: async () => (reads++ < 2 ? undefined : inner.get()),
      putIfAbsent: (k) => inner.putIfAbsent(k),
    }
    const [a, b] = await Promise.all([loadOrCreateDeviceKey(racing), loadOrCreateDeviceKey(racing)])
    expect(a).toBe(b)
    expect(await inner.get()).toBe(a)
  })

  it('RF19/RF20: a sign-off made with the device key verifies with its exported JWK', async () => {
    const doc = newReferral()
    const key: DeviceKey = await generateDeviceKey()
    const record = await signOff(doc, referrer, key.keyPair, key.publicKeyJwk)
    expect(record.publicKeyJwk).toEqual(key.publicKeyJwk)
    const results = await verifySignOffs(doc, new Map([['anna', [key.publicKeyJwk]]]))
    expect(results.map((r) => r.result)).toEqual(['valid'])
  })

  it('RF19: signing with one device and naming another device’s public key is refused', async () => {
    const doc = newReferral()
    const mine = await generateDeviceKey()
    const other = await generateDeviceKey()
    const refusal = await signOff(doc, referrer, mine.keyPair, other.publicKeyJwk).catch(
      (err: unknown) => err,
    )
    expect(refusal).toBeInstanceOf(ModelError)
    expect((refusal as ModelError).code).toBe('invalid-key')
  })

  it('RF20: a sign-off whose key was swapped for another device’s is invalid', async () => {
    const doc = newReferral()
    const mine = await generateDeviceKey()
    const other = await generateDeviceKey()
    const record = await signOff(doc, receiver, mine.keyPair, mine.publicKeyJwk)
    const signOffs = doc.getMap('signOffs')
    signOffs.set(record.id, { ...record, publicKeyJwk: other.publicKeyJwk })
    const results = await verifySignOffs(doc)
    expect(results.map((r) => r.result)).toEqual(['invalid'])
  })

  it('RF20: two devices sign; each verifies against its own key', async () => {
    const doc = newReferral()
    const a = await generateDeviceKey()
    const b = await generateDeviceKey()
    await signOff(doc, referrer, a.keyPair, a.publicKeyJwk, { now: new Date(1) })
    await signOff(doc, receiver, b.keyPair, b.publicKeyJwk, { now: new Date(2) })
    const enrolled = new Map([
      ['anna', [a.publicKeyJwk]],
      ['ewa', [b.publicKeyJwk]],
    ])
    const results = await verifySignOffs(doc, enrolled)
    expect(results.map((r) => [r.signOff.memberId, r.result])).toEqual([
      ['anna', 'valid'],
      ['ewa', 'valid'],
    ])
  })
})
