import type * as Y from 'yjs'
import type {
  DirLocation,
  DirOrganization,
  DirService,
  DirServiceAtLocation,
  ResponseTime,
} from './directory-vocab.ts'
import { ORGANIZATION_KINDS, RESPONSE_UNITS } from './directory-vocab.ts'
import { checkModel, type TableName } from './hsds-schema.ts'
import { URGENCIES } from './referral-vocab.ts'
import { isRecord } from './validate.ts'

// Where the directory lives: top-level maps of the workspace document, which every member
// already holds offline and reads (R3). Each record is a plain JSON value under its id, so
// concurrent edits of different records never interfere and one record converges to one whole
// version (as W4 for agencies). Contacts, phones, schedules and languages are kept inside the
// record that owns them, as HSDS nests them.

export const DIRECTORY_MAPS = [
  'directory.organizations',
  'directory.services',
  'directory.locations',
  'directory.serviceAtLocations',
  'directory.responseTimes',
] as const
export type DirectoryMap = (typeof DIRECTORY_MAPS)[number]

export const directoryMap = (doc: Y.Doc, name: DirectoryMap): Y.Map<unknown> => doc.getMap(name)

/** Reads a stored value of a table, or undefined when it is malformed (DR6). */
function parseWith<T>(
  table: TableName,
  raw: unknown,
  links: readonly string[],
  extra?: (r: Record<string, unknown>) => boolean,
): T | undefined {
  if (!isRecord(raw)) return
  if (links.some((k) => typeof raw[k] !== 'string')) return
  if (extra && !extra(raw)) return
  const { value } = checkModel(table, raw)
  if (!value) return
  const linked = Object.fromEntries(links.map((k) => [k, raw[k]]))
  return { ...value, ...linked } as T
}

export const parseOrganization = (raw: unknown): DirOrganization | undefined => {
  const org = parseWith<DirOrganization>(
    'organization',
    raw,
    ['keptBy'],
    (r) =>
      ORGANIZATION_KINDS.includes(r.kind as DirOrganization['kind']) &&
      (r.agencyId === undefined || typeof r.agencyId === 'string'),
  )
  if (!org || !isRecord(raw)) return
  return {
    ...org,
    kind: raw.kind as DirOrganization['kind'],
    ...(typeof raw.agencyId === 'string' && { agencyId: raw.agencyId }),
  }
}

export const parseService = (raw: unknown): DirService | undefined =>
  parseWith<DirService>('service', raw, ['organizationId'])

export const parseLocation = (raw: unknown): DirLocation | undefined =>
  parseWith<DirLocation>('location', raw, ['organizationId'])

export const parseServiceAtLocation = (raw: unknown): DirServiceAtLocation | undefined =>
  parseWith<DirServiceAtLocation>('serviceAtLocation', raw, ['serviceId', 'locationId'])

export const parseResponseTime = (raw: unknown): ResponseTime | undefined => {
  if (!isRecord(raw)) return
  const { agencyId, urgency, within, unit, note, agreedBy, agreedAt } = raw
  if (typeof agencyId !== 'string' || typeof agreedBy !== 'string') return
  if (typeof agreedAt !== 'string') return
  if (!URGENCIES.includes(urgency as ResponseTime['urgency'])) return
  if (!RESPONSE_UNITS.includes(unit as ResponseTime['unit'])) return
  if (typeof within !== 'number' || !Number.isInteger(within) || within < 1) return
  if (note !== undefined && typeof note !== 'string') return
  return {
    agencyId,
    urgency: urgency as ResponseTime['urgency'],
    within,
    unit: unit as ResponseTime['unit'],
    ...(note !== undefined && { note }),
    agreedBy,
    agreedAt,
  }
}

/** One response time per agency and urgency: the key is the slot the partnership agrees. */
export const responseTimeKey = (agencyId: string, urgency: string): string =>
  `${agencyId}:${urgency}`

export function readAll<T>(
  doc: Y.Doc,
  name: DirectoryMap,
  parse: (raw: unknown) => T | undefined,
): T[] {
  const out: T[] = []
  for (const raw of directoryMap(doc, name).values()) {
    const v = parse(raw)
    if (v !== undefined) out.push(v)
  }
  return out
}
