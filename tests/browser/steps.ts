import type { Page } from 'playwright-core'

// Steps a person takes in the app, shared by the browser suites.

/**
 * The family plan's field the suites type into: the main goal as the professionals put it, which
 * every party writes (the family's own words, `field-goal.family`, only the lead worker and the
 * family's representative write, FP15).
 */
export const PLAN_FIELD = 'field-goal.professional'

/** The device-wide sync state the header shows: offline, connecting, synced… */
export const syncState = (page: Page) => page.locator('.sync-indicator').getAttribute('data-state')

/** A document's entry in the documents list. */
export const documentEntry = (page: Page, id: string) =>
  page.locator(`[data-testid="document-entry"][data-id="${id}"]`)

/** Creates a family plan from /documents and waits for its editor; returns the plan's id. */
export const createPlan = async (page: Page, title: string): Promise<string> => {
  await page.goto('/documents')
  await page.getByTestId('new-plan-title').fill(title)
  await page.getByTestId('new-plan-submit').click()
  await page.waitForURL(/\/documents\/[0-9a-f]+$/)
  await page.getByTestId(PLAN_FIELD).waitFor()
  return new URL(page.url()).pathname.split('/').pop() as string
}

export const fieldValue = (page: Page) => page.getByTestId(PLAN_FIELD).inputValue()

export const typeAtEnd = async (page: Page, text: string) => {
  const field = page.getByTestId(PLAN_FIELD)
  await field.click()
  await field.press('End')
  await page.keyboard.type(text)
}

export const typeAtStart = async (page: Page, text: string) => {
  const field = page.getByTestId(PLAN_FIELD)
  await field.click()
  await field.press('Control+Home')
  await page.keyboard.type(text)
}

/** Logs out from the settings, confirming, and waits for the welcome screen. */
export const logOut = async (page: Page) => {
  await page.goto('/settings')
  await page.getByTestId('logout').click()
  await page.getByTestId('logout-confirm').click()
  await page.waitForURL((url) => url.pathname === '/')
}

/** How wide the page's content is, in CSS pixels (a phone's screen is 360). */
export const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** How many rows the device's IndexedDB copy of a document holds (y-indexeddb's `updates`). */
export const storedRows = (page: Page, room: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const q = indexedDB.open(name)
        q.onerror = () => reject(q.error)
        q.onsuccess = () => {
          const c = q.result.transaction('updates').objectStore('updates').count()
          c.onsuccess = () => {
            q.result.close()
            resolve(c.result)
          }
        }
      }),
    `mosty:${room}`,
  )

/** Opens a section of the plan editor unless it is open already. */
export const openPlanSection = async (page: Page, section: string) => {
  const details = page.getByTestId(`plan-section-${section}`)
  await details.waitFor({ state: 'attached' })
  if ((await details.getAttribute('open')) === null) {
    await page.getByTestId(`plan-section-${section}-toggle`).click()
  }
}

/** The lead agency adds a professional to the plan's participants (which makes their agency a party). */
export const addProfessional = async (
  page: Page,
  agencyId: string,
  memberId: string,
  role: string,
) => {
  await openPlanSection(page, 'participants')
  await page.getByTestId('plan-pro-agency').selectOption(agencyId)
  await page.getByTestId('plan-pro-member').selectOption(memberId)
  await page.getByTestId('plan-pro-role').fill(role)
  await page.getByTestId('plan-add-professional').click()
  await page.getByTestId('plan-participants').getByText(role, { exact: false }).waitFor()
}
