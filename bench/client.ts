/**
 * Client benchmark (part of `npm run bench`): the built PWA in Debian's Chromium against a real
 * relay.
 * 1. Initial JS (gzip) loaded by index.html, and the service worker's total precache size.
 * 2. Offline reload to interactive: the page's own clock from navigation start to the sync
 *    indicator being rendered, with the network off (served by the service worker).
 * 3. Opening a document with 5,000 stored edits from IndexedDB: the app's own measure
 *    `mosty:local-load:<room>` (DocConnection: constructor → y-indexeddb synced). The edits are
 *    typed in the app offline (stored as the app stores them: it bounds a copy's rows), opened
 *    first and again; and, as a worst case beyond that bound, written as 5,000 raw rows.
 * Writes bench/results/client.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as Y from 'yjs'
import { planText } from '../src/model/plan.ts'
import { createPlan as createPlanIn } from '../src/model/plan-details.ts'
import {
  enrolAs,
  launchChromium,
  newDevice,
  startApp,
  waitForServiceWorker,
} from '../tests/browser/harness.ts'
import { createPlan, PLAN_FIELD, storedRows } from '../tests/browser/steps.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DIST = path.join(ROOT, 'dist')
const RUNS = 5
const EDITS = 5000
/** The demo's field worker, whose device the benchmark is. */
const ANNA = { memberId: 'anna', agencyId: 'mops' }
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

/** `n` letters a…z repeated. */
const alphabet = (n: number): string =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')

/** 5,000 single-character edits to a plan's field, as the updates y-indexeddb would store. */
const storedEdits = (id: string): number[][] => {
  const doc = new Y.Doc()
  const updates: number[][] = []
  doc.on('update', (u: Uint8Array) => updates.push([...u]))
  createPlanIn(doc, { id, variant: 'family-team-plan', languages: ['pl'] }, ANNA)
  const field = planText(doc, 'goal.professional')
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
    /** Opens the document from the documents list `runs` times; the app's own load figures. */
    const openRuns = async (documentId: string, length: number, runs: number) => {
      const room = `demo/${documentId}`
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        await navigate('/documents')
        await page.getByTestId('documents-list').or(page.getByTestId('documents-empty')).waitFor()
        const before = await page.evaluate(
          (r) => performance.getEntriesByName(`mosty:local-load:${r}`).length,
          room,
        )
        await navigate(`/documents/${documentId}`)
        const handle = await page.waitForFunction(
          ({ r, n }) => performance.getEntriesByName(`mosty:local-load:${r}`)[n]?.duration ?? null,
          { r: room, n: before },
        )
        times.push((await handle.jsonValue()) as number)
        await page.waitForFunction(
          (n) => [...document.querySelectorAll('textarea')].some((t) => t.value.length === n),
          length,
        )
      }
      return times
    }

    // 1. 5,000 edits typed in the app by a worker offline, stored as the app stores them.
    const typedId = await createPlan(page, 'Benchmark')
    await context.setOffline(true)
    const field = page.getByTestId(PLAN_FIELD)
    await field.click()
    for (let i = 0; i < EDITS / 500; i++) await page.keyboard.type(alphabet(500))
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('textarea')].some((t) => t.value.length === n),
      EDITS,
    )
    // Back online the edits reach the relay; only then does the app close the document when
    // the screen leaves it (it keeps unconfirmed work open), so the next open reads IndexedDB.
    await context.setOffline(false)
    await page.getByTestId('sync-pending').waitFor({ state: 'detached', timeout: 60_000 })
    const typedRowsBefore = await storedRows(page, `demo/${typedId}`)
    const [typedFirst, ...typedLater] = await openRuns(typedId, EDITS, RUNS + 1)

    // 2. Worst case beyond the app's bound: 5,000 rows written straight into IndexedDB, as
    //    y-indexeddb alone would leave a burst of edits that never paused.
    const rawId = 'bench5000'
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
      { name: `mosty:demo/${rawId}`, rows: storedEdits(rawId) },
    )
    const [rawFirst, ...rawLater] = await openRuns(rawId, EDITS, RUNS + 1)

    const result = {
      ...files,
      offlineReloadMs: { median: median(reloads), runs: reloads },
      openStoredEdits: EDITS,
      typed: {
        rowsStored: typedRowsBefore,
        openFirstMs: typedFirst as number,
        openLaterMs: { median: median(typedLater), runs: typedLater },
      },
      rawRows: {
        openFirstMs: rawFirst as number,
        openLaterMs: { median: median(rawLater), runs: rawLater },
      },
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
        `open ${EDITS} typed edits (${typedRowsBefore} rows), first`,
        `${result.typed.openFirstMs.toFixed(1)} ms`,
        `≤ ${TARGETS.openMs} ms`,
        mark(result.typed.openFirstMs <= TARGETS.openMs),
      ],
      [
        `open ${EDITS} typed edits, later (median)`,
        `${result.typed.openLaterMs.median.toFixed(1)} ms`,
        `≤ ${TARGETS.openMs} ms`,
        mark(result.typed.openLaterMs.median <= TARGETS.openMs),
      ],
      [
        `open ${EDITS} raw rows (beyond the app's bound), first`,
        `${result.rawRows.openFirstMs.toFixed(1)} ms`,
        '',
        '',
      ],
      [
        `open ${EDITS} raw rows, later (median)`,
        `${result.rawRows.openLaterMs.median.toFixed(1)} ms`,
        '',
        '',
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
