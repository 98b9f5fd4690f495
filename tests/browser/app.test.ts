import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { browserSuite, deviceId, pendingCount, waitForServiceWorker } from './harness.ts'
import {
  createPlan,
  documentEntry,
  fieldValue,
  logOut,
  PLAN_FIELD,
  storedRows,
  syncState,
  typeAtEnd,
  typeAtStart,
} from './steps.ts'

describe('the app in Chromium against the real relay', () => {
  const suite = browserSuite()
  const { device } = suite

  it('a coordinator invites a new person; opening the link enrols that device once', async () => {
    const coordinator = await device('marek')
    await coordinator.page.goto('/admin')
    await coordinator.page.getByTestId('invite-kind-new').check()
    await coordinator.page.getByTestId('invite-name').fill('Beata (asystentka rodziny)')
    await coordinator.page.getByTestId('invite-role').selectOption('field-worker')
    await coordinator.page.getByTestId('invite-submit').click()
    const code = (await coordinator.page
      .getByTestId('invitation')
      .getAttribute('data-code')) as string
    expect(code).toMatch(/^[A-Z2-9]{10}$/)

    const phone = await device()
    await phone.page.goto(`/join/${code}`)
    await phone.page.getByTestId('join-submit').click()
    await phone.page.waitForURL(/\/documents$/)
    await phone.page.goto('/settings')
    await expect
      .poll(() => phone.page.getByTestId('settings-me-name').textContent())
      .toContain('Beata')

    const other = await device()
    await other.page.goto(`/join/${code}`)
    await other.page.getByTestId('join-submit').click()
    await other.page.getByTestId('join-error').waitFor()
    expect(await other.page.evaluate(() => localStorage.getItem('mosty:session'))).toBeNull()
  })

  it('two devices co-edit one field in real time and converge', async () => {
    const anna = await device('anna')
    const marek = await device('marek')
    const id = await createPlan(anna.page, 'Rodzina K-17')
    await marek.page.goto(`/documents/${id}`)
    await marek.page.getByTestId(PLAN_FIELD).waitFor()
    await typeAtEnd(anna.page, 'Dzieci w szkole. ')
    await expect.poll(() => fieldValue(marek.page)).toBe('Dzieci w szkole. ')
    // Both type at once in different places of the same field; neither loses a letter and the
    // remote keystrokes never move the other's caret to the wrong place.
    await Promise.all([typeAtEnd(anna.page, 'Mama pracuje.'), typeAtStart(marek.page, 'Ważne: ')])
    await expect
      .poll(async () => (await fieldValue(anna.page)) === (await fieldValue(marek.page)))
      .toBe(true)
    expect(await fieldValue(anna.page)).toBe('Ważne: Dzieci w szkole. Mama pracuje.')
    await expect.poll(() => marek.page.getByTestId('presence-peer').count()).toBeGreaterThan(0)
  })

  it('offline: reload from the service worker, edit and create, then merge without a prompt', async () => {
    const anna = await device('anna')
    const marek = await device('marek')
    const id = await createPlan(anna.page, 'Rodzina W-03')
    await typeAtEnd(anna.page, 'Start.')
    await marek.page.goto(`/documents/${id}`)
    await expect.poll(() => fieldValue(marek.page)).toBe('Start.')
    await waitForServiceWorker(marek.page)

    await marek.context.setOffline(true)
    await marek.page.reload()
    await expect.poll(() => syncState(marek.page)).toBe('offline')
    await expect.poll(() => fieldValue(marek.page)).toBe('Start.')
    await typeAtEnd(marek.page, ' Offline.')
    await expect.poll(() => pendingCount(marek.page)).toBeGreaterThan(0)
    const offlinePlan = await createPlan(marek.page, 'Rodzina Z-88')
    await typeAtEnd(anna.page, ' Online.')

    await marek.context.setOffline(false)
    await marek.page.goto(`/documents/${id}`)
    await expect.poll(() => fieldValue(marek.page), { timeout: 20_000 }).toContain('Online.')
    await expect.poll(() => fieldValue(anna.page), { timeout: 20_000 }).toContain('Offline.')
    expect(await fieldValue(anna.page)).toBe(await fieldValue(marek.page))
    await expect.poll(() => pendingCount(marek.page), { timeout: 20_000 }).toBe(0)

    await anna.page.goto('/documents')
    await expect
      .poll(() => documentEntry(anna.page, offlinePlan).count(), {
        timeout: 20_000,
      })
      .toBe(1)
  })

  it('a long stretch of typing offline keeps every letter and a small local copy', async () => {
    const anna = await device('anna')
    const id = await createPlan(anna.page, 'Rodzina D-40')
    await waitForServiceWorker(anna.page)
    await anna.context.setOffline(true)
    const text = 'Notatka z wizyty domowej. '.repeat(20)
    const field = anna.page.getByTestId(PLAN_FIELD)
    await field.click()
    await field.press('End')
    // At a brisk typist's pace (a key every 15 ms, never the second-long pause after which
    // y-indexeddb merges on its own): it alone would keep a row per keystroke, 520 here; the app
    // merges them whenever they reach 200.
    await anna.page.keyboard.type(text, { delay: 15 })
    expect(await storedRows(anna.page, `demo/${id}`)).toBeLessThanOrEqual(250)
    await anna.page.reload()
    await expect.poll(() => fieldValue(anna.page)).toBe(text)
    await anna.context.setOffline(false)
    await expect.poll(() => pendingCount(anna.page), { timeout: 20_000 }).toBe(0)
  })

  it('words typed right before the page goes away are kept', async () => {
    const anna = await device('anna')
    await createPlan(anna.page, 'Rodzina U-12')
    await waitForServiceWorker(anna.page)
    await anna.context.setOffline(true)
    let expected = ''
    for (const words of ['Wizyta w domu. ', 'Dzieci zdrowe. ', 'Kolejna za tydzień.']) {
      await typeAtEnd(anna.page, words)
      expected += words
      // Reloaded at once: IndexedDB may not have committed the last keystrokes yet.
      await anna.page.reload()
      await expect.poll(() => fieldValue(anna.page)).toBe(expected)
    }
    await anna.context.setOffline(false)
    await expect.poll(() => pendingCount(anna.page), { timeout: 20_000 }).toBe(0)
  })

  it('the pending count falls to zero only after the relay confirms', async () => {
    const anna = await device('anna')
    const id = await createPlan(anna.page, 'Rodzina P-01')
    await expect.poll(() => pendingCount(anna.page), { timeout: 20_000 }).toBe(0)
    const relayPid = suite.app.proc?.pid as number
    process.kill(relayPid, 'SIGSTOP')
    try {
      await typeAtEnd(anna.page, 'Zapisane dopiero po potwierdzeniu.')
      await expect.poll(() => pendingCount(anna.page)).toBeGreaterThan(0)
      // The socket stays open and the page believes it is connected; only a confirmation may
      // clear the count, and a stopped relay sends none.
      await anna.page.waitForTimeout(1500)
      expect(await pendingCount(anna.page)).toBeGreaterThan(0)
    } finally {
      process.kill(relayPid, 'SIGCONT')
    }
    await expect.poll(() => pendingCount(anna.page), { timeout: 20_000 }).toBe(0)
    const stored = suite.app
      .rawDb()
      .prepare(
        'SELECT data FROM snapshots WHERE room = ? UNION ALL SELECT data FROM updates WHERE room = ?',
      )
      .all(`demo/${id}`, `demo/${id}`) as { data: Buffer }[]
    const doc = new Y.Doc()
    for (const r of stored) Y.applyUpdate(doc, new Uint8Array(r.data))
    expect(String(doc.getMap('text').get('goal.professional'))).toBe(
      'Zapisane dopiero po potwierdzeniu.',
    )
  })

  it('log out wipes every document and the credentials from the device', async () => {
    const olga = await device('olga')
    await createPlan(olga.page, 'Rodzina L-05')
    await typeAtEnd(olga.page, 'Poufne.')
    await expect.poll(() => pendingCount(olga.page), { timeout: 20_000 }).toBe(0)
    const databases = () =>
      olga.page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('mosty:')),
      )
    expect((await databases()).length).toBeGreaterThan(0)
    await logOut(olga.page)
    await expect.poll(databases).toEqual([])
    const keys = await olga.page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('mosty:')),
    )
    expect(keys).toEqual([])
  })

  it('a revoked device is refused and told so, also after a reload', async () => {
    const tomasz = await device('tomasz')
    await tomasz.page.getByTestId('sync-state').waitFor()
    suite.app.store.revokeDevice(await deviceId(tomasz.page))
    await tomasz.page.getByTestId('sync-revoked').waitFor({ timeout: 20_000 })
    await tomasz.page.reload()
    await tomasz.page.getByTestId('sync-revoked').waitFor({ timeout: 20_000 })
  })
})
