import { webcrypto } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, demoEnrol } from './api-client.ts'
import { RelayProcess } from './harness.ts'

// RF21: the relay binds each device's public signing key to the member it enrolled.

const publicPoint = async (): Promise<JsonWebKey> => {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey)
  return { kty, crv, x, y }
}

describe('signing keys', () => {
  let relay: RelayProcess
  beforeAll(async () => {
    relay = await RelayProcess.start({ DEMO_LOGIN: '1' })
  })
  afterAll(() => relay.stop())

  const register = (token: string, publicKeyJwk: unknown) =>
    call(relay, '/api/signing-keys/register', { token, body: { publicKeyJwk } })
  const list = async (token: string) =>
    (await call(relay, '/api/signing-keys', { token })).body.keys as {
      memberId: string
      publicKeyJwk: JsonWebKey
      revoked: boolean
    }[]

  it('R20: a device registers its key once; the workspace sees it as that member’s', async () => {
    const anna = await demoEnrol(relay, 'anna')
    const ewa = await demoEnrol(relay, 'ewa')
    const key = await publicPoint()
    expect((await register(anna.token, key)).status).toBe(200)
    expect((await register(anna.token, key)).status).toBe(200)
    const seen = await list(ewa.token)
    expect(seen.filter((k) => k.memberId === 'anna').map((k) => k.publicKeyJwk)).toEqual([key])
    expect(JSON.stringify(seen)).not.toContain(anna.deviceId)
  })

  it('R20: a second key for the same device is refused: a stolen token cannot swap it', async () => {
    const olga = await demoEnrol(relay, 'olga')
    const first = await publicPoint()
    await register(olga.token, first)
    const other = await register(olga.token, await publicPoint())
    expect(other.status).toBe(409)
    const keys = (await list(olga.token)).filter((k) => k.memberId === 'olga')
    expect(keys.map((k) => k.publicKeyJwk)).toEqual([first])
  })

  it('R20: refuses private keys, other curves and malformed points, and storing nothing', async () => {
    const piotr = await demoEnrol(relay, 'piotr')
    const good = await publicPoint()
    const bad: unknown[] = [
      { ...good, d: good.x },
      { ...good, crv: 'P-384' },
      { ...good, kty: 'RSA' },
      { ...good, x: 'short' },
      { ...good, y: '<script>' + 'a'.repeat(35) },
      'not a key',
      null,
      [good],
    ]
    for (const jwk of bad) expect((await register(piotr.token, jwk)).status).toBe(400)
    expect((await list(piotr.token)).some((k) => k.memberId === 'piotr')).toBe(false)
  })

  it('R20: asks for a valid token', async () => {
    expect((await call(relay, '/api/signing-keys')).status).toBe(401)
    expect(
      (await call(relay, '/api/signing-keys/register', { body: { publicKeyJwk: {} } })).status,
    ).toBe(401)
  })

  it('R20: keys of a revoked device stay listed, marked revoked', async () => {
    const tomasz = await demoEnrol(relay, 'tomasz')
    const key = await publicPoint()
    await register(tomasz.token, key)
    relay.store.revokeDevice(tomasz.deviceId)
    const marek = await demoEnrol(relay, 'marek')
    const listed = (await list(marek.token)).filter((k) => k.memberId === 'tomasz')
    expect(listed).toEqual([expect.objectContaining({ publicKeyJwk: key, revoked: true })])
    expect((await register(tomasz.token, key)).status).toBe(410)
  })
})
