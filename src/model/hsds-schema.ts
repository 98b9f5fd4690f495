import { FREQUENCIES, LOCATION_TYPES, SERVICE_STATUSES, WEEKDAYS } from './directory-vocab.ts'
import { isRecord } from './validate.ts'

// The part of Open Referral HSDS 3.0 that Mosty keeps, as tables of fields: one place says
// which HSDS field maps to which model field and what values it may hold. The same tables
// check an imported file, a coordinator's edit and a stored record, and write the export.
// HSDS fields not listed here are dropped on import (docs/rules-model.md, DR11).

export type HsdsProblemCode =
  | 'not-json'
  | 'not-organizations'
  | 'missing'
  | 'wrong-type'
  | 'bad-value'
  | 'bad-date'
  | 'bad-time'
  | 'bad-byday'
  | 'bad-number-list'
  | 'conflicting-duplicate'
  | 'dangling-reference'
  | 'mismatched-reference'
  | 'kept-by-other-agency'
  | 'not-coordinator'

/** One thing wrong with an import, at a JSONPath-like place (`$.services[0].status`). */
export interface HsdsProblem {
  path: string
  code: HsdsProblemCode
  /** What was expected: a type, or the allowed values. */
  expected?: string
}

type Check =
  | 'string'
  | 'number'
  | 'positive-integer'
  | 'date'
  | 'time'
  | 'byday'
  | 'number-list'
  | 'email'
  | 'uri'

interface ScalarField {
  key: string
  hsds: string
  check: Check
  required?: boolean
  values?: readonly string[]
}
interface ListField {
  key: string
  hsds: string
  list: TableName
}
type Field = ScalarField | ListField

export type TableName =
  | 'language'
  | 'phone'
  | 'contact'
  | 'schedule'
  | 'address'
  | 'location'
  | 'serviceAtLocation'
  | 'service'
  | 'organization'

const id: ScalarField = { key: 'id', hsds: 'id', check: 'string', required: true }
const text = (key: string, hsds = key, required = false): ScalarField => ({
  key,
  hsds,
  check: 'string',
  required,
})
const list = (key: string, table: TableName): ListField => ({ key, hsds: key, list: table })

const TABLES: Record<TableName, Field[]> = {
  language: [id, text('name'), text('code'), text('note')],
  phone: [
    id,
    text('number', 'number', true),
    { key: 'extension', hsds: 'extension', check: 'number' },
    text('type'),
    text('description'),
    list('languages', 'language'),
  ],
  contact: [
    id,
    text('name'),
    text('title'),
    text('department'),
    { key: 'email', hsds: 'email', check: 'email' },
    list('phones', 'phone'),
  ],
  schedule: [
    id,
    { key: 'validFrom', hsds: 'valid_from', check: 'date' },
    { key: 'validTo', hsds: 'valid_to', check: 'date' },
    { key: 'dtstart', hsds: 'dtstart', check: 'date' },
    { key: 'timezone', hsds: 'timezone', check: 'number' },
    { key: 'until', hsds: 'until', check: 'date' },
    { key: 'count', hsds: 'count', check: 'positive-integer' },
    { key: 'wkst', hsds: 'wkst', check: 'string', values: WEEKDAYS },
    { key: 'freq', hsds: 'freq', check: 'string', values: FREQUENCIES },
    { key: 'interval', hsds: 'interval', check: 'positive-integer' },
    { key: 'byday', hsds: 'byday', check: 'byday' },
    { key: 'byweekno', hsds: 'byweekno', check: 'number-list' },
    { key: 'bymonthday', hsds: 'bymonthday', check: 'number-list' },
    { key: 'byyearday', hsds: 'byyearday', check: 'number-list' },
    text('description'),
    { key: 'opensAt', hsds: 'opens_at', check: 'time' },
    { key: 'closesAt', hsds: 'closes_at', check: 'time' },
    { key: 'scheduleLink', hsds: 'schedule_link', check: 'uri' },
    text('attendingType', 'attending_type'),
    text('notes'),
  ],
  address: [
    id,
    text('attention'),
    text('address1', 'address_1', true),
    text('address2', 'address_2'),
    text('city', 'city', true),
    text('region'),
    text('stateProvince', 'state_province', true),
    text('postalCode', 'postal_code', true),
    text('country', 'country', true),
    {
      key: 'addressType',
      hsds: 'address_type',
      check: 'string',
      required: true,
      values: LOCATION_TYPES,
    },
  ],
  location: [
    id,
    {
      key: 'locationType',
      hsds: 'location_type',
      check: 'string',
      required: true,
      values: LOCATION_TYPES,
    },
    text('name'),
    text('description'),
    text('transportation'),
    { key: 'latitude', hsds: 'latitude', check: 'number' },
    { key: 'longitude', hsds: 'longitude', check: 'number' },
    { key: 'url', hsds: 'url', check: 'uri' },
    list('addresses', 'address'),
    list('languages', 'language'),
    list('phones', 'phone'),
    list('contacts', 'contact'),
    list('schedules', 'schedule'),
  ],
  serviceAtLocation: [
    id,
    text('description'),
    list('contacts', 'contact'),
    list('phones', 'phone'),
    list('schedules', 'schedule'),
  ],
  service: [
    id,
    text('name', 'name', true),
    { key: 'status', hsds: 'status', check: 'string', required: true, values: SERVICE_STATUSES },
    text('description'),
    { key: 'url', hsds: 'url', check: 'uri' },
    { key: 'email', hsds: 'email', check: 'email' },
    text('applicationProcess', 'application_process'),
    text('eligibilityDescription', 'eligibility_description'),
    text('interpretationServices', 'interpretation_services'),
    text('alert'),
    list('languages', 'language'),
    list('phones', 'phone'),
    list('contacts', 'contact'),
    list('schedules', 'schedule'),
  ],
  organization: [
    id,
    text('name', 'name', true),
    text('description', 'description', true),
    { key: 'email', hsds: 'email', check: 'email' },
    { key: 'website', hsds: 'website', check: 'uri' },
    list('contacts', 'contact'),
    list('phones', 'phone'),
  ],
}

