import { devices, type BrowserContext, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { followRule, playDrill, startDrill } from '../../scripts/browser/drillFlow.ts'
import { answerChoice, expect, startCheckIn, storedEvents, test, type StoredEvent } from './fixtures.ts'

/**
 * The device refuses to save: a full disk (QuotaExceededError) or a database blocked by another open tab.
 * Each case must say so plainly, offer a file at once, and lose nothing that was already recorded.
 */

/** A full disk, switched on and off from the test: every `add` to the research log fails as Chromium's would. */
async function installFullDisk(page: Page) {
  await page.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if ((window as unknown as { fullDisk?: boolean }).fullDisk && this.name === 'events') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return add.apply(this, args)
    }
  })
}
const setFullDisk = (page: Page, on: boolean) => page.evaluate((v) => ((window as unknown as { fullDisk: boolean }).fullDisk = v), on)

/**
 * A blocked database, the way it happens: another tab of the app holds a connection and ignores `versionchange`,
 * while this tab runs a newer app that needs the next database version. The newer app is simulated by asking
 * for one version more than the build does; everything else (the block, the wait, the upgrade) is the browser's.
 */
async function blockFromAnotherTab(context: BrowserContext, page: Page): Promise<Page> {
  const other = await context.newPage()
  await other.goto('/icon.svg')
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('perspectief')
        open.onsuccess = () => ((window as unknown as { held: IDBDatabase }).held = open.result, resolve())
        open.onerror = () => reject(open.error)
      }),
  )
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      return version === undefined ? open.call(this, name) : open.call(this, name, name === 'perspectief' ? version + 1 : version)
    }
  })
  return other
}

function expectSameLog(after: StoredEvent[], before: StoredEvent[]) {
  expect(after.slice(0, before.length)).toEqual(before)
  const keys = after.map((e) => `${e.sessionId}:${e.seq}`)
  expect(new Set(keys).size).toBe(keys.length)
  expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1))
}

test.describe('lobby and questionnaire', () => {
  test('a full device mid-questionnaire keeps the answers, offers a file at once, and saves them when space is back', async ({ page }) => {
    await installFullDisk(page)
    await startCheckIn(page, 'QF11')
    await page.getByRole('button', { name: 'Verder' }).click()
    await answerChoice(page, /^3$/, 'ask-sleep')
    const before = await storedEvents(page)

    await setFullDisk(page, true)
    await answerChoice(page, 'Goed', 'ask-hard-part')
    await expect(page.getByRole('alert')).toContainText('Niets is kwijt')
    await expect(page.getByRole('alert')).toContainText('Opslaan is mislukt')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar nu een bestand' }).click()])
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(bundle.includesUnsaved).toBe(true)
    expect(bundle.events.filter((e: StoredEvent) => e.type === 'answer.given').map((e: StoredEvent) => e.data.value)).toEqual([3, 'good'])
    expect(await storedEvents(page)).toEqual(before)

    await setFullDisk(page, false)
    await page.getByRole('button', { name: 'Probeer opnieuw op te slaan' }).click()
    await expect(page.getByRole('alert')).toHaveCount(0)
    const after = await storedEvents(page)
    expectSameLog(after, before)
    expect(after.filter((e) => e.type === 'answer.given').map((e) => e.data.value)).toEqual([3, 'good'])
  })

  test('a database blocked by another tab says so, offers practice with a file, and resumes with nothing lost once that tab closes', async ({ page, context }) => {
    test.setTimeout(90_000)
    await startCheckIn(page, 'QB22')
    await page.getByRole('button', { name: 'Verder' }).click()
    await answerChoice(page, /^4$/, 'ask-sleep')
    const before = await storedEvents(page)
    const other = await blockFromAnotherTab(context, page)

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Perspectief is nog ergens anders open' })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('alert')).toContainText('ander tabblad of venster')
    await expect(page.getByText('Wat je al deed, is bewaard.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Oefen zonder opslaan' })).toBeVisible()

    await other.close()
    await page.getByRole('button', { name: 'Probeer opnieuw' }).click()
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-sleep')
    await expect(page.getByTestId('resumed-notice')).toBeVisible()
    expectSameLog(await storedEvents(page), before)
    await answerChoice(page, 'Slecht', 'ask-hard-part')
    const after = await storedEvents(page)
    expectSameLog(after, before)
    expect(after.filter((e) => e.type === 'answer.given').map((e) => e.data.value)).toEqual([4, 'bad'])
  })

  test('while blocked, practising without saving still gives the trainer a file', async ({ page, context }) => {
    test.setTimeout(90_000)
    await startCheckIn(page, 'QB33')
    await page.getByRole('button', { name: 'Verder' }).click()
    const before = await storedEvents(page)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('perspectief')
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite')
            tx.objectStore('settings').put({ key: 'activeSessionId', value: null })
            tx.oncomplete = () => (open.result.close(), resolve())
          }
        }),
    )
    const other = await blockFromAnotherTab(context, page)
    await page.goto('/?speed=50')
    await page.getByRole('button', { name: 'Oefen zonder opslaan' }).click({ timeout: 15_000 })
    await expect(page.getByText('Let op: er wordt niets bewaard op dit apparaat.')).toBeVisible()
    await page.getByLabel('Code').fill('QB33')
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
    await page.getByRole('button', { name: 'Begin' }).click()
    await page.getByRole('button', { name: 'Verder' }).click()
    await answerChoice(page, /^2$/, 'ask-sleep')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar nu een bestand' }).click()])
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(bundle.events.filter((e: StoredEvent) => e.type === 'answer.given').map((e: StoredEvent) => e.data.value)).toEqual([2])

    // The earlier session is untouched on the device.
    await other.close()
    expect(await storedEvents(page)).toEqual(before)
  })
})

test.describe('drill', () => {
  const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
  test.use({ ...pixel7 })

  test('a database blocked by another tab stops the drill with a clear message; trying again resumes with nothing lost', async ({ page, context }) => {
    test.setTimeout(120_000)
    await startDrill(page, { code: 'DB44', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
    await playDrill(page, await context.newCDPSession(page), followRule, 3)
    await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'drill.trial').length).toBe(3)
    const before = await storedEvents(page)
    const other = await blockFromAnotherTab(context, page)

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Perspectief is nog ergens anders open' })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText('Sluit het andere tabblad of venster')).toBeVisible()
    await expect(page.getByTestId('read-aloud')).toBeVisible()

    await other.close()
    await page.getByRole('button', { name: 'Probeer opnieuw' }).click()
    const played = await playDrill(page, await context.newCDPSession(page), followRule, 2)
    expect(played).toHaveLength(2)
    // The drill goes on by itself (a picture not swiped times out), so count at least the two swiped ones.
    await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'drill.trial').length).toBeGreaterThanOrEqual(5)
    expectSameLog(await storedEvents(page), before)
  })
})
