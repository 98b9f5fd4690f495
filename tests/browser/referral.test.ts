import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite, pendingCount, waitForServiceWorker } from './harness.ts'
import { documentEntry, scrollWidth, syncState } from './steps.ts'

// Referral agreements in two browsers against the real relay: made and sent offline, the
// receiving agency's access waiting in the outbox, the inbox, the status workflow per side with
// reasons, the outcome and the closed loop, and a dispute settled with a rationale.

const SLOW = { timeout: 30_000 }

const statusOf = (page: Page) => page.getByTestId('referral-status').getAttribute('data-status')

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('mosty:grant-outbox') ?? '[]') as {
        documentId: string
        subjectId: string
      }[],
  )

const count = (page: Page, testId: string) =>
  page.getByTestId(testId).getAttribute('data-count').then(Number)

/** Fills the new-referral form on /referrals and submits it; returns the new referral's id. */
const createReferral = async (
  page: Page,
  fields: { agency: string; code: string; service?: string; reason?: string },
) => {
  await page.getByTestId('new-referral-toggle').click()
  await page.getByTestId('new-referral-agency').selectOption(fields.agency)
  await page.getByTestId('new-referral-code').fill(fields.code)
  if (fields.service) {
    // Offered from the partnership's directory (the receiving agency's services).
    const offered = page.getByTestId('new-referral-services').locator('option')
    await expect
      .poll(() => offered.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toContain(fields.service)
    await page.getByTestId('new-referral-service').fill(fields.service)
  }
  if (fields.reason) await page.getByTestId('new-referral-reason').fill(fields.reason)
  await page.getByTestId('new-referral-urgency').selectOption('urgent')
  await page.getByTestId('new-referral-respond-by').fill('2031-01-15')
  await page.getByTestId('new-referral-submit').click()
  await page.waitForURL(/\/documents\/[0-9a-f]{32}$/)
  await page.getByTestId('referral-status').waitFor()
  return new URL(page.url()).pathname.split('/').pop() as string
}

describe('referral agreements in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('anna refers offline; the grant waits for the relay; ewa accepts, works, reports; the loop closes', async () => {
    const anna = await device('anna')
    const ewa = await device('ewa')

    // Anna opens the inbox once online, then works offline: a reload from the service worker,
    // so no socket from before survives.
    await anna.page.goto('/referrals')
    await anna.page.getByTestId('new-referral-toggle').waitFor()
    await waitForServiceWorker(anna.page)
    await anna.context.setOffline(true)
    await anna.page.reload()
    await expect.poll(() => syncState(anna.page)).toBe('offline')

    // The form refuses what the model refuses: no agency, and a name instead of a case code.
    await anna.page.getByTestId('new-referral-toggle').click()
    await anna.page.getByTestId('new-referral-code').fill('Jan Kowalski')
    await anna.page.getByTestId('new-referral-submit').click()
    await anna.page.getByTestId('new-referral-receivingAgencyId-error').waitFor()
    await anna.page.getByTestId('new-referral-person-error').waitFor()
    expect(await anna.page.getByTestId('new-referral-code').getAttribute('aria-invalid')).toBe(
      'true',
    )
    // Only the other agencies are offered.
    const options = await anna.page
      .getByTestId('new-referral-agency')
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
    expect(options).toContain('fundacja')
    expect(options).not.toContain('mops')
    await anna.page.getByTestId('new-referral-cancel').click()
    expect(
      await anna.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('new-referral-toggle')

    const id = await createReferral(anna.page, {
      agency: 'fundacja',
      code: 'R-2026-014',
      service: 'Terapia dla rodzin',
      reason: 'Rodzina potrzebuje wsparcia terapeutycznego.',
    })
    expect(await statusOf(anna.page)).toBe('draft')
    expect(await anna.page.getByTestId('referral-title').textContent()).toBe('R-2026-014')
    expect(await anna.page.getByTestId('referral-to').textContent()).toBe('Fundacja Most')
    expect(await anna.page.getByTestId('field-reason').inputValue()).toBe(
      'Rodzina potrzebuje wsparcia terapeutycznego.',
    )
    // The receiving agency's access waits on this device.
    await anna.page.getByTestId('referral-grant-waiting').waitFor()
    expect(await outbox(anna.page)).toEqual([
      { documentId: id, subjectKind: 'agency', subjectId: 'fundacja', level: 'write' },
    ])
    // The referrer's buttons only: send, cancel, entered in error; never the receiver's.
    expect(await anna.page.getByTestId('status-action-accepted').count()).toBe(0)
    expect(await anna.page.getByTestId('status-action-cancelled').count()).toBe(1)
    await anna.page.getByTestId('status-action-requested').click()
    await expect.poll(() => statusOf(anna.page)).toBe('requested')
    expect(await anna.page.getByTestId('status-action-requested').count()).toBe(0)
    await anna.page.getByTestId('referral-status-waiting').waitFor()
    await expect.poll(() => pendingCount(anna.page)).toBeGreaterThan(0)
    expect(suite.app.store.grants('demo', id)).toEqual([])
    expect(suite.app.store.document('demo', id)).toBeUndefined()

    // Online again: the document reaches the relay, then the grant is accepted (409 before).
    await anna.context.setOffline(false)
    await expect
      .poll(() => suite.app.store.grants('demo', id), SLOW)
      .toEqual([{ subjectKind: 'agency', subjectId: 'fundacja', level: 'write' }])
    await expect.poll(() => outbox(anna.page), SLOW).toEqual([])
    await anna.page.getByTestId('referral-grant-waiting').waitFor({ state: 'detached', ...SLOW })
    await expect.poll(() => pendingCount(anna.page), SLOW).toBe(0)

    // Ewa's inbox: one referral needs her agency's action, and the navigation says so too.
    await ewa.page.goto('/referrals')
    await expect.poll(() => count(ewa.page, 'referrals-count-action'), SLOW).toBe(1)
    await expect.poll(() => count(ewa.page, 'nav-referrals-count'), SLOW).toBe(1)
    const row = ewa.page.locator(`[data-testid="referral-row"][data-id="${id}"]`)
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('requested')
    expect(await row.locator('[data-reason="awaiting-response"]').count()).toBe(1)
    expect(await row.getByTestId('referral-row-link').textContent()).toBe('R-2026-014')
    await ewa.page.getByTestId('referrals-tab-received').check()
    await expect.poll(() => count(ewa.page, 'referrals-count-received')).toBe(1)
    expect(await count(ewa.page, 'referrals-count-sent')).toBe(0)
    // The documents list's "needs my action" agrees with the inbox.
    await ewa.page.goto('/documents?show=needs-my-action')
    await documentEntry(ewa.page, id).waitFor(SLOW)

    await ewa.page.goto('/referrals')
    await ewa.page.locator(`[data-testid="referral-row"][data-id="${id}"]`).waitFor(SLOW)
    await ewa.page.getByTestId('referral-row-link').first().click()
    await ewa.page.waitForURL(new RegExp(`/documents/${id}$`))
    await expect.poll(() => statusOf(ewa.page), SLOW).toBe('requested')
    expect(await ewa.page.getByTestId('referral-from').textContent()).toContain(
      'Miejski Ośrodek Pomocy Społecznej',
    )
    // The receiver's buttons only; the referrer's words are read-only for her.
    await ewa.page.getByTestId('status-action-accepted').waitFor()
    expect(await ewa.page.getByTestId('status-action-cancelled').count()).toBe(0)
    expect(await ewa.page.getByTestId('status-action-requested').count()).toBe(0)
    expect(await ewa.page.getByTestId('field-reason').getAttribute('readonly')).not.toBeNull()
    // It waits for her answer, not for MOPS (whose only move would be to cancel).
    expect(await ewa.page.getByTestId('referral-status-waiting').count()).toBe(0)

    // Rejecting needs a reason: the dialog refuses an empty one, and Escape closes it.
    const dialog = ewa.page.getByTestId('status-dialog')
    await ewa.page.getByTestId('status-action-rejected').click()
    await dialog.waitFor({ state: 'visible' })
    expect(await ewa.page.evaluate(() => document.activeElement?.id)).toBe('status-reason')
    await ewa.page.getByTestId('status-confirm').click()
    const refusal = ewa.page.getByTestId('status-dialog-error')
    await refusal.waitFor()
    expect(await refusal.getAttribute('role')).toBe('alert')
    expect(await dialog.isVisible()).toBe(true)
    await ewa.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await ewa.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'status-action-rejected',
    )
    expect(await statusOf(ewa.page)).toBe('requested')

    await ewa.page.getByTestId('status-action-accepted').click()
    await expect.poll(() => statusOf(ewa.page)).toBe('accepted')
    await expect.poll(() => statusOf(anna.page), SLOW).toBe('accepted')
    expect(await anna.page.getByTestId('status-action-accepted').count()).toBe(0)
    await anna.page.getByTestId('status-action-cancelled').waitFor()
    // Nothing waits for her agency any more.
    await expect.poll(() => ewa.page.getByTestId('nav-referrals-count').count(), SLOW).toBe(0)

    // Work, the outcome with a note, then completion.
    await ewa.page.getByTestId('status-action-in-progress').click()
    await expect.poll(() => statusOf(ewa.page)).toBe('in-progress')
    await ewa.page.getByTestId('outcome-code').selectOption('achieved')
    await ewa.page.getByTestId('outcome-submit').click()
    await expect
      .poll(() => ewa.page.getByTestId('outcome-value').getAttribute('data-code'))
      .toBe('achieved')
    const note = ewa.page.getByTestId('field-outcome.note')
    await note.click()
    await ewa.page.keyboard.type('Rodzina ukończyła terapię.')
    await ewa.page.getByTestId('status-action-completed').click()
    await expect.poll(() => statusOf(ewa.page)).toBe('completed')
    await ewa.page.getByTestId('loop-closed').waitFor()

    // Anna sees the loop closed, the outcome and its note, and the whole history.
    await anna.page.getByTestId('loop-closed').waitFor(SLOW)
    expect(await anna.page.getByTestId('outcome-value').getAttribute('data-code')).toBe('achieved')
    await expect
      .poll(() => anna.page.getByTestId('field-outcome.note').inputValue(), SLOW)
      .toBe('Rodzina ukończyła terapię.')
    expect(
      await anna.page.getByTestId('field-outcome.note').getAttribute('readonly'),
    ).not.toBeNull()
    expect(
      await anna.page
        .getByTestId('history-item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
    ).toEqual(['draft', 'requested', 'accepted', 'in-progress', 'completed'])
    expect(await anna.page.getByTestId('status-action-cancelled').count()).toBe(0)

    // And in her inbox, under "sent".
    await anna.page.goto('/referrals?tab=sent')
    const sent = anna.page.locator(`[data-testid="referral-row"][data-id="${id}"]`)
    await sent.getByTestId('referral-row-loop-closed').waitFor(SLOW)
    expect(await sent.getAttribute('data-status')).toBe('completed')

    for (const page of [anna.page, ewa.page]) {
      expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    }
  }, 240_000)

  it('a status changed on both sides offline is disputed everywhere and settled with a rationale', async () => {
    const marek = await device('marek')
    const olga = await device('olga')
    await marek.page.goto('/referrals')
    const id = await createReferral(marek.page, { agency: 'nadzieja', code: 'R-2026-077' })
    await marek.page.getByTestId('status-action-requested').click()
    await expect.poll(() => suite.app.store.grants('demo', id), SLOW).toHaveLength(1)

    await olga.page.goto(`/documents/${id}`)
    await olga.page.getByTestId('status-action-accepted').waitFor(SLOW)
    await expect.poll(() => statusOf(marek.page)).toBe('requested')

    // Marek cancels without a network while Olga accepts: neither saw the other's decision.
    await marek.context.setOffline(true)
    await expect
      .poll(() => marek.page.getByTestId('doc-status').getAttribute('data-state'))
      .toBe('offline')
    await marek.page.getByTestId('status-action-cancelled').click()
    await marek.page.getByTestId('status-reason').fill('Rodzina wyprowadziła się.')
    await marek.page.getByTestId('status-confirm').click()
    await expect.poll(() => statusOf(marek.page)).toBe('cancelled')
    await olga.page.getByTestId('status-action-accepted').click()
    await expect.poll(() => statusOf(olga.page)).toBe('accepted')
    await marek.context.setOffline(false)

    for (const page of [marek.page, olga.page]) {
      await expect.poll(() => statusOf(page), SLOW).toBe('disputed')
      await expect.poll(() => page.getByTestId('status-dispute-candidate').count()).toBe(2)
      // No status buttons while the status is disputed.
      expect(await page.locator('[data-testid^="status-action-"]').count()).toBe(0)
    }
    const candidates = await olga.page.getByTestId('status-dispute-candidate').allTextContents()
    expect(candidates.join(' ')).toContain('Rodzina wyprowadziła się.')
    expect(candidates.join(' ')).toContain('Marek')

    // The rationale is required; then Olga settles it for "accepted".
    const accepted = olga.page.locator(
      '[data-testid^="status-dispute-choice-"][data-value*="accepted"]',
    )
    await accepted.check()
    await olga.page.getByTestId('status-dispute-resolve').click()
    await olga.page.getByTestId('status-dispute-rationale').waitFor()
    expect(
      await olga.page.getByTestId('status-dispute-rationale').getAttribute('aria-invalid'),
    ).toBe('true')
    expect(await statusOf(olga.page)).toBe('disputed')
    await olga.page
      .getByTestId('status-dispute-rationale')
      .fill('Uzgodnione telefonicznie: rodzina jednak zostaje.')
    await olga.page.getByTestId('status-dispute-resolve').click()
    for (const page of [olga.page, marek.page]) {
      await expect.poll(() => statusOf(page), SLOW).toBe('accepted')
      await expect
        .poll(() => page.getByTestId('history-resolution').textContent(), SLOW)
        .toContain('Uzgodnione telefonicznie')
    }
  }, 180_000)
})
