/**
 * Issue 19, test 2: a field worker back from days offline syncs over a slow link. The built app
 * in Chromium reaches the real relay through the throttling proxy of the slow-link benchmark
 * (bench/throttle-proxy.ts), loaded fast and then slowed down; no wall-clock time is asserted.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ThrottledLink, throttledLink } from '../../bench/throttle-proxy.ts'
import type { RelayProcess } from '../relay/harness.ts'
import { storedDoc } from '../relay/wire.ts'
import { enrolAs, launchChromium, startApp, waitForServiceWorker } from './harness.ts'
import { createPlan, PLAN_FIELD } from './steps.ts'

/** Slow enough that three documents of different sizes finish uploading well apart. */
const SLOW_KBIT = 128
/** Text typed offline into each plan: small, larger, largest. */
const SIZES = [2_000, 16_000, 48_000]

const typed = (i: number, size: number): string =>
  `plan ${i}: ` + 'wizyta domowa, rozmowa z rodziną; '.repeat(Math.ceil(size / 34)).slice(0, size)

describe('slow link (issue 19, test 2)', () => {
  let app: RelayProcess
  let link: ThrottledLink
  let browser: Browser

  beforeAll(async () => {
    app = await startApp({ COMMIT_DELAY_MS: '300' })
    link = await throttledLink(app.port, { kbitPerSecond: 100_000, delayMs: 40 })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await link?.close()
    await app?.stop()
  })

  it('R8, R60: after days offline a throttled sync shows how many documents are saved, and never says saved before the relay has stored it', async () => {
    const context = await browser.newContext({
      baseURL: link.url,
      viewport: { width: 360, height: 740 },
      locale: 'en-GB',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => process.stderr.write(`[page error] ${err.message}\n`))
    await enrolAs({ context, page }, 'anna')
    await waitForServiceWorker(page)
    const ids: string[] = []
    for (let i = 0; i < SIZES.length; i++) ids.push(await createPlan(page, `Plan ${i}`))
    await page.getByTestId('sync-pending').waitFor({ state: 'detached' })

    // Days offline: each plan gets its text on the device only.
    await context.setOffline(true)
    for (const [i, id] of ids.entries()) {
      await page.goto(`/documents/${id}`)
      const field = page.getByTestId(PLAN_FIELD)
      await field.click()
      await page.keyboard.insertText(typed(i, SIZES[i]!))
      await page.waitForFunction(
        ({ sel, n }) =>
          (document.querySelector(`[data-testid="${sel}"]`) as HTMLTextAreaElement)?.value
            .length === n,
        { sel: PLAN_FIELD, n: typed(i, SIZES[i]!).length },
      )
    }
    await page.getByRole('link', { name: 'Documents' }).first().click()
    await page.getByTestId('sync-pending').waitFor()

    // Whenever the indicator says one more document is saved, the relay is asked at once what
    // it has stored: a count it says is saved must already be on the relay's disk.
    const storedPlans = (): number =>
      ids.filter((id, i) => {
        const doc = storedDoc(app, `demo/${id}`)
        const text = doc.getMap('text').get('goal.professional') as { toString(): string }
        return text?.toString() === typed(i, SIZES[i]!)
      }).length
    await page.exposeFunction('storedPlans', storedPlans)
    await page.evaluate(() => {
      const w = window as unknown as {
        seen: { text: string; saved: number; of: number; stored: Promise<number> }[]
        storedPlans: () => Promise<number>
      }
      w.seen = []
      let last = ''
      const record = (): void => {
        const el = document.querySelector('[data-testid="sync-saving"]')
        const text = el?.textContent ?? ''
        if (!el || text === last) return
        last = text
        const [saved = -1, of = -1] = (/(\d+) of (\d+)/.exec(text) ?? []).slice(1).map(Number)
        w.seen.push({ text, saved, of, stored: w.storedPlans() })
      }
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      })
    })

    const upBefore = link.up.bytes
    link.setRate(SLOW_KBIT)
    await context.setOffline(false)
    await page.getByTestId('sync-pending').waitFor({ state: 'detached', timeout: 60_000 })
    await page.getByText('All changes saved on the server').waitFor()

    const seen = await page.evaluate(async () => {
      const w = window as unknown as {
        seen: { text: string; saved: number; of: number; stored: Promise<number> }[]
      }
      return Promise.all(w.seen.map(async (s) => ({ ...s, stored: await s.stored })))
    })
    // Progress in documents: it started at none of three and went up one by one, never back.
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(seen.every((s) => s.of === SIZES.length)).toBe(true)
    expect(seen[0]!.saved).toBe(0)
    expect(seen.some((s) => s.saved > 0 && s.saved < s.of)).toBe(true)
    seen.reduce((prev, s) => {
      expect(s.saved).toBeGreaterThanOrEqual(prev)
      return s.saved
    }, 0)
    // Truthful: never more documents called saved than the relay had stored.
    for (const s of seen) expect(s.stored).toBeGreaterThanOrEqual(s.saved)
    expect(storedPlans()).toBe(SIZES.length)
    // The slow link carried the typed text up once, not again in a batch of updates as well.
    const typedBytes = SIZES.reduce((n, size, i) => n + typed(i, size).length, 0)
    expect(link.up.bytes - upBefore).toBeGreaterThan(typedBytes)
    expect(link.up.bytes - upBefore).toBeLessThan(1.5 * typedBytes)
    await context.close()
  }, 150_000)
})
