import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../browser/chromium.ts'
import { repoRoot } from '../sceneFiles.ts'
import { cpuInSource, type SourcePart } from './cpuInSource.ts'
import { enterVrScene, playVrSceneToTheEnd, renderBudget } from './vrHeadsetPage.ts'

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
    await enterVrScene(page, { origin, scene, code: 'BENCH5', setup })
    const playToTheEnd = () => playVrSceneToTheEnd(page, 300_000)
    const frames = () => page.evaluate('window.__benchFrames') as Promise<number>
    const cdp = await page.context().newCDPSession(page)
    const before = await frames()
    const cpu = await cpuInSource(cdp, null, dist, animationParts(), playToTheEnd)
    const drawn = (await frames()) - before
    const { beatCount, worst, maxTriangles, withinBudget } = await renderBudget(page)
    return {
      frames: drawn,
      cpu,
      msPerFrame: cpu.insideCpuMs / Math.max(1, drawn),
      // Poisson: the relative error of a count n is about 1/√n.
      relativeError: cpu.insideSamples > 0 ? 1 / Math.sqrt(cpu.insideSamples) : null,
      beatCount,
      worst,
      maxTriangles,
      withinBudget,
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
