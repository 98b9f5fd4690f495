import { CLOSE, parseRoom } from '../src/sync/protocol.ts'
import { decideAccess } from './acl.ts'
import type { AccessStore, Level, MemberRow } from './access-store.ts'
import { AUTH_FAILURE_REASON, type Identity, verifyToken } from './auth.ts'

export type Admission =
  | {
      ok: true
      identity: Identity
      member: MemberRow
      workspaceId: string
      documentId: string
      access: Level
    }
  | { ok: false; code: number; reason: string }

const refuse = (code: number, reason: string): Admission => ({ ok: false, code, reason })

/**
 * Authenticates a token and authorises one room from the relay's store. Registers a document
 * first seen from a member who may write in the workspace, with that member's agency as owner.
 */
export const admit = async (
  key: Uint8Array,
  store: AccessStore,
  token: string | null,
  room: string,
  /** Checked before any document is registered: a refused connection registers nothing. */
  roomsLeft: (deviceId: string) => boolean,
  /** R33: a purged document is never registered again; its devices are told to drop it. */
  purged: (workspaceId: string, documentId: string) => boolean = () => false,
): Promise<Admission> => {
  const identity = await verifyToken(key, token)
  if (typeof identity === 'string')
    return refuse(CLOSE.UNAUTHENTICATED, AUTH_FAILURE_REASON[identity])
  const standing = checkStanding(store, identity)
  if (!standing.ok) return standing
  const name = parseRoom(room)
  if (!name) return refuse(CLOSE.BAD_ROOM, 'room must be <workspaceId>/<documentId>')
  if (name.workspaceId !== identity.workspaceId) {
    return refuse(CLOSE.FORBIDDEN, 'no access to this workspace')
  }
  if (purged(name.workspaceId, name.documentId)) {
    return refuse(CLOSE.PURGED, 'purged: the document was deleted under the retention rules')
  }
  if (!roomsLeft(identity.deviceId)) {
    return refuse(CLOSE.TRY_LATER, 'too many open rooms for this device')
  }
  const access = reauthorise(store, standing.member, name.documentId, true)
  if (access === 'none') return refuse(CLOSE.FORBIDDEN, 'no access to this document')
  return { ok: true, identity, member: standing.member, ...name, access }
}

/** Whether the device and member named by a valid token still stand. */
export const checkStanding = (
  store: AccessStore,
  identity: Identity,
): { ok: true; member: MemberRow } | { ok: false; code: number; reason: string } => {
  const device = store.device(identity.deviceId)
  if (
    !device ||
    device.workspaceId !== identity.workspaceId ||
    device.memberId !== identity.memberId
  ) {
    return { ok: false, code: CLOSE.UNAUTHENTICATED, reason: 'unknown device' }
  }
  if (device.revokedAt) return { ok: false, code: CLOSE.REVOKED, reason: 'device revoked' }
  const member = store.member(identity.workspaceId, identity.memberId)
  if (!member || member.removedAt)
    return { ok: false, code: CLOSE.REVOKED, reason: 'member removed' }
  return { ok: true, member }
}

/** Current access of a member to a document; may register an unknown one. */
export const reauthorise = (
  store: AccessStore,
  member: MemberRow,
  documentId: string,
  mayRegister: boolean,
): Level | 'none' => {
  const doc = store.document(member.workspaceId, documentId)
  const access = decideAccess(
    member,
    documentId,
    doc,
    doc ? store.grants(member.workspaceId, documentId) : [],
  )
  if (access !== 'register') return access
  if (!mayRegister) return 'none'
  const registered = store.registerDocument(
    member.workspaceId,
    documentId,
    member.agencyId,
    member.id,
  )
  return decideAccess(
    member,
    documentId,
    registered,
    store.grants(member.workspaceId, documentId),
  ) as Level | 'none'
}
