/**
 * The wire contract between the Mosty client and the relay: message types, close codes and
 * room naming. Shared by src/sync and sync-server so the two can never disagree.
 */

/** y-websocket message types (the stock client understands exactly these four). */
export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const MSG_AUTH = 2
export const MSG_QUERY_AWARENESS = 3
/**
 * Mosty extension (R8, R60). Client → relay: [100, varUint marker] "tell me when everything I
 * sent before this marker is stored". Relay → that client alone, once all of it is committed to
 * SQLite and the WAL fsynced: [100, varUint8Array empty, varUint marker], the highest marker
 * covered — only when it is above the last one confirmed on the socket, so a connection that
 * asks nothing new hears nothing. A few bytes whatever the room's history: the middle field was
 * the room's state vector (an entry per editing session ever) and is kept empty so that clients
 * of the earlier version still parse the marker. Stock clients never ask, so never see an
 * unknown type; read-only ones are never told their changes were saved.
 */
export const MSG_SAVED = 100

/** y-protocols sync sub-types. */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/**
 * Close codes. 44xx are permanent (a client must not retry with the same credentials);
 * 1011/1012/1013 are transient (retry with backoff). The stock y-websocket client already stops
 * reconnecting on 4400–4499.
 */
export const CLOSE = {
  /** Malformed frame: not binary, bad varint, unknown message type, invalid Yjs update. */
  MALFORMED: 4400,
  /** Missing, malformed, forged or expired token. */
  UNAUTHENTICATED: 4401,
  /** Authenticated, but no access to this room (no grant, other workspace, observer creating). */
  FORBIDDEN: 4403,
  /** The room name is not `<workspaceId>/<documentId>`. */
  BAD_ROOM: 4404,
  /** The device, member or grant was revoked while connected or before. */
  REVOKED: 4410,
  /**
   * The document was purged under the partnership's retention rules (R33): the device deletes
   * its local copy and never opens it again.
   */
  PURGED: 4412,
  /** A message larger than the relay's limit. */
  TOO_LARGE: 4413,
  /** Unexpected server error; retry later. */
  INTERNAL: 1011,
  /** The relay is shutting down or restarting; retry later. */
  RESTARTING: 1012,
  /** Rate limit, too many rooms for one device, or a slow consumer; retry later. */
  TRY_LATER: 1013,
} as const

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]

/** `ws` closes a frame above the relay's hard ceiling with 1009: resending it cannot help. */
export const MESSAGE_TOO_BIG = 1009

export const isPermanentClose = (code: number): boolean =>
  code === MESSAGE_TOO_BIG || (code >= 4400 && code < 4500)

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export const isValidId = (id: string): boolean => ID.test(id)

export interface RoomName {
  workspaceId: string
  documentId: string
}

/** Parses `<workspaceId>/<documentId>`; returns null for anything else. */
export const parseRoom = (room: string): RoomName | null => {
  const parts = room.split('/')
  if (parts.length !== 2) return null
  const [workspaceId, documentId] = parts as [string, string]
  return isValidId(workspaceId) && isValidId(documentId) ? { workspaceId, documentId } : null
}

export const roomName = (workspaceId: string, documentId: string): string =>
  `${workspaceId}/${documentId}`

/** The path prefix under which the relay accepts websocket upgrades. */
export const SYNC_PATH = '/sync'
