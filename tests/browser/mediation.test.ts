import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './harness.ts'
import { addProfessional, createPlan, openPlanSection, scrollWidth } from './steps.ts'

// From disagreement to decision in Chromium against the real relay: two agencies change the same
// deadline while one is offline; after sync the supervisor sees the dispute on her console,
// opens a mediation, records a decision and applies it; both agencies see the decided date and
// the link to the log: on a referral's respond-by date, and on a family plan action's deadline.

const SLOW = { timeout: 30_000 }

const changeRespondBy = async (page: Page, date: string) => {
  await page.getByTestId('terms-toggle').click()
  await page.getByTestId('terms-respond-by').fill(date)
  await page.getByTestId('terms-save').click()
  await page.getByTestId('terms-toggle').waitFor()
}

const respondBy = (page: Page) => page.getByTestId('referral-respond-by').textContent()

const idsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''))

/** The mediator records a date with its rationale in the log open on her page. */
const recordDate = async (page: Page, date: string, rationale: string) => {
  await page.getByTestId('mediation-role-mediator').waitFor(SLOW)
  await page.getByTestId('mediation-decision-choice-date').check()
  await page.getByTestId('mediation-decision-date').fill(date)
  await page.getByTestId('mediation-decision-rationale').fill(rationale)
  await page.getByTestId('mediation-decision-submit').click()
  await expect
    .poll(() => page.getByTestId('mediation-decision-value').getAttribute('data-value'))
    .toBe(JSON.stringify(date))
}

