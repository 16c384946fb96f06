import { expect, test, type Page } from '@playwright/test'
import { withFakeMicrophone } from './fakeMicrophone.ts'
import { answerMeasures, buildAvatar, speak } from './futureSelfFlow.ts'
import { enterLobby, runReadmeCommand, viteOverlay, watchProblems, type RunningCommand } from './devServer.ts'
import { beatIs, enterHeadset, hook, selectButton } from './vrFlow.ts'

/*
 * Both VR scenes, start to end, in the dev server (`npm start`), where React's StrictMode mounts every component
 * twice: a scene once waited for ever on its first line there, while every production-build test passed.
 * PERSPECTIEF_TEST_MODE=1 gives the dev server what test builds have: the emulated headset (`?xr=emulate`) and the
 * fast scene clock (`?speed=`).
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 })
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withFakeMicrophone() })

let server: RunningCommand
test.beforeAll(async () => {
  server = await runReadmeCommand('start', { PERSPECTIEF_TEST_MODE: '1' })
})
test.afterAll(async () => {
  await server?.stop()
})

async function openScene(page: Page, code: string, scene: RegExp) {
  await enterLobby(page, `${server.url}?speed=10&xr=emulate`, code)
  await page.getByRole('button', { name: scene }).click()
}

test("the child's-eye scene plays from its first line to the end in the dev server", async ({ page }) => {
  const problems = watchProblems(page)
  await openScene(page, 'DVR1', /^Door de ogen van Joris/)
  await page.getByRole('button', { name: 'Begin' }).click()
  await enterHeadset(page)
  // The first line must end by itself for the scene to go on.
  const first = (await hook(page)).beat
  await expect.poll(async () => (await hook(page)).beat, { timeout: 30_000 }).not.toBe(first)
  await beatIs(page, 'ask-feeling', 120_000)
  await selectButton(page, 'feeling:sad')
  await beatIs(page, 'ask-harm-child')
  await selectButton(page, 'harm-child:6')
  await beatIs(page, 'ask-harm-mother')
  await selectButton(page, 'harm-mother:5')
  await expect(page.getByTestId('vr-done')).toBeVisible()
  await expect(viteOverlay(page)).toHaveCount(0)
  expect(problems.consoleErrors).toEqual([])
})

test('the future-self meeting plays from its first line to the end in the dev server', async ({ page }) => {
  const problems = watchProblems(page)
  await openScene(page, 'DVR2', /^Ontmoet jezelf, later/)
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
  await expect(viteOverlay(page)).toHaveCount(0)
  expect(problems.consoleErrors).toEqual([])
})
