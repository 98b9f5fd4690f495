import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { observeTopLevelMaps } from './observe.ts'
import { AGENCY_TYPES, ROLES } from './types.ts'
import type { Agency, Member } from './types.ts'
import { isRecord, requireOneOf, requireText } from './validate.ts'

// Agencies and members of one partnership. Each record is a plain JSON value under its id
// in a top-level map: concurrent writes to different ids never interfere, and a record
// written concurrently on two devices converges to one whole version (never a mix). Nested
// Y types under map keys are avoided on purpose: two devices creating one under the same
// key concurrently keep only one of them, losing everything written into the other.

const agencies = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('agencies')
const members = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('members')
const settings = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('settings')

/** W7: the countries whose public holidays working days know (ISO 3166-1 alpha-2). */
export const WORKSPACE_COUNTRIES = ['PL', 'KG'] as const
export type WorkspaceCountry = (typeof WORKSPACE_COUNTRIES)[number]

export const isWorkspaceCountry = (v: unknown): v is WorkspaceCountry =>
  WORKSPACE_COUNTRIES.includes(v as WorkspaceCountry)

/** W7: the relay publishes the workspace's country (its own record) with the directory. */
export function setWorkspaceCountry(doc: Y.Doc, country: WorkspaceCountry): void {
  const value = requireOneOf(country, WORKSPACE_COUNTRIES, 'invalid-value', 'workspace country')
  if (settings(doc).get('country') !== value) settings(doc).set('country', value)
}

/** W7: the workspace's country; undefined until the relay has published it (or if malformed). */
export function getWorkspaceCountry(doc: Y.Doc): WorkspaceCountry | undefined {
  const value = settings(doc).get('country')
  return isWorkspaceCountry(value) ? value : undefined
}

export function upsertAgency(doc: Y.Doc, agency: Agency): Agency {
  const value: Agency = {
    id: requireText(agency.id, 'invalid-id', 'agency id'),
    name: requireText(agency.name, 'invalid-name', 'agency name'),
    type: requireOneOf(agency.type, AGENCY_TYPES, 'invalid-agency-type', 'agency type'),
  }
  agencies(doc).set(value.id, value)
  return { ...value }
}

export function getAgency(doc: Y.Doc, id: string): Agency | undefined {
  return parseAgency(agencies(doc).get(id))
}

/** Agencies sorted by name for display (in the device's locale). */
export function listAgencies(doc: Y.Doc): Agency[] {
  return [...agencies(doc).values()]
    .map(parseAgency)
    .filter((a): a is Agency => a !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** Refuses while members still belong to the agency; returns whether it existed. */
export function removeAgency(doc: Y.Doc, id: string): boolean {
  if (listMembers(doc).some((m) => m.agencyId === id)) {
    throw new ModelError('agency-has-members', `agency ${id} still has members`)
  }
  const existed = agencies(doc).has(id)
  agencies(doc).delete(id)
  return existed
}

export function upsertMember(doc: Y.Doc, member: Member): Member {
  const value: Member = {
    id: requireText(member.id, 'invalid-id', 'member id'),
    displayName: requireText(member.displayName, 'invalid-name', 'member display name'),
    agencyId: requireText(member.agencyId, 'unknown-agency', 'member agency id'),
    role: requireOneOf(member.role, ROLES, 'invalid-role', 'member role'),
  }
  if (getAgency(doc, value.agencyId) === undefined) {
    throw new ModelError('unknown-agency', `agency ${value.agencyId} does not exist`)
  }
  members(doc).set(value.id, value)
  return { ...value }
}

export function getMember(doc: Y.Doc, id: string): Member | undefined {
  return parseMember(members(doc).get(id))
}

/** Members sorted by display name; pass an agency id to list only that agency's members. */
export function listMembers(doc: Y.Doc, agencyId?: string): Member[] {
  return [...members(doc).values()]
    .map(parseMember)
    .filter((m): m is Member => m !== undefined)
    .filter((m) => agencyId === undefined || m.agencyId === agencyId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
}

export function removeMember(doc: Y.Doc, id: string): boolean {
  const existed = members(doc).has(id)
  members(doc).delete(id)
  return existed
}

export type WorkspacePart = 'agencies' | 'members' | 'index' | 'settings'

/** Calls back once per transaction that changed agencies, members, the index or the settings. */
export function observeWorkspace(
  doc: Y.Doc,
  onChange: (changed: ReadonlySet<WorkspacePart>) => void,
): () => void {
  const parts: WorkspacePart[] = ['agencies', 'members', 'index', 'settings']
  return observeTopLevelMaps<WorkspacePart>(doc, parts, onChange)
}

// Reads return fresh objects (the stored value is shared with Yjs) and skip values that are
// not well-formed, e.g. written by a newer or faulty client.
function parseAgency(raw: unknown): Agency | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') return
  if (!AGENCY_TYPES.includes(raw.type as Agency['type'])) return
  return { id: raw.id, name: raw.name, type: raw.type as Agency['type'] }
}

function parseMember(raw: unknown): Member | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.displayName !== 'string') return
  if (typeof raw.agencyId !== 'string' || !ROLES.includes(raw.role as Member['role'])) return
  return {
    id: raw.id,
    displayName: raw.displayName,
    agencyId: raw.agencyId,
    role: raw.role as Member['role'],
  }
}
