import type http from 'node:http'
import { randomUUID } from 'node:crypto'
import { isValidId } from '../src/sync/protocol.ts'
import {
  type AccessStore,
  AccessError,
  type Level,
  type MemberRow,
  ROLES,
  type Role,
} from './access-store.ts'
import { AUTH_FAILURE_REASON, issueToken, verifyToken } from './auth.ts'
import { Enrolment, EnrolmentError } from './enrolment.ts'
import { checkStanding, reauthorise } from './gatekeeper.ts'
import { HISTORY_ROUTES, HistoryError, historyRoute } from './history-api.ts'
import type { HistoryLog } from './history-log.ts'
import { LIFECYCLE_ROUTES, type LifecycleApi } from './lifecycle-api.ts'
import type { Db } from './db.ts'
import { SIGNING_KEY_ROUTES, SigningKeyError, SigningKeys } from './signing-keys.ts'
import { SECURITY_HEADERS } from './static.ts'

const MAX_BODY = 16 * 1024

/** Routes that need a bearer token; any other route is unknown (404) with or without one. */
const AUTHENTICATED_ROUTES = new Set([
  'GET /api/me',
  'GET /api/members',
  'POST /api/invitations',
  'GET /api/devices',
  'POST /api/devices/revoke',
  'POST /api/members/remove',
  'POST /api/grants',
  'POST /api/grants/revoke',
  'POST /api/grants/list',
  ...HISTORY_ROUTES,
  ...SIGNING_KEY_ROUTES,
  ...LIFECYCLE_ROUTES,
])

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export interface ApiHooks {
  /** Access changed in this process: re-check open sockets now. */
  accessChanged(): void
  /** Members of a workspace changed: refresh the directory in its workspace document. */
  directoryChanged(workspaceId: string): void
}

/**
 * Reads at most MAX_BODY bytes. Beyond that the request is refused at once but not destroyed:
 * destroying it reset the connection, so a client reusing it (keep-alive) saw its next request
 * fail; Node discards the rest of the body after the 413 and keeps the connection usable.
 */
const readBody = (req: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      reject(new HttpError(413, 'request body too large'))
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
    req.once('close', () => reject(new HttpError(400, 'request aborted')))
  })

const readJson = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
  const raw = await readBody(req)
  try {
    const body: unknown = JSON.parse(raw.toString('utf8') || '{}')
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error()
    return body as Record<string, unknown>
  } catch {
    throw new HttpError(400, 'body must be a JSON object')
  }
}

const str = (body: Record<string, unknown>, key: string): string => {
  const v = body[key]
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) {
    throw new HttpError(400, `${key} is required`)
  }
  return v
}

const publicMember = (m: MemberRow) => ({
  id: m.id,
  displayName: m.displayName,
  agencyId: m.agencyId,
  role: m.role,
  removed: m.removedAt !== null,
})

/**
 * The relay's small JSON API: enrolment with one-time invitations, token refresh for enrolled
 * devices, and the coordinator's device and member administration. Every route but enrolment
 * and token refresh needs `Authorization: Bearer <token>`.
 */
export class Api {
  private readonly enrolment: Enrolment
  private readonly signingKeys: SigningKeys

