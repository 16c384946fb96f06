import { readFileSync } from 'node:fs'
import { answerChoice, expect, startCheckIn, storedEvents, test } from './fixtures.ts'
import { openMore } from '../../scripts/browser/drillFlow.ts'

test('a client plays the whole check-in, waits through a timed pause, and saves the file for the trainer', async ({ page }) => {
  await startCheckIn(page, 'IJ90')
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, /^2$/, 'ask-sleep')
  await answerChoice(page, 'Gaat wel', 'ask-hard-part')
  await page.getByRole('textbox').fill('<b>ruzie</b> thuis')
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-stress')
  await page.getByRole('slider').fill('8')
  // A 5 s breathing pause; the test build's clock runs it 50x faster (100 ms), too short to look at after the fact,
  // so an observer watches every change of the page during it: the pause is shown, and no button skips it.
  await page.evaluate(() => {
    const seen = { breathe: 0, skipButton: 0 }
    ;(window as unknown as { __breatheSeen: typeof seen }).__breatheSeen = seen
    const look = () => {
      if (document.querySelector('[data-testid="beat"]')?.getAttribute('data-beat') !== 'breathe') return
      seen.breathe++
      if ([...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Verder')) seen.skipButton++
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-talk')
  const breatheSeen = await page.evaluate(() => (window as unknown as { __breatheSeen: { breathe: number; skipButton: number } }).__breatheSeen)
  expect(breatheSeen.breathe).toBeGreaterThan(0)
  expect(breatheSeen.skipButton).toBe(0)
  await answerChoice(page, 'Ja', 'thanks')
  await expect(page.getByRole('heading', { name: 'Klaar!' })).toBeVisible()

  // One big button for the client ("Stuur naar mijn begeleider"); the plain file for the trainer sits under "Meer".
  await expect(page.getByRole('button', { name: 'Stuur naar mijn begeleider' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Bewaar bestand voor begeleider' })).toBeHidden()
  await openMore(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  expect(download.suggestedFilename()).toMatch(/^perspectief_IJ90_check-in_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.json$/)
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  expect(bundle).toMatchObject({ format: 'perspectief.session', schemaVersion: 1, scene: { id: 'check-in', version: 1 }, session: { clientCode: 'IJ90', status: 'completed' } })
  expect(bundle.scene.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(typeof bundle.appVersion).toBe('string')
  const answers = bundle.events.filter((e: { type: string }) => e.type === 'answer.given').map((e: { data: { item: string; value: unknown } }) => [e.data.item, e.data.value])
  expect(answers).toEqual([
    ['mood', 2],
    ['sleep', 'so-so'],
    ['hard-part', '<b>ruzie</b> thuis'],
    ['stress', 8],
    ['talk', 'yes'],
  ])
  expect(bundle.events.map((e: { type: string }) => e.type)).toContain('wait.ended')
  expect(bundle.events.map((e: { seq: number }) => e.seq)).toEqual(bundle.events.map((_: unknown, i: number) => i + 1))
})

test('the lobby works in English and every prompt has a read-aloud control with a fallback', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'I understand and take part' }).click()
  await page.getByLabel('Code').fill('KL12')
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: /How are you\?/ }).click()
  // The trainer's parameter, declared in the scene: "ask more on hard days" off skips the free-text question.
  await page.getByRole('button', { name: 'No' }).click()
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('radio', { name: /^5/ }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('radio', { name: 'Badly' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-stress')
  await expect(page.getByRole('heading', { name: 'How much tension do you feel now?' })).toBeVisible()

  // Headless Chromium has no speech voices: the control must explain, not fail silently.
  await page.getByTestId('read-aloud').click()
  await expect(page.getByText('Reading aloud does not work on this device')).toBeVisible()

  // Asking to go on without an answer gets a kind nudge, not a silent no.
  await page.getByRole('slider').fill('3')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-talk')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('alert')).toContainText('Choose an answer first')
})

test('storage that is refused gives a clear message and a way to keep the data by export', async ({ page }) => {
  await page.addInitScript(() => {
    // What private modes and locked-down browsers do: IndexedDB exists but refuses to open.
    const refuse = () => {
      throw new DOMException('The user denied permission to access the database.', 'UnknownError')
    }
    Object.defineProperty(IDBFactory.prototype, 'open', { value: refuse })
    Object.defineProperty(IDBFactory.prototype, 'databases', { value: () => Promise.resolve([{ name: 'perspectief', version: 1 }]) })
  })
  await page.goto('/?speed=50')
  await expect(page.getByRole('heading', { name: 'Opslaan lukt niet' })).toBeVisible()
  await expect(page.getByTestId('storage-reason')).toContainText('denied permission')
  await page.getByRole('button', { name: 'Oefen zonder opslaan' }).click()
  await expect(page.getByText('Let op: er wordt niets bewaard op dit apparaat.')).toBeVisible()
  await page.getByLabel('Code').fill('MN34')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, /^1: /, 'ask-sleep')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar nu een bestand' }).click()])
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  expect(bundle.session.clientCode).toBe('MN34')
  expect(bundle.events.find((e: { type: string }) => e.type === 'answer.given')?.data.value).toBe(1)
})

test('a full device mid-session keeps the answer, offers export at once, and saves it once space is back', async ({ page }) => {
  await page.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if ((window as unknown as { fullDisk?: boolean }).fullDisk && this.name === 'events') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return add.apply(this, args)
    }
  })
  await startCheckIn(page, 'QR78')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.evaluate(() => ((window as unknown as { fullDisk: boolean }).fullDisk = true))
  await page.getByRole('radio', { name: /^4$/ }).click()
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('alert')).toContainText('Opslaan is mislukt')
  await expect(page.getByRole('alert')).toContainText('Niets is kwijt')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar nu een bestand' }).click()])
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  expect(bundle.includesUnsaved).toBe(true)
  expect(bundle.events.find((e: { type: string }) => e.type === 'answer.given')?.data).toMatchObject({ item: 'mood', value: 4 })

  await page.evaluate(() => ((window as unknown as { fullDisk: boolean }).fullDisk = false))
  await page.getByRole('button', { name: 'Probeer opnieuw op te slaan' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  const stored = await storedEvents(page)
  expect(stored.find((e) => e.type === 'answer.given')?.data).toMatchObject({ item: 'mood', value: 4 })
  expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1))
})
