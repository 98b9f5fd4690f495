import type { Db } from './db.ts'

/**
 * Which public key signs for which member (RF21). A referral's sign-off carries its signer's
 * public key; only the relay, which enrolled the device, can say that key is that member's. Each
 * device registers its key once, with its own token; the first key stays (a stolen token cannot
 * swap it), and keys of revoked devices stay listed, marked, so earlier sign-offs still verify.
 */
export const SIGNING_KEY_ROUTES = [
  'POST /api/signing-keys/register',
  'GET /api/signing-keys',
] as const
export type SigningKeyRoute = (typeof SIGNING_KEY_ROUTES)[number]

export class SigningKeyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export interface PublicPoint {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
}

export interface EnrolledKey {
  memberId: string
  publicKeyJwk: PublicPoint
  registeredAt: string
  revoked: boolean
}

/** A P-256 coordinate: 32 bytes, base64url without padding. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/

/** Only an EC P-256 public point is accepted: never a private key or another curve. */
export const parsePublicPoint = (raw: unknown): PublicPoint => {
  const jwk = raw as Record<string, unknown> | null
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    throw new SigningKeyError(400, 'publicKeyJwk must be a JWK object')
  }
  if ('d' in jwk) throw new SigningKeyError(400, 'never send a private key')
  const { kty, crv, x, y } = jwk
  if (kty !== 'EC' || crv !== 'P-256') {
    throw new SigningKeyError(400, 'publicKeyJwk must be an EC P-256 key')
  }
  if (
    typeof x !== 'string' ||
    typeof y !== 'string' ||
    !COORDINATE.test(x) ||
    !COORDINATE.test(y)
  ) {
    throw new SigningKeyError(400, 'publicKeyJwk has malformed coordinates')
  }
  return { kty, crv, x, y }
}

export class SigningKeys {
  constructor(private readonly db: Db) {}

  /** Registers a device's key once; the same key again is fine, another one is refused (409). */
  register(deviceId: string, raw: unknown): PublicPoint {
    const point = parsePublicPoint(raw)
    const json = JSON.stringify(point)
    const stored = this.db
      .prepare('SELECT jwk FROM signing_keys WHERE device_id = ?')
      .get(deviceId) as { jwk: string } | undefined
    if (stored && stored.jwk !== json) {
      throw new SigningKeyError(409, 'this device has registered another signing key')
    }
    if (!stored) {
      this.db
        .prepare('INSERT INTO signing_keys (device_id, jwk, registered_at) VALUES (?, ?, ?)')
        .run(deviceId, json, new Date().toISOString())
    }
    return point
  }

  /** Every key enrolled in a workspace, with its member; devices are not named. */
  list(workspaceId: string): EnrolledKey[] {
    const rows = this.db
      .prepare(
        `SELECT d.member_id AS memberId, k.jwk, k.registered_at AS registeredAt,
         d.revoked_at IS NOT NULL AS revoked
         FROM signing_keys k JOIN devices d ON d.id = k.device_id
         WHERE d.workspace_id = ? ORDER BY k.registered_at, k.device_id`,
      )
      .all(workspaceId) as { memberId: string; jwk: string; registeredAt: string; revoked: 0 | 1 }[]
    return rows.map((r) => ({
      memberId: r.memberId,
      publicKeyJwk: JSON.parse(r.jwk) as PublicPoint,
      registeredAt: r.registeredAt,
      revoked: r.revoked === 1,
    }))
  }
}
