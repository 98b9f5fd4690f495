/**
 * Slow-link benchmark (part of `npm run bench`): a field worker's phone on 2G/EDGE, as a TCP
 * proxy on loopback in front of a real relay (bench/throttle-proxy.ts: 250 kbit/s each way,
 * 150 ms each way, so 300 ms round trip; one proxy per device, its sockets sharing the link).
 * The device's side is the app's: the stock y-websocket provider with the app's outgoing
 * updates (src/sync/outgoing.ts: own updates gathered for COALESCE_MS, a save marker after each
 * batch and after each sync) on documents written through the model.
 * 1. A week offline: 1,000 edits (a word each) across 10 plans made with no connection, then
 *    connected: time until the relay has confirmed every plan as saved, and the bytes both ways
 *    against the Yjs updates the edits made.
 * 2. Typing live, one writer and one observer (each on its own link), in a fresh plan and in one
 *    with 300 earlier editing sessions (300 client ids in its state vector): bytes on each
 *    device's link per keystroke against the keystroke's Yjs update, and the confirmation bytes
 *    the observer received.
 * 3. The app shell on a second load of the built PWA in Chromium (through an unthrottled proxy
 *    that counts bytes by request): what is fetched again when nothing changed.
 * Writes bench/results/slow-link.json. BENCH_TYPED (keystrokes, default 150) and
 * BENCH_TYPING_RATE (keystrokes a second, default 5) size part 2.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createPlan } from '../src/model/plan-details.ts'
import { planText } from '../src/model/plan.ts'
import { OutgoingUpdates, COALESCE_MS } from '../src/sync/outgoing.ts'
import { MSG_SAVED } from '../src/sync/protocol.ts'
import { enrolAs, launchChromium, waitForServiceWorker } from '../tests/browser/harness.ts'
import { RelayProcess, sleep, waitFor } from '../tests/relay/harness.ts'
import { storedDoc } from '../tests/relay/wire.ts'
import { type ThrottledLink, throttledLink } from './throttle-proxy.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const EDGE = { kbitPerSecond: 250, delayMs: 150 }
const DOCUMENTS = 10
const EDITS_PER_DOCUMENT = 100
const SESSIONS = 300
const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}
const TYPED = env('BENCH_TYPED', 150)
const TYPING_RATE = env('BENCH_TYPING_RATE', 5)
const TARGETS = { weekSeconds: 10, wireVsUpdate: 1.2 }
const ANNA = { memberId: 'anna', agencyId: 'mops' }
const FIELD = 'goal.professional'

/** A device's connection to one document, as the app makes it (doc-connection.ts). */
interface AppConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Markers sent, and the highest the relay confirmed. */
  sent: number
  confirmed: number
  /** Bytes of confirmation messages received (their websocket header included). */
  confirmationBytes: number
  destroy: () => void
}

const connectApp = (link: ThrottledLink, room: string, token: string, doc: Y.Doc) => {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${link.port}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  })
  const conn: AppConnection = {
    doc,
    provider,
    sent: 0,
    confirmed: 0,
    confirmationBytes: 0,
    destroy: () => {
      outgoing.destroy()
      provider.destroy()
    },
  }
  const outgoing = new OutgoingUpdates(provider, () => (provider.synced ? ++conn.sent : null))
  provider.messageHandlers[MSG_SAVED] = (_encoder, decoder) => {
    // A server frame of under 126 bytes has a 2-byte header.
    conn.confirmationBytes += decoder.arr.length + 2
    decoding.readVarUint8Array(decoder)
    conn.confirmed = Math.max(conn.confirmed, decoding.readVarUint(decoder))
  }
  provider.on('sync', (synced: boolean) => {
    if (synced) outgoing.flush()
  })
  return conn
}

const linkBytes = (link: ThrottledLink): number => link.up.bytes + link.down.bytes

/** A plan created on a device with `edits` words appended to one field, one edit each. */
const planWithEdits = (id: string, edits: number) => {
  const doc = new Y.Doc()
  createPlan(doc, { id, variant: 'family-team-plan', languages: ['pl'] }, ANNA)
  let updateBytes = 0
  doc.on('update', (u: Uint8Array) => (updateBytes += u.length))
  const field = planText(doc, FIELD)
  let text = ''
  for (let i = 0; i < edits; i++) {
    text += `${i % 7 === 0 ? 'wizyta' : 'rozmowa'} ${i}; `
    field.write(text)
  }
  return { doc, updateBytes, text }
}

const storedText = (relay: RelayProcess, room: string): string =>
  planText(storedDoc(relay, room), FIELD).read()

