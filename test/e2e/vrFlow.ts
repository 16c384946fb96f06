import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { headsetViewport } from '../../scripts/browser/chromium.ts'
import { expect, trainerLink } from './fixtures.ts'

/** Steps an e2e test takes in an IWER-emulated headset, the way a client would: look, point, pull the trigger. */
export type Xyz = [number, number, number]
export interface Hook {
  beat: string
  originY: number
  eye: number
  renderStats: Record<string, { calls: number; triangles: number }>
  targets: Record<string, { x: number; y: number; z: number }>
  seat?: 'present' | 'future'
}

export const vrScreens = join(import.meta.dirname, '../../.test-output/vr-screens')

export async function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => {
    const h = (window as unknown as { __perspectiefVr: Hook }).__perspectiefVr
    return { beat: h.beat, originY: h.originY, eye: h.eye, renderStats: h.renderStats, targets: h.targets, seat: h.seat }
  })
}

/** A world point in the headset's reference space (the scene moved, and may have turned, the XR origin). */
export async function toReference(page: Page, p: Xyz): Promise<{ x: number; y: number; z: number }> {
  const [x, y, z] = await page.evaluate((q) => (window as unknown as { __perspectiefVr: { toReference(p: Xyz): Xyz } }).__perspectiefVr.toReference(q), p)
  return { x, y, z }
}

