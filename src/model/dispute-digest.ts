import type * as Y from 'yjs'
import { listDisputes } from './decision.ts'
import type { DocumentSummary } from './doc-summary.ts'
import type { Json } from './json.ts'
import { isIsoInstant, isRecord } from './validate.ts'

// Disputes reach the supervisor without anyone opening the document: every document's summary
// (I7) carries its disputed decision fields, each candidate with who asserted it, for which
// agency and when. A decision value is a code, a date or a record of those; words typed by a
// person (a reason, a comment, a note) never leave the document, so the digest keeps a value only
// as far as it is made of codes (rule I8).

export type DisputeCandidateDigest = {
  /** The candidate's value without its prose; absent when nothing of it is a code. */
  value?: Json
  memberId: string
  agencyId: string
  at: string
}

export type DisputeDigest = {
  field: string
  candidates: DisputeCandidateDigest[]
}

/** Keys whose strings are a person's words whatever they look like. */
const PROSE_KEYS = new Set([
  'reason',
  'note',
  'notes',
  'comment',
  'comments',
  'rationale',
  'text',
  'what',
  'name',
  'description',
])

/** A code, a date, an instant or an id: ASCII without spaces, at most 100 characters. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,99}$/

/** I8: the value as far as it is made of codes; undefined when it holds nothing else. */
export function codedValue(value: Json): Json | undefined {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string') return CODE.test(value) ? value : undefined
  if (Array.isArray(value)) {
    const items = value.map(codedValue)
    return items.every((v) => v !== undefined) ? (items as Json[]) : undefined
  }
  const out: { [key: string]: Json } = {}
  for (const [key, v] of Object.entries(value)) {
    if (PROSE_KEYS.has(key)) continue
    const coded = codedValue(v)
    if (coded !== undefined) out[key] = coded
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** I8: every disputed decision field of a document, as its summary carries them. */
export function disputesDigest(doc: Y.Doc): DisputeDigest[] {
  return listDisputes(doc).map((d) => ({
    field: d.field,
    candidates: d.candidates.map((c) => {
      const value = codedValue(c.value)
      return {
        ...(value !== undefined && { value }),
        memberId: c.memberId,
        agencyId: c.agencyId,
        at: c.at,
      }
    }),
  }))
}

/** I8: a document's summary with its disputes, whatever kind of document it is. */
export const withDisputes = (summary: DocumentSummary, doc: Y.Doc): DocumentSummary => ({
  ...summary,
  disputes: disputesDigest(doc),
})

/** The disputes a summary carries; malformed entries are skipped, none when absent. */
export function summaryDisputes(raw: DocumentSummary | undefined): DisputeDigest[] {
  if (!isRecord(raw) || !Array.isArray(raw.disputes)) return []
  return raw.disputes.flatMap((d) => {
    if (!isRecord(d) || typeof d.field !== 'string' || !Array.isArray(d.candidates)) return []
    const candidates = d.candidates.flatMap((c): DisputeCandidateDigest[] => {
      if (!isRecord(c) || typeof c.memberId !== 'string' || typeof c.agencyId !== 'string') {
        return []
      }
      if (!isIsoInstant(c.at)) return []
      const value = c.value === undefined ? undefined : codedValue(c.value as Json)
      return [
        {
          ...(value !== undefined && { value }),
          memberId: c.memberId,
          agencyId: c.agencyId,
          at: c.at,
        },
      ]
    })
    return candidates.length > 1 ? [{ field: d.field, candidates }] : []
  })
}
