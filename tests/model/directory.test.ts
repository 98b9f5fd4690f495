import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  removeOrganization,
  removeService,
  saveLocation,
  saveOrganization,
  saveService,
  saveServiceAtLocation,
  setResponseTime,
  setServiceLocations,
} from '../../src/model/directory.ts'
import { openingHours, weeklySchedule } from '../../src/model/directory-hours.ts'
import {
  handout,
  listResponseTimes,
  mayEditOrganization,
  readDirectory,
  servicesOfAgency,
} from '../../src/model/directory-read.ts'
import { directoryMap } from '../../src/model/directory-store.ts'
import { ModelError } from '../../src/model/errors.ts'
import { importHsds } from '../../src/model/hsds-import.ts'
import { exportHsds } from '../../src/model/hsds-export.ts'
import { upsertAgency } from '../../src/model/workspace.ts'
import { replicas, sync } from './replicas.ts'

const marek = { memberId: 'marek', agencyId: 'mops', role: 'coordinator' } as const
const piotr = { memberId: 'piotr', agencyId: 'fundacja', role: 'coordinator' } as const
const anna = { memberId: 'anna', agencyId: 'mops', role: 'field-worker' } as const

function codeOf(write: () => unknown): string | undefined {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

function workspace(doc = new Y.Doc()): Y.Doc {
  upsertAgency(doc, { id: 'mops', name: 'MOPS', type: 'social-service' })
  upsertAgency(doc, { id: 'fundacja', name: 'Fundacja Most', type: 'ngo' })
  return doc
}

function mopsWithService(doc = workspace()) {
  const org = saveOrganization(doc, marek, {
    name: 'MOPS',
    description: 'Pomoc społeczna',
    kind: 'agency',
    agencyId: 'mops',
  })
  const service = saveService(doc, marek, {
    organizationId: org.id,
    name: 'Poradnictwo rodzinne',
    status: 'active',
    schedules: [weeklySchedule('s1', ['WE', 'MO'], '08:00', '15:30')],
    languages: [{ id: 'l1', code: 'pl', name: 'polski' }],
  })
  return { doc, org, service }
}

describe('directory', () => {
  it('DR2: a coordinator keeps their agency’s entry; others only read it', () => {
    const { doc, org, service } = mopsWithService()
    expect(org).toMatchObject({ kind: 'agency', agencyId: 'mops', keptBy: 'mops' })
    expect(mayEditOrganization(marek, org)).toBe(true)
    expect(mayEditOrganization(piotr, org)).toBe(false)
    expect(mayEditOrganization(anna, org)).toBe(false)
    expect(codeOf(() => saveService(doc, piotr, { ...service, name: 'Taken over' }))).toBe(
      'not-keeper',
    )
    expect(codeOf(() => saveService(doc, anna, { ...service, name: 'Renamed' }))).toBe(
      'not-coordinator',
    )
    expect(codeOf(() => removeOrganization(doc, piotr, org.id))).toBe('not-keeper')
    expect(
      codeOf(() =>
        saveOrganization(doc, piotr, {
          name: 'MOPS (fake)',
          description: '',
          kind: 'agency',
          agencyId: 'mops',
        }),
      ),
    ).toBe('not-keeper')
    expect(readDirectory(doc).services.map((s) => s.name)).toEqual(['Poradnictwo rodzinne'])
  })

  it('DR2: an independent entry or self-help group is kept by the agency that lists it', () => {
    const doc = workspace()
    const aa = saveOrganization(doc, piotr, {
      name: 'Grupa AA „Krokus”',
      description: 'Wspólnota Anonimowych Alkoholików',
      kind: 'self-help-group',
    })
    expect(aa.keptBy).toBe('fundacja')
    expect(codeOf(() => saveOrganization(doc, marek, { ...aa, name: 'x' }))).toBe('not-keeper')
    expect(
      codeOf(() =>
        saveOrganization(doc, piotr, { ...aa, id: undefined, agencyId: 'mops' as string }),
      ),
    ).toBe('invalid-value')
  })

  it('DR7: a coordinator’s edit is checked like an import', () => {
    const { doc, service } = mopsWithService()
    const bad = { ...service, schedules: [{ id: 'x', opensAt: '8 o’clock' }] }
    expect(codeOf(() => saveService(doc, marek, bad))).toBe('invalid-value')
    expect(codeOf(() => saveService(doc, marek, { ...service, status: 'open' as never }))).toBe(
      'invalid-value',
    )
    expect(codeOf(() => saveService(doc, marek, { ...service, name: undefined as never }))).toBe(
      'invalid-value',
    )
  })

  it('DR5: removing a service or organization removes what hangs on it', () => {
    const { doc, org, service } = mopsWithService()
    const place = saveLocation(doc, marek, {
      organizationId: org.id,
      locationType: 'physical',
      name: 'ul. Długa 1',
    })
    saveServiceAtLocation(doc, marek, { serviceId: service.id, locationId: place.id })
    removeService(doc, marek, service.id)
    expect(directoryMap(doc, 'directory.serviceAtLocations').size).toBe(0)
    removeOrganization(doc, marek, org.id)
    const dir = readDirectory(doc)
    expect([dir.organizations, dir.services, dir.locations]).toEqual([[], [], []])
  })

  it('DR2: the keeper sets where a service is offered; a kept link keeps its own hours', () => {
    const { doc, org, service } = mopsWithService()
    const place = (name: string) =>
      saveLocation(doc, marek, { organizationId: org.id, locationType: 'physical', name })
    const [seat, branch, annex] = [place('Siedziba'), place('Filia'), place('Aneks')]
    const hours = [weeklySchedule('sal-hours', ['TU'], '09:00', '12:00')]
    saveServiceAtLocation(doc, marek, {
      id: 'kept',
      serviceId: service.id,
      locationId: seat.id,
      schedules: hours,
    })
    saveServiceAtLocation(doc, marek, { serviceId: service.id, locationId: annex.id })
    setServiceLocations(doc, marek, service.id, [seat.id, branch.id])
    const links = readDirectory(doc).serviceAtLocations
    expect(links.map((x) => x.locationId).sort()).toEqual([seat.id, branch.id].sort())
    expect(links.find((x) => x.locationId === seat.id)).toMatchObject({
      id: 'kept',
      schedules: hours,
    })

    const theirs = saveOrganization(doc, piotr, {
      name: 'Fundacja Most',
      description: '',
      kind: 'agency',
      agencyId: 'fundacja',
    })
    const theirPlace = saveLocation(doc, piotr, {
      organizationId: theirs.id,
      locationType: 'physical',
      name: 'Gabinety',
    })
    expect(codeOf(() => setServiceLocations(doc, piotr, service.id, []))).toBe('not-keeper')
    expect(codeOf(() => setServiceLocations(doc, anna, service.id, []))).toBe('not-coordinator')
    expect(codeOf(() => setServiceLocations(doc, marek, service.id, [theirPlace.id]))).toBe(
      'not-keeper',
    )
    expect(codeOf(() => setServiceLocations(doc, marek, service.id, ['gone']))).toBe('not-found')
    expect(readDirectory(doc).serviceAtLocations).toEqual(links)
  })

  it('DR6: a service whose organization was removed on another device is not shown', () => {
    const [a, b] = replicas(2).map((d) => workspace(d)) as [Y.Doc, Y.Doc]
    const { org } = mopsWithService(a)
    sync(a, b)
    removeOrganization(a, marek, org.id)
    saveService(b, marek, { organizationId: org.id, name: 'Added offline', status: 'active' })
    sync(a, b)
    for (const d of [a, b]) expect(readDirectory(d).services).toEqual([])
  })

  it('DR1: concurrent edits of two services both survive; one service converges whole', () => {
    const [a, b] = replicas(2).map((d) => workspace(d)) as [Y.Doc, Y.Doc]
    const { service } = mopsWithService(a)
    sync(a, b)
    saveService(a, marek, { ...service, name: 'Name from A', description: 'from A' })
    saveService(b, marek, { ...service, name: 'Name from B', alert: 'from B' })
    saveService(b, marek, { ...service, id: 'second', name: 'Second' })
    sync(a, b)
    const [sa, sb] = [readDirectory(a), readDirectory(b)]
    expect(sa).toEqual(sb)
    expect(sa.services).toHaveLength(2)
    const merged = sa.services.find((s) => s.id === service.id)
    expect([merged?.description, merged?.alert].filter(Boolean)).toHaveLength(1)
  })

  it('DR3: any coordinator records the agreed response times, one per agency and urgency', () => {
    const doc = workspace()
    const at = new Date('2026-03-02T10:00:00Z')
    setResponseTime(
      doc,
      piotr,
      { agencyId: 'mops', urgency: 'routine', within: 5, unit: 'working-days' },
      at,
    )
    setResponseTime(
      doc,
      marek,
      { agencyId: 'mops', urgency: 'urgent', within: 24, unit: 'hours' },
      at,
    )
    setResponseTime(
      doc,
      marek,
      { agencyId: 'mops', urgency: 'routine', within: 3, unit: 'working-days' },
      at,
    )
    expect(listResponseTimes(doc)).toEqual([
      {
        agencyId: 'mops',
        urgency: 'urgent',
        within: 24,
        unit: 'hours',
        agreedBy: 'marek',
        agreedAt: at.toISOString(),
      },
      {
        agencyId: 'mops',
        urgency: 'routine',
        within: 3,
        unit: 'working-days',
        agreedBy: 'marek',
        agreedAt: at.toISOString(),
      },
    ])
    const input = { agencyId: 'mops', urgency: 'routine', within: 2, unit: 'hours' } as const
    expect(codeOf(() => setResponseTime(doc, anna, input))).toBe('not-coordinator')
    expect(codeOf(() => setResponseTime(doc, marek, { ...input, within: 0 }))).toBe('invalid-value')
    expect(codeOf(() => setResponseTime(doc, marek, { ...input, agencyId: 'nobody' }))).toBe(
      'unknown-agency',
    )
  })

  it('DR4: a self-help group’s handout carries its public listing only', () => {
    const doc = workspace()
    const group = saveOrganization(doc, piotr, {
      name: 'Al-Anon „Nadzieja”',
      description: 'Dla rodzin osób pijących',
      kind: 'self-help-group',
      email: 'alanon@example.org',
    })
    const meeting = saveService(doc, piotr, {
      organizationId: group.id,
      name: 'Mityng otwarty',
      status: 'active',
      applicationProcess: 'Wystarczy przyjść; bez zapisów.',
      schedules: [weeklySchedule('m1', ['TU'], '18:00', '19:30')],
    })
    const hall = saveLocation(doc, piotr, {
      organizationId: group.id,
      locationType: 'physical',
      name: 'Salka parafialna',
    })
    saveServiceAtLocation(doc, piotr, { serviceId: meeting.id, locationId: hall.id })
    saveService(doc, piotr, { organizationId: group.id, name: 'Closed', status: 'inactive' })
    const h = handout(doc, group.id)
    expect(h).toEqual({
      name: 'Al-Anon „Nadzieja”',
      description: 'Dla rodzin osób pijących',
      email: 'alanon@example.org',
      contacts: [],
      meetings: [
        {
          name: 'Mityng otwarty',
          howToJoin: 'Wystarczy przyjść; bez zapisów.',
          schedules: [weeklySchedule('m1', ['TU'], '18:00', '19:30')],
          places: [expect.objectContaining({ name: 'Salka parafialna' })],
          contacts: [],
        },
      ],
    })
  })

  it('DR12: opening hours list days in week order with their times', () => {
    const slots = openingHours([
      { id: 'b', freq: 'WEEKLY', byday: 'FR,TH', opensAt: '10:00:00', closesAt: '18:00:00' },
      { id: 'a', freq: 'MONTHLY', byday: '-1MO', opensAt: '17:00', closesAt: '19:00Z' },
      { id: 'c', description: 'By appointment' },
    ])
    expect(slots.map((s) => [s.id, s.days, s.opens, s.closes])).toEqual([
      ['a', [{ day: 'MO', ordinal: -1 }], '17:00', '19:00'],
      ['b', [{ day: 'TH' }, { day: 'FR' }], '10:00', '18:00'],
      ['c', [], undefined, undefined],
    ])
  })

  it('DR10: re-importing an exported agency entry keeps it the agency’s entry', () => {
    const { doc } = mopsWithService()
    const file = exportHsds(doc)
    const result = importHsds(doc, marek, file)
    expect(result.ok).toBe(true)
    expect(readDirectory(doc).organizations[0]).toMatchObject({ kind: 'agency', agencyId: 'mops' })
    expect(servicesOfAgency(doc, 'mops').map((s) => s.name)).toEqual(['Poradnictwo rodzinne'])
  })
})
