import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { enterLobby, repoRoot, runReadmeCommand, viteOverlay, walkToLobby, watchProblems } from './devServer.ts'

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

test('npm start picks up scene edits live: a new title, a broken file with its line, the app back, a new scene folder', async ({ browser }) => {
  // A temporary copy of scenes/: the repository is never changed, even when this test is killed half-way.
  const scenes = mkdtempSync(join(tmpdir(), 'perspectief-scenes-'))
  cpSync(join(repoRoot, 'scenes'), scenes, { recursive: true })
  const server = await runReadmeCommand('start', { PERSPECTIEF_SCENES_DIR: scenes })
  const context = await browser.newContext()
  const page = await context.newPage()
  // Every step below waits for the page to reload by itself (the feature under test) and never navigates: a
  // navigation of the test's own raced the server's reload and hung the test in about one run in three.
  let loads = 0
  page.on('load', () => loads++)
  const reloadedBy = async (change: () => void) => {
    const before = loads
    change()
    await expect.poll(() => loads, { message: 'the page reloads by itself', timeout: 60_000 }).toBeGreaterThan(before)
  }
  try {
    const checkIn = join(scenes, 'check-in', 'scene.yaml')
    const original = readFileSync(checkIn, 'utf8')
    await enterLobby(page, server.url, 'DEV2')
    await expect(page.getByRole('button', { name: /Hoe gaat het\?/ })).toBeVisible()

    // 1. A new title: the page reloads by itself and shows it. (A file event can come twice, and so can the
    // reload, so the walk is retried until the lobby with the new title stays.)
    await reloadedBy(() => writeFileSync(checkIn, original.replace('nl: "Hoe gaat het?"', 'nl: "Hoe gaat het vandaag?"')))
    await expect(async () => {
      await walkToLobby(page, 'DEV2')
      await expect(page.getByText('Hoe gaat het vandaag?')).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 60_000 })

    // 2. A broken file: the overlay and the terminal both name the file and the line.
    const brokenLine = original.split('\n').findIndex((line) => line.startsWith('kind:')) + 1
    const where = `${relative(repoRoot, checkIn)}:${brokenLine}`
    await reloadedBy(() => writeFileSync(checkIn, original.replace('kind: questionnaire', 'kind: questionaire')))
    await expect(viteOverlay(page)).toContainText(where, { timeout: 60_000 })
    expect(server.output()).toContain(where)

    // 3. Fixed again: the app is back, without the overlay.
    await reloadedBy(() => writeFileSync(checkIn, original))
    await expect(async () => {
      await walkToLobby(page, 'DEV2')
      await expect(page.getByRole('button', { name: /Hoe gaat het\?/ })).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 60_000 })
    await expect(viteOverlay(page)).toHaveCount(0)

    // 4. A new scene folder while the server runs: listed without a restart.
    // Made beside the scenes folder and moved in with one rename, as a finished folder arrives: the watcher never
    // sees an empty folder, a half-written file or (as a copy of check-in would) a duplicate id.
    const staged = `${scenes}-new`
    mkdirSync(staged)
    writeFileSync(
      join(staged, 'scene.yaml'),
      original.replace('id: check-in', 'id: check-in-copy').replace('nl: "Hoe gaat het?"', 'nl: "Een nieuwe vragenlijst"'),
    )
    await reloadedBy(() => renameSync(staged, join(scenes, 'check-in-copy')))
    await expect(async () => {
      await walkToLobby(page, 'DEV2')
      await expect(page.getByText('Een nieuwe vragenlijst')).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 60_000 })
  } finally {
    await context.close()
    await server.stop()
    rmSync(scenes, { recursive: true, force: true })
    rmSync(`${scenes}-new`, { recursive: true, force: true })
  }
})
