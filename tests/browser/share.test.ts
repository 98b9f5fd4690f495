import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import {
  addProfessional,
  createPlan,
  documentEntry,
  fieldValue,
  PLAN_FIELD,
  scrollWidth,
  typeAtEnd,
} from './steps.ts'

/** Opens the "Shared with" section unless it is open already. */
const openSharing = async (page: Page) => {
  const toggle = page.getByTestId('share-panel').getByTestId('share-toggle')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  expect(await toggle.getAttribute('aria-expanded')).toBe('true')
}

const level = (page: Page, agencyId: string) =>
  page.getByTestId(`share-${agencyId}`).getAttribute('data-level')

describe('sharing a document with another agency, in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('anna shares a plan with fundacja to edit, then to read; ewa finds it, edits, and becomes read-only', async () => {
    const anna = await device('anna')
    const ewa = await device('ewa')
    const id = await createPlan(anna.page, 'Rodzina S-21')
    await typeAtEnd(anna.page, 'Cel rodziny.')

    // The owning agency's field worker sees every other agency, none of them with access yet.
    await openSharing(anna.page)
    const select = anna.page.getByTestId('share-fundacja')
    await select.waitFor()
    expect(await select.isEnabled()).toBe(true)
    expect(await level(anna.page, 'fundacja')).toBe('none')
    expect(await anna.page.getByTestId('share-mops').count()).toBe(0)
    expect(await anna.page.getByTestId('share-policja').count()).toBe(1)
    // Labelled for assistive technology by the agency's name.
    expect(await anna.page.getByLabel('Fundacja Most').getAttribute('data-testid')).toBe(
      'share-fundacja',
    )

    await select.selectOption('write')
    await expect
      .poll(() => suite.app.store.grants('demo', id))
      .toEqual([{ subjectKind: 'agency', subjectId: 'fundacja', level: 'write' }])
    await expect.poll(() => level(anna.page, 'fundacja')).toBe('write')
    await expect
      .poll(() => anna.page.getByTestId('share-status').textContent())
      .toContain('Fundacja Most')
    // Access to the room is not yet a part in the plan: ewa becomes a participant (FP2).
    await addProfessional(anna.page, 'fundacja', 'ewa', 'psycholog')

    // Ewa finds it under "shared with my agency", opens it and writes into it.
    await ewa.page.goto('/documents')
    await ewa.page.getByTestId('filter-shared-with-my-agency').check()
    const entry = documentEntry(ewa.page, id)
    await entry.waitFor({ timeout: 20_000 })
    await entry.getByRole('link').click()
    await ewa.page.waitForURL(new RegExp(`/documents/${id}$`))
    await expect.poll(() => fieldValue(ewa.page), { timeout: 20_000 }).toBe('Cel rodziny.')
    expect(await ewa.page.getByTestId('document-readonly').count()).toBe(0)
    await typeAtEnd(ewa.page, ' Fundacja pomoże.')
    await expect
      .poll(() => fieldValue(anna.page), { timeout: 20_000 })
      .toBe('Cel rodziny. Fundacja pomoże.')

    // Ewa sees who it is shared with, but may not change it: it belongs to mops.
    await openSharing(ewa.page)
    await expect.poll(() => level(ewa.page, 'fundacja')).toBe('write')
    expect(await ewa.page.getByTestId('share-fundacja').isDisabled()).toBe(true)
    await ewa.page.getByTestId('share-readonly').waitFor()

    // Anna lowers it to "can read": ewa's open document turns read-only at once.
    await anna.page.getByTestId('share-fundacja').selectOption('read')
    await ewa.page.getByTestId('document-readonly').waitFor({ timeout: 20_000 })
    expect(await ewa.page.getByTestId(PLAN_FIELD).getAttribute('readonly')).not.toBeNull()
    expect(suite.app.store.grants('demo', id)).toEqual([
      { subjectKind: 'agency', subjectId: 'fundacja', level: 'read' },
    ])
    await ewa.page.reload()
    await openSharing(ewa.page)
    await expect.poll(() => level(ewa.page, 'fundacja')).toBe('read')
    expect(await fieldValue(ewa.page)).toBe('Cel rodziny. Fundacja pomoże.')

    // Nothing is wider than the phone.
    for (const page of [anna.page, ewa.page]) {
      expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    }
  })

  it('offline, sharing is explained and its controls are disabled; a refused change is shown as an alert', async () => {
    const marek = await device('marek')
    const id = await createPlan(marek.page, 'Rodzina S-22')
    await openSharing(marek.page)
    await marek.page.getByTestId('share-nadzieja').waitFor()
    expect(await marek.page.getByTestId('share-offline').count()).toBe(0)

    await marek.context.setOffline(true)
    await marek.page.getByTestId('share-offline').waitFor()
    expect(await marek.page.getByTestId('share-nadzieja').isDisabled()).toBe(true)
    // One explanation, not an error on top of it.
    await marek.page.waitForTimeout(300)
    expect(await marek.page.getByTestId('share-error').count()).toBe(0)
    await marek.context.setOffline(false)
    await expect.poll(() => marek.page.getByTestId('share-nadzieja').isEnabled()).toBe(true)
    expect(await marek.page.getByTestId('share-offline').count()).toBe(0)

    // The relay refuses (the document was handed to another agency meanwhile): the choice falls
    // back to what the relay holds and the reason is announced.
    suite.app
      .rawDb()
      .prepare("UPDATE documents SET owner_agency_id = 'policja' WHERE id = ?")
      .run(id)
    await marek.page.getByTestId('share-nadzieja').selectOption('read')
    const alert = marek.page.getByTestId('share-error')
    await alert.waitFor()
    expect(await alert.getAttribute('role')).toBe('alert')
    await expect.poll(() => level(marek.page, 'nadzieja')).toBe('none')
    expect(suite.app.store.grants('demo', id)).toEqual([])
  })
})
