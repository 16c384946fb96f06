import { expect, test, type Browser } from '@playwright/test'
import { enterLobby, runReadmeCommand, viteOverlay, watchProblems } from './devServer.ts'

/*
 * The README's first command, run as a newcomer runs it: `npm start` (and `npm run start:https` for a headset),
 * not the production build every other e2e test uses. Vite allows one dev server per project at a time, so these
 * run one after another.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 })

async function walkToFirstPicture(browser: Browser, url: string, https: boolean) {
  // Only this test browser accepts the self-signed certificate of `start:https`.
  const context = await browser.newContext({ ignoreHTTPSErrors: https, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const page = await context.newPage()
  const problems = watchProblems(page)
  const foreign: string[] = []
  context.on('request', (request) => {
    const requested = request.url()
    if (!requested.startsWith('blob:') && !requested.startsWith('data:') && new URL(requested).origin !== new URL(url).origin) foreign.push(requested)
  })
  try {
    await enterLobby(page, url, 'DEV1')
    await page.getByRole('button', { name: /Drank wegvegen/ }).click()
    await page.getByRole('button', { name: 'Begin' }).click()
    await page.waitForURL(/drill\.html/)
    // The drill's first screen is an instruction with its own start button; after it, the first picture.
    await page.getByRole('button', { name: /^(Begin|Start)$/ }).click()
    const picture = page.locator('.stimulus-frame[data-onset] img')
    await expect(picture).toBeVisible()
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the first picture has loaded').toBe(true)
    await expect(viteOverlay(page)).toHaveCount(0)
    expect(problems.consoleErrors, 'console errors').toEqual([])
    expect(problems.failedRequests, 'failed requests').toEqual([])
    expect(foreign, 'requests to other origins').toEqual([])
  } finally {
    await context.close()
  }
}

test('npm start: consent, code, lobby and the drill\'s first picture, with no overlay and no error', async ({ browser }) => {
  const server = await runReadmeCommand('start')
  try {
    await walkToFirstPicture(browser, server.url, false)
  } finally {
    await server.stop()
  }
})

test('npm run start:https: the same walk over HTTPS with its self-signed certificate', async ({ browser }) => {
  const server = await runReadmeCommand('start:https')
  try {
    await walkToFirstPicture(browser, server.url, true)
  } finally {
    await server.stop()
  }
})
