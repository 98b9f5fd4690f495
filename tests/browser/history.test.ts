import { describe, expect, it } from 'vitest'
import { addEntry, createPlan, planText } from '../../src/model/index.ts'
import { type Client, connect, waitFor } from '../relay/harness.ts'
import { storedDoc } from '../relay/wire.ts'
import { browserSuite } from './harness.ts'

const FIELD = 'goal.professional'

describe('a document’s history, in Chromium against the real relay', () => {
  const clients: Client[] = []
  const suite = browserSuite(() => clients.forEach((c) => c.destroy()))

  /** A stock client of the relay signed in as `member`: another person on another device. */
  const colleague = async (member: string, room: string): Promise<Client> => {
    const c = connect(suite.app, room, await suite.app.token(member))
    clients.push(c)
    await waitFor(`${member} synced`, () => c.synced(), 20_000)
    return c
  }
  /** The plan's field as the relay has committed it (and so its history); '' before that. */
  const storedField = (room: string): string => {
    const doc = storedDoc(suite.app, room)
    return doc.getMap('text').has(FIELD) ? planText(doc, FIELD).read() : ''
  }
  const stored = (room: string, text: string) =>
    waitFor(`"${text}" stored`, () => storedField(room).includes(text), 20_000)

  it('a coordinator sees two members’ changes attributed by the relay, with the words they changed, and an earlier version', async () => {
    const id = 'hist7plan'
    const room = `demo/${id}`
    // Anna (mops) starts a plan and lists it; Ewa (fundacja) adds to it, signing with Anna's name.
    const workspace = await colleague('anna', 'demo/workspace')
    addEntry(
      workspace.doc,
      { kind: 'plan', title: 'Rodzina H-7' },
      { memberId: 'anna', agencyId: 'mops' },
      { id },
    )
    const anna = await colleague('anna', room)
    createPlan(
      anna.doc,
      {
        id,
        variant: 'family-team-plan',
        languages: ['pl'],
        period: { from: '2026-04-01', to: '2026-09-30' },
      },
      { memberId: 'anna', agencyId: 'mops' },
    )
    planText(anna.doc, FIELD).write('Dzieci chodzą do szkoły.')
    await stored(room, 'Dzieci chodzą do szkoły.')
    suite.app.store.grant('demo', id, 'agency', 'fundacja', 'write')
    const ewa = await colleague('ewa', room)
    const ewaText = planText(ewa.doc, FIELD)
    ewaText.write(`${ewaText.read()} Terapia co tydzień. (wpisała Anna, MOPS)`)
    await stored(room, 'Terapia co tydzień.')

    const { page } = await suite.device('marek')
    await page.goto(`/documents/${id}`)
    await page.getByTestId('history-link').click()
    await page.waitForURL(new RegExp(`/documents/${id}/history$`))

    const entries = page.getByTestId('doc-history-entry')
    await entries.first().waitFor({ timeout: 20_000 })
    const order = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-member')))
    // Newest first: Ewa's after Anna's, each once (opening the plan may add Marek's own).
    expect(order.filter((m) => m === 'anna' || m === 'ewa')).toEqual(['ewa', 'anna'])
    const newest = page.locator('[data-testid="doc-history-entry"][data-member="ewa"]')
    const who = await newest.getByTestId('doc-history-who').textContent()
    expect(who).toContain('Ewa (terapeutka)')
    expect(who).toContain('Fundacja Most')
    const change = newest.locator(`[data-testid="history-change"][data-field="text.${FIELD}"]`)
    expect(await change.getByTestId('history-inserted').textContent()).toContain(
      'Terapia co tydzień. (wpisała Anna, MOPS)',
    )
    expect(await change.getByTestId('history-removed').count()).toBe(0)
    // The field is named as the plan's screen names it, in Polish, not by its key.
    expect(await change.locator('.history-field').textContent()).toBe('Ujęcie specjalistów')
    const older = page.locator('[data-testid="doc-history-entry"][data-member="anna"]')
    expect(await older.getByTestId('doc-history-who').textContent()).toContain('Anna')
    // Anna's decisions: each field by its label with its value in words and dates in Polish,
    // never an assertion's id or a JSON record.
    const period = older.locator('[data-testid="history-change"][data-field="plan.period"]')
    expect(await period.textContent()).toMatch(/^Okres: .*2026 – .*2026$/)
    expect(await period.textContent()).not.toContain('2026-04-01')
    const status = older.locator('[data-testid="history-change"][data-field="plan.status"]')
    expect(await status.textContent()).toBe('Status: Zaproponowany')
    const timeline = (await page.getByTestId('doc-history').textContent()) ?? ''
    expect(timeline).not.toMatch(/assertions|[{}]/)
    // The time is shown in the interface's language (Polish here), not as an ISO instant.
    expect(await older.locator('time').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/)

    // Anna's version, read-only: her sentence without Ewa's.
    await older.getByTestId('history-view').click()
    const snapshot = page.getByTestId('history-snapshot')
    await snapshot.waitFor()
    const value = snapshot.locator(
      `[data-testid="history-snapshot-value"][data-field="text.${FIELD}"]`,
    )
    expect(await value.textContent()).toBe('Dzieci chodzą do szkoły.')
    expect(await snapshot.locator('textarea, input, [contenteditable]').count()).toBe(0)
    const statusThen = snapshot.locator(
      '[data-testid="history-snapshot-value"][data-field="plan.status"]',
    )
    expect(await statusThen.textContent()).toBe('Zaproponowany')
    expect(await snapshot.textContent()).not.toMatch(/assertions|[{}]/)

    // Marek coordinates the owning agency: he sees who opened the plan.
    const log = page.getByTestId('history-access-log')
    await log.waitFor({ timeout: 20_000 })
    const members = await log
      .getByTestId('history-access-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-member')))
    expect(members).toEqual(expect.arrayContaining(['anna', 'ewa']))
    expect(await log.textContent()).toContain('Fundacja Most')
    // Nothing overflows the 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // Ewa may read the history but, coordinating nothing, is not shown the access log.
    const ewaPage = (await suite.device('ewa')).page
    await ewaPage.goto(`/documents/${id}/history`)
    await ewaPage.getByTestId('doc-history-entry').first().waitFor({ timeout: 20_000 })
    expect(await ewaPage.getByTestId('history-access-log').count()).toBe(0)
  })
})
