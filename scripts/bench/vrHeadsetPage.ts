import type { Page } from '@playwright/test'
import { headsetViewport } from '../browser/chromium.ts'

/** The bench's steps in an emulated Quest 3 (IWER, test build), shared by the render-budget and the animation rows. */

/**
 * Opens a VR scene from the trainer's lobby link (the VR scenes are for supervision, so the lobby lists them only with
 * `setting=supervision`), runs `setup` on its start screen, and enters the emulated headset in its small window.
 */
export async function enterVrScene(page: Page, { origin, scene, code, setup }: { origin: string; scene: RegExp; code: string; setup: (page: Page) => Promise<void> }) {
  await page.goto(`${origin}/?speed=10&xr=emulate&setting=supervision`)
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: scene }).click()
  await setup(page)
  await page.setViewportSize(headsetViewport)
  await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
  await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)
}

// Given as text: a function would be transformed by tsx, whose helpers do not exist in the page.
const answerFirstChoice = `(async () => {
  const hook = window.__perspectiefVr
  const ids = Object.keys(hook.buttons()).filter((id) => id.includes(':') && !id.endsWith(':done-talking'))
  if (ids.length === 0) return false
  const p = hook.toReference(hook.buttons()[ids[0]])
  await window.__iwer.remote.dispatch('look_at', { device: 'controller-right', target: { x: p[0], y: p[1], z: p[2] } })
  await window.__iwer.remote.dispatch('select', { device: 'controller-right' })
  return true
})()`

/** Plays the scene to its done screen, answering each question with its first choice. */
export async function playVrSceneToTheEnd(page: Page, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await page.getByTestId('vr-done').isVisible())) {
    if (Date.now() > deadline) throw new Error('the VR scene did not finish')
    await page.evaluate(answerFirstChoice)
    await page.waitForTimeout(250)
  }
}

/** Draw calls and triangles per beat, from the renderer's own counters (the worst per eye), read from the test hook. */
export async function renderBudget(page: Page) {
  const stats = (await page.evaluate('window.__perspectiefVr.renderStats')) as Record<string, { calls: number; triangles: number }>
  const beats = Object.entries(stats)
  const worst = beats.reduce((a, [beat, s]) => (s.calls > a.calls || (s.calls === a.calls && s.triangles > a.triangles) ? { beat, ...s } : a), { beat: '', calls: 0, triangles: 0 })
  return { beats: stats, beatCount: beats.length, worst, maxTriangles: Math.max(...beats.map(([, s]) => s.triangles)), withinBudget: beats.every(([, s]) => s.calls <= 60 && s.triangles <= 100_000) }
}
