import type * as Y from 'yjs'
import { writeRecords } from './directory.ts'
import { readDirectory } from './directory-read.ts'
import type {
  DirectoryRecords,
  DirLocation,
  DirOrganization,
  DirService,
  DirServiceAtLocation,
} from './directory-vocab.ts'
import { fromHsds, type HsdsProblem } from './hsds-schema.ts'
import { canonicalJson, type Json } from './json.ts'
import type { RoleActor } from './plan-approval.ts'
import { isRecord } from './validate.ts'

// DR8–DR10: reading an Open Referral HSDS 3.0 file into the directory. Every problem in the
// file is reported with its path; the directory changes only when there is none, all at once.

export type HsdsImport =
  | { ok: true; records: DirectoryRecords; dropped: string[] }
  | { ok: false; problems: HsdsProblem[] }

interface Found<T> {
  value: T
  path: string
}

/** Reads HSDS organizations (one, an array, or a page `{contents: […]}`) into records. */
export function parseHsds(text: string, current: DirectoryRecords, actor: RoleActor): HsdsImport {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problems: [{ path: '$', code: 'not-json' }] }
  }
  const entries = topLevel(json)
  if (!entries) return { ok: false, problems: [{ path: '$', code: 'not-organizations' }] }

  const problems: HsdsProblem[] = []
  const dropped = new Set<string>()
  if (actor.role !== 'coordinator') problems.push({ path: '$', code: 'not-coordinator' })
  const orgs = new Map<string, Found<Omit<DirOrganization, 'kind' | 'keptBy'>>>()
  const locations = new Map<string, Found<DirLocation>>()
  const services = new Map<string, Found<DirService>>()
  const links = new Map<string, Found<DirServiceAtLocation>>()
  const refs: { path: string; locationId: string }[] = []

  const add = <T>(into: Map<string, Found<T>>, id: string, value: T, path: string) => {
    const seen = into.get(id)
    if (!seen) into.set(id, { value, path })
    else if (canonicalJson(seen.value as Json) !== canonicalJson(value as Json)) {
      problems.push({ path: `${path}.id`, code: 'conflicting-duplicate', expected: seen.path })
    }
  }
  const sameId = (raw: Record<string, unknown>, key: string, id: string, path: string) => {
    if (raw[key] !== undefined && raw[key] !== null && raw[key] !== id) {
      problems.push({ path: `${path}.${key}`, code: 'mismatched-reference', expected: id })
    }
  }
  const array = (raw: Record<string, unknown>, key: string, path: string): unknown[] => {
    const v = raw[key]
    if (v === undefined || v === null) return []
    if (Array.isArray(v)) return v
    problems.push({ path: `${path}.${key}`, code: 'wrong-type', expected: 'array' })
    return []
  }

  // Locations listed by their organization first, so that one also nested in a
  // service_at_location belongs to the organization that lists it.
  for (const { raw, path } of entries) {
    const org = fromHsds('organization', raw, path, problems, dropped)
    if (!isRecord(raw)) continue
    const orgId = typeof raw.id === 'string' ? raw.id : ''
    if (org) add(orgs, orgId, org as Omit<DirOrganization, 'kind' | 'keptBy'>, path)
    array(raw, 'locations', path).forEach((l, i) => {
      const at = `${path}.locations[${i}]`
      const loc = fromHsds('location', l, at, problems, dropped)
      if (isRecord(l)) sameId(l, 'organization_id', orgId, at)
      if (loc)
        add(locations, loc.id as string, { ...loc, organizationId: orgId } as DirLocation, at)
    })
  }
  for (const { raw, path } of entries) {
    if (!isRecord(raw)) continue
    const orgId = typeof raw.id === 'string' ? raw.id : ''
    array(raw, 'services', path).forEach((s, i) => {
      const at = `${path}.services[${i}]`
      const service = fromHsds('service', s, at, problems, dropped)
      if (!isRecord(s)) return
      sameId(s, 'organization_id', orgId, at)
      const serviceId = typeof s.id === 'string' ? s.id : ''
      if (service) add(services, serviceId, { ...service, organizationId: orgId } as DirService, at)
      array(s, 'service_at_locations', at).forEach((x, j) => {
        const xat = `${at}.service_at_locations[${j}]`
        const link = fromHsds('serviceAtLocation', x, xat, problems, dropped)
        if (!isRecord(x)) return
        sameId(x, 'service_id', serviceId, xat)
        const locationId = nestedLocation(x, xat, orgId)
        if (link && locationId) {
          add(
            links,
            link.id as string,
            { ...link, serviceId, locationId } as DirServiceAtLocation,
            xat,
          )
        }
      })
    })
  }

  function nestedLocation(x: Record<string, unknown>, at: string, orgId: string): string {
    if (x.location !== undefined && x.location !== null) {
      const loc = fromHsds('location', x.location, `${at}.location`, problems, dropped)
      if (!loc) return ''
      const listed = locations.get(loc.id as string)
      const value = { ...loc, organizationId: listed?.value.organizationId ?? orgId } as DirLocation
      add(locations, value.id, value, `${at}.location`)
      sameId(x, 'location_id', value.id, at)
      return value.id
    }
    if (typeof x.location_id === 'string') {
      refs.push({ path: `${at}.location_id`, locationId: x.location_id })
      return x.location_id
    }
    problems.push({ path: `${at}.location_id`, code: 'missing' })
    return ''
  }

  const known = new Set([...locations.keys(), ...current.locations.map((l) => l.id)])
  for (const r of refs) {
    if (!known.has(r.locationId)) problems.push({ path: r.path, code: 'dangling-reference' })
  }
  checkKeepers(current, actor, { orgs, locations, services, links }, problems)
  if (problems.length > 0) return { ok: false, problems }

  const existing = new Map(current.organizations.map((o) => [o.id, o]))
  const organizations = [...orgs.values()].map(({ value }): DirOrganization => {
    const was = existing.get(value.id)
    return {
      ...value,
      kind: was?.kind ?? 'independent',
      ...(was?.agencyId !== undefined && { agencyId: was.agencyId }),
      keptBy: was?.keptBy ?? actor.agencyId,
    }
  })
  const values = <T>(m: Map<string, Found<T>>) => [...m.values()].map((f) => f.value)
  return {
    ok: true,
    records: {
      organizations,
      services: values(services),
      locations: values(locations),
      serviceAtLocations: values(links),
    },
    dropped: [...dropped].sort(),
  }
}

