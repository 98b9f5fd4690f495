import type * as Y from 'yjs'
import { readDirectory } from './directory-read.ts'
import type { DirectoryRecords } from './directory-vocab.ts'
import { toHsds } from './hsds-schema.ts'

// DR11: the directory as Open Referral HSDS 3.0 organizations, nested as the 3.0 schema nests
// them: an organization holds its contacts, phones, locations and services; a service holds
// its service_at_locations, each with its full location. Reading the result back with
// parseHsds gives the same records.

type HsdsObject = Record<string, unknown>

export function toHsdsOrganizations(dir: DirectoryRecords): HsdsObject[] {
  const locationById = new Map(dir.locations.map((l) => [l.id, l]))
  return dir.organizations.map((org) => ({
    ...toHsds('organization', { ...org }),
    locations: dir.locations
      .filter((l) => l.organizationId === org.id)
      .map((l) => toHsds('location', { ...l })),
    services: dir.services
      .filter((s) => s.organizationId === org.id)
      .map((s) => ({
        ...toHsds('service', { ...s }),
        service_at_locations: dir.serviceAtLocations
          .filter((x) => x.serviceId === s.id && locationById.has(x.locationId))
          .map((x) => ({
            ...toHsds('serviceAtLocation', { ...x }),
            location: toHsds('location', { ...locationById.get(x.locationId) }),
          })),
      })),
  }))
}

/** The whole directory as an HSDS 3.0 JSON file (an array of organizations). */
export function exportHsds(doc: Y.Doc): string {
  return `${JSON.stringify(toHsdsOrganizations(readDirectory(doc)), null, 2)}\n`
}
