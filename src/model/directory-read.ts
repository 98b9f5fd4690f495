import type * as Y from 'yjs'
import {
  DIRECTORY_MAPS,
  directoryMap,
  parseLocation,
  parseOrganization,
  parseResponseTime,
  parseService,
  parseServiceAtLocation,
  readAll,
} from './directory-store.ts'
import type { DirectoryMap } from './directory-store.ts'
import type {
  Contact,
  DirectoryRecords,
  DirLocation,
  DirOrganization,
  DirService,
  ResponseTime,
  Schedule,
} from './directory-vocab.ts'
import { observeTopLevelMaps } from './observe.ts'
import type { RoleActor } from './plan-approval.ts'

const byName = (a: { name?: string; id: string }, b: { name?: string; id: string }) =>
  (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id)

/**
 * DR6: the directory as one consistent value: records whose organization (or service and
 * location) is missing, e.g. removed concurrently on another device, are left out.
 */
export function readDirectory(doc: Y.Doc): DirectoryRecords {
  const organizations = readAll(doc, 'directory.organizations', parseOrganization).sort(byName)
  const orgIds = new Set(organizations.map((o) => o.id))
  const services = readAll(doc, 'directory.services', parseService)
    .filter((s) => orgIds.has(s.organizationId))
    .sort(byName)
  const locations = readAll(doc, 'directory.locations', parseLocation)
    .filter((l) => orgIds.has(l.organizationId))
    .sort(byName)
  const serviceIds = new Set(services.map((s) => s.id))
  const locationIds = new Set(locations.map((l) => l.id))
  const serviceAtLocations = readAll(doc, 'directory.serviceAtLocations', parseServiceAtLocation)
    .filter((x) => serviceIds.has(x.serviceId) && locationIds.has(x.locationId))
    .sort((a, b) => a.id.localeCompare(b.id))
  return { organizations, services, locations, serviceAtLocations }
}

export function getOrganization(doc: Y.Doc, id: string): DirOrganization | undefined {
  return parseOrganization(directoryMap(doc, 'directory.organizations').get(id))
}

export function getService(doc: Y.Doc, id: string): DirService | undefined {
  return parseService(directoryMap(doc, 'directory.services').get(id))
}

export function getLocation(doc: Y.Doc, id: string): DirLocation | undefined {
  return parseLocation(directoryMap(doc, 'directory.locations').get(id))
}

/** The agreed response times, by agency then urgency. */
export function listResponseTimes(doc: Y.Doc): ResponseTime[] {
  const order = ['stat', 'asap', 'urgent', 'routine']
  return readAll(doc, 'directory.responseTimes', parseResponseTime).sort(
    (a, b) =>
      a.agencyId.localeCompare(b.agencyId) || order.indexOf(a.urgency) - order.indexOf(b.urgency),
  )
}

/** Services offered by a partnership agency (for a referral's "service asked for"). */
export function servicesOfAgency(doc: Y.Doc, agencyId: string): DirService[] {
  return servicesOf(readDirectory(doc), agencyId)
}

/** The active services a partnership agency offers, from records already read. */
export function servicesOf(dir: DirectoryRecords, agencyId: string): DirService[] {
  const orgs = new Set(dir.organizations.filter((o) => o.agencyId === agencyId).map((o) => o.id))
  return dir.services.filter((s) => orgs.has(s.organizationId) && s.status === 'active')
}

/** DR2: whether this member may change the organization's entries (for the UI). */
export function mayEditOrganization(actor: RoleActor, org: DirOrganization): boolean {
  return actor.role === 'coordinator' && actor.agencyId === org.keptBy
}

/** DR3: response times are agreed by the partnership: every coordinator may record them. */
export const mayAgreeResponseTimes = (actor: RoleActor): boolean => actor.role === 'coordinator'

export interface HandoutMeeting {
  name: string
  description?: string
  howToJoin?: string
  schedules: Schedule[]
  places: DirLocation[]
  contacts: Contact[]
}

/** What a worker hands to a person about a self-help group: its public listing only. */
export interface Handout {
  name: string
  description: string
  email?: string
  website?: string
  contacts: Contact[]
  meetings: HandoutMeeting[]
}

/**
 * DR4: a self-help group's handout is built from the directory alone, so it can carry
 * nothing about the person it is given to or their case.
 */
export function handout(doc: Y.Doc, organizationId: string): Handout | undefined {
  const dir = readDirectory(doc)
  const org = dir.organizations.find((o) => o.id === organizationId)
  if (!org) return
  const meetings = dir.services
    .filter((s) => s.organizationId === org.id && s.status === 'active')
    .map((s): HandoutMeeting => {
      const sals = dir.serviceAtLocations.filter((x) => x.serviceId === s.id)
      const places = sals
        .map((x) => dir.locations.find((l) => l.id === x.locationId))
        .filter((l): l is DirLocation => l !== undefined)
      return {
        name: s.name,
        ...(s.description !== undefined && { description: s.description }),
        ...(s.applicationProcess !== undefined && { howToJoin: s.applicationProcess }),
        schedules: [...s.schedules, ...sals.flatMap((x) => x.schedules)],
        places,
        contacts: [...s.contacts, ...sals.flatMap((x) => x.contacts)],
      }
    })
  return {
    name: org.name,
    description: org.description,
    ...(org.email !== undefined && { email: org.email }),
    ...(org.website !== undefined && { website: org.website }),
    contacts: org.contacts,
    meetings,
  }
}

/** Calls back once per transaction, local or remote, that changed the directory. */
export function observeDirectory(
  doc: Y.Doc,
  onChange: (changed: ReadonlySet<DirectoryMap>) => void,
): () => void {
  return observeTopLevelMaps<DirectoryMap>(doc, DIRECTORY_MAPS, onChange)
}
