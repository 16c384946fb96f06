import { expect, test, type Page } from '@playwright/test'
import { withFakeMicrophone } from './fakeMicrophone.ts'
import { trainerLink } from './fixtures.ts'
import { answerMeasures, buildAvatar, speak } from './futureSelfFlow.ts'
import { runReadmeCommand, viteOverlay, watchProblems, type PageProblems, type RunningCommand } from './devServer.ts'
import { beatIs, enterHeadset, hook, openChildEye, selectButton } from './vrFlow.ts'

/*
 * Both VR scenes, start to end, in the dev server (`npm start`), where React's StrictMode mounts every component
 * twice: a scene once waited for ever on its first line there, while every production-build test passed.
 * PERSPECTIEF_TEST_MODE=1 gives the dev server what test builds have: the emulated headset (`?xr=emulate`) and the
 * fast scene clock (`?speed=`). Vite allows one dev server per project at a time, so both scenes share one.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 })
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withFakeMicrophone() })

let server: RunningCommand
test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await runReadmeCommand('start', { PERSPECTIEF_TEST_MODE: '1' })
})
test.afterAll(async () => {
  await server?.stop()
})

/** Console errors, failed requests and requests to any origin but the dev server's, from the page's first request on. */
function watch(page: Page): PageProblems & { foreign: string[] } {
  const problems = { ...watchProblems(page), foreign: [] as string[] }
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== new URL(server.url).origin) problems.foreign.push(url)
  })
  return problems
}

async function expectClean(page: Page, problems: ReturnType<typeof watch>) {
  await expect(viteOverlay(page)).toHaveCount(0)
  expect(problems.consoleErrors, 'console errors').toEqual([])
  expect(problems.failedRequests, 'failed requests').toEqual([])
  expect(problems.foreign, 'requests to other origins').toEqual([])
}

test("the child's-eye scene plays from its first line to the end in the dev server", async ({ page }) => {
  const problems = watch(page)
  await openChildEye(page, 'DVR1', { url: `${server.url}?speed=10&xr=emulate` })
  await enterHeadset(page)
  // The first line must end by itself for the scene to go on (under StrictMode it once never did).
  const first = (await hook(page)).beat
  await expect.poll(async () => (await hook(page)).beat, { timeout: 30_000 }).not.toBe(first)
  await beatIs(page, 'ask-feeling', 120_000)
  await selectButton(page, 'feeling:sad', { thenBeat: 'ask-harm-child' })
  await selectButton(page, 'harm-child:6', { thenBeat: 'ask-harm-mother' })
  await selectButton(page, 'harm-mother:5', { thenBeat: 'thanks' })
  await expect(page.getByTestId('vr-done')).toBeVisible({ timeout: 30_000 })
  await expectClean(page, problems)
})

test('the future-self meeting plays from its first line to the end in the dev server', async ({ page }) => {
  const problems = watch(page)
  await page.goto(trainerLink(`${server.url}?speed=10&xr=emulate`))
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill('DVR2')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /^Ontmoet jezelf, later/ }).click()
  await page.getByRole('group', { name: 'Aantal rondes' }).getByRole('button', { name: '1', exact: true }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await buildAvatar(page)
  await enterHeadset(page)
  await beatIs(page, 'mirror-move', 60_000)
  await answerMeasures(page, 'before', [3, 4, 3, 4, 2])
  await beatIs(page, 'choose-theme', 60_000)
  await selectButton(page, 'theme:money')
  await speak(page, 'answer-1', 'answer-1')
  await speak(page, 'reply-1', 'reply-1')
  await beatIs(page, 'choose-message', 60_000)
  await selectButton(page, 'message:not-alone')
  await answerMeasures(page, 'after', [5, 5, 6, 5, 5])
  await expect(page.getByTestId('vr-done')).toBeVisible({ timeout: 60_000 })
  await expectClean(page, problems)
})
