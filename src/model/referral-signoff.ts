import type * as Y from 'yjs'
import { listAssertions } from './decision.ts'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import { compareCodeUnits } from './order.ts'
import { resolveDecision } from './register.ts'
import type { Assertion } from './register.ts'
import { readResponsibilities } from './referral-commitments.ts'
import { readConsents } from './referral-consent.ts'
import { MAPS, map, readHeader, requireParties, requireSide } from './referral-store.ts'
import { REFERRAL_FIELDS, SHARING_FIELD_PREFIX } from './referral-vocab.ts'
import type { SignOff } from './referral-vocab.ts'
import { textField } from './text-field.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord } from './validate.ts'

// Sign-off binds a party to the exact content it agreed to: an ECDSA P-256 signature over a
// statement naming the SHA-256 of the canonical content, the signer and the time (RF18–RF20).
// Anyone can verify it with the public key stored beside it. Binding that key to the member is
// the relay's job (it knows the devices); until then a valid signature proves integrity, not
// identity (RF21).

const subtle = (): SubtleCrypto => globalThis.crypto.subtle
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const
const STATEMENT = 'mosty/referral-sign-off/v1'

/** The terms' decision fields whose settled values are signed (not status nor outcome). */
const SIGNED_FIELDS = [
  REFERRAL_FIELDS.urgency,
  REFERRAL_FIELDS.respondBy,
  REFERRAL_FIELDS.completeBy,
  REFERRAL_FIELDS.legalBasis,
]

/**
 * RF18: the agreement's signed content as canonical JSON: parties, service, person code,
 * reason and request text, urgency, deadlines, consents as given, legal basis, data categories
 * per recipient and responsibilities. Not status, outcome, history, withdrawals, fulfilments,
 * contact points, identifying details or sign-offs: those record what happened after agreeing.
 */
export function canonicalContent(doc: Y.Doc): string {
  const header = readHeader(doc)
  if (header === undefined) throw new ModelError('not-found', 'document holds no referral')
  const referral = map(doc, MAPS.referral)
  const assertions = listAssertions(doc)
  const decision = (field: string) => decisionContent(assertions.filter((a) => a.field === field))
  const sharing: Record<string, Json> = {}
  for (const field of new Set(assertions.map((a) => a.field))) {
    if (field.startsWith(SHARING_FIELD_PREFIX)) {
      sharing[field.slice(SHARING_FIELD_PREFIX.length)] = decision(field)
    }
  }
  const content: Json = {
    v: 1,
    referralId: header.id,
    parties: { ...requireParties(doc) },
    service: jsonOrNull(referral.get('service')),
    person: jsonOrNull(referral.get('person')),
    reason: textField(doc, 'reason').read(),
    request: textField(doc, 'request').read(),
    terms: Object.fromEntries(SIGNED_FIELDS.map((f) => [f, decision(f)])),
    sharing,
    consents: readConsents(doc)
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .map(({ withdrawal: _w, ...record }) => ({ ...record, givenBy: { ...record.givenBy } })),
    responsibilities: readResponsibilities(doc)
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .map(({ fulfilled: _f, ...record }) => ({ ...record })),
  }
  return canonicalJson(content)
}

/** RF18: SHA-256 of the canonical content, lowercase hex. */
export async function contentHash(doc: Y.Doc): Promise<string> {
  return sha256Hex(canonicalContent(doc))
}

/**
 * RF19: a party signs the current content with its device key. Refused for non-parties, while
 * a signed field is disputed, and when the public key does not match the private key.
 */
export async function signOff(
  doc: Y.Doc,
  actor: Actor,
  keyPair: CryptoKeyPair,
  publicKeyJwk: JsonWebKey,
  opts: { now?: Date; id?: string } = {},
): Promise<SignOff> {
  requireSide(doc, actor)
  const disputed = listAssertions(doc).filter((a) => isSignedField(a.field))
  for (const field of new Set(disputed.map((a) => a.field))) {
    if (resolveDecision(disputed.filter((a) => a.field === field)).state === 'disputed') {
      throw new ModelError('field-disputed', `${field} is disputed; settle it before signing`)
    }
  }
  const jwk = publicJwk(publicKeyJwk)
  const header = readHeader(doc)
  const hash = await contentHash(doc)
  const draft = {
    id: opts.id ?? randomId(),
    memberId: actor.memberId,
    agencyId: actor.agencyId,
    at: (opts.now ?? new Date()).toISOString(),
    hash,
  }
  const statement = signedStatement(header?.id ?? '', draft)
  const signature = new Uint8Array(await subtle().sign(SIGN, keyPair.privateKey, statement))
  // Storing a signature that nobody can verify would be a sign-off that proves nothing.
  if (!(await verifies(jwk, signature, statement))) {
    throw new ModelError('invalid-key', 'the public key does not match the signing key')
  }
  const record: SignOff = { ...draft, signature: toBase64(signature), publicKeyJwk: jwk }
  if (map(doc, MAPS.signOffs).has(record.id)) {
    throw new ModelError('duplicate-id', `sign-off ${record.id} exists`)
  }
  map(doc, MAPS.signOffs).set(record.id, record)
  return structuredClone(record)
}