function topLevel(json: unknown): { raw: unknown; path: string }[] | undefined {
  if (Array.isArray(json)) return json.map((raw, i) => ({ raw, path: `$[${i}]` }))
  if (!isRecord(json)) return
  if (Array.isArray(json.contents)) {
    return json.contents.map((raw, i) => ({ raw, path: `$.contents[${i}]` }))
  }
  return [{ raw: json, path: '$' }]
}

/** DR10: an id already in the directory may be replaced only by the agency that keeps it. */
function checkKeepers(
  current: DirectoryRecords,
  actor: RoleActor,
  found: {
    orgs: Map<string, Found<unknown>>
    locations: Map<string, Found<unknown>>
    services: Map<string, Found<unknown>>
    links: Map<string, Found<unknown>>
  },
  problems: HsdsProblem[],
): void {
  const keeper = new Map(current.organizations.map((o) => [o.id, o.keptBy]))
  const byOrg = (orgId: string) => keeper.get(orgId)
  const owners: [Map<string, Found<unknown>>, Map<string, string | undefined>][] = [
    [found.orgs, new Map(current.organizations.map((o) => [o.id, o.keptBy]))],
    [found.locations, new Map(current.locations.map((l) => [l.id, byOrg(l.organizationId)]))],
    [found.services, new Map(current.services.map((s) => [s.id, byOrg(s.organizationId)]))],
    [
      found.links,
      new Map(
        current.serviceAtLocations.map((x) => [
          x.id,
          byOrg(current.services.find((s) => s.id === x.serviceId)?.organizationId ?? ''),
        ]),
      ),
    ],
  ]
  for (const [records, keptBy] of owners) {
    for (const [id, { path }] of records) {
      const k = keptBy.get(id)
      if (k !== undefined && k !== actor.agencyId) {
        problems.push({ path: `${path}.id`, code: 'kept-by-other-agency', expected: k })
      }
    }
  }
}

export type ImportResult =
  | { ok: true; counts: Record<keyof DirectoryRecords, number>; dropped: string[] }
  | { ok: false; problems: HsdsProblem[] }

/** DR8: imports an HSDS file into the directory, all of it or (on any problem) nothing. */
export function importHsds(doc: Y.Doc, actor: RoleActor, text: string): ImportResult {
  const parsed = parseHsds(text, readDirectory(doc), actor)
  if (!parsed.ok) return parsed
  writeRecords(doc, parsed.records)
  const r = parsed.records
  return {
    ok: true,
    counts: {
      organizations: r.organizations.length,
      services: r.services.length,
      locations: r.locations.length,
      serviceAtLocations: r.serviceAtLocations.length,
    },
    dropped: parsed.dropped,
  }
}
