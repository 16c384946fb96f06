import { devices, type Page } from '@playwright/test'
import { expect, storedEvents, test } from './fixtures.ts'
import { followRule, playDrill, startDrill } from '../../scripts/browser/drillFlow.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

const trialsOf = async (page: Page) => (await storedEvents(page)).filter((e) => e.type === 'drill.trial')

/** "Stop voor nu" is there, and big enough for a thumb. */
async function expectStopButton(page: Page) {
  const stop = page.getByRole('button', { name: 'Stop voor nu' })
  await expect(stop).toBeVisible()
  const box = (await stop.boundingBox())!
  expect(box.height).toBeGreaterThanOrEqual(44)
  expect(box.width).toBeGreaterThanOrEqual(44)
}

test('with a drill unfinished, "Later" opens the rest of the app: other scenarios, settings and erase', async ({ page, context }) => {
  test.setTimeout(120_000)
  await startDrill(page, { code: 'PS13', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
  await playDrill(page, await context.newCDPSession(page), followRule, 2)
  await expect.poll(async () => (await trialsOf(page)).length).toBeGreaterThanOrEqual(2)
  await expectStopButton(page)
  // The page is closed mid-drill without a stop; opening the app comes back to the welcome screen.
  await page.goto('/')
  await page.waitForURL(/drill\.html/)
  await expect(page.getByRole('heading', { name: 'Welkom terug' })).toBeVisible()
  const waiting = (await trialsOf(page)).length
  await page.getByRole('link', { name: 'Later' }).click()
  await expect(page.getByRole('heading', { name: 'Wat ga je doen?' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Hoe gaat het\?/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /Ga verder: Drank wegvegen/ })).toBeVisible()
  expect(await trialsOf(page)).toHaveLength(waiting)

  await page.getByRole('button', { name: 'Instellingen' }).click()
  await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible()
  await page.getByRole('button', { name: 'Wis alles op dit apparaat' }).click()
  await page.getByRole('button', { name: 'Ja, wis alles' }).click()
  await expect(page.getByText('Alles is gewist.')).toBeVisible()
})
