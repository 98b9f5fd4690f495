import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { addProfessional, createPlan, openPlanSection, scrollWidth, syncState } from './steps.ts'

// A family team meeting in three browsers against the real relay: the lead worker on a tablet
// that loses the network for part of the meeting, a partner agency's psychologist and the
// worker's coordinator on phones. Everyone edits the same plan; everything converges, the
// concurrent deadline change is a dispute on every device, an overdue action stands out, the
// family's own words stay the lead worker's, and the printout is in the family's language.

const SLOW = { timeout: 30_000 }

const value = (page: Page, testId: string) => page.getByTestId(testId).inputValue()

const idsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''))

const typeInto = async (page: Page, testId: string, text: string) => {
  const field = page.getByTestId(testId)
  await field.click()
  await field.press('End')
  await page.keyboard.type(text)
}

describe('family team meeting plans in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('three people edit one plan in a meeting, the tablet offline for part of it; all converge', async () => {
    const anna = await device('anna')
    await anna.page.setViewportSize({ width: 1024, height: 768 })
    const ewa = await device('ewa')
    const marek = await device('marek')

    // Anna (lead worker) prepares the plan: the family reads Russian, ewa is a participant.
    const id = await createPlan(anna.page, 'Rodzina T-01')
    await anna.page.getByTestId('plan-language-ru').check()
    await anna.page.getByTestId('plan-language-pl').uncheck()
    await expect.poll(() => anna.page.getByTestId('plan-language-pl').isChecked()).toBe(false)
    await openPlanSection(anna.page, 'participants')
    await anna.page.getByTestId('plan-family-code').fill('M-1')
    await anna.page.getByTestId('plan-family-role').selectOption('parent')
    await anna.page.getByTestId('plan-add-family').click()
    await addProfessional(anna.page, 'fundacja', 'ewa', 'psycholog')
    await anna.page.getByTestId('share-toggle').click()
    await anna.page.getByTestId('share-fundacja').selectOption('write')
    await expect
      .poll(() => suite.app.store.grants('demo', id))
      .toEqual([{ subjectKind: 'agency', subjectId: 'fundacja', level: 'write' }])

    for (const p of [ewa.page, marek.page]) {
      await p.goto(`/documents/${id}`)
      await p.getByTestId('field-goal.professional').waitFor(SLOW)
    }
    await expect.poll(() => ewa.page.getByTestId('plan-not-party').count(), SLOW).toBe(0)

    // A goal from anna; two actions under it from ewa, one of them long overdue.
    await openPlanSection(anna.page, 'goals')
    await anna.page.getByTestId('plan-new-goal').fill('Dzieci chodzą do szkoły')
    await anna.page.getByTestId('plan-new-goal-indicator').fill('Obecność powyżej 90%')
    await anna.page.getByTestId('plan-add-goal').click()
    await openPlanSection(ewa.page, 'goals')
    await ewa.page.getByTestId('plan-goal').waitFor(SLOW)
    const [goal] = await idsOf(ewa.page, 'plan-goal')
    const addAction = async (what: string, deadline: string) => {
      await ewa.page.getByTestId(`new-action-what-${goal}`).fill(what)
      await ewa.page.getByTestId(`new-action-who-${goal}`).selectOption('professional:fundacja:ewa')
      await ewa.page.getByTestId(`new-action-deadline-${goal}`).fill(deadline)
      await ewa.page.getByTestId(`new-action-add-${goal}`).click()
    }
    await addAction('Konsultacja psychologiczna', '2031-05-01')
    await expect.poll(() => ewa.page.getByTestId('plan-action').count()).toBe(1)
    const [first] = await idsOf(ewa.page, 'plan-action')
    await addAction('Wizyta w szkole', '2020-01-15')
    await expect.poll(() => ewa.page.getByTestId('plan-action').count()).toBe(2)
    const late = (await idsOf(ewa.page, 'plan-action')).find((a) => a !== first) as string

    // The overdue action stands out on the tablet, in words.
    await openPlanSection(anna.page, 'goals')
    await anna.page.getByTestId(`action-overdue-${late}`).waitFor(SLOW)
    expect(await anna.page.locator(`#action-${late}`).getAttribute('data-overdue')).toBe('true')
    expect(await anna.page.locator(`#action-${first}`).getAttribute('data-overdue')).toBe('false')

    // The family's own words: only the lead worker writes them; the others read, told why.
    for (const p of [ewa.page, marek.page]) {
      expect(await p.getByTestId('field-goal.family').getAttribute('readonly')).not.toBeNull()
      expect(await p.getByTestId('family-authored-goal.family').count()).toBe(1)
    }

    // The tablet loses the network; everyone carries on.
    await anna.context.setOffline(true)
    await expect.poll(() => syncState(anna.page)).toBe('offline')
    await typeInto(anna.page, 'field-goal.family', 'Chcemy być razem.')
    await anna.page.getByTestId(`action-deadline-${first}`).fill('2031-06-01')
    await openPlanSection(ewa.page, 'goals')
    await ewa.page.getByTestId(`action-deadline-${first}`).fill('2031-07-01')
    await typeInto(marek.page, 'field-situation.causes', 'Utrata pracy.')
    await typeInto(ewa.page, 'field-goal.professional', 'Regularna nauka.')
    await anna.context.setOffline(false)

    // Everyone sees the same plan: the texts, and the deadline disputed with both candidates.
    for (const p of [anna.page, ewa.page, marek.page]) {
      await expect.poll(() => value(p, 'field-goal.family'), SLOW).toBe('Chcemy być razem.')
      await expect.poll(() => value(p, 'field-situation.causes'), SLOW).toBe('Utrata pracy.')
      await expect.poll(() => value(p, 'field-goal.professional'), SLOW).toBe('Regularna nauka.')
      await openPlanSection(p, 'goals')
      const candidates = p.getByTestId(`dispute-action-deadline-${first}-candidate`)
      await expect.poll(() => candidates.count(), SLOW).toBe(2)
      expect(await p.getByTestId(`action-deadline-${first}`).isDisabled()).toBe(true)
    }

    // Ewa's actions across all plans, from the workspace alone, the overdue one marked.
    await ewa.page.goto('/actions')
    const rows = ewa.page.getByTestId('my-action')
    await expect.poll(() => rows.count(), SLOW).toBe(2)
    expect(
      await ewa.page
        .locator(`[data-testid="my-action"][data-id="${late}"]`)
        .getAttribute('data-overdue'),
    ).toBe('true')

    // The printout is in the family's language (Russian) while anna's app speaks Polish.
    await anna.page.goto(`/documents/${id}/print`)
    await expect
      .poll(() => anna.page.getByTestId('plan-print-title').textContent(), SLOW)
      .toBe('План семьи')
    expect(await anna.page.getByTestId('plan-printout').getAttribute('lang')).toBe('ru')
    expect(await anna.page.getByTestId('plan-print-heading').first().textContent()).toBe(
      'Участники',
    )
    expect(await anna.page.evaluate(() => document.documentElement.lang)).toBe('pl')
    expect(await anna.page.getByTestId('print-button').textContent()).not.toMatch(/[А-Яа-я]/)
    expect(await anna.page.getByTestId('plan-printout').textContent()).toContain(
      'Chcemy być razem.',
    )

    // Nothing is wider than the phones.
    for (const p of [ewa.page, marek.page]) {
      await p.goto(`/documents/${id}`)
      await p.getByTestId('field-goal.professional').waitFor(SLOW)
      expect(await scrollWidth(p)).toBeLessThanOrEqual(360)
    }
  })

  it('FP27: a meeting exported as an iCalendar file with its attendees', async () => {
    const anna = await device('anna')
    await createPlan(anna.page, 'Rodzina T-02')
    await openPlanSection(anna.page, 'participants')
    await anna.page.getByTestId('plan-family-code').fill('K-2')
    await anna.page.getByTestId('plan-add-family').click()
    await anna.page.getByTestId('plan-participant').waitFor()
    await openPlanSection(anna.page, 'meetings')
    await anna.page.getByTestId('plan-meeting-start').fill('2031-03-10T10:00')
    await anna.page.getByTestId('plan-meeting-place').fill('MOPS, sala 2')
    await anna.page.locator('[data-testid^="plan-meeting-invite-"]').first().check()
    await anna.page.getByTestId('plan-add-meeting').click()
    await anna.page.getByTestId('plan-meeting').waitFor()
    const [download] = await Promise.all([
      anna.page.waitForEvent('download'),
      anna.page.getByTestId('plan-ical').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.ics$/)
    // Long lines are folded (RFC 5545 3.1): unfolded before reading.
    const text = fs.readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '')
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toContain('LOCATION:MOPS\\, sala 2')
    expect(text).toMatch(/ATTENDEE;[^\r]*CN="?K-2/)
  })

  it('an action for a partner agency starts a referral to it, linked from the action', async () => {
    const anna = await device('anna')
    const id = await createPlan(anna.page, 'Rodzina S-07')
    await addProfessional(anna.page, 'fundacja', 'ewa', 'terapeutka')
    await openPlanSection(anna.page, 'goals')
    await anna.page.getByTestId('plan-new-goal').fill('Spokojne wieczory w domu')
    await anna.page.getByTestId('plan-new-goal-indicator').fill('Mniej interwencji')
    await anna.page.getByTestId('plan-add-goal').click()
    await anna.page.getByTestId('plan-goal').waitFor(SLOW)
    const [goal] = await idsOf(anna.page, 'plan-goal')
    await anna.page.getByTestId(`new-action-what-${goal}`).fill('Terapia rodzinna')
    await anna.page.getByTestId(`new-action-who-${goal}`).selectOption('professional:fundacja:ewa')
    await anna.page.getByTestId(`new-action-deadline-${goal}`).fill('2031-03-01')
    await anna.page.getByTestId(`new-action-add-${goal}`).click()
    await anna.page.getByTestId('plan-action').waitFor(SLOW)
    const [action] = await idsOf(anna.page, 'plan-action')

    // The referral form opens in place, addressed to the action's agency and asking for it.
    await anna.page.getByTestId(`action-start-referral-${action}`).click()
    expect(await anna.page.getByTestId('new-referral-agency').inputValue()).toBe('fundacja')
    expect(await anna.page.getByTestId('new-referral-request').inputValue()).toBe(
      'Terapia rodzinna',
    )
    await anna.page.getByTestId('new-referral-code').fill('R-2026-207')
    await anna.page.getByTestId('new-referral-submit').click()

    // The action links the new referral; the foundation is given access to it.
    const link = anna.page.getByTestId(`action-referral-link-${action}`)
    await link.waitFor(SLOW)
    expect(new URL(anna.page.url()).pathname).toBe(`/documents/${id}`)
    const referralId = ((await link.getAttribute('href')) as string).split('/').pop() as string
    await expect
      .poll(() => suite.app.store.grants('demo', referralId), SLOW)
      .toEqual([{ subjectKind: 'agency', subjectId: 'fundacja', level: 'write' }])
    await link.click()
    await expect
      .poll(() => anna.page.getByTestId('referral-status').getAttribute('data-status'), SLOW)
      .toBe('draft')
  })
})
