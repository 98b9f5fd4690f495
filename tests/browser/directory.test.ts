import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { scrollWidth } from './steps.ts'

const FULL = readFileSync(new URL('../fixtures/hsds/organization_full.json', import.meta.url))
const EXAMPLE_ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610'
const EXAMPLE_SERVICE = 'ac148810-d857-441c-9679-408f346de14b'
/** Seeded by sync-server/seed-directory.ts. */
const MOPS_ADVICE = '00000000-0000-4000-8000-000000000030'
const MOPS_ORG = '00000000-0000-4000-8000-000000000001'
const FUNDACJA_ORG = '00000000-0000-4000-8000-000000000002'
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

  it('DR2: the MOPS coordinator edits a service and its places in place; others only read it', async () => {
    const piotr = (await device('piotr')).page
    const marek = await device('marek')
    const page = marek.page
    await page.goto('/directory')
    const org = page.getByTestId(`directory-org-${MOPS_ORG}`)
    await org.waitFor()

    // A new place, started from the region and town of the agency's other place.
    await page.getByTestId(`directory-add-place-${MOPS_ORG}`).click()
    const place = `dir-place-new-${MOPS_ORG}`
    expect(await page.getByTestId(`${place}-city`).inputValue()).toBe('Miasteczko')
    await page.getByTestId(`${place}-name`).fill('Filia MOPS Zatorze')
    await page.getByTestId(`${place}-street`).fill('ul. Polna 3')
    await page.getByTestId(`${place}-postal`).fill('97-301')
    await page.getByTestId(`${place}-save`).click()
    await org.getByText('Filia MOPS Zatorze').waitFor()

    // The seeded service, changed in place: its name, hours and where it is offered.
    await page.getByTestId(`directory-edit-service-${MOPS_ADVICE}`).click()
    const form = `dir-edit-${MOPS_ADVICE}`
    const name = page.getByTestId(`${form}-name`)
    expect(await name.inputValue()).toBe('Poradnictwo rodzinne i socjalne')
    expect(await page.getByTestId(`${form}-opens`).inputValue()).toBe('07:30')
    expect(await page.locator(`#${form}-contacts-hint`).textContent()).toContain(
      'Nigdy prywatny numer telefonu osoby objętej pomocą',
    )
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    await name.fill('Poradnictwo rodzinne (dyżur)')
    // Another agency's change arriving meanwhile leaves the form and what was typed in it.
    await piotr.goto('/directory')
    await piotr.getByTestId(`directory-edit-org-${FUNDACJA_ORG}`).click()
    await piotr.getByTestId(`dir-org-edit-${FUNDACJA_ORG}-description`).fill('Terapia i kryzys.')
    await piotr.getByTestId(`dir-org-edit-${FUNDACJA_ORG}-save`).click()
    await page.getByTestId(`directory-org-${FUNDACJA_ORG}`).getByText('Terapia i kryzys.').waitFor()
    expect(await name.inputValue()).toBe('Poradnictwo rodzinne (dyżur)')
    await page.getByTestId(`${form}-day-FR`).uncheck()
    await page.getByTestId(`${form}-opens`).fill('08:00')
    await page.getByTestId(`${form}-closes`).fill('16:00')
    await page.getByTestId(`${form}-form`).getByLabel('Filia MOPS Zatorze, ul. Polna 3').check()
    await name.press('Enter')

    const service = page.getByTestId(`directory-service-${MOPS_ADVICE}`)
    await service.getByText('Poradnictwo rodzinne (dyżur)').waitFor()
    const hours = await page.getByTestId(`directory-hours-${MOPS_ADVICE}`).textContent()
    expect(hours).toMatch(/poniedziałek.*czwartek · 8:00–16:00/)
    expect(hours).not.toContain('piątek')
    const where = (await service.textContent()) ?? ''
    expect(where).toContain('ul. Mostowa 5')
    expect(where).toContain('ul. Polna 3')
    // Keyboard users land back on the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `directory-edit-service-${MOPS_ADVICE}`,
    )

    // The organisation's own details: a public phone, and its contact point renamed.
    await page.getByTestId(`directory-edit-org-${MOPS_ORG}`).click()
    const details = `dir-org-edit-${MOPS_ORG}`
    await page.getByTestId(`${details}-phones`).fill('+48 44 000 10 11')
    const desk = page.getByTestId(`${details}-contact-0-name`)
    expect(await desk.inputValue()).toBe('Punkt informacyjny')
    await desk.fill('Punkt informacyjny (parter)')
    await page.getByTestId(`${details}-save`).click()
    await org.getByText('Punkt informacyjny (parter)').waitFor()

    // A field worker of the same agency sees the change and has nothing to edit.
    const anna = (await device('anna')).page
    await anna.goto('/directory')
    const seen = anna.getByTestId(`directory-service-${MOPS_ADVICE}`)
    await seen.getByText('Poradnictwo rodzinne (dyżur)').waitFor()
    expect(await seen.textContent()).toContain('ul. Polna 3')
    const annaOrg = anna.getByTestId(`directory-org-${MOPS_ORG}`)
    expect(await annaOrg.getByRole('link', { name: '+48 44 000 10 11' }).count()).toBe(1)
    expect(await annaOrg.textContent()).toContain('Punkt informacyjny (parter)')
    expect(await anna.locator('[data-testid^="directory-edit-"]').count()).toBe(0)
    expect(await anna.locator('[data-testid^="directory-add-"]').count()).toBe(0)

    // The other agency's coordinator, who edited his own entry above, cannot edit MOPS's.
    const mops = piotr.getByTestId(`directory-org-${MOPS_ORG}`)
    await mops.getByText('Poradnictwo rodzinne (dyżur)').waitFor()
    expect(await mops.getByRole('button').count()).toBe(0)
    expect(await mops.locator('form').count()).toBe(0)
  })
})
