/**
 * Small wire-level helpers for the relay tests: a raw `ws` client that records every frame, the
 * Mosty "saved" subscription and the y-protocols auth message on a stock provider, and a reader
 * of what the relay has stored in SQLite for one room.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MSG_AUTH, MSG_SAVED, MSG_SYNC, SYNC_STEP1, SYNC_UPDATE } from '../../src/sync/protocol.ts'
import type { Client, RelayProcess } from './harness.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface RawClient {
  ws: WebSocket
  /** Every message frame received from the relay. */
  frames: Buffer[]
  opened: boolean
  closed: Promise<{ code: number; reason: string }>
}

/**
 * A raw websocket to `/sync/<room>`; on open it immediately pushes `send` (e.g. a sync step 1 and
 * an update), as a client that does not wait to be asked would.
 */
export const rawConnect = (
  relay: RelayProcess,
  room: string,
  token: string | null,
  send: Uint8Array[] = [],
): RawClient => {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`${relay.url}/${room}${query}`)
  const client: RawClient = {
    ws,
    frames: [],
    opened: false,
    closed: new Promise((resolve, reject) => {
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
      ws.on('error', reject)
    }),
  }
  ws.on('open', () => {
    client.opened = true
    for (const frame of send) ws.send(frame)
  })
  ws.on('message', (data: Buffer) => client.frames.push(data))
  return client
}

const frame = (type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

export const syncStep1Frame = (doc: Y.Doc): Uint8Array =>
  frame(MSG_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_STEP1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })

export const syncUpdateFrame = (update: Uint8Array): Uint8Array =>
  frame(MSG_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_UPDATE)
    encoding.writeVarUint8Array(e, update)
  })

/** A save marker (R8): "tell me when everything I sent before this is stored". */
export const saveMarkerFrame = (marker: number): Uint8Array =>
  frame(MSG_SAVED, (e) => encoding.writeVarUint(e, marker))

/** The marker of a relay's save confirmation, or null if `data` is not one (R60: `[100, ∅, m]`). */
export const confirmedMarker = (data: Uint8Array): number | null => {
  const d = decoding.createDecoder(data)
  if (decoding.readVarUint(d) !== MSG_SAVED) return null
  if (decoding.readVarUint8Array(d).length !== 0)
    throw new Error('a state vector in a confirmation')
  return decoding.readVarUint(d)
}

/** The frames a pushy client sends on open: step 1 and an update carrying `marker`. */
export const intruderFrames = (marker: string): Uint8Array[] => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, marker)
  return [syncStep1Frame(doc), syncUpdateFrame(Y.encodeStateAsUpdate(doc))]
}

/**
 * Asks for save confirmations as the app does (doc-connection.ts): a marker after each sync and
 * after each burst of the client's own updates. Records, for every marker the relay confirms,
 * the client's state vector when it sent the marker — what the confirmation vouches for, since
 * everything in the document then had been sent before the marker or had come from the relay.
 */
export const watchSaved = (
  client: Client,
  onSaved: (sv: Map<number, number>) => void = () => {},
): { confirmed: Map<number, number>[]; latest: () => Map<number, number> } => {
  const confirmed: Map<number, number>[] = []
  const asked = new Map<number, Map<number, number>>()
  let next = 1
  let queued = false
  const mark = (): void => {
    queued = false
    const ws = client.provider.ws
    if (!ws || ws.readyState !== ws.OPEN || !client.provider.synced) return
    asked.set(next, Y.decodeStateVector(Y.encodeStateVector(client.doc)))
    ws.send(saveMarkerFrame(next++))
  }
  client.provider.messageHandlers[MSG_SAVED] = (_encoder, decoder) => {
    decoding.readVarUint8Array(decoder)
    const marker = decoding.readVarUint(decoder)
    const sv = asked.get(marker)
    if (!sv) throw new Error(`confirmation of marker ${marker}, never sent on this socket`)
    for (const m of asked.keys()) if (m <= marker) asked.delete(m)
    confirmed.push(sv)
    onSaved(sv)
  }
  client.provider.on('sync', (synced: boolean) => {
    if (synced) mark()
  })
  // Markers sent on a socket that dropped are answered on no other.
  client.provider.on('status', ({ status }) => {
    if (status === 'disconnected') asked.clear()
  })
  client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === client.provider || queued) return
    queued = true
    queueMicrotask(mark)
  })
  mark()
  return { confirmed, latest: () => confirmed.at(-1) ?? new Map() }
}

/** Records the reasons of every y-protocols "permission denied" auth message. */
export const watchAuth = (client: Client): string[] => {
  const reasons: string[] = []
  client.provider.messageHandlers[MSG_AUTH] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) reasons.push(decoding.readVarString(decoder))
  }
  return reasons
}

/** The client's own clock: how many of its own items it has created. */
export const ownClock = (doc: Y.Doc): number =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0

/** Whether state vector `a` covers `b` (a[c] >= b[c] for every client c). */
export const covers = (a: Map<number, number>, b: Map<number, number>): boolean =>
  [...b].every(([client, clock]) => (a.get(client) ?? 0) >= clock)

export const updateRows = (relay: RelayProcess, room: string): number =>
  (
    relay.rawDb().prepare('SELECT count(*) AS n FROM updates WHERE room = ?').get(room) as {
      n: number
    }
  ).n

/** What SQLite holds for a room (snapshot plus log), as one document. */
export const storedDoc = (relay: RelayProcess, room: string): Y.Doc => {
  const db = relay.rawDb()
  const snap = db
    .prepare('SELECT data, upto_seq AS upto FROM snapshots WHERE room = ?')
    .get(room) as { data: Buffer; upto: number } | undefined
  const rows = db
    .prepare('SELECT data FROM updates WHERE room = ? AND seq > ? ORDER BY seq')
    .all(room, snap?.upto ?? 0) as { data: Buffer }[]
  const doc = new Y.Doc()
  for (const u of [...(snap ? [snap.data] : []), ...rows.map((r) => r.data)]) {
    Y.applyUpdate(doc, new Uint8Array(u))
  }
  return doc
}

/** Whether any stored update or snapshot, of any room, contains `marker` (UTF-8). */
export const storedAnywhere = (relay: RelayProcess, marker: string): boolean => {
  const db = relay.rawDb()
  const blobs = [
    ...(db.prepare('SELECT data FROM updates').all() as { data: Buffer }[]),
    ...(db.prepare('SELECT data FROM snapshots').all() as { data: Buffer }[]),
  ]
  return blobs.some((b) => b.data.includes(marker))
}

/**
 * Ordering barrier through the relay: `from` publishes an awareness field after whatever it sent
 * before; once `to` sees it, the relay has processed (and, if it forwards at all, forwarded)
 * everything `from` sent earlier on that socket.
 */
export const awarenessBarrier = async (
  from: Client,
  to: Client,
  waitFor: (what: string, check: () => boolean) => Promise<void>,
): Promise<void> => {
  const mark = Math.random().toString(36).slice(2)
  from.provider.awareness.setLocalStateField('barrier', mark)
  await waitFor(
    'awareness barrier',
    () =>
      (to.provider.awareness.getStates().get(from.doc.clientID) as { barrier?: string } | undefined)
        ?.barrier === mark,
  )
}

/** Runs the operator CLI against the relay's data directory. */
export const admin = (
  relay: RelayProcess,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'sync-server/admin.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: relay.dataDir } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
