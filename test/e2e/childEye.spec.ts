import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, storedEvents, test } from './fixtures.ts'

type Xyz = [number, number, number]
interface Hook {
  beat: string
  originY: number
  eye: number
  renderStats: Record<string, { calls: number; triangles: number }>
  targets: Record<string, { x: number; y: number; z: number }>
}

const screens = join(import.meta.dirname, '../../.test-output/vr-screens')
test.use({ viewport: { width: 1024, height: 768 } })

async function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => {
    const h = (window as unknown as { __perspectiefVr: Hook }).__perspectiefVr
    return { beat: h.beat, originY: h.originY, eye: h.eye, renderStats: h.renderStats, targets: h.targets }
  })
}

/** Converts a world point to the headset's reference space (the origin was moved to put the head at eye height). */
async function toReference(page: Page, p: Xyz): Promise<{ x: number; y: number; z: number }> {
  const { originY } = await hook(page)
  return { x: p[0], y: p[1] - originY, z: p[2] }
}

/** Saves what the client's left eye sees (the page canvas stays empty while the headset renders). */
async function eyeShot(page: Page, name: string) {
  const url = await page.evaluate(() => (window as unknown as { __perspectiefVr: { snapshot(): string } }).__perspectiefVr.snapshot())
  writeFileSync(join(screens, name), Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'))
}

async function remote(page: Page, action: string, params: Record<string, unknown>) {
  await page.evaluate(([a, p]) => (window as unknown as { __iwer: { remote: { dispatch(a: string, p: unknown): Promise<unknown> } } }).__iwer.remote.dispatch(a, p), [action, params] as const)
}

async function lookAt(page: Page, target: string) {
  const t = (await hook(page)).targets[target]!
  await remote(page, 'look_at', { device: 'headset', target: await toReference(page, [t.x, t.y, t.z]) })
}

/** Aims the right controller's ray at a VR button and pulls the trigger, as a client would. */
async function selectButton(page: Page, id: string) {
  await expect.poll(async () => page.evaluate((b) => b in (window as unknown as { __perspectiefVr: { buttons(): Record<string, unknown> } }).__perspectiefVr.buttons(), id)).toBe(true)
  const at = await page.evaluate((b) => (window as unknown as { __perspectiefVr: { buttons(): Record<string, Xyz> } }).__perspectiefVr.buttons()[b]!, id)
  await remote(page, 'look_at', { device: 'controller-right', target: await toReference(page, at) })
  await remote(page, 'select', { device: 'controller-right' })
}

async function pressB(page: Page) {
  await page.evaluate(async () => {
    const right = (window as unknown as { __iwer: { controllers: { right: { updateButtonValue(id: string, v: number): void } } } }).__iwer.controllers.right
    right.updateButtonValue('b-button', 1)
    await new Promise((r) => setTimeout(r, 150))
    right.updateButtonValue('b-button', 0)
  })
}

/** Uncaught exceptions and console errors of the page: a VR run must have none (a CSP block shows up here). */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  return errors
}

async function startChildEye(page: Page, code: string, choices: { intensity: RegExp; age?: string }) {
  await page.goto('/?speed=10&xr=emulate')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /^Door de ogen van Joris/ }).click()
  await page.getByRole('group', { name: 'Hoeveel zie je?' }).getByRole('button', { name: choices.intensity }).click()
  if (choices.age) await page.getByRole('group', { name: /Leeftijd van het kind/ }).getByRole('button', { name: choices.age, exact: true }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
  await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)
}

async function answerReflection(page: Page) {
  await beatIs(page, 'ask-feeling')
  await selectButton(page, 'feeling:sad')
  await beatIs(page, 'ask-harm-child')
  await selectButton(page, 'harm-child:6')
  await beatIs(page, 'ask-harm-mother')
  await selectButton(page, 'harm-mother:5')
  await expect(page.getByTestId('vr-done')).toBeVisible()
}

const beatIs = (page: Page, beat: string) => expect.poll(async () => (await hook(page)).beat, { timeout: 30_000, intervals: [40] }).toBe(beat)

