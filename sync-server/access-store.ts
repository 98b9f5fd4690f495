import type { Db } from './db.ts'

import { AGENCY_TYPES, ROLES, type AgencyType, type Role } from '../src/model/types.ts'
import { isWorkspaceCountry, type WorkspaceCountry } from '../src/model/workspace.ts'

export { AGENCY_TYPES, ROLES, type AgencyType, type Role }
export type Level = 'read' | 'write'

export interface MemberRow {
  workspaceId: string
  id: string
  displayName: string
  agencyId: string
  role: Role
  removedAt: string | null
}
export interface DeviceRow {
  id: string
  workspaceId: string
  memberId: string
  label: string
  createdAt: string
  revokedAt: string | null
}
export interface DocumentRow {
  workspaceId: string
  id: string
  ownerAgencyId: string
  createdBy: string
  createdAt: string
}
export interface GrantRow {
  subjectKind: 'agency' | 'member'
  subjectId: string
  level: Level
}

export class AccessError extends Error {}

const now = (): string => new Date().toISOString()

const requireCountry = (country: string): WorkspaceCountry => {
  if (!isWorkspaceCountry(country)) throw new AccessError(`unknown country: ${country} (PL, KG)`)
  return country
}

/** The relay's own record of who may do what: the only source of authorisation. */
export class AccessStore {
  constructor(private readonly db: Db) {}

  createWorkspace(id: string, name: string, country: string = 'PL'): void {
    this.db
      .prepare('INSERT INTO workspaces (id, name, created_at, country) VALUES (?, ?, ?, ?)')
      .run(id, name, now(), requireCountry(country))
  }

  /** W7: the country whose public holidays the workspace's working days skip. */
  workspaceCountry(id: string): WorkspaceCountry {
    const country = this.db.prepare('SELECT country FROM workspaces WHERE id = ?').pluck().get(id)
    if (country === undefined) throw new AccessError(`no workspace ${id}`)
    // A value written by hand into the file is not trusted blindly.
    return isWorkspaceCountry(country) ? country : 'PL'
  }

  setWorkspaceCountry(id: string, country: string): void {
    const changed = this.db
      .prepare('UPDATE workspaces SET country = ? WHERE id = ?')
      .run(requireCountry(country), id).changes
    if (changed === 0) throw new AccessError(`no workspace ${id}`)
  }