export type SignOffResult =
  'valid' | 'changed-since-signed' | 'invalid' | 'not-signers-key' | 'signer-unchecked'

/** The public keys the relay enrolled for each member (RF21), by member id. */
export type EnrolledKeys = ReadonlyMap<string, readonly JsonWebKey[]>

/**
 * RF20/RF21: each sign-off checked against its key, the keys the relay enrolled for its signer
 * (when known on this device) and the current content, oldest first.
 */
export async function verifySignOffs(
  doc: Y.Doc,
  enrolled?: EnrolledKeys,
): Promise<{ signOff: SignOff; result: SignOffResult }[]> {
  const current = await contentHash(doc)
  const referralId = readHeader(doc)?.id ?? ''
  const checks = readSignOffs(doc).map(async (signOff) => {
    const statement = signedStatement(referralId, signOff)
    const ok = await verifies(signOff.publicKeyJwk, fromBase64(signOff.signature), statement)
    const signer = enrolled?.get(signOff.memberId)
    const bound = signer?.some((k) => samePoint(k, signOff.publicKeyJwk))
    const result: SignOffResult = !ok
      ? 'invalid'
      : enrolled !== undefined && !bound
        ? 'not-signers-key'
        : signOff.hash !== current
          ? 'changed-since-signed'
          : enrolled === undefined
            ? 'signer-unchecked'
            : 'valid'
    return { signOff, result }
  })
  return Promise.all(checks)
}

const samePoint = (a: JsonWebKey, b: JsonWebKey): boolean =>
  a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y

export function readSignOffs(doc: Y.Doc): SignOff[] {
  const list: SignOff[] = []
  map(doc, MAPS.signOffs).forEach((raw, key) => {
    if (!isRecord(raw) || raw.id !== key || !isIsoInstant(raw.at)) return
    const { memberId, agencyId, hash, signature, publicKeyJwk } = raw
    if (typeof memberId !== 'string' || typeof agencyId !== 'string') return
    if (typeof hash !== 'string' || typeof signature !== 'string' || !isRecord(publicKeyJwk)) return
    const jwk = structuredClone(publicKeyJwk) as JsonWebKey
    list.push({ id: key, memberId, agencyId, at: raw.at, hash, signature, publicKeyJwk: jwk })
  })
  return list.sort((a, b) => compareCodeUnits(a.at, b.at) || compareCodeUnits(a.id, b.id))
}

const isSignedField = (field: string): boolean =>
  field.startsWith(SHARING_FIELD_PREFIX) || (SIGNED_FIELDS as string[]).includes(field)

/** A field's signed form: its settled value, null when empty, every candidate when disputed. */
function decisionContent(assertions: readonly Assertion[]): Json {
  const state = resolveDecision(assertions)
  if (state.state === 'empty') return null
  if (state.state === 'settled') return state.value
  return { disputed: state.candidates.map((c) => canonicalJson(c.value)).sort() }
}

const jsonOrNull = (value: unknown): Json => (isRecord(value) ? (value as Json) : null)

/** What is signed: the content hash bound to the referral, the signer and the time. */
function signedStatement(
  referralId: string,
  s: Pick<SignOff, 'memberId' | 'agencyId' | 'at' | 'hash'>,
): Uint8Array<ArrayBuffer> {
  const { memberId, agencyId, at, hash } = s
  const text = canonicalJson({ statement: STATEMENT, referralId, memberId, agencyId, at, hash })
  return new TextEncoder().encode(text)
}

async function verifies(jwk: JsonWebKey, signature: Uint8Array, data: Uint8Array<ArrayBuffer>) {
  try {
    const key = await subtle().importKey('jwk', jwk, ECDSA, false, ['verify'])
    return await subtle().verify(SIGN, key, new Uint8Array(signature), data)
  } catch {
    return false // a malformed key or signature verifies nothing
  }
}

/** Only the public EC point: no private member, no usage flags that differ between browsers. */
function publicJwk(jwk: JsonWebKey): JsonWebKey {
  const { kty, crv, x, y, d } = jwk ?? {}
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') {
    throw new ModelError('invalid-key', 'the public key must be an EC P-256 JWK')
  }
  if (d !== undefined) throw new ModelError('invalid-key', 'never store a private key')
  return { kty, crv, x, y }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))

function fromBase64(text: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return new Uint8Array(0)
  }
}
