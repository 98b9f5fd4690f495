import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addEntry,
  assertDecision,
  createReferral,
  randomId,
  REFERRAL_FIELDS,
} from '../../src/model/index.ts'
import { call } from '../relay/api-client.ts'
import { type Client, connect, waitFor } from '../relay/harness.ts'
import { storedDoc } from '../relay/wire.ts'
import { browserSuite } from './harness.ts'

// Erasing for good (R30) and the coordinator's purges due (R35), in the built app in Chromium
// against the real relay; documents written from Node through the stock y-websocket client.

const anna = { memberId: 'anna', agencyId: 'mops' }
const tag = Math.random().toString(36).slice(2, 10)
const SECRET = `PESEL 90010112345 ${tag}`

describe('erasure and retention in Chromium against the real relay', () => {
  const clients: Client[] = []
  const suite = browserSuite(() => clients.forEach((c) => c.destroy()), {
    RETENTION_REFERRAL_DAYS: '10',
    IDLE_UNLOAD_MS: '200',
  })

  /** A referral from mops to fundacja, listed in the index; `then` writes more as anna. */
  const seedReferral = async (code: string, reason: string, then?: (doc: Y.Doc) => void) => {
    const id = randomId()
    const token = await suite.app.token('anna')
    const doc = connect(suite.app, `demo/${id}`, token)
    const workspace = connect(suite.app, 'demo/workspace', token)
    clients.push(workspace)
    await waitFor('the referral to sync', doc.synced, 20_000)
    await waitFor('the workspace to sync', workspace.synced, 20_000)
    createReferral(
      doc.doc,
      { id, receivingAgencyId: 'fundacja', person: { kind: 'family', code }, reason },
      anna,
    )
    then?.(doc.doc)
    addEntry(workspace.doc, { kind: 'referral', title: code, sharedWith: ['fundacja'] }, anna, {
      id,
    })
    await waitFor(
      'the referral stored',
      () => storedDoc(suite.app, `demo/${id}`).getMap('text').has('reason'),
      20_000,
    )
    return { id, doc }
  }

  it('R30: a worker erases a free-text field for good after a confirmation saying it cannot be undone', async () => {
    const { id, doc } = await seedReferral('ER-1', `Rodzina zgłoszona, ${SECRET}.`)
    doc.destroy()
    const { page } = await suite.device('anna')
    await page.goto(`/documents/${id}`)
    const field = page.getByTestId('field-reason')
    await field.waitFor({ timeout: 20_000 })
    expect(await field.inputValue()).toContain(SECRET)

    await page.getByTestId('erase-reason-ask').click()
    const question = page.getByRole('alertdialog')
    expect(await question.textContent()).toContain('Tego nie można cofnąć')
    // The safe choice has the focus; Escape backs out and nothing is erased.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anuluj')
    await page.keyboard.press('Escape')
    expect(await page.getByRole('alertdialog').count()).toBe(0)
    expect(await field.inputValue()).toContain(SECRET)

    await page.getByTestId('erase-reason-ask').click()
    await page.getByTestId('erase-reason-yes').click()
    await page
      .getByTestId('erase-reason-status')
      .filter({ hasText: 'Usunięto trwale' })
      .waitFor({ timeout: 20_000 })
    await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toBe('')

    // Nowhere on the relay: neither the stored document nor any history entry or state.
    expect(Buffer.from(JSON.stringify(storedDoc(suite.app, `demo/${id}`).toJSON()))).not.toContain(
      SECRET,
    )
    const token = await suite.app.token('marek')
    const list = await call(suite.app, '/api/history/list', { token, body: { documentId: id } })
    const entries = list.body.entries as { id: number; update: string; source: string }[]
    for (const e of entries) {
      expect(Buffer.from(e.update, 'base64').includes(SECRET)).toBe(false)
      const state = await call(suite.app, '/api/history/state', {
        token,
        body: { documentId: id, upTo: e.id },
      })
      expect(Buffer.from(state.body.state as string, 'base64').includes(SECRET)).toBe(false)
    }
    expect(entries.some((e) => e.source === 'erasure')).toBe(true)

    // The history screen says that it was erased, by whom; never what.
    await page.goto(`/documents/${id}/history`)
    const event = page.getByTestId('doc-history-event')
    await event.first().waitFor({ timeout: 20_000 })
    expect(await event.first().textContent()).toContain('Trwale usunięto')
    expect(await page.getByTestId('doc-history').textContent()).not.toContain(SECRET)
  })

  it('R35, R34: a coordinator sees a closed referral due for purge, with print and export, and places a legal hold', async () => {
    const { id, doc } = await seedReferral('ER-2', 'Zamknięte skierowanie.', (d) =>
      assertDecision(d, REFERRAL_FIELDS.status, { status: 'completed' }, anna),
    )
    doc.destroy()
    await waitFor(
      'the relay noted it closed',
      () =>
        suite.app
          .rawDb()
          .prepare('SELECT closed_at FROM document_closure WHERE document_id = ?')
          .pluck()
          .get(id) != null,
      20_000,
    )
    const { page } = await suite.device('marek')
    await page.goto('/admin')
    const row = page.getByTestId(`purge-${id}`)
    await row.waitFor({ timeout: 20_000 })
    expect(await row.textContent()).toContain('ER-2')
    expect(await row.getByRole('link', { name: 'Drukuj' }).getAttribute('href')).toBe(
      `/documents/${id}/print`,
    )
    expect(await row.getAttribute('data-held')).toBe('false')
    await page.getByTestId(`purge-${id}-hold`).click()
    await page.locator(`[data-testid="purge-${id}"][data-held="true"]`).waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('retention-notice').textContent()).toContain('blokadę prawną')
    const token = await suite.app.token('marek')
    const list = await call(suite.app, '/api/history/list', { token, body: { documentId: id } })
    const holds = (list.body.entries as { source: string; memberId: string; note: string }[])
      .filter((e) => e.source === 'legal-hold')
      .map((e) => [e.memberId, e.note])
    expect(holds).toEqual([['marek', 'placed']])
    // Anna, not a coordinator, is not shown the purges.
    const annaPage = (await suite.device('anna')).page
    await annaPage.goto('/admin')
    await annaPage.getByTestId('device-list').waitFor({ timeout: 20_000 })
    expect(await annaPage.getByTestId('retention').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  })

  it('R33: a device holding a document that is purged deletes its copy when it next syncs, and says why', async () => {
    const { id, doc } = await seedReferral('ER-3', 'Do usunięcia po okresie.', (d) =>
      assertDecision(d, REFERRAL_FIELDS.status, { status: 'completed' }, anna),
    )
    doc.destroy()
    const closed = () =>
      suite.app
        .rawDb()
        .prepare('SELECT closed_at FROM document_closure WHERE document_id = ?')
        .pluck()
        .get(id) != null
    await waitFor('the relay noted it closed', closed, 20_000)
    const { page } = await suite.device('anna')
    await page.goto(`/documents/${id}`)
    await page.getByTestId('field-reason').waitFor({ timeout: 20_000 })
    const localCopies = () =>
      page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))
    expect(await localCopies()).toContain(`mosty:demo/${id}`)

    // Eleven days on (the period is ten): the relay purges it at start.
    const app = suite.app
    await app.stop()
    app.env.RELAY_CLOCK_OFFSET_MS = String(11 * 86_400_000)
    app.output = ''
    await app.start()
    await page
      .getByTestId('doc-refused')
      .filter({ hasText: 'zasadami przechowywania' })
      .waitFor({ timeout: 30_000 })
    await expect.poll(localCopies, { timeout: 20_000 }).not.toContain(`mosty:demo/${id}`)
  })
})
