import { devices } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

test('English survives a reload: the lobby, the drill and back to start stay English; the debrief keeps its own choice', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/?speed=3')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible()
  await page.getByRole('button', { name: 'I understand and take part' }).click()
  await page.getByLabel('Code').fill('EN21')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { name: 'What will you do?' })).toBeVisible()
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // A new visit without any ?lang= in the address: the drill starts, and a reload mid-drill keeps English.
  await page.goto('/?speed=3')
  await page.getByLabel('Code').fill('EN21')
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: /Swipe drinks away/ }).click()
  await page.getByRole('button', { name: 'Start' }).click()
  await page.waitForURL(/drill\.html/)
  await expect(page.getByRole('button', { name: 'Stop for now' })).toBeVisible()
  await page.goto(page.url().replace(/[?&]lang=en/, ''))
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('link', { name: 'Later' }).click()
  await expect(page.getByRole('heading', { name: 'What will you do?' })).toBeVisible()

  // The trainer's debrief on the same device has its own switch: it starts in Dutch, and its English is remembered too.
  await page.goto('/debrief.html')
  await expect(page.getByRole('heading', { name: 'Nabespreken' })).toBeVisible()
  await page.getByRole('button', { name: 'English' }).click()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible()
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
