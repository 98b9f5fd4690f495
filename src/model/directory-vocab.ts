// The partnership's directory: who offers what, where, when and in which languages. Field
// names follow Open Referral HSDS 3.0 (camelCase here, snake_case in HSDS) so that import and
// export are a renaming, not a translation. Nothing here is about a person or a case.

/** `agency`: a partnership agency's own entry; `independent`: an outside service; a
 * `self-help-group` is an independent partner a worker may point a person to. */
export const ORGANIZATION_KINDS = ['agency', 'independent', 'self-help-group'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]

export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const
export type LocationType = (typeof LOCATION_TYPES)[number]

/** RFC 5545 weekday codes in the order of a Polish (ISO) week. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const RESPONSE_UNITS = ['hours', 'working-days'] as const
export type ResponseUnit = (typeof RESPONSE_UNITS)[number]

export interface Language {
  id: string
  name?: string
  /** ISO 639 code, e.g. `pl`, `ru`, `uk`. */
  code?: string
  note?: string
}

export interface Phone {
  id: string
  number: string
  extension?: number
  type?: string
  description?: string
  languages: Language[]
}

/** A public contact point: a role or desk, never a member's personal phone. */
export interface Contact {
  id: string
  name?: string
  title?: string
  department?: string
  email?: string
  phones: Phone[]
}

/** An RFC 5545 recurrence as HSDS 3.0 carries it; times are `HH:MM[:SS]` with optional zone. */
export interface Schedule {
  id: string
  validFrom?: string
  validTo?: string
  dtstart?: string
  timezone?: number
  until?: string
  count?: number
  wkst?: Weekday
  freq?: Frequency
  interval?: number
  byday?: string
  byweekno?: string
  bymonthday?: string
  byyearday?: string
  description?: string
  opensAt?: string
  closesAt?: string
  scheduleLink?: string
  attendingType?: string
  notes?: string
}

export interface Address {
  id: string
  attention?: string
  address1: string
  address2?: string
  city: string
  region?: string
  stateProvince: string
  postalCode: string
  country: string
  addressType: LocationType
}

export interface DirOrganization {
  id: string
  name: string
  description: string
  email?: string
  website?: string
  kind: OrganizationKind
  /** The partnership agency this entry describes (kind `agency`). */
  agencyId?: string
  /** The partnership agency whose coordinators keep this entry up to date. */
  keptBy: string
  contacts: Contact[]
  phones: Phone[]
}

export interface DirService {
  id: string
  organizationId: string
  name: string
  status: ServiceStatus
  description?: string
  url?: string
  email?: string
  /** How to get the service; for a self-help group, how to join. */
  applicationProcess?: string
  eligibilityDescription?: string
  interpretationServices?: string
  alert?: string
  languages: Language[]
  phones: Phone[]
  contacts: Contact[]
  schedules: Schedule[]
}

export interface DirLocation {
  id: string
  organizationId: string
  locationType: LocationType
  name?: string
  description?: string
  transportation?: string
  latitude?: number
  longitude?: number
  url?: string
  addresses: Address[]
  languages: Language[]
  phones: Phone[]
  contacts: Contact[]
  schedules: Schedule[]
}

export interface DirServiceAtLocation {
  id: string
  serviceId: string
  locationId: string
  description?: string
  contacts: Contact[]
  phones: Phone[]
  schedules: Schedule[]
}

/** The partnership's agreed time for an agency to answer a referral of one urgency. */
export interface ResponseTime {
  agencyId: string
  urgency: 'routine' | 'urgent' | 'asap' | 'stat'
  within: number
  unit: ResponseUnit
  note?: string
  agreedBy: string
  agreedAt: string
}

/** Everything the directory holds, as one value (what an import writes, what export reads). */
export interface DirectoryRecords {
  organizations: DirOrganization[]
  services: DirService[]
  locations: DirLocation[]
  serviceAtLocations: DirServiceAtLocation[]
}