/** HSDS fields that link or nest records; the import reads them itself. */
const LINKS: Partial<Record<TableName, string[]>> = {
  organization: ['locations', 'services'],
  service: ['organization_id', 'service_at_locations'],
  location: ['organization_id'],
  serviceAtLocation: ['service_id', 'location_id', 'location'],
}

const HSDS_NAMES: Record<TableName, string> = {
  language: 'language',
  phone: 'phone',
  contact: 'contact',
  schedule: 'schedule',
  address: 'address',
  location: 'location',
  serviceAtLocation: 'service_at_location',
  service: 'service',
  organization: 'organization',
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/
const DAY = '([+-]?[1-5]?\\d)?(MO|TU|WE|TH|FR|SA|SU)'
const BYDAY = new RegExp(`^${DAY}(,${DAY})*$`)
const NUMBER_LIST = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/
const EMAIL = /^[^\s@]+@[^\s@]+$/
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i

const validDate = (s: string): boolean => {
  const m = DATE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** The problem with one scalar value, or undefined when it is acceptable. */
function checkScalar(f: ScalarField, v: unknown): Omit<HsdsProblem, 'path'> | undefined {
  const numeric = f.check === 'number' || f.check === 'positive-integer'
  if (numeric) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { code: 'wrong-type', expected: 'number' }
    if (f.check === 'positive-integer' && (!Number.isInteger(v) || v < 1)) {
      return { code: 'bad-value', expected: 'positive integer' }
    }
    return
  }
  if (typeof v !== 'string') return { code: 'wrong-type', expected: 'string' }
  if (f.values && !f.values.includes(v)) return { code: 'bad-value', expected: f.values.join(', ') }
  switch (f.check) {
    case 'date':
      return validDate(v) ? undefined : { code: 'bad-date', expected: 'YYYY-MM-DD' }
    case 'time':
      return TIME.test(v) ? undefined : { code: 'bad-time', expected: 'HH:MM' }
    case 'byday':
      return BYDAY.test(v) ? undefined : { code: 'bad-byday', expected: 'MO,TU,…' }
    case 'number-list':
      return NUMBER_LIST.test(v) ? undefined : { code: 'bad-number-list', expected: '1,2,…' }
    case 'email':
      return EMAIL.test(v) ? undefined : { code: 'bad-value', expected: 'e-mail address' }
    case 'uri':
      return URI.test(v) ? undefined : { code: 'bad-value', expected: 'URL' }
    default:
      return
  }
}

/**
 * Reads one HSDS object of a table into its model form, adding every problem found (with its
 * path) to `problems`. Absent and null fields are left out; absent lists become empty.
 */
export function fromHsds(
  table: TableName,
  raw: unknown,
  path: string,
  problems: HsdsProblem[],
  dropped?: Set<string>,
): Record<string, unknown> | undefined {
  if (!isRecord(raw)) {
    problems.push({ path, code: 'wrong-type', expected: 'object' })
    return
  }
  if (dropped) {
    const known = new Set([...TABLES[table].map((f) => f.hsds), ...(LINKS[table] ?? [])])
    for (const k of Object.keys(raw)) if (!known.has(k)) dropped.add(`${HSDS_NAMES[table]}.${k}`)
  }
  const before = problems.length
  const out: Record<string, unknown> = {}
  for (const f of TABLES[table]) {
    const v = raw[f.hsds]
    const at = `${path}.${f.hsds}`
    if ('list' in f) {
      if (v === undefined || v === null) {
        out[f.key] = []
      } else if (!Array.isArray(v)) {
        problems.push({ path: at, code: 'wrong-type', expected: 'array' })
      } else {
        out[f.key] = v.map((item, i) => fromHsds(f.list, item, `${at}[${i}]`, problems, dropped))
      }
      continue
    }
    if (v === undefined || v === null) {
      if (f.required) problems.push({ path: at, code: 'missing' })
      continue
    }
    const problem = checkScalar(f, v)
    if (problem) problems.push({ path: at, ...problem })
    else out[f.key] = v
  }
  return problems.length === before ? out : undefined
}

/** Writes a model record of a table in HSDS form (fields in the table's order). */
export function toHsds(table: TableName, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of TABLES[table]) {
    const v = value[f.key]
    if ('list' in f) {
      // A malformed list is passed on as it is, so that checkModel reports it.
      out[f.hsds] = Array.isArray(v)
        ? v.map((item) => (isRecord(item) ? toHsds(f.list, item) : item))
        : (v ?? [])
    } else if (v !== undefined) {
      out[f.hsds] = v
    }
  }
  return out
}

/** A model record checked against its table: the clean copy, or the problems. */
export function checkModel(
  table: TableName,
  value: unknown,
): { value?: Record<string, unknown>; problems: HsdsProblem[] } {
  const problems: HsdsProblem[] = []
  if (!isRecord(value)) return { problems: [{ path: '$', code: 'wrong-type', expected: 'object' }] }
  const clean = fromHsds(table, toHsds(table, value), '$', problems)
  return clean ? { value: clean, problems } : { problems }
}
