import type * as Y from 'yjs'
import { getLocation, getOrganization, getService } from './directory-read.ts'
import { directoryMap, responseTimeKey } from './directory-store.ts'
import type {
  DirectoryRecords,
  DirLocation,
  DirOrganization,
  DirService,
  DirServiceAtLocation,
  ResponseTime,
} from './directory-vocab.ts'
import { RESPONSE_UNITS } from './directory-vocab.ts'
import { ModelError } from './errors.ts'
import { checkModel, type TableName } from './hsds-schema.ts'
import { randomId } from './ids.ts'
import type { RoleActor } from './plan-approval.ts'
import { URGENCIES } from './referral-vocab.ts'
import { requireOneOf } from './validate.ts'
import { getAgency } from './workspace.ts'

// Writes to the directory. DR2: an organization is kept by one partnership agency and only that
// agency's coordinators change it, its services, locations and service-at-locations. DR3:
// response times are agreed by the partnership, so any coordinator records them.

type Lists = 'contacts' | 'phones' | 'schedules' | 'languages' | 'addresses'
/** A record to save: a new one has no id yet, and lists it lacks are empty. */
export type DirectoryInput<T extends { id: string }> = Omit<T, 'id' | Lists> & {
  id?: string
} & Partial<Pick<T, Extract<keyof T, Lists>>>
type Input<T extends { id: string }> = DirectoryInput<T>

