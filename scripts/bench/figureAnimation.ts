import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath, headsetViewport } from '../browser/chromium.ts'
import { repoRoot } from '../sceneFiles.ts'
import { cpuInSource, type SourcePart } from './cpuInSource.ts'

/**
 * The figures' animation CPU per frame in a VR scene: pose easing, idle life, grounding, gaze and the face
 * (src/xr/figures/figureAnimator.ts and what it calls, run from Figure's useFrame), played through from its first beat
 * to its last in an emulated Quest 3 (IWER, test build), with every figure the scene shows.
 *
 * - **Truth: V8's sampling profiler** on the headset page (cpuInSource.ts), not the app's own clock: the samples
 *   with Figure's per-frame callback or the animation files on the stack, found through the build's source maps,
 *   times the mean interval between samples, is the animation's time on a CPU; pre-empted time yields no samples.
 *   It errs high (pre-emptions thin the samples and lengthen the mean interval). Skinning itself runs on the GPU;
 *   the bone matrices' upload is the renderer's, not counted here.
 * - **Frames: the browser's own animation frames**, counted by an init script as the distinct timestamps handed to
 *   `requestAnimationFrame` callbacks (the emulated headset runs one XR frame in each), not by the app.
 * - **Draw calls and triangles**: the renderer's own counters per beat (the worst per eye, as the e2e tests assert),
 *   read from the test hook when the scene is done.
 */
export async function figureAnimation({ origin, dist, scene, setup }: { origin: string; dist: string; scene: RegExp; setup: (page: Page) => Promise<void> }) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    await page.addInitScript(() => {
      const w = window as unknown as { __benchFrames: number }
      w.__benchFrames = 0
      let last = -1
      const request = window.requestAnimationFrame.bind(window)
      window.requestAnimationFrame = (callback) =>
        request((time) => {
          if (time !== last) {
            last = time
            w.__benchFrames++
          }
          callback(time)
        })
    })
    await page.goto(`${origin}/?speed=10&xr=emulate&setting=supervision`)
    await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
    await page.getByLabel('Code').fill('BENCH5')
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByRole('button', { name: scene }).click()
    await setup(page)
    await page.setViewportSize(headsetViewport)
    await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
    await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
    await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)

    // Given as text: a function would be transformed by tsx, whose helpers do not exist in the page.
    const autoplay = `(async () => {
      const hook = window.__perspectiefVr
      const ids = Object.keys(hook.buttons()).filter((id) => id.includes(':') && !id.endsWith(':done-talking'))
      if (ids.length === 0) return false
      const p = hook.toReference(hook.buttons()[ids[0]])
      await window.__iwer.remote.dispatch('look_at', { device: 'controller-right', target: { x: p[0], y: p[1], z: p[2] } })
      await window.__iwer.remote.dispatch('select', { device: 'controller-right' })
      return true
    })()`
    const playToTheEnd = async () => {
      const deadline = Date.now() + 300_000
      while (!(await page.getByTestId('vr-done').isVisible())) {
        if (Date.now() > deadline) throw new Error('the VR scene did not finish')
        await page.evaluate(autoplay)
        await page.waitForTimeout(250)
      }
    }
    const frames = () => page.evaluate('window.__benchFrames') as Promise<number>
    const cdp = await page.context().newCDPSession(page)
    const before = await frames()
    const cpu = await cpuInSource(cdp, null, dist, animationParts(), playToTheEnd)
    const drawn = (await frames()) - before
    const stats = (await page.evaluate('window.__perspectiefVr.renderStats')) as Record<string, { calls: number; triangles: number }>
    const beats = Object.entries(stats)
    const worst = beats.reduce((a, [beat, s]) => (s.calls > a.calls || (s.calls === a.calls && s.triangles > a.triangles) ? { beat, ...s } : a), { beat: '', calls: 0, triangles: 0 })
    return {
      frames: drawn,
      cpu,
      msPerFrame: cpu.insideCpuMs / Math.max(1, drawn),
      // Poisson: the relative error of a count n is about 1/√n.
      relativeError: cpu.insideSamples > 0 ? 1 / Math.sqrt(cpu.insideSamples) : null,
      beatCount: beats.length,
      worst,
      maxTriangles: Math.max(...beats.map(([, s]) => s.triangles)),
      withinBudget: beats.every(([, s]) => s.calls <= 60 && s.triangles <= 100_000),
    }
  } finally {
    await browser.close()
  }
}

/** What counts as animation: Figure's useFrame callback (found by its text) and the files of the per-frame layers. */
export function animationParts(): SourcePart[] {
  const figure = readFileSync(join(repoRoot, 'src/xr/figures/Figure.tsx'), 'utf8').split('\n')
  const from = figure.findIndex((l) => l.startsWith('  useFrame(')) + 1
  const to = figure.findIndex((l, i) => i >= from && l === '  })') + 1
  if (from === 0 || to === 0) throw new Error('src/xr/figures/Figure.tsx: its useFrame callback not found; the bench looks for it by its text')
  const whole = (file: string): SourcePart => ({ source: `xr/figures/${file}`, from: 1, to: readFileSync(join(repoRoot, 'src/xr/figures', file), 'utf8').split('\n').length })
  return [{ source: 'xr/figures/Figure.tsx', from, to }, ...['figureAnimator.ts', 'idleLife.ts', 'gaze.ts', 'jawFollower.ts', 'faceRig.ts', 'expressions.ts'].map(whole)]
}
