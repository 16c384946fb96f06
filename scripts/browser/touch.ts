import { seededRandom } from '../../src/engine/drill/seededRandom.ts'
import type { CDPSession, Page } from '@playwright/test'

export type Direction = 'push' | 'pull'

export interface SwipePlan {
  direction: Direction
  /** Injected truth: ms from onset to the first move past the initiation threshold. */
  rtMs: number
  /** ms from onset to the touch going down (before initiation). */
  touchdownMs?: number
}

/** The picture's onset on the page's performance clock, once the stimulus is on screen. */
export type DrillScreen = { kind: 'intro' } | { kind: 'done' } | { kind: 'welcome' } | { kind: 'stimulus'; onset: number; stimulus: string; category: 'alcohol' | 'soft'; tilt: string | null }

/** Waits for the next thing a client would act on: an intro with a start button, a new picture, the welcome-back (or stopped) screen, or the end. */
export async function nextDrillScreen(page: Page, lastOnset: number | null): Promise<DrillScreen> {
  const handle = await page.waitForFunction(
    (last) => {
      if (document.querySelector('[data-testid="drill-done"]')) return { kind: 'done' }
      if (document.querySelector('[data-testid="drill-welcome-back"], [data-testid="drill-paused"]')) return { kind: 'welcome' }
      const begin = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Begin' || b.textContent === 'Start')
      if (begin) return { kind: 'intro' }
      const f = document.querySelector<HTMLElement>('.stimulus-frame[data-onset]')
      if (f && Number(f.dataset.onset) !== last) {
        const tilt = f.style.transform.includes('rotate(-9deg)') ? 'left' : f.style.transform.includes('rotate(9deg)') ? 'right' : null
        return { kind: 'stimulus', onset: Number(f.dataset.onset), stimulus: f.dataset.stimulus, category: f.dataset.category, tilt }
      }
      return null
    },
    lastOnset,
    { polling: 'raf', timeout: 20_000 },
  )
  return (await handle.jsonValue()) as DrillScreen
}

/**
 * A swipe the way a finger makes it, through CDP touch events with explicit timestamps, so Chromium stamps
 * `event.timeStamp` with exactly the injected times (CDP `Input.dispatchTouchEvent` with a `timestamp` in seconds
 * since the epoch: a measured RT then matches the injected one to about 0.1 ms; without it the error is about 1 ms).
 * The touches are sent once their time has passed, as a real finger's would be.
 */
export async function injectSwipe(page: Page, cdp: CDPSession, onset: number, plan: SwipePlan): Promise<{ rtInitiationMs: number; rtCompletionMs: number }> {
  const { timeOrigin, height, width } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, height: window.innerHeight, width: window.innerWidth }))
  const x = width / 2
  const y0 = height / 2
  const sign = plan.direction === 'push' ? -1 : 1
  const exit = Math.max(60, height * 0.25)
  const down = onset + (plan.touchdownMs ?? plan.rtMs - 60)
  const steps: { at: number; dy: number }[] = [
    { at: plan.rtMs - 30, dy: 4 }, // below the 10 px threshold: not yet an initiation
    { at: plan.rtMs, dy: 12 }, // first move past the threshold: the initiation
    ...[1, 2, 3, 4].map((i) => ({ at: plan.rtMs + i * 16, dy: 12 + (exit * i) / 4 })),
    { at: plan.rtMs + 90, dy: exit + 20 }, // past the exit line: completion
  ]
  const last = onset + plan.rtMs + 100
  await page.waitForFunction((until) => performance.now() > until, last, { polling: 10 })
  const stamp = (perfMs: number) => (timeOrigin + perfMs) / 1000
  const point = (dy: number) => [{ x, y: y0 + sign * dy, id: 1, radiusX: 5, radiusY: 5, force: 1 }]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0), timestamp: stamp(down) })
  for (const s of steps) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(s.dy), timestamp: stamp(onset + s.at) })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: stamp(last) })
  // The injected truth: the first move past the threshold, and the first past the exit line.
  return { rtInitiationMs: plan.rtMs, rtCompletionMs: steps.find((s) => s.dy >= exit)!.at }
}

/** A seeded series of plausible reaction times (350–900 ms), so every run checks the same truths. */
export function truthSeries(seed: number) {
  const random = seededRandom(seed)
  return () => Math.round((350 + random() * 550) * 10) / 10
}