/** A new record id in the UUID shape HSDS asks for. */
export function newDirectoryId(): string {
  const h = randomId()
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function requireCoordinator(actor: RoleActor): void {
  if (actor.role !== 'coordinator') {
    throw new ModelError('not-coordinator', 'only coordinators edit the directory')
  }
}

function requireKeeper(actor: RoleActor, org: DirOrganization | undefined): DirOrganization {
  requireCoordinator(actor)
  if (!org) throw new ModelError('not-found', 'no such organization in the directory')
  if (org.keptBy !== actor.agencyId) {
    throw new ModelError('not-keeper', `organization ${org.id} is kept by ${org.keptBy}`)
  }
  return org
}

function clean(table: TableName, value: Record<string, unknown>): Record<string, unknown> {
  const { value: ok, problems } = checkModel(table, value)
  if (!ok) {
    const list = problems.map((p) => `${p.path} ${p.code}`).join('; ')
    throw new ModelError('invalid-value', `invalid ${table}: ${list}`)
  }
  return ok
}

export function saveOrganization(
  doc: Y.Doc,
  actor: RoleActor,
  input: Input<Omit<DirOrganization, 'keptBy'>>,
): DirOrganization {
  const id = input.id ?? newDirectoryId()
  const existing = getOrganization(doc, id)
  if (existing) requireKeeper(actor, existing)
  else requireCoordinator(actor)
  const kind = existing?.kind ?? input.kind
  const agencyId = existing?.agencyId ?? input.agencyId
  if (kind === 'agency') {
    if (agencyId === undefined || getAgency(doc, agencyId) === undefined) {
      throw new ModelError('unknown-agency', 'an agency entry names a partnership agency')
    }
    if (!existing && agencyId !== actor.agencyId) {
      throw new ModelError('not-keeper', 'a coordinator describes only their own agency')
    }
  } else if (agencyId !== undefined) {
    throw new ModelError('invalid-value', 'only an agency entry names a partnership agency')
  }
  const value: DirOrganization = {
    ...(clean('organization', { ...input, id }) as Omit<DirOrganization, 'kind' | 'keptBy'>),
    kind,
    ...(agencyId !== undefined && { agencyId }),
    keptBy: existing?.keptBy ?? (kind === 'agency' ? (agencyId as string) : actor.agencyId),
  }
  directoryMap(doc, 'directory.organizations').set(id, value)
  return structuredClone(value)
}

export function saveService(doc: Y.Doc, actor: RoleActor, input: Input<DirService>): DirService {
  requireKeeper(actor, getOrganization(doc, input.organizationId))
  const id = input.id ?? newDirectoryId()
  const current = getService(doc, id)
  if (current && current.organizationId !== input.organizationId) {
    requireKeeper(actor, getOrganization(doc, current.organizationId))
  }
  const value: DirService = {
    ...(clean('service', { ...input, id }) as Omit<DirService, 'organizationId'>),
    organizationId: input.organizationId,
  }
  directoryMap(doc, 'directory.services').set(id, value)
  return structuredClone(value)
}

export function saveLocation(doc: Y.Doc, actor: RoleActor, input: Input<DirLocation>): DirLocation {
  requireKeeper(actor, getOrganization(doc, input.organizationId))
  const id = input.id ?? newDirectoryId()
  const value: DirLocation = {
    ...(clean('location', { ...input, id }) as Omit<DirLocation, 'organizationId'>),
    organizationId: input.organizationId,
  }
  directoryMap(doc, 'directory.locations').set(id, value)
  return structuredClone(value)
}

/** Links a service to a location of the same keeper, with that place's own hours. */
export function saveServiceAtLocation(
  doc: Y.Doc,
  actor: RoleActor,
  input: Input<DirServiceAtLocation>,
): DirServiceAtLocation {
  const service = getService(doc, input.serviceId)
  const location = getLocation(doc, input.locationId)
  if (!service || !location) throw new ModelError('not-found', 'no such service or location')
  requireKeeper(actor, getOrganization(doc, service.organizationId))
  requireKeeper(actor, getOrganization(doc, location.organizationId))
  const id = input.id ?? newDirectoryId()
  const value: DirServiceAtLocation = {
    ...(clean('serviceAtLocation', { ...input, id }) as Omit<
      DirServiceAtLocation,
      'serviceId' | 'locationId'
    >),
    serviceId: input.serviceId,
    locationId: input.locationId,
  }
  directoryMap(doc, 'directory.serviceAtLocations').set(id, value)
  return structuredClone(value)
}

/**
 * Offers a service at exactly the given locations of its keeper: a link already there stays
 * with its own hours and contacts, a new one is added, the others are removed (DR2).
 */
export function setServiceLocations(
  doc: Y.Doc,
  actor: RoleActor,
  serviceId: string,
  locationIds: readonly string[],
): void {
  const service = getService(doc, serviceId)
  if (!service) throw new ModelError('not-found', 'no such service')
  requireKeeper(actor, getOrganization(doc, service.organizationId))
  for (const locationId of locationIds) {
    const location = getLocation(doc, locationId)
    if (!location) throw new ModelError('not-found', `no such location ${locationId}`)
    requireKeeper(actor, getOrganization(doc, location.organizationId))
  }
  const wanted = new Set(locationIds)
  const links = directoryMap(doc, 'directory.serviceAtLocations')
  doc.transact(() => {
    for (const [id, raw] of [...links.entries()]) {
      const link = raw as Partial<DirServiceAtLocation> | undefined
      if (link?.serviceId !== serviceId) continue
      if (typeof link.locationId === 'string' && wanted.has(link.locationId)) {
        wanted.delete(link.locationId)
      } else links.delete(id)
    }
    for (const locationId of wanted) saveServiceAtLocation(doc, actor, { serviceId, locationId })
  })
}

/** DR5: removing an organization removes its services, locations and their links. */
export function removeOrganization(doc: Y.Doc, actor: RoleActor, id: string): void {
  requireKeeper(actor, getOrganization(doc, id))
  doc.transact(() => {
    for (const [sid, raw] of directoryMap(doc, 'directory.services')) {
      if ((raw as { organizationId?: unknown }).organizationId === id)
        unlinkAll(doc, sid, 'service')
    }
    for (const [lid, raw] of directoryMap(doc, 'directory.locations')) {
      if ((raw as { organizationId?: unknown }).organizationId === id)
        unlinkAll(doc, lid, 'location')
    }
    directoryMap(doc, 'directory.organizations').delete(id)
  })
}

export function removeService(doc: Y.Doc, actor: RoleActor, id: string): void {
  const service = getService(doc, id)
  if (!service) return
  requireKeeper(actor, getOrganization(doc, service.organizationId))
  doc.transact(() => unlinkAll(doc, id, 'service'))
}

export function removeLocation(doc: Y.Doc, actor: RoleActor, id: string): void {
  const location = getLocation(doc, id)
  if (!location) return
  requireKeeper(actor, getOrganization(doc, location.organizationId))
  doc.transact(() => unlinkAll(doc, id, 'location'))
}

function unlinkAll(doc: Y.Doc, id: string, what: 'service' | 'location'): void {
  const links = directoryMap(doc, 'directory.serviceAtLocations')
  const key = what === 'service' ? 'serviceId' : 'locationId'
  for (const [lid, raw] of [...links.entries()]) {
    if ((raw as Record<string, unknown> | undefined)?.[key] === id) links.delete(lid)
  }
  directoryMap(doc, what === 'service' ? 'directory.services' : 'directory.locations').delete(id)
}

export interface NewResponseTime {
  agencyId: string
  urgency: ResponseTime['urgency']
  within: number
  unit: ResponseTime['unit']
  note?: string
}

/** DR3: one agreed time per agency and urgency; any coordinator records it. */
export function setResponseTime(
  doc: Y.Doc,
  actor: RoleActor,
  input: NewResponseTime,
  now: Date = new Date(),
): ResponseTime {
  requireCoordinator(actor)
  if (getAgency(doc, input.agencyId) === undefined) {
    throw new ModelError('unknown-agency', `agency ${input.agencyId} does not exist`)
  }
  const urgency = requireOneOf(input.urgency, URGENCIES, 'invalid-urgency', 'urgency')
  const unit = requireOneOf(input.unit, RESPONSE_UNITS, 'invalid-value', 'unit')
  if (!Number.isInteger(input.within) || input.within < 1) {
    throw new ModelError('invalid-value', 'a response time is a whole number of at least 1')
  }
  const note = input.note?.trim()
  const value: ResponseTime = {
    agencyId: input.agencyId,
    urgency,
    within: input.within,
    unit,
    ...(note && { note }),
    agreedBy: actor.memberId,
    agreedAt: now.toISOString(),
  }
  directoryMap(doc, 'directory.responseTimes').set(responseTimeKey(input.agencyId, urgency), value)
  return { ...value }
}

export function removeResponseTime(
  doc: Y.Doc,
  actor: RoleActor,
  agencyId: string,
  urgency: string,
): void {
  requireCoordinator(actor)
  directoryMap(doc, 'directory.responseTimes').delete(responseTimeKey(agencyId, urgency))
}

/** Writes checked records in one transaction (the import's all-or-nothing step). */
export function writeRecords(doc: Y.Doc, records: DirectoryRecords): void {
  doc.transact(() => {
    for (const o of records.organizations) {
      directoryMap(doc, 'directory.organizations').set(o.id, structuredClone(o))
    }
    for (const l of records.locations) {
      directoryMap(doc, 'directory.locations').set(l.id, structuredClone(l))
    }
    for (const s of records.services) {
      directoryMap(doc, 'directory.services').set(s.id, structuredClone(s))
    }
    for (const x of records.serviceAtLocations) {
      directoryMap(doc, 'directory.serviceAtLocations').set(x.id, structuredClone(x))
    }
  })
}