test('the child-eye scene runs in an emulated headset: look, pause, resume, reflect, export', async ({ page }) => {
  test.setTimeout(180_000)
  const errors = pageErrors(page)
  mkdirSync(screens, { recursive: true })
  await startChildEye(page, 'VR11', { intensity: /^Alles/ })
  await lookAt(page, 'door')
  await beatIs(page, 'mother-confronts')
  await eyeShot(page, 'full-mother-confronts.png')
  const full = await page.evaluate(() => {
    const h = (window as unknown as { __perspectiefVr: { eye: number; camera(): Xyz; figuresInSight(): Record<string, boolean> } }).__perspectiefVr
    return { eye: h.eye, camera: h.camera(), inSight: h.figuresInSight() }
  })
  expect(full.eye).toBeCloseTo(1.0, 1)
  expect(full.camera[1]).toBeCloseTo(full.eye, 1)
  expect(full.inSight).toEqual({ father: true, mother: true })

  await beatIs(page, 'father-answers')
  await pressB(page)
  await expect(page.getByText('Gepauzeerd')).toBeVisible()
  const pausedAt = (await hook(page)).beat
  await page.waitForTimeout(500)
  expect((await hook(page)).beat).toBe(pausedAt)
  await selectButton(page, 'resume')
  await expect(page.getByText('Gepauzeerd')).toHaveCount(0)
  await lookAt(page, 'window')

  await beatIs(page, 'the-blow')
  await eyeShot(page, 'full-the-blow-looking-away.png')
  await beatIs(page, 'silence')
  await lookAt(page, 'door')
  await beatIs(page, 'mother-comes-in')
  await eyeShot(page, 'full-mother-comes-in.png')
  await beatIs(page, 'ask-feeling')
  await eyeShot(page, 'full-reflection.png')
  await answerReflection(page)

  const stats = (await hook(page)).renderStats
  for (const [beat, s] of Object.entries(stats)) {
    expect.soft(s.calls, `draw calls in ${beat}`).toBeLessThanOrEqual(60)
    expect.soft(s.triangles, `triangles in ${beat}`).toBeLessThanOrEqual(100_000)
  }
  expect(Object.keys(stats).length).toBeGreaterThanOrEqual(15)
  const worst = Object.values(stats).reduce((a, b) => ({ calls: Math.max(a.calls, b.calls), triangles: Math.max(a.triangles, b.triangles) }))
  console.log(`VR render budget, worst beat per eye: ${worst.calls} draw calls, ${worst.triangles} triangles over ${Object.keys(stats).length} beats`)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  const events = bundle.events as { type: string; data: Record<string, any> }[]
  const beats = events.filter((e) => e.type === 'beat.entered').map((e) => e.data.beat)
  expect(beats).toEqual(['intro', 'father-home', 'mother-confronts', 'father-answers', 'mother-smells-drink', 'baby-cries', 'threat-to-leave', 'father-threatens', 'glass-breaks', 'the-blow', 'silence', 'mother-comes-in', 'reflect-intro', 'ask-feeling', 'ask-harm-child', 'ask-harm-mother', 'thanks'])
  const dwell = (beat: string) => events.find((e) => e.type === 'head.dwell' && e.data.beat === beat)!.data
  // Looking at the door before the pause, at the window after it: the dwell follows the head.
  expect(dwell('mother-confronts').targets.door.share).toBeGreaterThan(0.5)
  expect(dwell('mother-confronts').targets.window.share).toBe(0)
  expect(dwell('the-blow').targets.window.share).toBeGreaterThan(0.5)
  expect(dwell('the-blow').targets.door.share).toBeLessThan(0.5)
  expect(events.filter((e) => e.type === 'safety.paused')).toEqual([expect.objectContaining({ data: { beat: pausedAt, reason: 'controller' } })])
  expect(events.filter((e) => e.type === 'safety.resumed')).toHaveLength(1)
  expect(events.filter((e) => e.type === 'answer.given').map((e) => [e.data.item, e.data.value])).toEqual([
    ['feeling', 'sad'],
    ['harm-child', 6],
    ['harm-mother', 5],
  ])
  expect(errors).toEqual([])
})

test('heard-only at a 4-year-old eye height: lower camera, door nearly shut, parents out of sight', async ({ page }) => {
  test.setTimeout(120_000)
  await startChildEye(page, 'VR22', { intensity: /^Alleen horen/, age: '4' })
  await beatIs(page, 'father-answers')
  const heard = await page.evaluate(() => {
    const h = (window as unknown as { __perspectiefVr: { eye: number; camera(): Xyz; figuresInSight(): Record<string, boolean> } }).__perspectiefVr
    return { eye: h.eye, camera: h.camera(), inSight: h.figuresInSight() }
  })
  await eyeShot(page, 'heard-father-answers.png')
  expect(heard.eye).toBeLessThan(0.95)
  expect(heard.camera[1]).toBeCloseTo(heard.eye, 1)
  expect(heard.inSight).toEqual({ father: false, mother: false })

  await answerReflection(page)
  const events = await storedEvents(page)
  expect(events.filter((e) => e.type === 'beat.entered')).toHaveLength(17)
  expect(events.filter((e) => e.type === 'head.dwell').length).toBeGreaterThanOrEqual(16)
})

test('a crash mid-scene resumes at the same beat with no event lost', async ({ page, context }) => {
  test.setTimeout(120_000)
  await startChildEye(page, 'VR33', { intensity: /^Horen en zien/ })
  await beatIs(page, 'baby-cries')
  await pressB(page)
  await expect(page.getByText('Gepauzeerd')).toBeVisible()
  const before = await storedEvents(page)
  const beat = (await hook(page)).beat
  const cdp = await context.newCDPSession(page)
  const crashed = page.waitForEvent('crash')
  cdp.send('Page.crash').catch(() => {})
  await crashed

  const reopened = await context.newPage()
  await reopened.goto('/?speed=10&xr=emulate')
  await expect(reopened.getByTestId('beat')).toHaveAttribute('data-beat', beat)
  const after = await storedEvents(reopened)
  expect(after).toEqual(before)
  // Still paused after the crash: the client comes back to the calm space, not to the fight.
  await reopened.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await expect(reopened.getByText('Gepauzeerd')).toBeVisible()
})
