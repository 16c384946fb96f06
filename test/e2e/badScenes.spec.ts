import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'

const dir = join(import.meta.dirname, '../fixtures/bad-scenes')
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()

test('every malformed scene is rejected in the app with file and path, and the app keeps working', async ({ page }) => {
  expect(files.length).toBeGreaterThanOrEqual(20)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByTestId('scene-file').setInputFiles(files.map((f) => join(dir, f)))
  const results = page.getByTestId('scene-check-results').locator(':scope > li')
  await expect(results).toHaveCount(files.length)
  for (const file of files) {
    const entry = page.locator(`[data-file="${file}"]`)
    await expect(entry).toHaveAttribute('data-ok', 'false')
    // Each message names the file, then a path inside it.
    await expect(entry.locator('code').first()).toContainText(new RegExp(`^${file.replace('.', '\\.')}(:\\d+:\\d+)? \\S`))
  }
  expect(errors).toEqual([])

  // The app is unharmed: a client can still start the sample scene.
  await page.getByRole('button', { name: 'Terug' }).click()
  await page.getByLabel('Code').fill('OP56')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
})
