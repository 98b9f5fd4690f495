import { randomBytes } from 'node:crypto'
import { SignJWT, errors, jwtVerify } from 'jose'
import type { Db } from './db.ts'

/** What a valid token says about the connection. */
export interface Identity {
  workspaceId: string
  memberId: string
  deviceId: string
  expiresAt: number
}

export type AuthFailure = 'missing' | 'malformed' | 'forged' | 'expired'

export const AUTH_FAILURE_REASON: Record<AuthFailure, string> = {
  missing: 'token missing',
  malformed: 'token malformed',
  forged: 'token signature invalid',
  expired: 'token expired',
}

const ISSUER = 'mosty-relay'
const ALG = 'HS256'

/** The HMAC key lives in the relay's own store, created on first use. */
export const loadSigningKey = (db: Db): Uint8Array => {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'token-key'").get() as
    { value: Buffer } | undefined
  if (row) return new Uint8Array(row.value)
  const key = randomBytes(32)
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('token-key', ?)").run(key)
  return loadSigningKey(db)
}

export const issueToken = (
  key: Uint8Array,
  claims: { workspaceId: string; memberId: string; deviceId: string },
  ttlSeconds = 12 * 3600,
): Promise<string> =>
  new SignJWT({ ws: claims.workspaceId, dev: claims.deviceId })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setSubject(claims.memberId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key)

export const verifyToken = async (
  key: Uint8Array,
  token: string | null | undefined,
): Promise<Identity | AuthFailure> => {
  if (!token) return 'missing'
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: [ALG] })
    const { sub, ws, dev, exp } = payload
    if (typeof sub !== 'string' || typeof ws !== 'string' || typeof dev !== 'string' || !exp) {
      return 'malformed'
    }
    return { workspaceId: ws, memberId: sub, deviceId: dev, expiresAt: exp * 1000 }
  } catch (err) {
    if (err instanceof errors.JWTExpired) return 'expired'
    if (err instanceof errors.JWSSignatureVerificationFailed) return 'forged'
    return 'malformed'
  }
}
