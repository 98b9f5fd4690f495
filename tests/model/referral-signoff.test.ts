import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral, referralText, setTerms } from '../../src/model/referral.ts'
import { addResponsibility, fulfilResponsibility } from '../../src/model/referral-commitments.ts'
import { recordConsent, withdrawConsent } from '../../src/model/referral-consent.ts'
import {
  canonicalContent,
  contentHash,
  type EnrolledKeys,
  readSignOffs,
  signOff,
  verifySignOffs,
} from '../../src/model/referral-signoff.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const outsider = { memberId: 'piotr', agencyId: 'police' }
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))

interface DeviceKey {
  keyPair: CryptoKeyPair
  jwk: JsonWebKey
}

async function deviceKey(): Promise<DeviceKey> {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])
  return { keyPair, jwk: await crypto.subtle.exportKey('jwk', keyPair.publicKey) }
}

function newReferral(): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    {
      id: 'ref-1',
      receivingAgencyId: 'ngo',
      person: { kind: 'family', code: 'R-2026-014' },
      reason: 'Rent arrears, eviction notice',
      request: 'Debt counselling',
      respondBy: '2026-03-08',
    },
    referrer,
    { now: at(0) },
  )
  addResponsibility(
    doc,
    { agencyId: 'ngo', what: 'First meeting', dueBy: '2026-03-15' },
    referrer,
    {
      id: 'r1',
    },
  )
  return doc
}