  listWorkspaceIds(): string[] {
    return (this.db.prepare('SELECT id FROM workspaces ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    )
  }

  hasWorkspace(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(id) !== undefined
  }

  createAgency(workspaceId: string, id: string, name: string, type: AgencyType): void {
    if (!AGENCY_TYPES.includes(type)) throw new AccessError(`unknown agency type: ${type}`)
    this.db
      .prepare('INSERT INTO agencies (workspace_id, id, name, type) VALUES (?, ?, ?, ?)')
      .run(workspaceId, id, name, type)
  }

  listAgencies(workspaceId: string): { id: string; name: string; type: AgencyType }[] {
    return this.db
      .prepare('SELECT id, name, type FROM agencies WHERE workspace_id = ? ORDER BY id')
      .all(workspaceId) as { id: string; name: string; type: AgencyType }[]
  }

  createMember(
    workspaceId: string,
    id: string,
    displayName: string,
    agencyId: string,
    role: Role,
  ): void {
    if (!ROLES.includes(role)) throw new AccessError(`unknown role: ${role}`)
    this.db
      .prepare(
        `INSERT INTO members (workspace_id, id, display_name, agency_id, role)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(workspaceId, id, displayName, agencyId, role)
  }

  member(workspaceId: string, id: string): MemberRow | undefined {
    return this.db
      .prepare(
        `SELECT workspace_id AS workspaceId, id, display_name AS displayName,
         agency_id AS agencyId, role, removed_at AS removedAt
         FROM members WHERE workspace_id = ? AND id = ?`,
      )
      .get(workspaceId, id) as MemberRow | undefined
  }

  listMembers(workspaceId: string): MemberRow[] {
    return this.db
      .prepare(
        `SELECT workspace_id AS workspaceId, id, display_name AS displayName,
         agency_id AS agencyId, role, removed_at AS removedAt
         FROM members WHERE workspace_id = ? ORDER BY agency_id, id`,
      )
      .all(workspaceId) as MemberRow[]
  }

  removeMember(workspaceId: string, id: string): void {
    this.db
      .prepare('UPDATE members SET removed_at = ? WHERE workspace_id = ? AND id = ?')
      .run(now(), workspaceId, id)
  }

  createDevice(workspaceId: string, memberId: string, id: string, label: string): void {
    this.db
      .prepare(
        `INSERT INTO devices (id, workspace_id, member_id, label, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, workspaceId, memberId, label, now())
  }

  device(id: string): DeviceRow | undefined {
    return this.db
      .prepare(
        `SELECT id, workspace_id AS workspaceId, member_id AS memberId, label,
         created_at AS createdAt, revoked_at AS revokedAt FROM devices WHERE id = ?`,
      )
      .get(id) as DeviceRow | undefined
  }

  listDevices(workspaceId: string): DeviceRow[] {
    return this.db
      .prepare(
        `SELECT id, workspace_id AS workspaceId, member_id AS memberId, label,
         created_at AS createdAt, revoked_at AS revokedAt FROM devices
         WHERE workspace_id = ? ORDER BY created_at`,
      )
      .all(workspaceId) as DeviceRow[]
  }

  revokeDevice(id: string): void {
    this.db
      .prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now(), id)
  }

  document(workspaceId: string, id: string): DocumentRow | undefined {
    return this.db
      .prepare(
        `SELECT workspace_id AS workspaceId, id, owner_agency_id AS ownerAgencyId,
         created_by AS createdBy, created_at AS createdAt
         FROM documents WHERE workspace_id = ? AND id = ?`,
      )
      .get(workspaceId, id) as DocumentRow | undefined
  }

  /** Registers a document unless another connection registered it first; returns the row. */
  registerDocument(
    workspaceId: string,
    id: string,
    ownerAgencyId: string,
    by: string,
  ): DocumentRow {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO documents (workspace_id, id, owner_agency_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(workspaceId, id, ownerAgencyId, by, now())
    return this.document(workspaceId, id) as DocumentRow
  }

  grants(workspaceId: string, documentId: string): GrantRow[] {
    return this.db
      .prepare(
        `SELECT subject_kind AS subjectKind, subject_id AS subjectId, level FROM grants
         WHERE workspace_id = ? AND document_id = ?`,
      )
      .all(workspaceId, documentId) as GrantRow[]
  }

  grant(
    workspaceId: string,
    documentId: string,
    subjectKind: 'agency' | 'member',
    subjectId: string,
    level: Level,
  ): void {
    // A grant on an unregistered document would let its first grantee register it as theirs.
    if (!this.document(workspaceId, documentId)) {
      throw new AccessError(`no document ${documentId} in ${workspaceId}`)
    }
    const exists =
      subjectKind === 'agency'
        ? this.listAgencies(workspaceId).some((a) => a.id === subjectId)
        : this.member(workspaceId, subjectId) !== undefined
    if (!exists) throw new AccessError(`no ${subjectKind} ${subjectId} in ${workspaceId}`)
    this.db
      .prepare(
        `INSERT INTO grants (workspace_id, document_id, subject_kind, subject_id, level)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level`,
      )
      .run(workspaceId, documentId, subjectKind, subjectId, level)
  }

  revokeGrant(
    workspaceId: string,
    documentId: string,
    subjectKind: 'agency' | 'member',
    subjectId: string,
  ): void {
    this.db
      .prepare(
        `DELETE FROM grants WHERE workspace_id = ? AND document_id = ?
         AND subject_kind = ? AND subject_id = ?`,
      )
      .run(workspaceId, documentId, subjectKind, subjectId)
  }
}
