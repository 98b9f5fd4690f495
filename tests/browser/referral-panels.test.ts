import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addEntry,
  createReferral,
  randomId,
  recordConsent,
  setLegalBasis,
  signOff,
} from '../../src/model/index.ts'
import { type Client, connect, waitFor } from '../relay/harness.ts'
import { browserSuite } from './harness.ts'
import { logOut } from './steps.ts'

// The referral panels (sign-off, consent, export) and the printout, rendered by the referral
// screen of the built app against the real relay. The referral is written from Node through
// the stock y-websocket client, the way a device of the referring agency would write it.

const anna = { memberId: 'anna', agencyId: 'mops' }

const signOffStatuses = (page: Page) =>
  page
    .getByTestId('referral-signoffs')
    .getByTestId('signoff-item')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-status')))

describe('referral panels and printout in Chromium against the real relay', () => {
  const clients: Client[] = []
  const suite = browserSuite(() => {
    for (const c of clients) c.destroy()
  })
  const { device } = suite

  /** A referral from mops to fundacja, in the relay and in the partnership's index. */
  const seedReferral = async (code: string, write?: (doc: Y.Doc) => void) => {
    const id = randomId()
    const app = suite.app
    const token = await app.token('anna')
    const doc = connect(app, `demo/${id}`, token)
    const workspace = connect(app, 'demo/workspace', token)
    clients.push(doc, workspace)
    await waitFor('the referral to sync', doc.synced)
    await waitFor('the workspace to sync', workspace.synced)
    createReferral(
      doc.doc,
      {
        id,
        receivingAgencyId: 'fundacja',
        person: { kind: 'family', code },
        reason: 'Zaległości czynszowe.',
        request: 'Poradnictwo dłużnicze.',
        respondBy: '2026-12-08',
      },
      anna,
    )
    write?.(doc.doc)
    addEntry(workspace.doc, { kind: 'referral', title: code, sharedWith: ['fundacja'] }, anna, {
      id,
    })
    // Stored by the relay before any browser asks for it.
    await waitFor(
      'the relay to store the referral',
      () =>
        (
          app
            .rawDb()
            .prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?')
            .get(`demo/${id}`) as { n: number }
        ).n > 0,
    )
    return id
  }

  it('RF19/RF20: a sign-off is valid, shows “changed since signed” after another member edits the reason, and the printout is in Russian while the app is in Polish', async () => {
    const id = await seedReferral('R-2026-777')
    const a = await device('anna')
    await a.page.goto(`/documents/${id}`)
    const sign = a.page.getByTestId('signoff-sign')
    await sign.waitFor({ timeout: 20_000 })
    await expect.poll(() => signOffStatuses(a.page)).toEqual([])
    await sign.click()
    await expect.poll(() => signOffStatuses(a.page), { timeout: 20_000 }).toEqual(['valid'])
    expect(await a.page.getByTestId('signoff-status').textContent()).toBe('Ważny')
    // One valid sign-off of mine: signing again would add nothing.
    await expect.poll(() => sign.isDisabled()).toBe(true)

    const marek = await device('marek')
    await marek.page.goto(`/documents/${id}`)
    const reason = marek.page.getByTestId('field-reason')
    await expect.poll(() => reason.inputValue(), { timeout: 20_000 }).toBe('Zaległości czynszowe.')
    await reason.click()
    await reason.press('End')
    await marek.page.keyboard.type(' Eksmisja w maju.')

    await expect
      .poll(() => signOffStatuses(a.page), { timeout: 20_000 })
      .toEqual(['changed-since-signed'])
    expect(await a.page.getByTestId('signoff-status').textContent()).toBe('Zmieniono po podpisaniu')
    // The signer may sign the new version.
    await expect.poll(() => sign.isDisabled()).toBe(false)

    await a.page.goto(`/documents/${id}/print`)
    const title = a.page.getByTestId('print-title')
    await expect
      .poll(() => title.textContent(), { timeout: 20_000 })
      .toBe('Porozumienie o skierowaniu')
    await a.page.getByTestId('print-language').selectOption('ru')
    await expect.poll(() => title.textContent()).toBe('Соглашение о направлении')
    const printout = a.page.getByTestId('referral-print')
    expect(await printout.getAttribute('lang')).toBe('ru')
    expect(await a.page.getByTestId('print-reason').textContent()).toBe(
      'Zaległości czynszowe. Eksmisja w maju.',
    )
    await expect
      .poll(() => a.page.getByTestId('print-signoff').getAttribute('data-status'))
      .toBe('changed-since-signed')
    expect(await a.page.getByTestId('print-signoff').textContent()).toContain(
      'Изменено после подписания',
    )
    expect(await a.page.getByTestId('print-status').textContent()).toBe('Черновик')
    // No legal basis: identifying details are not printed.
    expect(await a.page.getByTestId('print-identity').count()).toBe(0)
    // The interface stays Polish.
    expect(await a.page.evaluate(() => document.documentElement.lang)).toBe('pl')
    expect(await a.page.getByTestId('print-button').textContent()).toBe('Drukuj')

    // On paper, the tools are gone and the agreement stays.
    await a.page.emulateMedia({ media: 'print' })
    expect(await a.page.getByTestId('print-button').isVisible()).toBe(false)
    expect(await a.page.getByTestId('print-language').isVisible()).toBe(false)
    expect(await printout.isVisible()).toBe(true)
    await a.page.emulateMedia({ media: 'screen' })
  })

  it('RF21: a sign-off another client wrote in anna’s name, with a key the relay never enrolled for her, is shown as not hers', async () => {
    let written: Y.Doc | undefined
    const id = await seedReferral('R-2026-778', (doc) => (written = doc))
    const forger = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])
    const jwk = await crypto.subtle.exportKey('jwk', forger.publicKey)
    await signOff(written as Y.Doc, anna, forger, jwk)
    const a = await device('anna')
    await a.page.goto(`/documents/${id}`)
    await expect
      .poll(() => signOffStatuses(a.page), { timeout: 20_000 })
      .toEqual(['not-signers-key'])
    expect(await a.page.getByTestId('signoff-status').textContent()).toBe('Nie klucz podpisującego')
    // Her own signature, with the key her device registered, stands beside it.
    await a.page.getByTestId('signoff-sign').click()
    await expect
      .poll(() => signOffStatuses(a.page), { timeout: 20_000 })
      .toEqual(['not-signers-key', 'valid'])
  })

  it('RF9/RF12: identifying details are offered only once a legal basis and consent allow them, and hidden again after withdrawal', async () => {
    const id = await seedReferral('R-2026-778')
    const a = await device('anna')
    await a.page.goto(`/documents/${id}`)
    const consent = a.page.getByTestId('referral-consent')
    const hidden = consent.getByTestId('identity-hidden')
    await expect
      .poll(() => hidden.getAttribute('data-reason'), { timeout: 20_000 })
      .toBe('no-basis')

    await consent.getByTestId('legal-basis-select').selectOption('consent')
    await consent.getByTestId('legal-basis-save').click()
    await expect.poll(() => hidden.getAttribute('data-reason')).toBe('no-identity-consent')

    await consent.getByTestId('consent-add-toggle').click()
    await consent.getByTestId('consent-code').fill('P1')
    await consent.getByTestId('consent-role').selectOption('mother')
    await consent.getByTestId('consent-scope-share-identity').check()
    await consent.getByTestId('consent-submit').click()
    await expect.poll(() => consent.getByTestId('consent-item').count()).toBe(1)
    expect(await consent.getByTestId('consent-state').textContent()).toBe('Ważna')

    await consent.getByTestId('identity-input-name').fill('Jan Kowalski')
    await consent.getByTestId('identity-save').click()
    await expect
      .poll(() => consent.getByTestId('identity-input-name').inputValue())
      .toBe('Jan Kowalski')

    // A consent is withdrawn with a reason; the legal basis stays, the details must go.
    await consent.getByTestId('consent-withdraw').click()
    await consent.getByTestId('consent-withdraw-confirm').click()
    expect(await consent.getByRole('alert').count()).toBe(0) // the browser asks for the reason
    await consent.getByTestId('consent-withdraw-reason').fill('Matka zmieniła zdanie.')
    await consent.getByTestId('consent-withdraw-confirm').click()
    await expect.poll(() => consent.getByTestId('consent-state').textContent()).toBe('Wycofana')
    await consent.getByTestId('identity-must-erase').waitFor()
    expect(await consent.getByTestId('legal-basis-value').textContent()).toContain('Zgoda osoby')
    await consent.getByTestId('identity-erase').click()
    await expect.poll(() => hidden.getAttribute('data-reason')).toBe('no-identity-consent')
  })

  it('RF9: the receiving agency sees the legal basis but may not set it; export names the file by the code', async () => {
    const id = await seedReferral('R-2026/779', (doc) => {
      setLegalBasis(doc, { basis: 'public-task' }, anna)
      recordConsent(doc, { givenBy: { code: 'P2', role: 'self' }, scope: ['service'] }, anna)
    })
    suite.app.store.grant('demo', id, 'agency', 'fundacja', 'write')
    const ewa = await device('ewa')
    await ewa.page.goto(`/documents/${id}`)
    const basis = ewa.page.getByTestId('legal-basis')
    await expect
      .poll(() => basis.getByTestId('legal-basis-value').textContent(), { timeout: 20_000 })
      .toContain('Zadanie publiczne')
    expect(await basis.getByTestId('legal-basis-select').count()).toBe(0)
    // A party: the receiver may record consents and sees that details are allowed now.
    expect(await ewa.page.getByTestId('consent-add-toggle').count()).toBe(1)
    expect(await ewa.page.getByTestId('identity-form').count()).toBe(1)

    const download = ewa.page.waitForEvent('download')
    await ewa.page.getByTestId('export-fhir').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('referral-R-2026-779.fhir.json')
    const body = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          let text = ''
          stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
          stream.on('end', () => resolve(text))
          stream.on('error', reject)
        }, reject)
      }),
    ) as { resourceType: string; entry: { resource: { resourceType: string } }[] }
    expect(body.resourceType).toBe('Bundle')
    expect(body.entry.map((e) => e.resource.resourceType)).toEqual([
      'ServiceRequest',
      'Task',
      'Consent',
    ])
  })

  it('the device key lives in a mosty: database, so logging out wipes it', async () => {
    const id = await seedReferral('R-2026-780')
    const a = await device('marek')
    await a.page.goto(`/documents/${id}`)
    await a.page.getByTestId('signoff-sign').click()
    await expect.poll(() => signOffStatuses(a.page), { timeout: 20_000 }).toEqual(['valid'])
    const databases = () =>
      a.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    expect(await databases()).toContain('mosty:device-keys')
    await logOut(a.page)
    await expect.poll(databases).not.toContain('mosty:device-keys')
  })
})
