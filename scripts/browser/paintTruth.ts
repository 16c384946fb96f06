import type { CDPSession, Page } from '@playwright/test'

/**
 * The browser's own record of when a picture reached the screen: Element Timing entries (`renderTime`, on the page's
 * performance clock) for images marked `elementtiming`, collected by an observer the bench installs before the page's
 * code runs. Nothing here reads the app's own onset. Chromium reports an entry each time a marked image is inserted
 * and painted; Safari has no Element Timing.
 */
export interface PaintEntry {
  url: string
  identifier: string
  renderTime: number
  loadTime: number
}

export async function observePaints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __paints: { url: string; identifier: string; renderTime: number; loadTime: number }[] }
    w.__paints = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { url: string; identifier: string; renderTime: number; loadTime: number })[]) {
        w.__paints.push({ url: e.url, identifier: e.identifier, renderTime: e.renderTime, loadTime: e.loadTime })
      }
    }).observe({ type: 'element', buffered: true })
  })
}

/** Waits for the `index`-th (0-based) paint of a marked image and returns it. */
export async function nthPaint(page: Page, index: number, timeout = 20_000): Promise<PaintEntry> {
  const handle = await page.waitForFunction((n) => (window as unknown as { __paints: PaintEntry[] }).__paints[n] ?? null, index, { polling: 'raf', timeout })
  return (await handle.jsonValue()) as PaintEntry
}

/** Sleeps until an absolute epoch time in ms (sub-millisecond; the same system clock as the page's timeOrigin). */
export async function sleepUntil(epochMs: number) {
  const now = () => performance.timeOrigin + performance.now()
  while (epochMs - now() > 2) await new Promise((r) => setTimeout(r, Math.min(10, epochMs - now() - 1)))
  while (now() < epochMs);
}

export interface TouchStep {
  /** ms after the truth's time zero (the paint). */
  at: number
  type: 'touchStart' | 'touchMove' | 'touchEnd'
  x: number
  y: number
}

/**
 * Sends touch steps through CDP at `zero + at` (page clock), the way a finger's come:
 * - `back-dated`: each sent once its time has passed, stamped with its planned time (Chromium then sets
 *   `event.timeStamp` to exactly that time); the returned times are the planned ones.
 * - `real-time`: each sent when its time comes, without a stamp, so the browser stamps it on arrival; the returned
 *   times are when the bench handed each step to CDP (the arrival is later by the CDP hop, part of the error).
 */
export async function dispatchTouches(cdp: CDPSession, timeOrigin: number, zero: number, steps: TouchStep[], mode: 'back-dated' | 'real-time'): Promise<number[]> {
  const sent: number[] = []
  for (const s of steps) {
    const epoch = timeOrigin + zero + s.at
    await sleepUntil(epoch)
    const touchPoints = s.type === 'touchEnd' ? [] : [{ x: s.x, y: s.y, id: 1, radiusX: 5, radiusY: 5, force: 1 }]
    if (mode === 'back-dated') {
      sent.push(zero + s.at)
      await cdp.send('Input.dispatchTouchEvent', { type: s.type, touchPoints, timestamp: epoch / 1000 })
    } else {
      sent.push(performance.timeOrigin + performance.now() - timeOrigin)
      await cdp.send('Input.dispatchTouchEvent', { type: s.type, touchPoints })
    }
  }
  return sent
}
