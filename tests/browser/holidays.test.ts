import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelayProcess } from '../relay/harness.ts'
import { type Device, enrolAs, launchChromium, newDevice, startApp } from './harness.ts'

// W7 in the built app, with the browser's clock set to Thursday 2 April 2026 (the Thursday before
// Easter) and flowing from there: the holiday calendar (a lazily loaded chunk) reaches the
// console's mediation deadline and the new referral's respond-by date. The demo partnership is
// Polish, so Easter Monday (6 April) is not a working day.

const SLOW = { timeout: 30_000 }
const THURSDAY = new Date('2026-04-02T10:00:00Z')

describe('working days with public holidays in Chromium (W7)', () => {
  let app: RelayProcess
  let browser: Browser
  const devices: Device[] = []
  const device = async (memberId: string): Promise<Device> => {
    const d = await newDevice(browser, app)
    devices.push(d)
    await d.page.clock.install({ time: THURSDAY })
    await d.page.clock.resume()
    await enrolAs(d, memberId)
    return d
  }
  beforeAll(async () => {
    app = await startApp({ SEED_DEMO_DOCUMENTS: '1' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const d of devices) await d.context.close()
    await browser?.close()
    await app?.stop()
  })

  it('MD6, MD16, W7: a mediation opened from the console on the Thursday before Easter shows a deadline that skips Easter Monday', async () => {
    const zofia = await device('zofia')
    await zofia.page.goto('/mediation')
    const dispute = zofia.page.getByTestId('console-dispute').first()
    await dispute.waitFor(SLOW)
    await dispute.locator('[data-testid$="-open-mediation"]').click()
    await zofia.page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
    const id = new URL(zofia.page.url()).pathname.split('/').pop() as string
    // The log: 5 working days after Thursday 2 April are Fri 3, Tue 7, Wed 8, Thu 9, Fri 10.
    await expect
      .poll(
        () => zofia.page.getByTestId('mediation-deadline').locator('time').getAttribute('datetime'),
        SLOW,
      )
      .toBe('2026-04-11T00:00:00.000Z')
    // The console, from the workspace's summary.
    await zofia.page.goto('/mediation')
    const row = zofia.page.locator(`[data-testid="console-mediation"][data-id="${id}"]`)
    await row.waitFor(SLOW)
    expect(await row.getByTestId('console-deadline').locator('time').getAttribute('datetime')).toBe(
      '2026-04-11T00:00:00.000Z',
    )
    expect(await row.getAttribute('data-breached')).toBe('false')
  })

  it('RF30, W7: a new referral proposes respond-by from the agreed 7 working days, Easter Monday skipped', async () => {
    const anna = await device('anna')
    await anna.page.goto('/referrals')
    await anna.page.getByTestId('new-referral-toggle').click()
    await anna.page.getByTestId('new-referral-agency').selectOption('fundacja')
    // Fri 3, Tue 7, Wed 8, Thu 9, Fri 10, Mon 13, Tue 14 April.
    await expect
      .poll(() => anna.page.getByTestId('new-referral-respond-by').inputValue(), SLOW)
      .toBe('2026-04-14')
    expect(await anna.page.locator('#new-referral-respond-by-hint').textContent()).toContain('7')
    // The urgent slot is 48 clock hours: Saturday 4 April.
    await anna.page.locator('#new-referral-urgency').selectOption('urgent')
    await expect
      .poll(() => anna.page.getByTestId('new-referral-respond-by').inputValue())
      .toBe('2026-04-04')
    // A date the worker types stays hers.
    await anna.page.getByTestId('new-referral-respond-by').fill('2026-04-20')
    await anna.page.locator('#new-referral-urgency').selectOption('routine')
    expect(await anna.page.getByTestId('new-referral-respond-by').inputValue()).toBe('2026-04-20')
  })
})
