import { drillBundle, questionnaireBundle } from '../fixtures/sampleBundles.ts'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, startCheckIn, test } from './fixtures.ts'

const databases = (page: import('@playwright/test').Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))

test('imported sessions live in memory only, unless the trainer keeps them; erase everything removes the kept copy', async ({ page }) => {
  await openDebrief(page)
  await upload(page, [jsonUpload('a.json', questionnaireBundle()), jsonUpload('b.json', drillBundle(40))])
  await messageFor(page, 'b.json', 'added')
  await expect(page.getByTestId('session-report')).toHaveCount(2)
  expect(await databases(page)).not.toContain('perspectief-debrief')

  // Closing (here: reloading) the page forgets everything that was not kept.
  await page.reload()
  await expect(page.getByText('Nog geen sessies geopend.')).toBeVisible()

  // Kept on request: back after a reload, in its own database.
  await upload(page, [jsonUpload('a.json', questionnaireBundle()), jsonUpload('b.json', drillBundle(40))])
  await page.getByRole('button', { name: 'Bewaar op deze laptop' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bewaard op deze laptop' })).toBeVisible()
  expect(await databases(page)).toContain('perspectief-debrief')
  await page.reload()
  await expect(page.getByTestId('session-report')).toHaveCount(2)

  // "Clear" empties the window and the kept copy.
  await page.getByRole('button', { name: 'Wis alles uit dit venster' }).click()
  await expect(page.getByTestId('session-report')).toHaveCount(0)
  expect(await databases(page)).not.toContain('perspectief-debrief')

  // Kept again, then "erase everything" in the client app's settings removes it with all other data.
  await upload(page, [jsonUpload('a.json', questionnaireBundle())])
  await messageFor(page, 'a.json', 'added')
  await page.getByRole('button', { name: 'Bewaar op deze laptop' }).click()
  await expect.poll(() => databases(page)).toContain('perspectief-debrief')
  await startCheckIn(page, 'EK11')
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByRole('button', { name: 'Wis alles op dit apparaat' }).click()
  await page.getByRole('button', { name: 'Ja, wis alles' }).click()
  await expect(page.getByTestId('erase-report')).toBeVisible()
  expect(await databases(page)).toEqual([])
  await openDebrief(page)
  await expect(page.getByText('Nog geen sessies geopend.')).toBeVisible()
})

test('the lobby links to the debrief for the trainer', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Voor de begeleider' }).click()
  await expect(page).toHaveURL(/debrief\.html$/)
  await expect(page.getByRole('heading', { name: 'Nabespreken' })).toBeVisible()
})
