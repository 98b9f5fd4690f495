/**
 * Client benchmark (part of `npm run bench`): the built PWA in Debian's Chromium against a real
 * relay.
 * 1. Initial JS (gzip) loaded by index.html, and the service worker's total precache size.
 * 2. Offline reload to interactive: the page's own clock from navigation start to the sync
 *    indicator being rendered, with the network off (served by the service worker).
 * 3. Opening a document with 5,000 stored edits from IndexedDB: the app's own measure
 *    `mosty:local-load:<room>` (DocConnection: constructor → y-indexeddb synced), first open
 *    (5,000 rows; y-indexeddb merges them) and second open (after that merge).
 * Writes bench/results/client.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as Y from 'yjs'
import { ensurePlan, planText } from '../src/model/plan.ts'
import {
  enrolAs,
  launchChromium,
  newDevice,
  startApp,
  waitForServiceWorker,
} from '../tests/browser/harness.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DIST = path.join(ROOT, 'dist')
const RUNS = 5
const EDITS = 5000
const TARGETS = { initialJsKiB: 120, offlineReloadMs: 1000, openMs: 100 }

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

const sizes = () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
  const initial = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1] as string)
  const gzip = initial.reduce(
    (n, file) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length,
    0,
  )
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8')
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] as string)
  const precache = precached.reduce((n, url) => n + fs.statSync(path.join(DIST, url)).size, 0)
  return {
    initialFiles: initial.length,
    initialJsGzipBytes: gzip,
    precacheEntries: precached.length,
    precacheBytes: precache,
  }
}

/** 5,000 single-character edits to a plan's field, as the updates y-indexeddb would store. */
const storedEdits = (): number[][] => {
  const doc = new Y.Doc()
  const updates: number[][] = []
  doc.on('update', (u: Uint8Array) => updates.push([...u]))
  ensurePlan(doc)
  const field = planText(doc, 'goal.family')
  let text = ''
  for (let i = 0; i < EDITS; i++) {
    text += String.fromCharCode(97 + (i % 26))
    field.write(text)
  }
  return updates
}

const main = async () => {
  const files = sizes()
  const app = await startApp()
  const browser = await launchChromium()
  try {
    const device = await newDevice(browser, app)
    const { page, context } = device
    await enrolAs(device, 'anna')
    await page.getByTestId('sync-state').waitFor()
    await waitForServiceWorker(page)

    await context.setOffline(true)
    const reloads: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.reload()
      await page.getByTestId('sync-state').waitFor()
      reloads.push(await page.evaluate(() => performance.now()))
    }
    await context.setOffline(false)

    const documentId = 'bench5000'
    const room = `demo/${documentId}`
    const updates = storedEdits()
    await page.evaluate(
      async ({ name, rows }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name)
          req.onupgradeneeded = () => {
            req.result.createObjectStore('updates', { autoIncrement: true })
            req.result.createObjectStore('custom')
          }
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('updates', 'readwrite')
          for (const r of rows) tx.objectStore('updates').add(new Uint8Array(r))
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      },
      { name: `mosty:${room}`, rows: updates },
    )
    // Opening a document as a person does: tapping it in the running app (client-side
    // navigation), so the figure is the document's load, not the app's boot.
    const navigate = (href: string) =>
      page.evaluate((h) => {
        const a = document.createElement('a')
        a.href = h
        document.body.append(a)
        a.click()
        a.remove()
      }, href)
    await page.goto('/documents')
    await page.getByTestId('sync-state').waitFor()
    const open = async (): Promise<number> => {
      const before = await page.evaluate(
        (r) => performance.getEntriesByName(`mosty:local-load:${r}`).length,
        room,
      )
      await navigate(`/documents/${documentId}`)
      const handle = await page.waitForFunction(
        ({ r, n }) => performance.getEntriesByName(`mosty:local-load:${r}`)[n]?.duration ?? null,
        { r: room, n: before },
      )
      const ms = (await handle.jsonValue()) as number
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('textarea')].some((t) => t.value.length === n),
        EDITS,
      )
      if (process.env.BENCH_DEBUG) {
        console.warn(
          'rows',
          await page.evaluate(
            (name) =>
              new Promise((resolve) => {
                const q = indexedDB.open(name)
                q.onsuccess = () => {
                  const c = q.result.transaction('updates').objectStore('updates').count()
                  c.onsuccess = () => resolve(c.result)
                }
              }),
            `mosty:${room}`,
          ),
        )
      }
      await navigate('/documents')
      await page.getByTestId('documents-list').or(page.getByTestId('documents-empty')).waitFor()
      return ms
    }
    const firstOpen = await open()
    const laterOpens: number[] = []
    for (let i = 0; i < RUNS; i++) laterOpens.push(await open())

    const result = {
      ...files,
      offlineReloadMs: { median: median(reloads), runs: reloads },
      openStoredEdits: EDITS,
      openFirstMs: firstOpen,
      openAfterMergeMs: { median: median(laterOpens), runs: laterOpens },
    }
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true })
    fs.writeFileSync(
      path.join(ROOT, 'bench/results/client.json'),
      JSON.stringify(result, null, 2) + '\n',
    )
    const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
    const kib = (b: number) => (b / 1024).toFixed(1)
    const rows = [
      ['figure', 'value', 'target', ''],
      [
        'initial JS (gzip)',
        `${kib(files.initialJsGzipBytes)} KiB in ${files.initialFiles} files`,
        `≤ ${TARGETS.initialJsKiB} KB`,
        mark(files.initialJsGzipBytes / 1000 <= TARGETS.initialJsKiB),
      ],
      ['precache', `${kib(files.precacheBytes)} KiB in ${files.precacheEntries} entries`, '', ''],
      [
        'offline reload → interactive (median)',
        `${result.offlineReloadMs.median.toFixed(0)} ms`,
        `≤ ${TARGETS.offlineReloadMs} ms`,
        mark(result.offlineReloadMs.median <= TARGETS.offlineReloadMs),
      ],
      [
        `open ${EDITS} stored edits, first`,
        `${firstOpen.toFixed(1)} ms`,
        `≤ ${TARGETS.openMs} ms`,
        mark(firstOpen <= TARGETS.openMs),
      ],
      [
        'open after merge (median)',
        `${result.openAfterMergeMs.median.toFixed(1)} ms`,
        `≤ ${TARGETS.openMs} ms`,
        mark(result.openAfterMergeMs.median <= TARGETS.openMs),
      ],
    ]
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    console.warn('\nClient (Debian Chromium, headless, 360×740)')
    for (const r of rows) console.warn(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
  } finally {
    await browser.close()
    await app.stop()
  }
}

await main()
