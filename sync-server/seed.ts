import type { AccessStore, AgencyType, Role } from './access-store.ts'

export const DEMO_WORKSPACE = 'demo'

export const DEMO_AGENCIES: { id: string; name: string; type: AgencyType }[] = [
  { id: 'mops', name: 'Miejski Ośrodek Pomocy Społecznej', type: 'social-service' },
  { id: 'fundacja', name: 'Fundacja Most', type: 'ngo' },
  { id: 'nadzieja', name: 'Stowarzyszenie Nadzieja', type: 'ngo' },
  { id: 'policja', name: 'Komenda Powiatowa Policji', type: 'police' },
  { id: 'szkola', name: 'Szkoła Podstawowa nr 3', type: 'education' },
  { id: 'zespol', name: 'Zespół Interdyscyplinarny', type: 'state-body' },
]

export const DEMO_MEMBERS: { id: string; name: string; agency: string; role: Role }[] = [
  { id: 'anna', name: 'Anna (pracownica socjalna)', agency: 'mops', role: 'field-worker' },
  { id: 'marek', name: 'Marek (koordynator)', agency: 'mops', role: 'coordinator' },
  { id: 'ewa', name: 'Ewa (terapeutka)', agency: 'fundacja', role: 'field-worker' },
  { id: 'piotr', name: 'Piotr (koordynator)', agency: 'fundacja', role: 'coordinator' },
  { id: 'olga', name: 'Olga (konsultantka)', agency: 'nadzieja', role: 'field-worker' },
  { id: 'tomasz', name: 'Tomasz (dzielnicowy)', agency: 'policja', role: 'field-worker' },
  { id: 'katarzyna', name: 'Katarzyna (pedagożka)', agency: 'szkola', role: 'field-worker' },
  { id: 'jan', name: 'Jan (obserwator)', agency: 'szkola', role: 'observer' },
  { id: 'zofia', name: 'Zofia (superwizorka)', agency: 'zespol', role: 'supervisor' },
]

/** Seeds the demo partnership into an empty store; returns false if it was already there. */
export const seedDemo = (store: AccessStore): boolean => {
  if (store.hasWorkspace(DEMO_WORKSPACE)) return false
  store.createWorkspace(DEMO_WORKSPACE, 'Partnerstwo demonstracyjne', 'PL')
  for (const a of DEMO_AGENCIES) store.createAgency(DEMO_WORKSPACE, a.id, a.name, a.type)
  for (const m of DEMO_MEMBERS) store.createMember(DEMO_WORKSPACE, m.id, m.name, m.agency, m.role)
  return true
}
