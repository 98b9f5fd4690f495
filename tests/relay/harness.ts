import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { AccessStore } from '../../sync-server/access-store.ts'
import { issueToken, loadSigningKey } from '../../sync-server/auth.ts'
import { type Db, openDb } from '../../sync-server/db.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export const waitFor = async (
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> => {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

/** A real relay process on a real port with its own SQLite file. */
export class RelayProcess {
  proc: ChildProcess | null = null
  output = ''
  readonly dataDir: string
  private db: Db | null = null

  constructor(
    readonly port: number,
    readonly env: Record<string, string> = {},
  ) {
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-relay-'))
  }

  static async start(env: Record<string, string> = {}): Promise<RelayProcess> {
    const relay = new RelayProcess(await freePort(), env)
    await relay.start()
    return relay
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/sync`
  }

  get http(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        STATIC_DIR: '',
        ACL_POLL_MS: '50',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.proc = proc
    proc.stdout?.on('data', (d: Buffer) => (this.output += d.toString()))
    proc.stderr?.on('data', (d: Buffer) => (this.output += d.toString()))
    await waitFor('relay to listen', () => this.output.includes('relay listening'), 30_000)
  }

  get alive(): boolean {
    return this.proc !== null && this.proc.exitCode === null && this.proc.signalCode === null
  }

  /** kill -9: no drain, no flush. */
  async kill9(): Promise<void> {
    const proc = this.proc
    if (!proc) return
    const exited = new Promise((r) => proc.once('exit', r))
    proc.kill('SIGKILL')
    await exited
    this.proc = null
  }

  async stop(): Promise<void> {
    const proc = this.proc
    this.db?.close()
    this.db = null
    if (!proc || !this.alive) return
    const exited = new Promise((r) => proc.once('exit', r))
    proc.kill('SIGTERM')
    await exited
    this.proc = null
  }

  /** The relay's store, opened from the test process (WAL lets both write). */
  get store(): AccessStore {
    this.db ??= openDb(this.dataDir)
    return new AccessStore(this.db)
  }

  rawDb(): Db {
    this.db ??= openDb(this.dataDir)
    return this.db
  }

  /** Creates a device for the member and signs a token for it. */
  async token(
    memberId: string,
    opts: { workspaceId?: string; deviceId?: string; ttlSeconds?: number } = {},
  ): Promise<string> {
    const workspaceId = opts.workspaceId ?? 'demo'
    const deviceId = opts.deviceId ?? `dev-${memberId}-${Math.random().toString(36).slice(2)}`
    if (!this.store.device(deviceId))
      this.store.createDevice(workspaceId, memberId, deviceId, 'test')
    return issueToken(
      loadSigningKey(this.rawDb()),
      { workspaceId, memberId, deviceId },
      opts.ttlSeconds,
    )
  }
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: { code: number; reason: string }[]
  synced: () => boolean
  destroy: () => void
}

/** A stock y-websocket client over a real socket. */
export const connect = (
  relay: RelayProcess,
  room: string,
  token: string,
  doc = new Y.Doc(),
): Client => {
  const provider = new WebsocketProvider(relay.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  })
  const closes: { code: number; reason: string }[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    closes,
    synced: () => provider.synced,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
