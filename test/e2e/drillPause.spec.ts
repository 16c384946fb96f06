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

test('the client stops mid-drill, opens the app again, is welcomed back, and no timeout runs before they go on', async ({ page, context }) => {
  test.setTimeout(180_000)
  // A picture times out after 3 s, so 10 s of waiting would be timeouts if any timer ran.
  await startDrill(page, { code: 'PS12', trainingTrials: 20, assessmentBlock: false })
  await expectStopButton(page)
  const cdp = await context.newCDPSession(page)
  await playDrill(page, cdp, followRule, 4)
  // On the trial screen (the pictures go on by themselves), the way out is there too; the client takes it.
  await expect(page.locator('.stage')).toBeVisible()
  await expectStopButton(page)
  await page.getByRole('button', { name: 'Stop voor nu' }).click()
  await expect(page.getByRole('heading', { name: 'Gestopt voor nu' })).toBeVisible()
  const stopped = await storedEvents(page)
  const kept = stopped.filter((e) => e.type === 'drill.trial').length
  expect(kept).toBeGreaterThanOrEqual(4)
  expect(stopped.at(-1)).toMatchObject({ type: 'safety.paused', data: { reason: 'client-stop' } })
  // Stopped means stopped: no picture times out while the client is away.
  await page.waitForTimeout(3000)
  expect(await storedEvents(page)).toEqual(stopped)

  // Opening the app again: straight to the drill page, which welcomes the client back and waits.
  await page.goto('/')
  await page.waitForURL(/drill\.html/)
  await expect(page.getByRole('heading', { name: 'Welkom terug' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ga verder' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Later' })).toBeVisible()
  await expect(page.locator('.stimulus-frame')).toHaveCount(0)
  await page.waitForTimeout(10_000)
  const waited = await storedEvents(page)
  expect(waited).toEqual(stopped)

  // The client goes on; the welcome screen must be gone before the pictures are played, or the player would take
  // the leaving screen for a second welcome and wait for its button while the first picture times out.
  const goOn = page.getByRole('button', { name: 'Ga verder' })
  await goOn.click()
  await expect(goOn).toHaveCount(0)
  const played = await playDrill(page, await context.newCDPSession(page), followRule)
  expect(played.length).toBeGreaterThanOrEqual(28 - kept)
  await expect(page.getByTestId('drill-done')).toBeVisible()
  const after = await storedEvents(page)
  // Nothing lost: every record from before the stop is still there, unchanged, and every picture was swiped in time.
  expect(after.slice(0, stopped.length)).toEqual(stopped)
  expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1))
  const trials = after.filter((e) => e.type === 'drill.trial')
  // Every picture after the welcome-back was swiped in time: no timeout was recorded for the time away.
  const afterWelcome = trials.slice(kept)
  expect(afterWelcome.length).toBeGreaterThanOrEqual(28 - kept)
  expect(after.slice(stopped.length).filter((e) => e.type === 'drill.trial').every((e) => e.data.response !== 'none')).toBe(true)
  expect(new Set(trials.filter((e) => e.data.correct === true).map((e) => `${e.data.block}-${e.data.trial}`)).size).toBe(28)
  expect(after.filter((e) => e.type === 'safety.resumed')).toHaveLength(1)
})

test('with a drill unfinished, "Later" opens the rest of the app: other scenarios, settings and erase', async ({ page, context }) => {
  test.setTimeout(120_000)
  await startDrill(page, { code: 'PS13', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
  await playDrill(page, await context.newCDPSession(page), followRule, 2)
  await expect.poll(async () => (await trialsOf(page)).length).toBeGreaterThanOrEqual(2)
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
