import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { AccessStore } from './access-store.ts'
import type { Db } from './db.ts'

/** Unambiguous letters and digits for codes read aloud or sent by SMS (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10
const INVITATION_DAYS = 7

const hash = (value: string): Buffer => createHash('sha256').update(value).digest()

/** Normalises what a person typed: case, spaces and dashes do not matter. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

const newCode = (): string => {
  const bytes = randomBytes(CODE_LENGTH)
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
}

export interface EnrolledDevice {
  workspaceId: string
  memberId: string
  deviceId: string
  deviceSecret: string
}

export class EnrolmentError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * One-time invitations and device credentials. Only hashes are stored: a leaked database does
 * not let anyone enrol a device or mint tokens.
 */
export class Enrolment {
  constructor(
    private readonly db: Db,
    private readonly store: AccessStore,
  ) {}

  invite(
    workspaceId: string,
    memberId: string,
    createdBy: string,
  ): { code: string; expiresAt: string } {
    const code = newCode()
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString()
    this.db
      .prepare(
        `INSERT INTO invitations (code_hash, workspace_id, member_id, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(hash(code), workspaceId, memberId, createdBy, new Date().toISOString(), expiresAt)
    return { code, expiresAt }
  }

  /** Consumes an invitation and enrols a new device for its member. */
  redeem(code: string, label: string): EnrolledDevice {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          `SELECT workspace_id AS workspaceId, member_id AS memberId, expires_at AS expiresAt,
           used_at AS usedAt FROM invitations WHERE code_hash = ?`,
        )
        .get(hash(normaliseCode(code))) as
        | { workspaceId: string; memberId: string; expiresAt: string; usedAt: string | null }
        | undefined
      if (!row) throw new EnrolmentError(404, 'invitation not found')
      if (row.usedAt) throw new EnrolmentError(410, 'invitation already used')
      if (Date.parse(row.expiresAt) < Date.now())
        throw new EnrolmentError(410, 'invitation expired')
      this.db
        .prepare('UPDATE invitations SET used_at = ? WHERE code_hash = ?')
        .run(new Date().toISOString(), hash(normaliseCode(code)))
      return this.enrolDevice(row.workspaceId, row.memberId, label)
    })()
  }

  enrolDevice(workspaceId: string, memberId: string, label: string): EnrolledDevice {
    const member = this.store.member(workspaceId, memberId)
    if (!member) throw new EnrolmentError(404, 'member not found')
    if (member.removedAt) throw new EnrolmentError(410, 'member removed')
    const deviceId = randomUUID()
    const deviceSecret = randomBytes(32).toString('base64url')
    this.store.createDevice(workspaceId, memberId, deviceId, label.slice(0, 80))
    this.db
      .prepare('INSERT INTO device_secrets (device_id, secret_hash) VALUES (?, ?)')
      .run(deviceId, hash(deviceSecret))
    return { workspaceId, memberId, deviceId, deviceSecret }
  }

  /** Checks a device's secret; revoked devices and removed members are refused. */
  checkDevice(deviceId: string, secret: string): { workspaceId: string; memberId: string } {
    const row = this.db
      .prepare('SELECT secret_hash AS h FROM device_secrets WHERE device_id = ?')
      .get(deviceId) as { h: Buffer } | undefined
    const device = this.store.device(deviceId)
    if (!row || !device || !timingSafeEqual(row.h, hash(secret))) {
      throw new EnrolmentError(401, 'unknown device')
    }
    if (device.revokedAt) throw new EnrolmentError(410, 'device revoked')
    const member = this.store.member(device.workspaceId, device.memberId)
    if (!member || member.removedAt) throw new EnrolmentError(410, 'member removed')
    return { workspaceId: device.workspaceId, memberId: device.memberId }
  }
}