const week = async (relay: RelayProcess) => {
  const token = await relay.token('anna', { deviceId: 'bench-week' })
  const plans = Array.from({ length: DOCUMENTS }, (_, i) =>
    planWithEdits(`week${i}`, EDITS_PER_DOCUMENT),
  )
  const updateBytes = plans.reduce((n, p) => n + p.updateBytes, 0)
  const link = await throttledLink(relay.port, EDGE)
  const started = performance.now()
  const conns = plans.map((p, i) => connectApp(link, `demo/week${i}`, token, p.doc))
  await waitFor(
    'every plan confirmed',
    () => conns.every((c) => c.sent > 0 && c.confirmed >= c.sent),
    120_000,
  )
  const seconds = (performance.now() - started) / 1000
  const wireBytes = linkBytes(link)
  plans.forEach((p, i) => {
    if (storedText(relay, `demo/week${i}`) !== p.text) throw new Error(`week${i} not stored whole`)
  })
  conns.forEach((c) => c.destroy())
  await link.close()
  return {
    documents: DOCUMENTS,
    edits: DOCUMENTS * EDITS_PER_DOCUMENT,
    seconds,
    updateBytes,
    wireBytes,
  }
}

/** 300 earlier sessions, each a device that opened the plan and added a word under its own id. */
const addEarlierSessions = (base: Y.Doc, sessions: number): void => {
  const updates: Uint8Array[] = []
  for (let i = 0; i < sessions; i++) {
    const session = new Y.Doc()
    Y.applyUpdate(session, Y.encodeStateAsUpdate(base))
    session.on('update', (u: Uint8Array) => updates.push(u))
    session.getMap('bench').set(`session-${i}`, i)
    Y.applyUpdate(base, updates.at(-1)!)
    session.destroy()
  }
}

const typing = async (relay: RelayProcess, id: string, sessions: number) => {
  const room = `demo/${id}`
  const seedDoc = new Y.Doc()
  createPlan(seedDoc, { id, variant: 'family-team-plan', languages: ['pl'] }, ANNA)
  const seedLink = await throttledLink(relay.port, { kbitPerSecond: 100_000, delayMs: 0 })
  const seeder = connectApp(seedLink, room, await relay.token('anna'), seedDoc)
  addEarlierSessions(seedDoc, sessions)
  await waitFor('seeded', () => seeder.sent > 0 && seeder.confirmed >= seeder.sent, 60_000)
  seeder.destroy()
  await seedLink.close()

  const writerLink = await throttledLink(relay.port, EDGE)
  const observerLink = await throttledLink(relay.port, EDGE)
  const writer = connectApp(writerLink, room, await relay.token('anna'), new Y.Doc())
  const observer = connectApp(observerLink, room, await relay.token('marek'), new Y.Doc())
  await waitFor(
    'both synced and confirmed',
    () => [writer, observer].every((c) => c.sent > 0 && c.confirmed >= c.sent),
    60_000,
  )
  const stateVectorEntries = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).size
  const writerStart = linkBytes(writerLink)
  const observerStart = linkBytes(observerLink)
  const observerConfirmations = observer.confirmationBytes
  const writerConfirmations = writer.confirmationBytes
  let updateBytes = 0
  writer.doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== writer.provider) updateBytes += u.length
  })
  const field = planText(writer.doc, FIELD)
  const letters = 'abcdefghijklmnopqrstuvwxyz ąęłóśż'
  let text = ''
  const t0 = performance.now()
  for (let i = 0; i < TYPED; i++) {
    text += letters[i % letters.length]
    field.write(text)
    await sleep(Math.max(0, t0 + ((i + 1) * 1000) / TYPING_RATE - performance.now()))
  }
  await waitFor(
    'observer has it all and the writer is confirmed',
    () => planText(observer.doc, FIELD).read() === text && writer.confirmed >= writer.sent,
    60_000,
  )
  const result = {
    sessions,
    stateVectorEntries,
    keystrokes: TYPED,
    updateBytesPerEdit: updateBytes / TYPED,
    writerBytesPerEdit: (linkBytes(writerLink) - writerStart) / TYPED,
    writerConfirmationBytes: writer.confirmationBytes - writerConfirmations,
    observerBytesPerEdit: (linkBytes(observerLink) - observerStart) / TYPED,
    observerConfirmationBytes: observer.confirmationBytes - observerConfirmations,
  }
  writer.destroy()
  observer.destroy()
  await Promise.all([writerLink.close(), observerLink.close()])
  return result
}

