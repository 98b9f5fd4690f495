import type { Tokens } from './session.ts'

// Erasing a detail for good and the retention routes of the relay (sync-server/lifecycle-api.ts).

/**
 * R30: the relay deletes the field ('text/reason', 'identity/details') and removes what it ever
 * held from the document, its history and its store. Needs a connection; refused (403) without
 * write access, 404 for a document not yet on the relay.
 */
export const eraseField = async (tokens: Tokens, documentId: string, field: string) =>
  tokens.api<{ entryId: number }>('/api/documents/erase', { documentId, field })

export interface DuePurge {
  documentId: string
  kind: 'referral' | 'plan' | 'mediation' | null
  closedAt: string
  purgeAt: string
  held: boolean
}

/** R35: the purges due within 30 days of the coordinator's agency's documents, soonest first. */
export const fetchDuePurges = async (tokens: Tokens): Promise<DuePurge[]> =>
  (await tokens.api<{ purges: DuePurge[] }>('/api/retention/due', {})).purges

/** R34: places or lifts a legal hold; recorded in the document's history. */
export const setLegalHold = async (tokens: Tokens, documentId: string, hold: boolean) =>
  tokens.api<{ held: boolean }>('/api/retention/hold', { documentId, hold })
