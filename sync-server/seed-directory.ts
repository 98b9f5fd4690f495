import type * as Y from 'yjs'
import {
  saveLocation,
  saveOrganization,
  saveService,
  saveServiceAtLocation,
  setResponseTime,
} from '../src/model/directory.ts'
import { weeklySchedule } from '../src/model/directory-hours.ts'
import type { DirLocation, LocationType } from '../src/model/directory-vocab.ts'
import type { RoleActor } from '../src/model/plan-approval.ts'

// The demo partnership's directory: what a coordinator sees on first opening /directory. Written
// once through the model (so the seed obeys the directory's rules) into the workspace document.
// Places, phones and e-mail addresses are invented.

const SEEDED = 'demoSeeded'
const keeper = (agencyId: string): RoleActor => ({
  memberId: `seed-${agencyId}`,
  agencyId,
  role: 'coordinator',
})
/** The fixed id of the demo directory's record n (the demo's referrals name its services). */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const pl = { id: uuid(900), code: 'pl', name: 'polski' }
const ru = { id: uuid(901), code: 'ru', name: 'русский' }
const uk = { id: uuid(902), code: 'uk', name: 'українська' }

const place = (
  id: number,
  organizationId: string,
  name: string,
  street: string,
  type: LocationType = 'physical',
): Parameters<typeof saveLocation>[2] & Pick<DirLocation, 'organizationId'> => ({
  id: uuid(id),
  organizationId,
  locationType: type,
  name,
  addresses: [
    {
      id: uuid(id + 500),
      address1: street,
      city: 'Miasteczko',
      stateProvince: 'łódzkie',
      postalCode: '97-300',
      country: 'PL',
      addressType: 'physical',
    },
  ],
})

const desk = (id: number, name: string, number: string, email?: string) => ({
  id: uuid(id),
  name,
  ...(email !== undefined && { email }),
  phones: [{ id: uuid(id + 1), number, type: 'voice', languages: [] }],
})

