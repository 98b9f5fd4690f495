import { isValidId, roomName } from '../src/sync/protocol.ts'
import type { AccessStore, MemberRow } from './access-store.ts'
import { type Erasure, parseField } from './erasure.ts'
import { reauthorise } from './gatekeeper.ts'
import { HistoryError } from './history-api.ts'
import type { Retention } from './retention.ts'

/** Coordinators see the purges due within this time (R35). */
const DUE_WITHIN_MS = 30 * 86_400_000

export const LIFECYCLE_ROUTES = [
  'POST /api/documents/erase',
  'POST /api/retention/due',
  'POST /api/retention/hold',
  'POST /api/retention/tombstone',
] as const
export type LifecycleRoute = (typeof LIFECYCLE_ROUTES)[number]

const iso = (ms: number): string => new Date(ms).toISOString()

const documentIdOf = (body: Record<string, unknown>): string => {
  const id = body.documentId
  if (typeof id !== 'string' || !isValidId(id)) {
    throw new HistoryError(400, 'documentId is required')
  }
  return id
}

/**
 * Erasure (R30) and retention (R33–R35) routes, authorised from the relay's records: an erasure
 * like writing the room (R3), the retention routes for coordinators of the owning agency.
 */
export class LifecycleApi {
  constructor(
    private readonly store: AccessStore,
    private readonly erasure: Erasure,
    private readonly retention: Retention,
  ) {}

  async route(
    route: LifecycleRoute,
    me: MemberRow,
    deviceId: string,
    body: Record<string, unknown>,
  ): Promise<unknown> {
    const who = { memberId: me.id, agencyId: me.agencyId, deviceId }
    if (route === 'POST /api/retention/due') {
      if (me.role !== 'coordinator') throw new HistoryError(403, 'only coordinators see purges')
      return {
        purges: this.retention
          .due(me.workspaceId, me.agencyId, DUE_WITHIN_MS)
          .map((d) => ({ ...d, closedAt: iso(d.closedAt), purgeAt: iso(d.purgeAt) })),
      }
    }
    const documentId = documentIdOf(body)
    if (route === 'POST /api/documents/erase') {
      const field = parseField(body.field)
      if (!field) throw new HistoryError(400, 'field must be <map>/<key>')
      if (!this.store.document(me.workspaceId, documentId)) {
        throw new HistoryError(404, 'no such document on the relay')
      }
      if (reauthorise(this.store, me, documentId, false) !== 'write') {
        throw new HistoryError(403, 'erasing needs write access to the document')
      }
      const done = await this.erasure.erase(
        roomName(me.workspaceId, documentId),
        field,
        who,
        this.retention.now(),
      )
      return { documentId, field: body.field, ...done }
    }
    const owned = this.store.document(me.workspaceId, documentId)?.ownerAgencyId
    const tombstone = this.retention.tombstone(me.workspaceId, documentId)
    const owner = owned ?? tombstone?.ownerAgencyId
    if (me.role !== 'coordinator' || owner !== me.agencyId) {
      throw new HistoryError(403, 'only coordinators of the owning agency')
    }
    if (route === 'POST /api/retention/tombstone') {
      if (!tombstone) throw new HistoryError(404, 'not purged')
      return {
        ...tombstone,
        closedAt: iso(tombstone.closedAt),
        purgedAt: iso(tombstone.purgedAt),
      }
    }
    if (typeof body.hold !== 'boolean') throw new HistoryError(400, 'hold must be true or false')
    if (tombstone) throw new HistoryError(410, 'the document was purged')
    const entryId = this.retention.hold(me.workspaceId, documentId, body.hold, who)
    return { documentId, held: body.hold, entryId }
  }
}
