import { devices, type Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

const forHome = ['alcohol-aat', 'check-in', 'alliance-client']
const forSupervision = ['child-eye', 'future-self', 'child-eye-followup', 'future-self-followup']

/** The client code is asked at every start; consent only the first time on this phone. */
async function toLobby(page: Page, code: string) {
  const consent = page.getByRole('button', { name: 'Ik snap het en doe mee' })
  await expect(consent.or(page.getByLabel('Code'))).toBeVisible()
  if (await consent.isVisible()) await consent.click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('heading', { name: 'Wat ga je doen?' })).toBeVisible()
}

async function expectHomeList(page: Page) {
  for (const id of forHome) await expect(page.locator(`[data-scene="${id}"]`)).toBeVisible()
  for (const id of forSupervision) await expect(page.locator(`[data-scene="${id}"]`)).toHaveCount(0)
  await expect(page.getByTestId('supervision-mode')).toHaveCount(0)
}

async function expectSupervisionList(page: Page) {
  for (const id of [...forHome, ...forSupervision]) await expect(page.locator(`[data-scene="${id}"]`)).toBeVisible()
  await expect(page.getByTestId('supervision-mode')).toHaveText(/^Modus: bij de begeleider\./)
}

test("a phone at home lists only the scenes for home; the trainer's link lists the rest, for the whole tab", async ({ page, context }) => {
  await page.goto('/')
  await toLobby(page, 'PL15')
  await expectHomeList(page)

  // The trainer's link on the same phone.
  await page.goto('/?setting=supervision')
  await toLobby(page, 'PL15')
  await expectSupervisionList(page)

  // A reload keeps the mode, and so does the lobby's address without the parameter, in this tab.
  await page.reload()
  await toLobby(page, 'PL15')
  await expectSupervisionList(page)
  await page.goto('/')
  await toLobby(page, 'PL15')
  await expectSupervisionList(page)

  // A new tab is a client's phone at home again.
  const other = await context.newPage()
  await other.goto('/')
  await toLobby(other, 'PL15')
  await expectHomeList(other)
  await other.close()

  // And ?setting=home takes this tab back.
  await page.goto('/?setting=home')
  await toLobby(page, 'PL15')
  await expectHomeList(page)
})