describe('mediation in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('a deadline changed on both sides offline reaches the console; the supervisor mediates, decides and applies it; both agencies see the decision and the log', async () => {
    const anna = await device('anna')
    const ewa = await device('ewa')
    const zofia = await device('zofia')

    // Anna (MOPS) refers a family to the foundation.
    await anna.page.goto('/referrals')
    await anna.page.getByTestId('new-referral-toggle').click()
    await anna.page.getByTestId('new-referral-agency').selectOption('fundacja')
    await anna.page.getByTestId('new-referral-code').fill('R-2026-101')
    await anna.page.getByTestId('new-referral-respond-by').fill('2031-01-15')
    await anna.page.getByTestId('new-referral-submit').click()
    await anna.page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
    const id = new URL(anna.page.url()).pathname.split('/').pop() as string
    await anna.page.getByTestId('status-action-requested').click()
    await expect.poll(() => suite.app.store.grants('demo', id), SLOW).toHaveLength(1)
    await ewa.page.goto(`/documents/${id}`)
    await ewa.page.getByTestId('terms-toggle').waitFor(SLOW)

    // Anna moves the date without a network; Ewa moves it elsewhere, not seeing Anna's.
    await anna.context.setOffline(true)
    await expect
      .poll(() => anna.page.getByTestId('doc-status').getAttribute('data-state'))
      .toBe('offline')
    await changeRespondBy(anna.page, '2031-02-01')
    await changeRespondBy(ewa.page, '2031-03-01')
    await anna.context.setOffline(false)
    for (const page of [anna.page, ewa.page]) {
      await expect.poll(() => page.getByTestId('dispute-respondBy-candidate').count(), SLOW).toBe(2)
    }

    // Either party could send it to mediation with one action.
    for (const page of [anna.page, ewa.page]) {
      await page.getByTestId('dispute-respondBy-open-mediation').waitFor(SLOW)
    }

    // The supervisor sees it on her console, with both candidates, without opening the referral.
    await zofia.page.goto('/mediation')
    const row = zofia.page.locator(
      `[data-testid="console-dispute"][data-document="${id}"][data-field="referral.respondBy"]`,
    )
    await row.waitFor(SLOW)
    const candidates = (await row.getByTestId('console-candidate').allTextContents()).join(' ')
    expect(candidates).toContain('2031')
    expect(candidates).toContain('Anna')
    expect(candidates).toContain('Ewa')
    expect(candidates).toContain('Fundacja')

    // One action opens the mediation; she records a decision with its rationale.
    await row.getByTestId('console-dispute-referral-respondBy-open-mediation').click()
    await zofia.page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
    const mediationId = new URL(zofia.page.url()).pathname.split('/').pop() as string
    expect(mediationId).not.toBe(id)
    await zofia.page.getByTestId('mediation-role-mediator').waitFor(SLOW)
    expect(await zofia.page.getByTestId('mediation-party').count()).toBe(2)
    await expect
      .poll(() => zofia.page.getByTestId('mediation-deadline').textContent())
      .toMatch(/\d/)
    await zofia.page.getByTestId('mediation-decision-choice-date').check()
    await zofia.page.getByTestId('mediation-decision-date').fill('2031-02-15')
    await zofia.page
      .getByTestId('mediation-decision-rationale')
      .fill('Termin pośredni: rodzina potrzebuje czasu, fundacja ma wolne miejsca od lutego.')
    await zofia.page.getByTestId('mediation-decision-submit').click()
    await expect
      .poll(() => zofia.page.getByTestId('mediation-decision-value').getAttribute('data-value'))
      .toBe('"2031-02-15"')
    expect(await zofia.page.getByTestId('mediation-decision-recorded').textContent()).toContain(
      'Termin pośredni',
    )
    // She may not write into MOPS's referral until MOPS lets her.
    await zofia.page.getByTestId('mediation-apply-no-access').waitFor(SLOW)

    // Both agencies see that the dispute is in mediation, with the link to the log. Anna's
    // opening the log (her agency owns the referral) gives the mediator write on the referral.
    await expect.poll(() => suite.app.store.grants('demo', mediationId).length, SLOW).toBe(3)
    for (const page of [ewa.page, anna.page]) {
      await page.getByTestId('dispute-respondBy-mediation-link').waitFor(SLOW)
    }
    await anna.page.getByTestId('dispute-respondBy-mediation-link').click()
    await anna.page.getByTestId('mediation-party').first().waitFor(SLOW)
    await expect
      .poll(() =>
        suite.app.store
          .grants('demo', id)
          .some((g) => g.subjectKind === 'member' && g.subjectId === 'zofia'),
      )
      .toBe(true)
    // Anna reads the decision but has no mediator's forms.
    expect(await anna.page.getByTestId('mediation-decision-submit').count()).toBe(0)

    // At 360 px nothing scrolls sideways.
    expect(await scrollWidth(zofia.page)).toBeLessThanOrEqual(360)
    // The mediator applies the decision to the field.
    await zofia.page.getByTestId('mediation-apply-retry').click()
    await zofia.page.getByTestId('mediation-apply-submit').click(SLOW)
    await zofia.page.getByTestId('mediation-applied').waitFor(SLOW)

    // Both agencies see the decided date, the rationale and the link to the log.
    await anna.page.goto(`/documents/${id}`)
    for (const page of [anna.page, ewa.page]) {
      await expect.poll(() => page.getByTestId('dispute-respondBy-candidate').count(), SLOW).toBe(0)
      await expect.poll(() => respondBy(page), SLOW).toMatch(/15/)
      expect(await respondBy(page)).toMatch(/2031/)
      const decided = page.getByTestId('dispute-respondBy-decided')
      await decided.waitFor(SLOW)
      expect(await decided.textContent()).toContain('Termin pośredni')
      expect(await page.getByTestId('dispute-respondBy-decided-link').getAttribute('href')).toBe(
        `/documents/${mediationId}`,
      )
    }

    // The console no longer lists the dispute; the mediation is open at stage 1.
    await zofia.page.goto('/mediation')
    await zofia.page
      .locator(`[data-testid="console-mediation"][data-id="${mediationId}"]`)
      .waitFor(SLOW)
    await expect.poll(() => row.count(), SLOW).toBe(0)
    expect(
      await zofia.page.getByTestId('console-stage-1').locator(`[data-id="${mediationId}"]`).count(),
    ).toBe(1)
    expect(await scrollWidth(zofia.page)).toBeLessThanOrEqual(360)
  }, 240_000)

  it('a plan action’s deadline changed by two agencies, one offline, goes to mediation; both see the decided deadline and the log', async () => {
    const anna = await device('anna')
    const ewa = await device('ewa')
    const zofia = await device('zofia')

    // Anna (MOPS) leads a plan with the foundation's psychologist; Ewa adds an action.
    const id = await createPlan(anna.page, 'Rodzina M-02')
    await addProfessional(anna.page, 'fundacja', 'ewa', 'psycholog')
    await anna.page.getByTestId('share-toggle').click()
    await anna.page.getByTestId('share-fundacja').selectOption('write')
    await expect.poll(() => suite.app.store.grants('demo', id), SLOW).toHaveLength(1)
    await openPlanSection(anna.page, 'goals')
    await anna.page.getByTestId('plan-new-goal').fill('Dzieci chodzą do szkoły')
    await anna.page.getByTestId('plan-new-goal-indicator').fill('Obecność powyżej 90%')
    await anna.page.getByTestId('plan-add-goal').click()
    await ewa.page.goto(`/documents/${id}`)
    await openPlanSection(ewa.page, 'goals')
    await ewa.page.getByTestId('plan-goal').waitFor(SLOW)
    const [goal] = await idsOf(ewa.page, 'plan-goal')
    await ewa.page.getByTestId(`new-action-what-${goal}`).fill('Konsultacja psychologiczna')
    await ewa.page.getByTestId(`new-action-who-${goal}`).selectOption('professional:fundacja:ewa')
    await ewa.page.getByTestId(`new-action-deadline-${goal}`).fill('2031-05-01')
    await ewa.page.getByTestId(`new-action-add-${goal}`).click()
    await expect.poll(() => ewa.page.getByTestId('plan-action').count(), SLOW).toBe(1)
    const [action] = await idsOf(ewa.page, 'plan-action')
    const deadline = (page: Page) => page.getByTestId(`action-deadline-${action}`)
    await expect.poll(() => deadline(anna.page).inputValue(), SLOW).toBe('2031-05-01')

    // Anna moves it without a network, Ewa elsewhere; after sync it is disputed on both.
    await anna.context.setOffline(true)
    await deadline(anna.page).fill('2031-06-01')
    await deadline(ewa.page).fill('2031-07-01')
    await anna.context.setOffline(false)
    const dispute = `dispute-action-deadline-${action}`
    for (const page of [anna.page, ewa.page]) {
      await expect.poll(() => page.getByTestId(`${dispute}-candidate`).count(), SLOW).toBe(2)
      await page.getByTestId(`${dispute}-open-mediation`).waitFor(SLOW)
    }

    // The supervisor finds it on her console and opens a mediation with one action.
    await zofia.page.goto('/mediation')
    const row = zofia.page.locator(
      `[data-testid="console-dispute"][data-document="${id}"][data-field="plan.action.${action}.deadline"]`,
    )
    await row.waitFor(SLOW)
    const candidates = (await row.getByTestId('console-candidate').allTextContents()).join(' ')
    expect(candidates).toContain('Anna')
    expect(candidates).toContain('Ewa')
    await row.locator('[data-testid$="-open-mediation"]').click()
    await zofia.page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
    const mediationId = new URL(zofia.page.url()).pathname.split('/').pop() as string
    await recordDate(zofia.page, '2031-06-15', 'Czerwiec: po zakończeniu roku szkolnego.')
    await zofia.page.getByTestId('mediation-apply-no-access').waitFor(SLOW)

    // Anna follows the link under the dispute; MOPS owns the plan, so the mediator may now
    // write into it, and applies her decision.
    await anna.page.getByTestId(`${dispute}-mediation-link`).click()
    await anna.page.getByTestId('mediation-party').first().waitFor(SLOW)
    await expect
      .poll(
        () =>
          suite.app.store
            .grants('demo', id)
            .some((g) => g.subjectKind === 'member' && g.subjectId === 'zofia'),
        SLOW,
      )
      .toBe(true)
    await zofia.page.getByTestId('mediation-apply-retry').click()
    await zofia.page.getByTestId('mediation-apply-submit').click(SLOW)
    await zofia.page.getByTestId('mediation-applied').waitFor(SLOW)

    // Both agencies see the decided deadline, the rationale and the link to the log.
    await anna.page.goto(`/documents/${id}`)
    for (const page of [anna.page, ewa.page]) {
      await openPlanSection(page, 'goals')
      await expect.poll(() => page.getByTestId(`${dispute}-candidate`).count(), SLOW).toBe(0)
      await expect.poll(() => deadline(page).inputValue(), SLOW).toBe('2031-06-15')
      const decided = page.getByTestId(`${dispute}-decided`)
      await decided.waitFor(SLOW)
      expect(await decided.textContent()).toContain('Czerwiec')
      expect(await page.getByTestId(`${dispute}-decided-link`).getAttribute('href')).toBe(
        `/documents/${mediationId}`,
      )
    }

    // Resolved and closed: MOPS's device takes back the mediator's write on its plan.
    await zofia.page.getByTestId('mediation-outcome').selectOption('resolved')
    await zofia.page.getByTestId('mediation-outcome-submit').click()
    await anna.page.goto(`/documents/${mediationId}`)
    await anna.page.getByTestId('mediation-party').first().waitFor(SLOW)
    await expect
      .poll(
        () =>
          suite.app.store
            .grants('demo', id)
            .some((g) => g.subjectKind === 'member' && g.subjectId === 'zofia'),
        SLOW,
      )
      .toBe(false)
    // The foundation's access is untouched.
    expect(suite.app.store.grants('demo', id)).toEqual([
      { subjectKind: 'agency', subjectId: 'fundacja', level: 'write' },
    ])
  }, 240_000)
})
