import { isValidId, roomName } from '../src/sync/protocol.ts'
import type { AccessStore, MemberRow } from './access-store.ts'
import { reauthorise } from './gatekeeper.ts'
import type { HistoryLog } from './history-log.ts'

/** A history page holds at most this many entries… */
const PAGE_ENTRIES = 500
/** …and about this many bytes of updates; what is older comes as the page's base state. */
const PAGE_BYTES = 4 * 1024 * 1024
const ACCESS_LOG_ROWS = 1000

export const HISTORY_ROUTES = [
  'POST /api/history/list',
  'POST /api/history/state',
  'POST /api/access-log',
] as const
export type HistoryRoute = (typeof HISTORY_ROUTES)[number]

export class HistoryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const base64 = (b: Uint8Array): string => Buffer.from(b).toString('base64')
const iso = (ms: number): string => new Date(ms).toISOString()

const documentIdOf = (body: Record<string, unknown>): string => {
  const id = body.documentId
  if (typeof id !== 'string' || !isValidId(id))
    throw new HistoryError(400, 'documentId is required')
  return id
}

/**
 * The history routes. A document's history is read by whoever may read the document (R3), as
 * the relay decides it now; its access log only by coordinators of the agency that owns it.
 * Devices are recorded but never shown.
 */
export const historyRoute = (
  route: HistoryRoute,
  me: MemberRow,
  body: Record<string, unknown>,
  store: AccessStore,
  history: HistoryLog,
): unknown => {
  const documentId = documentIdOf(body)
  const room = roomName(me.workspaceId, documentId)
  if (route === 'POST /api/access-log') {
    const doc = store.document(me.workspaceId, documentId)
    if (me.role !== 'coordinator' || doc?.ownerAgencyId !== me.agencyId) {
      throw new HistoryError(403, 'only coordinators of the owning agency see who opened it')
    }
    return {
      documentId,
      opens: history.opens(me.workspaceId, documentId, ACCESS_LOG_ROWS).map((o) => ({
        memberId: o.memberId,
        agencyId: o.agencyId,
        access: o.access,
        at: iso(o.at),
      })),
    }
  }
  if (reauthorise(store, me, documentId, false) === 'none') {
    throw new HistoryError(403, 'no access to this document')
  }
  if (route === 'POST /api/history/state') {
    const upTo = body.upTo
    if (typeof upTo !== 'number' || !Number.isSafeInteger(upTo) || upTo < 0) {
      throw new HistoryError(400, 'upTo must be an entry id')
    }
    return { documentId, upTo, state: base64(history.stateUpTo(room, upTo)) }
  }
  const page = history.page(room, PAGE_ENTRIES, PAGE_BYTES)
  return {
    documentId,
    total: page.total,
    base: page.base ? base64(page.base) : null,
    entries: page.entries.map((e) => ({
      id: e.id,
      source: e.source,
      memberId: e.memberId,
      agencyId: e.agencyId,
      from: iso(e.firstAt),
      at: iso(e.lastAt),
      updates: e.updates,
      note: e.note,
      update: base64(e.data),
    })),
  }
}