/** Seeds the demo directory into the workspace document once; returns whether it did. */
export function seedDemoDirectory(doc: Y.Doc): boolean {
  const meta = doc.getMap('directory.meta')
  if (meta.get(SEEDED) === true) return false
  const mops = keeper('mops')
  const fundacja = keeper('fundacja')
  const nadzieja = keeper('nadzieja')

  const mopsOrg = saveOrganization(doc, mops, {
    id: uuid(1),
    kind: 'agency',
    agencyId: 'mops',
    name: 'Miejski Ośrodek Pomocy Społecznej',
    description: 'Pomoc społeczna, praca socjalna, asystentura rodziny.',
    email: 'sekretariat@mops.example.pl',
    contacts: [desk(10, 'Punkt informacyjny', '+48 44 000 10 10')],
  })
  const mopsSeat = saveLocation(doc, mops, place(20, mopsOrg.id, 'Siedziba MOPS', 'ul. Mostowa 5'))
  const advice = saveService(doc, mops, {
    id: uuid(30),
    organizationId: mopsOrg.id,
    name: 'Poradnictwo rodzinne i socjalne',
    status: 'active',
    description: 'Rozmowa z pracownikiem socjalnym, pomoc w sprawach rodzinnych i bytowych.',
    applicationProcess: 'Bez skierowania; w godzinach pracy punktu informacyjnego.',
    languages: [pl, ru],
    schedules: [weeklySchedule(uuid(31), ['MO', 'TU', 'WE', 'TH', 'FR'], '07:30', '15:30')],
  })
  saveServiceAtLocation(doc, mops, { id: uuid(32), serviceId: advice.id, locationId: mopsSeat.id })
  saveService(doc, mops, {
    id: uuid(33),
    organizationId: mopsOrg.id,
    name: 'Asystent rodziny',
    status: 'active',
    description: 'Wsparcie rodziny w domu, zgodnie z planem pracy z rodziną.',
    applicationProcess: 'Na wniosek pracownika socjalnego.',
    languages: [pl],
  })

  const mostOrg = saveOrganization(doc, fundacja, {
    id: uuid(2),
    kind: 'agency',
    agencyId: 'fundacja',
    name: 'Fundacja Most',
    description: 'Terapia rodzin i dzieci, wsparcie w kryzysie.',
    email: 'kontakt@fundacjamost.example.pl',
  })
  const mostSeat = saveLocation(
    doc,
    fundacja,
    place(21, mostOrg.id, 'Gabinety fundacji', 'ul. Kolejowa 2'),
  )
  const therapy = saveService(doc, fundacja, {
    id: uuid(34),
    organizationId: mostOrg.id,
    name: 'Terapia dla rodzin',
    status: 'active',
    description: 'Spotkania terapeutyczne dla rodziców i dzieci.',
    applicationProcess: 'Skierowanie od partnera lub telefon do recepcji.',
    languages: [pl, uk],
    contacts: [desk(11, 'Recepcja', '+48 44 000 20 20')],
    schedules: [weeklySchedule(uuid(35), ['TU', 'TH'], '12:00', '20:00')],
  })
  saveServiceAtLocation(doc, fundacja, {
    id: uuid(36),
    serviceId: therapy.id,
    locationId: mostSeat.id,
  })

  const nadziejaOrg = saveOrganization(doc, nadzieja, {
    id: uuid(3),
    kind: 'agency',
    agencyId: 'nadzieja',
    name: 'Stowarzyszenie Nadzieja',
    description: 'Punkt konsultacyjny dla osób doznających przemocy.',
  })
  saveService(doc, nadzieja, {
    id: uuid(37),
    organizationId: nadziejaOrg.id,
    name: 'Punkt konsultacyjny ds. przemocy',
    status: 'active',
    applicationProcess: 'Bez zapisów; anonimowo.',
    languages: [pl],
    contacts: [desk(12, 'Dyżur telefoniczny', '+48 44 000 30 30')],
    schedules: [weeklySchedule(uuid(38), ['MO', 'WE'], '16:00', '19:00')],
  })

  const parish = (id: number, org: string, by: RoleActor) =>
    saveLocation(doc, by, place(id, org, 'Salka przy parafii św. Józefa', 'ul. Kościelna 1'))
  const group = (
    id: number,
    by: RoleActor,
    name: string,
    description: string,
    meeting: string,
    howToJoin: string,
    day: 'MO' | 'TU' | 'WE' | 'TH' | 'FR',
    hours: [string, string],
  ) => {
    const org = saveOrganization(doc, by, {
      id: uuid(id),
      kind: 'self-help-group',
      name,
      description,
    })
    const hall = parish(id + 40, org.id, by)
    const s = saveService(doc, by, {
      id: uuid(id + 50),
      organizationId: org.id,
      name: meeting,
      status: 'active',
      applicationProcess: howToJoin,
      languages: [pl],
      schedules: [weeklySchedule(uuid(id + 60), [day], hours[0], hours[1])],
    })
    saveServiceAtLocation(doc, by, { id: uuid(id + 70), serviceId: s.id, locationId: hall.id })
  }
  group(
    4,
    fundacja,
    'Wspólnota AA „Krokus”',
    'Grupa Anonimowych Alkoholików: niezależna, bezpłatna, anonimowa.',
    'Mityng otwarty',
    'Wystarczy przyjść. Nie trzeba się zapisywać ani podawać nazwiska.',
    'TU',
    ['18:00', '19:30'],
  )
  group(
    5,
    fundacja,
    'Grupa Al-Anon „Most”',
    'Dla rodzin i przyjaciół osób pijących.',
    'Spotkanie grupy',
    'Przyjdź na spotkanie; pierwsze spotkanie można tylko posłuchać.',
    'TH',
    ['17:30', '19:00'],
  )
  group(
    6,
    mops,
    'Grupa wsparcia dla rodziców',
    'Rodzice dla rodziców: rozmowa o trudnościach wychowawczych.',
    'Spotkanie grupy wsparcia',
    'Zadzwoń do punktu informacyjnego MOPS albo przyjdź na spotkanie.',
    'WE',
    ['17:00', '18:30'],
  )

  const agreed = new Date('2026-01-15T09:00:00Z')
  const times = [
    ['mops', 'routine', 5, 'working-days'],
    ['mops', 'urgent', 24, 'hours'],
    ['fundacja', 'routine', 7, 'working-days'],
    ['fundacja', 'urgent', 48, 'hours'],
    ['nadzieja', 'urgent', 24, 'hours'],
  ] as const
  for (const [agencyId, urgency, within, unit] of times) {
    setResponseTime(doc, keeper('zespol'), { agencyId, urgency, within, unit }, agreed)
  }
  meta.set(SEEDED, true)
  return true
}
