import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { scrollWidth } from './steps.ts'

const FULL = readFileSync(new URL('../fixtures/hsds/organization_full.json', import.meta.url))
const EXAMPLE_ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610'
const EXAMPLE_SERVICE = 'ac148810-d857-441c-9679-408f346de14b'
/** Seeded by sync-server/seed-directory.ts. */
const MOPS_ADVICE = '00000000-0000-4000-8000-000000000030'
const AA_GROUP = '00000000-0000-4000-8000-000000000004'

const jsonFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/json', buffer })

describe('the services directory, in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('a coordinator sees the demo services, a malformed file changes nothing, the example imports', async () => {
    const marek = await device('marek')
    const page = marek.page
    await page.goto('/directory')
    // The seeded service, its hours in Polish (the demo device's language).
    const hours = page.getByTestId(`directory-hours-${MOPS_ADVICE}`)
    await hours.waitFor()
    expect(await hours.textContent()).toMatch(/poniedziałek.*piątek · 7:30–15:30/)

    // A malformed HSDS file: every problem is listed and nothing is imported.
    const broken = JSON.parse(FULL.toString('utf8')) as {
      services: { status?: string; schedules: { opens_at: string }[] }[]
    }
    const [service] = broken.services
    if (!service?.schedules[0]) throw new Error('the example changed')
    service.schedules[0].opens_at = '25:00'
    delete service.status
    await page
      .getByTestId('directory-import')
      .setInputFiles(jsonFile('broken.json', Buffer.from(JSON.stringify(broken))))
    const report = page.getByTestId('directory-import-report')
    await report.waitFor()
    const text = await report.textContent()
    expect(text).toContain('Nic nie zaimportowano')
    expect(text).toContain('$.services[0].schedules[0].opens_at')
    expect(text).toContain('$.services[0].status')
    expect(await page.getByTestId(`directory-org-${EXAMPLE_ORG}`).count()).toBe(0)

    // The specification's own example imports, and its service shows with its hours.
    await page.getByTestId('directory-import').setInputFiles(jsonFile('example.json', FULL))
    await page.getByTestId('directory-import-ok').waitFor()
    const org = page.getByTestId(`directory-org-${EXAMPLE_ORG}`)
    await org.waitFor()
    expect(await org.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Example Organization Inc.',
    )
    expect(await page.getByTestId(`directory-hours-${EXAMPLE_SERVICE}`).textContent()).toMatch(
      /czwartek i piątek.*10:00–18:00/,
    )
    expect(await page.getByTestId('directory-import-report').count()).toBe(0)
    // Long HSDS texts wrap on a 360 px phone.
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
  })

  it('a field worker sees the self-help groups and a handout without case data, but no import', async () => {
    const anna = await device('anna')
    const page = anna.page
    await page.goto('/directory')
    const group = page.getByTestId(`directory-org-${AA_GROUP}`)
    await group.waitFor()
    expect(await page.getByTestId('directory-self-help').textContent()).toContain(
      'Grupa Al-Anon „Most”',
    )
    expect(await page.getByTestId('directory-import').count()).toBe(0)
    // What marek imported reached anna's device through the relay.
    await page.getByTestId(`directory-org-${EXAMPLE_ORG}`).waitFor()

    await page.getByTestId(`directory-handout-${AA_GROUP}`).click()
    const sheet = page.getByTestId('directory-handout')
    await sheet.waitFor()
    const text = (await sheet.textContent()) ?? ''
    expect(text).toContain('Wspólnota AA „Krokus”')
    expect(text).toMatch(/wtorek.*18:00–19:30/)
    expect(text).toContain('Wystarczy przyjść')
    expect(text).toContain('ul. Kościelna 1')
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
  })
})