  constructor(
    db: Db,
    private readonly store: AccessStore,
    private readonly key: Uint8Array,
    private readonly opts: { demoLogin: boolean; tokenTtlSeconds: number },
    private readonly hooks: ApiHooks,
    private readonly history: HistoryLog,
    private readonly lifecycle: LifecycleApi,
  ) {
    this.enrolment = new Enrolment(db, store)
    this.signingKeys = new SigningKeys(db)
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    try {
      const result = await this.route(req, path)
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        ...SECURITY_HEADERS,
      })
      res.end(JSON.stringify(result))
    } catch (err) {
      const status =
        err instanceof HttpError ||
        err instanceof EnrolmentError ||
        err instanceof HistoryError ||
        err instanceof SigningKeyError
          ? err.status
          : err instanceof AccessError
            ? 400
            : 500
      const message = status === 500 ? 'internal error' : (err as Error).message
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        ...SECURITY_HEADERS,
      })
      res.end(JSON.stringify({ error: message }))
    }
  }

  private async route(req: http.IncomingMessage, path: string): Promise<unknown> {
    const route = `${req.method} ${path}`
    switch (route) {
      case 'POST /api/enrol': {
        const body = await readJson(req)
        return this.credentials(this.enrolment.redeem(str(body, 'code'), str(body, 'label')))
      }
      case 'GET /api/demo':
        this.requireDemo()
        return {
          members: this.store.listMembers('demo').map(publicMember),
          agencies: this.store.listAgencies('demo'),
        }
      case 'POST /api/demo/enrol': {
        this.requireDemo()
        const body = await readJson(req)
        return this.credentials(
          this.enrolment.enrolDevice('demo', str(body, 'memberId'), str(body, 'label')),
        )
      }
      case 'POST /api/token': {
        const body = await readJson(req)
        const deviceId = str(body, 'deviceId')
        const who = this.enrolment.checkDevice(deviceId, str(body, 'deviceSecret'))
        return this.tokenFor(who.workspaceId, who.memberId, deviceId)
      }
    }
    if (!AUTHENTICATED_ROUTES.has(route)) throw new HttpError(404, 'no such route')
    const { me, deviceId } = await this.authenticate(req)
    switch (route) {
      case 'POST /api/signing-keys/register':
        return {
          publicKeyJwk: this.signingKeys.register(deviceId, (await readJson(req)).publicKeyJwk),
        }
      case 'GET /api/signing-keys':
        return { keys: this.signingKeys.list(me.workspaceId) }
      case 'GET /api/me':
        return {
          member: publicMember(me),
          workspaceId: me.workspaceId,
          agencies: this.store.listAgencies(me.workspaceId),
        }
      case 'GET /api/members':
        return { members: this.store.listMembers(me.workspaceId).map(publicMember) }
      case 'POST /api/invitations':
        return this.invite(me, await readJson(req))
      case 'GET /api/devices':
        return {
          devices: this.store
            .listDevices(me.workspaceId)
            .filter((d) => this.mayManage(me, d.memberId))
            .map((d) => ({
              id: d.id,
              memberId: d.memberId,
              label: d.label,
              createdAt: d.createdAt,
              revokedAt: d.revokedAt,
            })),
        }
      case 'POST /api/devices/revoke': {
        const device = this.store.device(str(await readJson(req), 'deviceId'))
        if (
          !device ||
          device.workspaceId !== me.workspaceId ||
          !this.mayManage(me, device.memberId)
        ) {
          throw new HttpError(403, 'you may not revoke this device')
        }
        this.store.revokeDevice(device.id)
        this.hooks.accessChanged()
        return { revoked: device.id }
      }
      case 'POST /api/members/remove': {
        const id = str(await readJson(req), 'memberId')
        if (me.role !== 'coordinator' || !this.mayManage(me, id) || id === me.id) {
          throw new HttpError(403, 'only a coordinator of the same agency removes a member')
        }
        this.store.removeMember(me.workspaceId, id)
        this.hooks.accessChanged()
        this.hooks.directoryChanged(me.workspaceId)
        return { removed: id }
      }
      case 'POST /api/grants':
        return this.share(me, await readJson(req), true)
      case 'POST /api/grants/revoke':
        return this.share(me, await readJson(req), false)
      case 'POST /api/grants/list': {
        const documentId = str(await readJson(req), 'documentId')
        if (!isValidId(documentId) || reauthorise(this.store, me, documentId, false) === 'none') {
          throw new HttpError(403, 'no access to this document')
        }
        const doc = this.store.document(me.workspaceId, documentId)
        return {
          documentId,
          ownerAgencyId: doc?.ownerAgencyId ?? null,
          grants: this.store.grants(me.workspaceId, documentId),
        }
      }
      case 'POST /api/history/list':
      case 'POST /api/history/state':
      case 'POST /api/access-log':
        return historyRoute(route, me, await readJson(req), this.store, this.history)
      case 'POST /api/documents/erase':
      case 'POST /api/retention/due':
      case 'POST /api/retention/hold':
      case 'POST /api/retention/tombstone':
        return this.lifecycle.route(route, me, deviceId, await readJson(req))
      default:
        throw new HttpError(404, 'no such route')
    }
  }

  private requireDemo(): void {
    if (!this.opts.demoLogin || !this.store.hasWorkspace('demo'))
      throw new HttpError(404, 'demo login is off')
  }

  private async authenticate(
    req: http.IncomingMessage,
  ): Promise<{ me: MemberRow; deviceId: string }> {
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : null
    const identity = await verifyToken(this.key, token)
    if (typeof identity === 'string') throw new HttpError(401, AUTH_FAILURE_REASON[identity])
    const standing = checkStanding(this.store, identity)
    if (!standing.ok) throw new HttpError(standing.code === 4410 ? 410 : 401, standing.reason)
    return { me: standing.member, deviceId: identity.deviceId }
  }

  /** A coordinator manages the members of their own agency; everyone manages themselves. */
  private mayManage(me: MemberRow, memberId: string): boolean {
    if (memberId === me.id) return true
    const other = this.store.member(me.workspaceId, memberId)
    return me.role === 'coordinator' && other?.agencyId === me.agencyId
  }

  private invite(me: MemberRow, body: Record<string, unknown>): unknown {
    if (me.role !== 'coordinator') throw new HttpError(403, 'only coordinators invite')
    let memberId = typeof body.memberId === 'string' ? body.memberId : null
    if (memberId === null) {
      const role = str(body, 'role') as Role
      if (!ROLES.includes(role)) throw new HttpError(400, 'unknown role')
      memberId = randomUUID().slice(0, 8)
      this.store.createMember(me.workspaceId, memberId, str(body, 'displayName'), me.agencyId, role)
      this.hooks.directoryChanged(me.workspaceId)
    } else if (!this.mayManage(me, memberId)) {
      throw new HttpError(403, 'you may invite only members of your agency')
    }
    return { memberId, ...this.enrolment.invite(me.workspaceId, memberId, me.id) }
  }

  /** Only the owning agency shares a document with another agency or member. */
  private share(me: MemberRow, body: Record<string, unknown>, grant: boolean): unknown {
    const documentId = str(body, 'documentId')
    const subjectKind = str(body, 'subjectKind')
    const subjectId = str(body, 'subjectId')
    if (!isValidId(documentId) || (subjectKind !== 'agency' && subjectKind !== 'member')) {
      throw new HttpError(400, 'bad grant')
    }
    const doc = this.store.document(me.workspaceId, documentId)
    // Created offline and not yet synced: the client keeps the grant and retries.
    if (!doc) throw new HttpError(409, 'document not yet on the relay')
    if (doc.ownerAgencyId !== me.agencyId || me.role === 'observer') {
      throw new HttpError(403, 'only the owning agency shares this document')
    }
    if (grant) {
      const level = str(body, 'level')
      if (level !== 'read' && level !== 'write')
        throw new HttpError(400, 'level must be read or write')
      this.store.grant(me.workspaceId, documentId, subjectKind, subjectId, level as Level)
    } else {
      this.store.revokeGrant(me.workspaceId, documentId, subjectKind, subjectId)
    }
    this.hooks.accessChanged()
    return { documentId, grants: this.store.grants(me.workspaceId, documentId) }
  }

  private async credentials(device: {
    workspaceId: string
    memberId: string
    deviceId: string
    deviceSecret: string
  }) {
    return {
      ...device,
      ...(await this.tokenFor(device.workspaceId, device.memberId, device.deviceId)),
    }
  }

  private async tokenFor(workspaceId: string, memberId: string, deviceId: string) {
    const token = await issueToken(
      this.key,
      { workspaceId, memberId, deviceId },
      this.opts.tokenTtlSeconds,
    )
    return { token, expiresAt: Date.now() + this.opts.tokenTtlSeconds * 1000 }
  }
}