async function refusal(write: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

/** The relay's enrolment as these tests assume it unless they say otherwise: every key is its signer's. */
const keysAsSigned = (doc: Y.Doc): EnrolledKeys => {
  const keys = new Map<string, JsonWebKey[]>()
  for (const s of readSignOffs(doc))
    keys.set(s.memberId, [...(keys.get(s.memberId) ?? []), s.publicKeyJwk])
  return keys
}

const results = async (doc: Y.Doc, enrolled: EnrolledKeys = keysAsSigned(doc)) =>
  (await verifySignOffs(doc, enrolled)).map((c) => c.result)

describe('sign-off', () => {
  it('RF19/RF20: both parties sign the same content and both sign-offs are valid', async () => {
    const doc = newReferral()
    const [a, b] = [await deviceKey(), await deviceKey()]
    const hash = await contentHash(doc)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    const signed = await signOff(doc, referrer, a.keyPair, a.jwk, { now: at(1) })
    await signOff(doc, receiver, b.keyPair, b.jwk, { now: at(2) })
    expect(signed).toMatchObject({ memberId: 'anna', agencyId: 'mops', hash })
    expect(signed.publicKeyJwk).toEqual({ kty: 'EC', crv: 'P-256', x: a.jwk.x, y: a.jwk.y })
    expect(await results(doc)).toEqual(['valid', 'valid'])
  })

  it('RF18/RF20: a content change on another replica makes it changed-since-signed', async () => {
    const a = newReferral()
    const b = new Y.Doc()
    sync(a, b)
    const key = await deviceKey()
    await signOff(a, referrer, key.keyPair, key.jwk)
    referralText(b, 'request', referrer).write('Debt counselling and legal aid')
    sync(a, b)
    expect(await results(a)).toEqual(['changed-since-signed'])
    expect(await results(b)).toEqual(['changed-since-signed'])
    // Restoring the signed words restores the signature's validity: it signs content, not time.
    referralText(a, 'request', referrer).write('Debt counselling')
    expect(await results(a)).toEqual(['valid'])
  })

  it('RF18: terms, consents and responsibilities are signed; status, withdrawals and fulfilment are not', async () => {
    const doc = newReferral()
    const key = await deviceKey()
    recordConsent(doc, { givenBy: { code: 'P1', role: 'mother' }, scope: ['service'] }, referrer, {
      id: 'c1',
    })
    await signOff(doc, referrer, key.keyPair, key.jwk)
    setStatus(doc, 'requested', referrer)
    withdrawConsent(doc, 'c1', { reason: 'Changed her mind' }, receiver)
    fulfilResponsibility(doc, 'r1', receiver)
    expect(await results(doc)).toEqual(['valid'])
    expect(canonicalContent(doc)).not.toContain('requested')
    setTerms(doc, { completeBy: '2026-06-30' }, receiver)
    expect(await results(doc)).toEqual(['changed-since-signed'])
  })

  it('RF18: the canonical content is the same on every replica whatever the order of writes', () => {
    const a = newReferral()
    const b = new Y.Doc()
    sync(a, b)
    addResponsibility(a, { agencyId: 'mops', what: 'Send the file' }, referrer, { id: 'r2' })
    addResponsibility(b, { agencyId: 'ngo', what: 'Call back' }, receiver, { id: 'r0' })
    sync(a, b)
    expect(canonicalContent(a)).toBe(canonicalContent(b))
    expect(
      JSON.parse(canonicalContent(a)).responsibilities.map((r: { id: string }) => r.id),
    ).toEqual(['r0', 'r1', 'r2'])
  })

  it('RF20: a mutated signature byte, another key’s signature or a swapped key is invalid', async () => {
    const doc = newReferral()
    const [a, b] = [await deviceKey(), await deviceKey()]
    const mine = await signOff(doc, referrer, a.keyPair, a.jwk, { id: 's1' })
    const theirs = await signOff(doc, receiver, b.keyPair, b.jwk, { id: 's2' })
    const store = doc.getMap('signOffs')
    const bytes = Uint8Array.from(atob(mine.signature), (c) => c.charCodeAt(0))
    bytes[10] = (bytes[10] ?? 0) ^ 0x01
    store.set('s1', { ...mine, signature: btoa(String.fromCharCode(...bytes)) })
    expect(await results(doc)).toEqual(['invalid', 'valid'])
    store.set('s1', { ...mine, signature: theirs.signature })
    expect(await results(doc)).toEqual(['invalid', 'valid'])
    store.set('s1', { ...mine, publicKeyJwk: theirs.publicKeyJwk })
    expect(await results(doc)).toEqual(['invalid', 'valid'])
    // Claiming someone else signed, or re-pointing the hash at new content, breaks it too.
    store.set('s1', { ...mine, memberId: 'celina' })
    expect(await results(doc)).toEqual(['invalid', 'valid'])
    store.set('s1', { ...mine, signature: 'not base64!' })
    expect(await results(doc)).toEqual(['invalid', 'valid'])
    referralText(doc, 'reason', referrer).write('Changed after signing')
    store.set('s1', { ...mine, hash: await contentHash(doc) })
    expect(await results(doc)).toEqual(['invalid', 'changed-since-signed'])
  })

  it('RF19: refused for a non-party, a key pair that does not match, and a disputed term', async () => {
    const doc = newReferral()
    const [a, b] = [await deviceKey(), await deviceKey()]
    expect(await refusal(() => signOff(doc, outsider, a.keyPair, a.jwk))).toBe('not-a-party')
    expect(await refusal(() => signOff(doc, referrer, a.keyPair, b.jwk))).toBe('invalid-key')
    expect(await refusal(() => signOff(doc, referrer, a.keyPair, { ...a.jwk, crv: 'P-384' }))).toBe(
      'invalid-key',
    )
    const other = new Y.Doc()
    sync(doc, other)
    setTerms(doc, { completeBy: '2026-05-01' }, referrer)
    setTerms(other, { completeBy: '2026-06-01' }, receiver)
    sync(doc, other)
    expect(await refusal(() => signOff(doc, referrer, a.keyPair, a.jwk))).toBe('field-disputed')
    expect(doc.getMap('signOffs').size).toBe(0)
  })

  it('RF21: a sign-off made with a key the relay did not enrol for its signer is not theirs', async () => {
    const doc = newReferral()
    const [annas, stranger] = [await deviceKey(), await deviceKey()]
    // A party's member signs, intact, but claims to be the receiving agency's worker.
    await signOff(doc, receiver, stranger.keyPair, stranger.jwk, { now: at(1) })
    await signOff(doc, referrer, annas.keyPair, annas.jwk, { now: at(2) })
    const enrolled = new Map([
      ['anna', [annas.jwk]],
      ['bozena', []],
    ])
    expect(await results(doc, enrolled)).toEqual(['not-signers-key', 'valid'])
    // A key enrolled for someone else does not help.
    expect(await results(doc, new Map([['anna', [annas.jwk, stranger.jwk]]]))).toEqual([
      'not-signers-key',
      'valid',
    ])
  })

  it('RF21: without the relay’s list the signer is unchecked; a content change still shows', async () => {
    const doc = newReferral()
    const key = await deviceKey()
    await signOff(doc, referrer, key.keyPair, key.jwk)
    const unchecked = async () => (await verifySignOffs(doc)).map((c) => c.result)
    expect(await unchecked()).toEqual(['signer-unchecked'])
    setTerms(doc, { completeBy: '2026-06-30' }, receiver)
    expect(await unchecked()).toEqual(['changed-since-signed'])
  })
})
