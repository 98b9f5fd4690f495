import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { RelayProcess } from '../relay/harness.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
// MOSTY_DIST lets parallel work build and test its own copy of the PWA.
const DIST = process.env.MOSTY_DIST ? path.resolve(process.env.MOSTY_DIST) : path.join(ROOT, 'dist')

/** The built PWA served by a real relay process with the demo partnership. */
export const startApp = async (env: Record<string, string> = {}): Promise<RelayProcess> => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests')
  }
  return RelayProcess.start({ STATIC_DIR: DIST, DEMO_LOGIN: '1', ...env })
}

/** Debian's Chromium, headless, with the flags this sandbox needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

export interface Device {
  context: BrowserContext
  page: Page
}

/** A fresh browser profile: its own IndexedDB, localStorage and service worker. */
export const newDevice = async (browser: Browser, app: RelayProcess): Promise<Device> => {
  const context = await browser.newContext({
    baseURL: app.http,
    viewport: { width: 360, height: 740 },
    locale: 'pl-PL',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => process.stderr.write(`[page error] ${err.message}\n`))
  return { context, page }
}

/** Enrols a device through the relay's demo endpoint and stores the session like the app does. */
export const enrolAs = async (device: Device, memberId: string): Promise<void> => {
  const { page } = device
  await page.goto('/')
  const session = await page.evaluate(async (id) => {
    const res = await fetch('/api/demo/enrol', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ memberId: id, label: 'browser test' }),
    })
    return (await res.json()) as Record<string, string>
  }, memberId)
  await page.evaluate((s) => {
    localStorage.setItem(
      'mosty:session',
      JSON.stringify({
        workspaceId: s.workspaceId,
        memberId: s.memberId,
        deviceId: s.deviceId,
        deviceSecret: s.deviceSecret,
      }),
    )
  }, session)
  await page.goto('/documents')
}

/** The device id this page's session stored at enrolment. */
export const deviceId = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('mosty:session') ?? '{}') as { deviceId: string }).deviceId,
  )

export interface BrowserSuite {
  /** The relay serving the built app, started before the suite's first test. */
  readonly app: RelayProcess
  /** A fresh device, enrolled as `memberId` when one is given; closed after the suite. */
  device: (memberId?: string) => Promise<Device>
}

/**
 * The app and Chromium for the tests of one describe block: started before them, and after them
 * (once `beforeClose` has run) every device closed, Chromium and the relay stopped. `env`: the
 * relay's settings for the block.
 */
export const browserSuite = (
  beforeClose?: () => void,
  env: Record<string, string> = {},
): BrowserSuite => {
  let app: RelayProcess | undefined
  let browser: Browser | undefined
  const devices: Device[] = []
  beforeAll(async () => {
    app = await startApp(env)
    browser = await launchChromium()
  })
  afterAll(async () => {
    beforeClose?.()
    for (const d of devices) await d.context.close()
    await browser?.close()
    await app?.stop()
  })
  const started = (): { app: RelayProcess; browser: Browser } => {
    if (!app || !browser) throw new Error('the browser suite has not started')
    return { app, browser }
  }
  return {
    get app() {
      return started().app
    },
    device: async (memberId) => {
      const { app, browser } = started()
      const d = await newDevice(browser, app)
      devices.push(d)
      if (memberId) await enrolAs(d, memberId)
      return d
    },
  }
}

/** Waits until a service worker controls the page, so that a reload works offline. */
export const waitForServiceWorker = async (page: Page): Promise<void> => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  // clientsClaim makes the first visit controlled; reload in case activation raced the check.
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  }
}

export const pendingCount = async (page: Page): Promise<number> => {
  const el = page.getByTestId('sync-pending')
  if ((await el.count()) === 0) return 0
  return Number(await el.getAttribute('data-count'))
}
