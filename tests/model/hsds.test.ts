import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDirectory } from '../../src/model/directory-read.ts'
import { exportHsds, toHsdsOrganizations } from '../../src/model/hsds-export.ts'
import { importHsds, parseHsds } from '../../src/model/hsds-import.ts'
import type { HsdsProblem } from '../../src/model/hsds-schema.ts'
import { canonicalJson, type Json } from '../../src/model/json.ts'
import { upsertAgency } from '../../src/model/workspace.ts'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/hsds/${name}`, import.meta.url), 'utf8')
const FULL = fixture('organization_full.json')
const SIMPLE = fixture('organization_simple.json')

// The tests break the specification's example in many places; its JSON is handled untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const marek = { memberId: 'marek', agencyId: 'mops', role: 'coordinator' } as const
const piotr = { memberId: 'piotr', agencyId: 'fundacja', role: 'coordinator' } as const
const anna = { memberId: 'anna', agencyId: 'mops', role: 'field-worker' } as const

function workspace(): Y.Doc {
  const doc = new Y.Doc()
  upsertAgency(doc, { id: 'mops', name: 'MOPS', type: 'social-service' })
  upsertAgency(doc, { id: 'fundacja', name: 'Fundacja Most', type: 'ngo' })
  return doc
}

const snapshot = (doc: Y.Doc): string => canonicalJson(readDirectory(doc) as unknown as Json)

/** Imports a broken copy of the full example and returns the problems. */
function problemsOf(change: (org: Loose) => unknown, doc = workspace()) {
  const org = JSON.parse(FULL) as Loose
  const text = change(org)
  const before = snapshot(doc)
  const result = importHsds(doc, marek, typeof text === 'string' ? text : JSON.stringify(org))
  expect(result.ok).toBe(false)
  expect(snapshot(doc)).toBe(before)
  return result.ok ? [] : result.problems
}

const has = (problems: HsdsProblem[], path: string, code: string) =>
  expect(problems).toContainEqual(expect.objectContaining({ path, code }))

describe('HSDS 3.0 import and export on the specification example', () => {
  it('DR8: imports the example organization with its service, location, link and nested objects', () => {
    const doc = workspace()
    const result = importHsds(doc, marek, FULL)
    expect(result).toMatchObject({
      ok: true,
      counts: { organizations: 1, services: 1, locations: 1, serviceAtLocations: 1 },
    })
    const dir = readDirectory(doc)
    const [org] = dir.organizations
    expect(org).toMatchObject({
      id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      name: 'Example Organization Inc.',
      kind: 'independent',
      keptBy: 'mops',
    })
    expect(org?.contacts[0]?.phones[0]?.languages[0]).toEqual({
      id: '2989d3ed-c547-48f8-8f9d-432d81c7892e',
      name: 'Urdu',
      code: 'ur',
      note: 'Translation services provided via bilingual staff when they are available',
    })
    const [service] = dir.services
    expect(service).toMatchObject({
      name: 'Community Counselling',
      status: 'active',
      organizationId: org?.id,
    })
    expect(service?.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'TH,FR',
      opensAt: '10:00:00',
      closesAt: '18:00:00',
      timezone: 3,
      count: 3,
    })
    expect(dir.locations[0]).toMatchObject({
      name: 'MyCity Civic Center',
      locationType: 'physical',
      organizationId: org?.id,
    })
    expect(dir.locations[0]?.addresses[0]).toMatchObject({ city: 'MyCity', addressType: 'postal' })
    expect(dir.serviceAtLocations[0]).toMatchObject({
      id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
      serviceId: service?.id,
      locationId: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
    })
  })

  it('DR11: names every field of the example it drops', () => {
    const result = importHsds(workspace(), marek, FULL)
    expect(result.ok && result.dropped).toEqual(
      expect.arrayContaining([
        'organization.funding',
        'organization.programs',
        'organization.additional_websites',
        'service.cost_options',
        'service.last_modified',
        'location.accessibility',
        'location.alternate_name',
      ]),
    )
    expect(result.ok && result.dropped).not.toContain('service.schedules')
  })

  it('DR11: import → export → import gives the same records', () => {
    const first = workspace()
    importHsds(first, marek, FULL)
    const exported = exportHsds(first)
    const second = workspace()
    const again = importHsds(second, marek, exported)
    expect(again.ok && again.dropped).toEqual([])
    expect(snapshot(second)).toBe(snapshot(first))
    // and the export is stable: exporting the re-imported directory gives the same file
    expect(exportHsds(second)).toBe(exported)
  })

  it('DR11: the export nests objects as HSDS 3.0 does', () => {
    const doc = workspace()
    importHsds(doc, marek, FULL)
    const [org] = toHsdsOrganizations(readDirectory(doc)) as Loose[]
    expect(Object.keys(org ?? {})).toEqual([
      'id',
      'name',
      'description',
      'email',
      'website',
      'contacts',
      'phones',
      'locations',
      'services',
    ])
    const sal = org?.services[0].service_at_locations[0]
    expect(sal.location.id).toBe('3a19ff88-4620-4d17-9830-ac1d859eb5d5')
    expect(org?.services[0].schedules[0]).toMatchObject({ opens_at: '10:00:00', byday: 'TH,FR' })
    expect(org?.services[0].application_process).toMatch(/^If you are an NHS patient/)
  })

  it('DR8: imports the simple example, a list of organizations and a page of them', () => {
    const doc = workspace()
    expect(importHsds(doc, marek, SIMPLE).ok).toBe(true)
    expect(readDirectory(doc).organizations.map((o) => o.name)).toEqual([
      'Example Organization Inc.',
    ])
    const org = JSON.parse(SIMPLE) as Record<string, unknown>
    const other = { ...org, id: 'b1c2d3e4-0000-4000-8000-000000000001', name: 'Other' }
    expect(importHsds(doc, marek, JSON.stringify([org, other])).ok).toBe(true)
    const page = { total_items: 1, contents: [{ ...org, name: 'Renamed' }] }
    expect(importHsds(doc, marek, JSON.stringify(page)).ok).toBe(true)
    expect(readDirectory(doc).organizations.map((o) => o.name)).toEqual(['Other', 'Renamed'])
  })
})

describe('HSDS malformed files are rejected whole, with a report', () => {
  it('DR9: a file that is not JSON', () => {
    const problems = problemsOf(() => '{"id": "x", "name": ')
    expect(problems).toEqual([{ path: '$', code: 'not-json' }])
  })

  it('DR9: JSON that is not organizations', () => {
    expect(problemsOf(() => '42')).toEqual([{ path: '$', code: 'not-organizations' }])
  })

  it('DR9: missing ids and required fields, each with its path', () => {
    const problems = problemsOf((org) => {
      delete org.id
      delete org.services[0].status
      delete org.locations[0].addresses[0].city
      delete org.services[0].phones[0].number
    })
    has(problems, '$.id', 'missing')
    has(problems, '$.services[0].status', 'missing')
    has(problems, '$.locations[0].addresses[0].city', 'missing')
    has(problems, '$.services[0].phones[0].number', 'missing')
  })

  it('DR9: wrong types', () => {
    const problems = problemsOf((org) => {
      org.name = 7
      org.services = { not: 'a list' }
      org.locations[0].latitude = '51.1'
      org.contacts[0].phones[0].extension = 'one hundred'
    })
    has(problems, '$.name', 'wrong-type')
    has(problems, '$.services', 'wrong-type')
    has(problems, '$.locations[0].latitude', 'wrong-type')
    has(problems, '$.contacts[0].phones[0].extension', 'wrong-type')
    expect(problems.find((p) => p.path === '$.name')?.expected).toBe('string')
  })

  it('DR7: bad schedule values', () => {
    const problems = problemsOf((org) => {
      const s = org.services[0].schedules[0]
      s.freq = 'DAILY'
      s.byday = 'Monday'
      s.opens_at = '25:00'
      s.valid_from = '2005-02-30'
      s.interval = 0
      s.wkst = 'XX'
      s.bymonthday = 'first'
    })
    const at = '$.services[0].schedules[0]'
    has(problems, `${at}.freq`, 'bad-value')
    has(problems, `${at}.byday`, 'bad-byday')
    has(problems, `${at}.opens_at`, 'bad-time')
    has(problems, `${at}.valid_from`, 'bad-date')
    has(problems, `${at}.interval`, 'bad-value')
    has(problems, `${at}.wkst`, 'bad-value')
    has(problems, `${at}.bymonthday`, 'bad-number-list')
    expect(problems.find((p) => p.path === `${at}.freq`)?.expected).toBe('WEEKLY, MONTHLY')
  })

  it('DR9: dangling and mismatched references', () => {
    const problems = problemsOf((org) => {
      const sal = org.services[0].service_at_locations[0]
      delete sal.location
      sal.location_id = 'no-such-location'
      org.services[0].organization_id = 'someone-else'
      org.services[0].service_at_locations.push({ id: 'f0000000-0000-4000-8000-000000000000' })
    })
    has(problems, '$.services[0].service_at_locations[0].location_id', 'dangling-reference')
    has(problems, '$.services[0].organization_id', 'mismatched-reference')
    has(problems, '$.services[0].service_at_locations[1].location_id', 'missing')
  })

  it('DR9: one id used for two different records', () => {
    const problems = problemsOf((org) => {
      org.services[0].service_at_locations[0].location.name = 'Another place'
    })
    has(problems, '$.services[0].service_at_locations[0].location.id', 'conflicting-duplicate')
  })

  it('DR9: a location_id may name a location already in the directory', () => {
    const doc = workspace()
    importHsds(doc, marek, FULL)
    const org = JSON.parse(FULL) as Loose
    const sal = org.services[0].service_at_locations[0]
    delete sal.location
    sal.location_id = '3a19ff88-4620-4d17-9830-ac1d859eb5d5'
    org.locations = []
    expect(importHsds(doc, marek, JSON.stringify(org)).ok).toBe(true)
  })

  it('DR10: only a coordinator imports, and never over another agency’s entries', () => {
    const doc = workspace()
    const empty = snapshot(doc)
    expect(importHsds(doc, anna, FULL)).toEqual({
      ok: false,
      problems: [{ path: '$', code: 'not-coordinator' }],
    })
    expect(snapshot(doc)).toBe(empty)
    expect(importHsds(doc, marek, FULL).ok).toBe(true)
    const kept = snapshot(doc)
    const byOther = importHsds(doc, piotr, FULL)
    const problems = byOther.ok ? [] : byOther.problems
    has(problems, '$.id', 'kept-by-other-agency')
    has(problems, '$.services[0].id', 'kept-by-other-agency')
    has(problems, '$.locations[0].id', 'kept-by-other-agency')
    expect(snapshot(doc)).toBe(kept)
  })

  it('DR8: parseHsds reports every problem of a file at once', () => {
    const org = JSON.parse(FULL) as Loose
    delete org.name
    org.services[0].status = 'open'
    const parsed = parseHsds(JSON.stringify(org), readDirectory(workspace()), marek)
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      '$.name',
      '$.services[0].status',
    ])
  })
})
