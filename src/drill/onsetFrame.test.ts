import { describe, expect, it } from 'vitest'
import { showOnNextFrame } from './onsetFrame.ts'

/** A hand-driven requestAnimationFrame: each call to `frame(t)` runs the callbacks queued before it, with time t. */
function frames() {
  let queued: FrameRequestCallback[] = []
  return {
    raf: (cb: FrameRequestCallback) => queued.push(cb),
    frame(t: number) {
      const now = queued
      queued = []
      for (const cb of now) cb(t)
    },
  }
}

describe('showOnNextFrame', () => {
  it('shows the picture in the second frame and returns that frame as onset, with the interval before it', async () => {
    const clock = frames()
    let shownAt: number | null = null
    const onset = showOnNextFrame(() => (shownAt = 1), clock.raf)
    clock.frame(1000)
    expect(shownAt).toBeNull()
    clock.frame(1016.7)
    expect(shownAt).toBe(1)
    expect(await onset).toEqual({ onsetMs: 1016.7, frameIntervalMs: expect.closeTo(16.7, 9) })
  })

  it('gives no interval, not 0 ms, when the browser stamps both frames alike (seen in headless Chromium)', async () => {
    const clock = frames()
    const onset = showOnNextFrame(() => {}, clock.raf)
    clock.frame(42683.532)
    clock.frame(42683.532)
    expect(await onset).toEqual({ onsetMs: 42683.532, frameIntervalMs: null })
  })
})