/** The built PWA loaded twice through a counting proxy: what the second load fetched. */
const secondLoad = async () => {
  const app = await RelayProcess.start({ STATIC_DIR: path.join(ROOT, 'dist'), DEMO_LOGIN: '1' })
  const link = await throttledLink(app.port, { kbitPerSecond: 1_000_000, delayMs: 0 })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      baseURL: link.url,
      viewport: { width: 360, height: 740 },
    })
    const page = await context.newPage()
    await enrolAs({ context, page }, 'anna')
    await page.getByTestId('sync-state').waitFor()
    await waitForServiceWorker(page)
    await sleep(1000)
    const before = new Map([...link.byRequest].map(([k, v]) => [k, v.down]))
    await page.reload()
    await page.getByTestId('sync-state').waitFor()
    await sleep(2000)
    const fetched = [...link.byRequest]
      .map(([request, v]) => ({ request, bytes: v.down - (before.get(request) ?? 0) }))
      .filter((r) => r.bytes > 0)
    const isShell = (r: string) => !/^\S+ \/(api|sync|healthz|metrics)(\/|$)/.test(r)
    const shell = fetched.filter((r) => isShell(r.request) && !r.request.endsWith(' /sw.js'))
    const sw = fetched.filter((r) => r.request.endsWith(' /sw.js'))
    return {
      firstLoadBytes: [...before.values()].reduce((n, b) => n + b, 0),
      secondLoadRequests: fetched,
      shellBytes: shell.reduce((n, r) => n + r.bytes, 0),
      shellRequests: shell.map((r) => r.request),
      serviceWorkerCheckBytes: sw.reduce((n, r) => n + r.bytes, 0),
      otherBytes: fetched.filter((r) => !isShell(r.request)).reduce((n, r) => n + r.bytes, 0),
    }
  } finally {
    await browser.close()
    await link.close()
    await app.stop()
  }
}

const main = async () => {
  const relay = await RelayProcess.start()
  let weekResult, fresh, aged
  try {
    weekResult = await week(relay)
    fresh = await typing(relay, 'typing-fresh', 0)
    aged = await typing(relay, 'typing-aged', SESSIONS)
  } finally {
    await relay.stop()
  }
  const shell = await secondLoad()
  const result = {
    link: EDGE,
    coalesceMs: COALESCE_MS,
    typingRate: TYPING_RATE,
    week: weekResult,
    fresh,
    aged,
    shell,
  }
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true })
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/slow-link.json'),
    JSON.stringify(result, null, 2) + '\n',
  )

  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
  const ratio = (a: number, b: number) => (a / b).toFixed(2)
  const w = weekResult
  const rows = [
    ['figure', 'value', 'target', ''],
    [
      `a week offline: ${w.edits} edits in ${w.documents} plans reach the relay, confirmed`,
      `${w.seconds.toFixed(1)} s`,
      `≤ ${TARGETS.weekSeconds} s`,
      mark(w.seconds <= TARGETS.weekSeconds),
    ],
    [
      'a week offline: bytes on the wire ÷ Yjs updates',
      `${ratio(w.wireBytes, w.updateBytes)} (${w.wireBytes} B ÷ ${w.updateBytes} B)`,
      `≤ ${TARGETS.wireVsUpdate}`,
      mark(w.wireBytes / w.updateBytes <= TARGETS.wireVsUpdate),
    ],
    ...[fresh, aged].flatMap((t) => [
      [
        `typing, ${t.sessions} earlier sessions: writer's bytes per keystroke ÷ update`,
        `${ratio(t.writerBytesPerEdit, t.updateBytesPerEdit)} (${t.writerBytesPerEdit.toFixed(1)} B ÷ ${t.updateBytesPerEdit.toFixed(1)} B)`,
        `≤ ${TARGETS.wireVsUpdate}`,
        mark(t.writerBytesPerEdit / t.updateBytesPerEdit <= TARGETS.wireVsUpdate),
      ],
      [
        `typing, ${t.sessions} earlier sessions: observer's bytes per keystroke`,
        `${t.observerBytesPerEdit.toFixed(1)} B`,
        '',
        '',
      ],
      [
        `typing, ${t.sessions} earlier sessions: confirmation bytes to the observer`,
        `${t.observerConfirmationBytes} B`,
        '= 0',
        mark(t.observerConfirmationBytes === 0),
      ],
    ]),
    [
      'second load of the app: shell bytes fetched again',
      `${shell.shellBytes} B (+ sw.js check ${shell.serviceWorkerCheckBytes} B; first load ${(shell.firstLoadBytes / 1024).toFixed(0)} KiB)`,
      '= 0',
      mark(shell.shellBytes === 0),
    ],
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  console.warn(
    `\nSlow link (${EDGE.kbitPerSecond} kbit/s, ${EDGE.delayMs * 2} ms round trip; typing ${TYPING_RATE}/s, own updates gathered ${COALESCE_MS} ms)`,
  )
  for (const r of rows) console.warn(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
}

await main()
