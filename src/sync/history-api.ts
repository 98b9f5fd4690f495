import type { Tokens } from './session.ts'

// The relay's record of a document (sync-server/history-api.ts): its history, attributed by
// the relay to the member whose connection sent each change, and who opened it.

export interface HistoryEntry {
  id: number
  /**
   * 'relay': the relay's own write (the directory); 'baseline': stored before history began;
   * 'erasure' and 'legal-hold': events, with no change (R30, R34).
   */
  source: 'member' | 'relay' | 'baseline' | 'erasure' | 'legal-hold'
  /** An event's note: the erased field ('text/reason'), or 'placed' / 'lifted' for a hold. */
  note: string | null
  memberId: string | null
  agencyId: string | null
  /** When the entry's first and last change reached the relay (ISO instants). */
  from: string
  at: string
  updates: number
  update: Uint8Array
}

export interface HistoryPage {
  /** How many entries the document has; `entries` are the newest of them, oldest first. */
  total: number
  /** The document before the first of `entries`; null when they start at its beginning. */
  base: Uint8Array | null
  entries: HistoryEntry[]
}

export interface DocumentOpen {
  memberId: string
  agencyId: string
  access: 'read' | 'write'
  at: string
}

type Wire<T> = Omit<T, 'update'> & { update: string }

const bytes = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

export const fetchHistory = async (tokens: Tokens, documentId: string): Promise<HistoryPage> => {
  const page = await tokens.api<{
    total: number
    base: string | null
    entries: Wire<HistoryEntry>[]
  }>('/api/history/list', { documentId })
  return {
    total: page.total,
    base: page.base === null ? null : bytes(page.base),
    entries: page.entries.map((e) => ({ ...e, update: bytes(e.update) })),
  }
}

/** Refused (403) to anyone but a coordinator of the agency that owns the document. */
export const fetchAccessLog = async (tokens: Tokens, documentId: string): Promise<DocumentOpen[]> =>
  (await tokens.api<{ opens: DocumentOpen[] }>('/api/access-log', { documentId })).opens