/** Saves what the client's left eye sees (the page canvas stays empty while the headset renders). */
export async function eyeShot(page: Page, name: string) {
  mkdirSync(vrScreens, { recursive: true })
  const url = await page.evaluate(() => (window as unknown as { __perspectiefVr: { snapshot(): string } }).__perspectiefVr.snapshot())
  writeFileSync(join(vrScreens, name), Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'))
}

export async function remote(page: Page, action: string, params: Record<string, unknown>) {
  await page.evaluate(([a, p]) => (window as unknown as { __iwer: { remote: { dispatch(a: string, p: unknown): Promise<unknown> } } }).__iwer.remote.dispatch(a, p), [action, params] as const)
}

export async function lookAt(page: Page, target: string) {
  const t = (await hook(page)).targets[target]!
  await remote(page, 'look_at', { device: 'headset', target: await toReference(page, [t.x, t.y, t.z]) })
}

/** Aims the right controller's ray at a VR button and pulls the trigger, as a client would. */
export async function selectButton(page: Page, id: string, options: { thenBeat?: string } = {}) {
  // With `thenBeat`: a person presses again when nothing happened. On a busy machine the emulator now and then drops
  // a select (seen in CI: the scene waited on its question while the test waited for the next beat).
  for (let attempt = 1; ; attempt++) {
    await expect.poll(async () => page.evaluate((b) => b in (window as unknown as { __perspectiefVr: { buttons(): Record<string, unknown> } }).__perspectiefVr.buttons(), id)).toBe(true)
    const at = await page.evaluate((b) => (window as unknown as { __perspectiefVr: { buttons(): Record<string, Xyz> } }).__perspectiefVr.buttons()[b]!, id)
    await remote(page, 'look_at', { device: 'controller-right', target: await toReference(page, at) })
    const heldMs = await pullTrigger(page)
    if (!options.thenBeat) return
    if (attempt > 1) console.log(`selectButton ${id}: pressed again (attempt ${attempt}, trigger held ${Math.round(heldMs)} ms)`)
    try {
      await beatIs(page, options.thenBeat, 10_000)
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/**
 * Pulls the right trigger for one headset frame, once the aim has reached the scene: pressed at one frame's start,
 * released at the next, as a person's pull spans frames. IWER's own `select` action holds the trigger for 150 ms of
 * frame time, counted from the previous frame: whenever a frame takes 150 ms or more (always in the dev server at
 * 4 frames a second, now and then on a busy machine), it pressed and released within one frame, the headset saw no
 * change and sent no select at all.
 */
export async function pullTrigger(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const iwer = (window as unknown as { __iwer: { activeSession: { requestAnimationFrame(cb: () => void): number }; controllers: { right: { updateButtonValue(id: string, v: number): void } } } }).__iwer
    const nextFrame = () => new Promise<number>((done) => iwer.activeSession.requestAnimationFrame(() => done(performance.now())))
    // The aim applied at a frame's start is what the scene casts its ray along in that frame; press after it.
    await nextFrame()
    await nextFrame()
    iwer.controllers.right.updateButtonValue('trigger', 1)
    const pressed = await nextFrame()
    iwer.controllers.right.updateButtonValue('trigger', 0)
    // How long the trigger was held, by the headset's frames (a click is a press released within 300 ms).
    return (await nextFrame()) - pressed
  })
}

export async function pressB(page: Page) {
  await page.evaluate(async () => {
    const right = (window as unknown as { __iwer: { controllers: { right: { updateButtonValue(id: string, v: number): void } } } }).__iwer.controllers.right
    right.updateButtonValue('b-button', 1)
    await new Promise((r) => setTimeout(r, 150))
    right.updateButtonValue('b-button', 0)
  })
}

/** Uncaught exceptions and console errors of the page: a VR run must have none (a CSP block shows up here). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  return errors
}

export const beatIs = (page: Page, beat: string, timeout = 30_000) => expect.poll(async () => (await hook(page)).beat, { timeout, intervals: [40] }).toBe(beat)

/**
 * Sets up the child's-eye scene from the lobby as a trainer does (consent, client code, the scene, how much is seen,
 * the child's age) and stops at its VR start screen. `url` carries the scene clock (`speed`) and the emulator; the
 * trainer's link (`setting=supervision`) is added here, since the scene is for supervision only.
 */
export async function openChildEye(page: Page, code: string, options: { url: string; intensity?: RegExp; age?: string }) {
  await page.goto(trainerLink(options.url))
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /^Door de ogen van Joris/ }).click()
  await page.getByRole('group', { name: 'Hoeveel zie je?' }).getByRole('button', { name: options.intensity ?? /^Alles/ }).click()
  if (options.age) await page.getByRole('group', { name: /Leeftijd van het kind/ }).getByRole('button', { name: options.age, exact: true }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
}

/** Presses the app's own start button and waits until the emulated headset session and the scene are up. */
export async function enterHeadset(page: Page) {
  await page.setViewportSize(headsetViewport)
  // What the client sees in the headset's 2D window: the whole start panel inside it (the page itself cannot scroll;
  // a long panel scrolls inside itself), and the start button shows without scrolling.
  const panel = page.locator('.vr-start')
  await expect(page.getByRole('button', { name: 'Start in de VR-bril' })).toBeInViewport({ ratio: 1 })
  const box = (await panel.boundingBox())!
  expect(box.y, 'start panel top inside the window').toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, 'start panel bottom inside the window').toBeLessThanOrEqual(headsetViewport.height)
  mkdirSync(vrScreens, { recursive: true })
  await page.screenshot({ path: join(vrScreens, 'vr-start-panel.png') })
  await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
  await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)
}

/** Kills the renderer the hard way (CDP Page.crash), as a headset browser crash would. */
export async function crashPage(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page)
  const crashed = page.waitForEvent('crash')
  cdp.send('Page.crash').catch(() => {}) // never answers: the renderer is gone
  await crashed
}

/** Draw calls and triangles per beat must stay within the standalone-headset budget (src/xr/README.md). */
export function expectWithinBudget(stats: Record<string, { calls: number; triangles: number }>): { calls: number; triangles: number } {
  for (const [beat, s] of Object.entries(stats)) {
    expect.soft(s.calls, `draw calls in ${beat}`).toBeLessThanOrEqual(60)
    expect.soft(s.triangles, `triangles in ${beat}`).toBeLessThanOrEqual(100_000)
  }
  return Object.values(stats).reduce((a, b) => ({ calls: Math.max(a.calls, b.calls), triangles: Math.max(a.triangles, b.triangles) }), { calls: 0, triangles: 0 })
}
