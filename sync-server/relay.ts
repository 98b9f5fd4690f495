import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { CLOSE, roomName, SYNC_PATH } from '../src/sync/protocol.ts'
import { AccessStore } from './access-store.ts'
import { loadSigningKey } from './auth.ts'
import type { RelayConfig } from './config.ts'
import { Connection } from './connection.ts'
import { type Db, openDb, syncOwnCheckpoints } from './db.ts'
import { Api } from './api.ts'
import { publishDirectory } from './directory.ts'
import { WORKSPACE_DOCUMENT } from './acl.ts'
import { admit, checkStanding, reauthorise } from './gatekeeper.ts'
import { log } from './log.ts'
import { Metrics } from './metrics.ts'
import { Rooms } from './rooms.ts'
import { serveStatic, SECURITY_HEADERS } from './static.ts'
import { UpdateLog } from './update-log.ts'
import { Checkpoints } from './checkpoints.ts'
import { Erasure } from './erasure.ts'
import { LifecycleApi } from './lifecycle-api.ts'
import { Retention } from './retention.ts'
import { durability, SYNCHRONOUS } from './wal-sync.ts'
import type { Identity } from './auth.ts'

interface Session {
  identity: Identity
  documentId: string
  expiry: NodeJS.Timeout
}

/** The whole relay: HTTP (PWA, health, metrics) and the websocket sync endpoint on one port. */
export class Relay {
  readonly db: Db
  private readonly checkpoints: Checkpoints
  readonly store: AccessStore
  readonly metrics = new Metrics()
  private readonly key: Uint8Array
  readonly rooms: Rooms
  private readonly sessions = new Map<Connection, Session>()
  private readonly perDevice = new Map<string, number>()
  private readonly http: http.Server
  private readonly wss: WebSocketServer
  private readonly api: Api
  readonly retention: Retention
  private aclTimer: NodeJS.Timeout | null = null
  private sweepTimer: NodeJS.Timeout | null = null
  private dataVersion = 0

