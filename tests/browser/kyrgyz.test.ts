import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { createPlan } from './steps.ts'

// Issue 19 §5: a worker switches the interface to Kyrgyz and every screen speaks it — words,
// plurals and dates — and a Kyrgyz family's plan prints in Kyrgyz whatever the worker's language.

const SLOW = { timeout: 30_000 }

describe('Kyrgyz in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('switching to Kyrgyz shows Kyrgyz words, plurals and dates; the plan prints in Kyrgyz', async () => {
    const anna = await device('anna')
    const page = anna.page
    const id = await createPlan(page, 'K-01')
    await page.getByTestId('plan-language-ky').check()
    await page.getByTestId('plan-language-pl').uncheck()
    await expect.poll(() => page.getByTestId('plan-language-pl').isChecked()).toBe(false)

    await page.goto('/documents')
    await page.getByTestId('language').selectOption('ky')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ky')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), SLOW)
      .toBe('Документтер')
    // Kyrgyz nouns do not change after a numeral: never the Russian "2 документа".
    expect(await page.getByTestId('documents-count').textContent()).toMatch(/^\d+ документ$/)
    // The entry's date: Kyrgyz where the browser's Intl knows it; Debian's Chromium does not, so
    // Russian, the language Kyrgyz readers fall back to — never the Polish of the device.
    const entry = page.locator(`[data-testid="document-entry"][data-id="${id}"]`)
    const created = (await entry.textContent()) ?? ''
    expect(created).toContain('түзүлгөн күнү')
    expect(created).toMatch(
      /түзүлгөн күнү: (\d{4}-ж\., \d{1,2}-[а-я]+\.?|\d{1,2} [а-я]+\.? \d{4} г\.)$/,
    )

    // The printout is in the family's language; the interface language is switched back to
    // Polish first, so the Kyrgyz comes from the plan, not from the screen.
    await page.getByTestId('language').selectOption('pl')
    await page.goto(`/documents/${id}/print`)
    await expect
      .poll(() => page.getByTestId('plan-print-title').textContent(), SLOW)
      .toBe('Үй-бүлө менен иштөө планы')
    expect(await page.getByTestId('plan-printout').getAttribute('lang')).toBe('ky')
    expect(await page.getByTestId('plan-print-heading').first().textContent()).toBe('Катышуучулар')
    expect(await page.getByTestId('print-button').textContent()).toBe('Drukuj')
  })
})
