/**
 * Wire-level helpers for the hostile-input and limits tests: y-websocket frame builders, a raw
 * `ws` socket that waits for the relay to admit it, a seeded PRNG, and readers of /metrics and
 * of what the relay stored in SQLite for one room.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  MSG_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../src/sync/protocol.ts'
import type { Client, RelayProcess } from './harness.ts'

/** mulberry32: a tiny seeded PRNG, so a failing fuzz run can be replayed from its seed. */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const frame = (
  type: number,
  write: (e: encoding.Encoder) => void = () => {},
): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

const syncFrame = (sub: number, payload: Uint8Array): Uint8Array =>
  frame(MSG_SYNC, (e) => {
    encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
  })

export const step1Frame = (stateVector: Uint8Array): Uint8Array =>
  syncFrame(SYNC_STEP1, stateVector)
export const step2Frame = (update: Uint8Array): Uint8Array => syncFrame(SYNC_STEP2, update)
export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(SYNC_UPDATE, update)

/** An awareness message; `state` is sent verbatim, so it may be anything, JSON or not. */
export const awarenessFrame = (
  entries: { clientId: number; clock: number; state: string }[],
): Uint8Array => {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, state)
  }
  return frame(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)))
}

/** The client ids and clocks of an awareness message, or null if `data` is not one. */
export const readAwareness = (data: Uint8Array): Map<number, number> | null => {
  try {
    const d = decoding.createDecoder(data)
    if (decoding.readVarUint(d) !== MSG_AWARENESS) return null
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d))
    const out = new Map<number, number>()
    const n = decoding.readVarUint(inner)
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(inner)
      out.set(clientId, decoding.readVarUint(inner))
      decoding.readVarString(inner)
    }
    return out
  } catch {
    return null
  }
}

export interface RawSocket {
  ws: WebSocket
  received: Uint8Array[]
  /** Set once the socket closed, with the code and reason the relay sent. */
  closedWith: { code: number; reason: string } | null
  closed: Promise<{ code: number; reason: string }>
}

/**
 * A raw socket to `/sync/<room>`, resolved once the relay has admitted it (its first message,
 * sync step 1 or the read-only notice, has arrived) or has closed it during admission.
 */
export const openRaw = (relay: RelayProcess, room: string, token: string): Promise<RawSocket> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`${relay.url}/${room}?token=${encodeURIComponent(token)}`)
    const raw: RawSocket = {
      ws,
      received: [],
      closedWith: null,
      closed: new Promise((resolveClosed) => {
        ws.on('close', (code, reason) => {
          raw.closedWith = { code, reason: reason.toString() }
          resolveClosed(raw.closedWith)
          resolve(raw)
        })
      }),
    }
    // A refused or reset socket reports through 'close'; 'error' alone must not throw.
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => {
      raw.received.push(new Uint8Array(data))
      resolve(raw)
    })
  })

/** The relay's /metrics as name{labels} → value. */
export const metrics = async (relay: RelayProcess): Promise<Map<string, number>> => {
  const text = await (await fetch(`${relay.http}/metrics`)).text()
  const out = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const cut = line.lastIndexOf(' ')
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)))
  }
  return out
}

export const healthz = async (relay: RelayProcess): Promise<{ status: number; ok: unknown }> => {
  const res = await fetch(`${relay.http}/healthz`)
  return { status: res.status, ok: ((await res.json()) as { ok: unknown }).ok }
}

/** The document as the relay stored it: snapshot merged with the log after it, read at once. */
export const storedUpdate = (relay: RelayProcess, room: string): Uint8Array => {
  const db = relay.rawDb()
  // One read transaction: a compaction between the two reads would otherwise hide rows.
  return db.transaction(() => {
    const snap = db
      .prepare('SELECT data, upto_seq AS upto FROM snapshots WHERE room = ?')
      .get(room) as { data: Buffer; upto: number } | undefined
    const rows = db
      .prepare('SELECT data FROM updates WHERE room = ? AND seq > ? ORDER BY seq')
      .all(room, snap?.upto ?? 0) as { data: Buffer }[]
    return Y.mergeUpdates([
      ...(snap ? [new Uint8Array(snap.data)] : []),
      ...rows.map((r) => new Uint8Array(r.data)),
    ])
  })()
}

/** Polls an asynchronous check until it holds; fails with `what` after `timeoutMs`. */
export const eventually = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> => {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Everything a person sees of a document's named roots, for exact comparisons. */
export const content = (
  doc: Y.Doc,
  texts: string[],
  maps: string[] = [],
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const t of texts) out[`text:${t}`] = doc.getText(t).toDelta()
  for (const m of maps) out[`map:${m}`] = doc.getMap(m).toJSON()
  return out
}

/** A stock client is live: connected, never closed, and has synced. */
export const live = (c: Client): boolean =>
  c.provider.wsconnected && c.closes.length === 0 && c.synced()
