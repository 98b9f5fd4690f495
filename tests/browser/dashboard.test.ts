import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { scrollWidth } from './steps.ts'

// The partnership dashboard in Chromium against the real relay: a coordinator makes two
// referrals, sends one, and finds them counted by status in the dashboard's table, in a CSV
// download with the same figures, and not at all when he picks an agency they do not concern.

const SLOW = { timeout: 30_000 }

/** Fills the new-referral form on /referrals and submits it; waits for the referral to open. */
const createReferral = async (page: Page, agency: string, code: string) => {
  await page.goto('/referrals')
  await page.getByTestId('new-referral-toggle').click()
  await page.getByTestId('new-referral-agency').selectOption(agency)
  await page.getByTestId('new-referral-code').fill(code)
  await page.getByTestId('new-referral-submit').click()
  await page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
  await page.getByTestId('referral-status').waitFor()
  return new URL(page.url()).pathname.split('/').pop() as string
}

const statusOf = (page: Page) => page.getByTestId('referral-status').getAttribute('data-status')

/** The status table as [label, count] rows, the total last. */
const statusTable = (page: Page) =>
  page
    .getByTestId('dashboard-status-table')
    .locator('tbody tr, tfoot tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector('th')?.textContent ?? '',
        Number(r.querySelector('td')?.getAttribute('data-value')),
      ]),
    )

const counts = (page: Page) =>
  page
    .getByTestId('dashboard-status-row')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-key'),
          Number(r.querySelector('td')?.getAttribute('data-value')),
        ]),
      ),
    )

describe('the dashboard in Chromium against the real relay', () => {
  const { device } = browserSuite()

  it('a coordinator sees his referrals counted by status and downloads the same figures as CSV', async () => {
    const marek = await device('marek')
    const { page } = marek
    const sent = await createReferral(page, 'fundacja', 'R-2026-901')
    await page.getByTestId('status-action-requested').click()
    await expect.poll(() => statusOf(page), SLOW).toBe('requested')
    await createReferral(page, 'policja', 'R-2026-902')

    await page.getByRole('link', { name: 'Pulpit' }).click()
    await page.waitForURL(/\/dashboard$/)
    await expect.poll(() => counts(page), SLOW).toEqual({ draft: 1, requested: 1 })
    const table = await statusTable(page)
    expect(table).toEqual([
      ['Wersja robocza', 1],
      [expect.any(String), 1],
      ['Razem', 2],
    ])
    // The other figures are there, each with its table or an empty state, and nothing is late.
    expect(await page.getByTestId('dashboard-responses-empty').count()).toBe(1)
    expect(await page.getByTestId('dashboard-mediations-total').textContent()).toContain('0')
    // A 360 px phone: the tables scroll inside their box, the page does not.
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)

    const download = page.waitForEvent('download')
    await page.getByTestId('dashboard-status-csv').click()
    const file = await download
    const today = new Date().toISOString().slice(0, 10)
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^mosty-referrals-by-status-\\d{4}-\\d{2}-\\d{2}-${today}\\.csv$`),
    )
    const csv = await new Promise<string>((resolve, reject) => {
      void file.createReadStream().then((stream) => {
        let text = ''
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => (text += chunk))
        stream.on('end', () => resolve(text))
        stream.on('error', reject)
      }, reject)
    })
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Status,Liczba',
      ...table.map(([label, count]) => `${String(label)},${String(count)}`),
    ])

    // One agency: the school takes part in neither referral.
    await page.getByTestId('dashboard-agency').selectOption('szkola')
    await page.getByTestId('dashboard-status-empty').waitFor()
    await page.getByTestId('dashboard-agency').selectOption('policja')
    await expect.poll(() => counts(page)).toEqual({ draft: 1 })

    // A period that ended before the referrals were made counts none of them.
    await page.getByTestId('dashboard-agency').selectOption('')
    await page.getByTestId('dashboard-to').fill('2020-12-31')
    await page.getByTestId('dashboard-from').fill('2020-01-01')
    await page.getByTestId('dashboard-status-empty').waitFor()
    await page.getByTestId('dashboard-from').fill(today)
    await page.getByTestId('dashboard-to').fill(today)
    await expect.poll(() => counts(page)).toEqual({ draft: 1, requested: 1 })

    // Ewa of the foundation accepts the sent referral: the time to acceptance appears (RF29),
    // counted for her agency.
    const ewa = await device('ewa')
    await ewa.page.goto(`/documents/${sent}`)
    await ewa.page.getByTestId('status-action-accepted').click()
    await expect.poll(() => statusOf(ewa.page), SLOW).toBe('accepted')
    await expect.poll(() => counts(page), SLOW).toEqual({ draft: 1, accepted: 1 })
    const row = page.getByTestId('dashboard-acceptance-row')
    expect(await row.getAttribute('data-key')).toBe('fundacja')
    expect(await row.locator('td').first().getAttribute('data-value')).toBe('1')
    await page.getByTestId('dashboard-acceptance-median').waitFor()
  })
})