  constructor(private readonly config: RelayConfig) {
    this.db = openDb(config.dataDir, { synchronous: SYNCHRONOUS[config.sqliteSync] })
    this.checkpoints = new Checkpoints(this.db)
    this.store = new AccessStore(this.db)
    this.key = loadSigningKey(this.db)
    const log = new UpdateLog(this.db, config)
    this.rooms = new Rooms(
      log,
      this.metrics,
      config,
      durability(`${this.db.name}-wal`, config.sqliteSync),
    )
    this.retention = new Retention(
      this.db,
      log.history,
      {
        referralDays: config.retentionReferralDays,
        planDays: config.retentionPlanDays,
        mediationDays: config.retentionMediationDays,
        accessLogDays: config.accessLogRetentionDays,
      },
      () => Date.now() + config.clockOffsetMs,
      (workspaceId, documentId) => this.purged(workspaceId, documentId),
    )
    this.rooms.onUnload = (name, state) => this.retention.noteState(name, state)
    const erasure = new Erasure(this.db, log, this.rooms, () => this.checkpoints.truncate())
    // ws enforces a hard ceiling while reading a frame; the configured limit is checked per
    // message so that the offender is told why (4413) instead of a bare 1009.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.maxMessageBytes * 2 + 1024,
      perMessageDeflate: false,
    })
    this.api = new Api(
      this.db,
      this.store,
      this.key,
      config,
      {
        accessChanged: () => this.revalidate(),
        directoryChanged: (workspaceId) => publishDirectory(this.rooms, this.store, workspaceId),
      },
      log.history,
      new LifecycleApi(this.store, erasure, this.retention),
    )
    this.http = http.createServer((req, res) => this.request(req, res))
    this.http.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy())
      void this.upgrade(req, socket, head)
    })
  }

  async listen(): Promise<AddressInfo> {
    await new Promise<void>((resolve) =>
      this.http.listen(this.config.port, this.config.host, resolve),
    )
    this.publishAllDirectories()
    this.dataVersion = this.readDataVersion()
    this.aclTimer = setInterval(() => this.pollAccessChanges(), this.config.aclPollMs)
    this.aclTimer.unref()
    this.sweep()
    this.sweepTimer = setInterval(() => this.sweep(), this.config.retentionSweepMs)
    this.sweepTimer.unref()
    return this.http.address() as AddressInfo
  }

  /** Drains: closes every socket as transient, commits every accepted update, closes SQLite. */
  async stop(): Promise<void> {
    if (this.aclTimer) clearInterval(this.aclTimer)
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()))
    for (const conn of [...this.sessions.keys()]) conn.close(CLOSE.RESTARTING, 'relay restarting')
    this.http.closeAllConnections()
    this.rooms.close()
    // Everything is committed; a client that does not answer the close handshake (its network
    // is gone) must not hold the shutdown up.
    const grace = setTimeout(() => this.wss.clients.forEach((ws) => ws.terminate()), 1000)
    await closed
    clearTimeout(grace)
    await this.checkpoints.close()
    syncOwnCheckpoints(this.db)
    this.db.close()
  }

  /** Re-checks every open connection against the store; closes or downgrades at once. */
  revalidate(): void {
    for (const [conn, s] of this.sessions) {
      const standing = checkStanding(this.store, s.identity)
      if (!standing.ok) {
        conn.close(standing.code, standing.reason)
        continue
      }
      const access = reauthorise(this.store, standing.member, s.documentId, false)
      if (access === 'none') conn.close(CLOSE.REVOKED, 'access to this document revoked')
      else conn.setAccess(access)
    }
  }

  /** R33: purges what is due; once anything went, the WAL is cut so its old pages go too (R32). */
  private sweep(): void {
    try {
      if (this.retention.sweep().length > 0) void this.checkpoints.truncate()
    } catch (err) {
      log('error', 'retention sweep failed', { error: (err as Error).message })
    }
  }

  /** A purged document's sockets are closed (4412) and its room leaves memory. */
  private purged(workspaceId: string, documentId: string): void {
    for (const [conn, s] of this.sessions) {
      if (s.identity.workspaceId === workspaceId && s.documentId === documentId) {
        conn.close(CLOSE.PURGED, 'purged: the document was deleted under the retention rules')
      }
    }
    this.rooms.evict(roomName(workspaceId, documentId))
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }

  /** Another process (the admin CLI) changed the store: re-check open connections. */
  private pollAccessChanges(): void {
    const v = this.readDataVersion()
    if (v === this.dataVersion) return
    this.dataVersion = v
    this.revalidate()
    this.publishAllDirectories()
  }

  private publishAllDirectories(): void {
    for (const id of this.store.listWorkspaceIds()) publishDirectory(this.rooms, this.store, id)
  }

  private request(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://relay')
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', ...SECURITY_HEADERS })
      res.end(
        JSON.stringify({ ok: true, connections: this.metrics.connections, rooms: this.rooms.size }),
      )
      return
    }
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' })
      res.end(this.metrics.render())
      return
    }
    if (url.pathname.startsWith('/api/')) {
      void this.api.handle(req, res, url.pathname)
      return
    }
    if (this.config.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      serveStatic(this.config.staticDir, req, res)
      return
    }
    res.writeHead(404).end()
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relay')
    if (!url.pathname.startsWith(SYNC_PATH + '/')) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    let room: string
    try {
      room = decodeURIComponent(url.pathname.slice(SYNC_PATH.length + 1))
    } catch {
      room = ''
    }
    let admission
    try {
      admission = await admit(
        this.key,
        this.store,
        url.searchParams.get('token'),
        room,
        (deviceId) => (this.perDevice.get(deviceId) ?? 0) < this.config.maxRoomsPerDevice,
        (workspaceId, documentId) =>
          this.retention.tombstone(workspaceId, documentId) !== undefined,
      )
    } catch (err) {
      log('error', 'admission failed', { error: (err as Error).message })
      admission = { ok: false as const, code: CLOSE.INTERNAL, reason: 'internal error' }
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!admission.ok) {
        this.metrics.countClose(admission.code)
        log('info', 'connection refused', { code: admission.code, reason: admission.reason })
        ws.close(admission.code, admission.reason)
        return
      }
      const { identity, documentId, access } = admission
      const conn = new Connection(
        ws,
        socket,
        this.rooms.acquire(room),
        access,
        this.rooms,
        this.metrics,
        this.config,
        (c) => this.forget(c),
        {
          memberId: identity.memberId,
          agencyId: admission.member.agencyId,
          deviceId: identity.deviceId,
        },
      )
      const expiry = setTimeout(
        () => conn.close(CLOSE.UNAUTHENTICATED, 'token expired'),
        Math.min(Math.max(identity.expiresAt - Date.now(), 0), 2 ** 31 - 1),
      )
      expiry.unref()
      this.sessions.set(conn, { identity, documentId, expiry })
      this.perDevice.set(identity.deviceId, (this.perDevice.get(identity.deviceId) ?? 0) + 1)
      if (documentId !== WORKSPACE_DOCUMENT) {
        this.rooms.recordOpen({
          workspaceId: admission.workspaceId,
          documentId,
          memberId: identity.memberId,
          agencyId: admission.member.agencyId,
          access,
          // The retention clock: the access log is pruned by it (R35).
          at: this.retention.now(),
        })
      }
      conn.start()
    })
  }

  private forget(conn: Connection): void {
    const s = this.sessions.get(conn)
    if (!s) return
    clearTimeout(s.expiry)
    this.sessions.delete(conn)
    const held = (this.perDevice.get(s.identity.deviceId) ?? 1) - 1
    if (held > 0) this.perDevice.set(s.identity.deviceId, held)
    else this.perDevice.delete(s.identity.deviceId)
  }
}
