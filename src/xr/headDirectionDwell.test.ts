import { describe, expect, it } from 'vitest'
import { createDwellTracker, yawOf, type Vec3 } from './headDirectionDwell.ts'

const head: Vec3 = [0, 1, 0]
const forwardAtYaw = (deg: number): Vec3 => {
  const r = (deg * Math.PI) / 180
  return [-Math.sin(r), 0, -Math.cos(r)]
}

describe('head-direction dwell', () => {
  const targets = { door: [0, 1, -3] as Vec3, window: [3, 1, 0] as Vec3 }

  it('measures share, first look, look-aways and peak yaw speed per target', () => {
    const tracker = createDwellTracker(targets, 18)
    // 0–1 s looking right at the window (yaw −90°), then a turn to the door in 100 ms, 1 s there, then away.
    let t = 0
    for (; t <= 1000; t += 10) tracker.sample(t, head, forwardAtYaw(-90))
    for (let step = 1; step <= 10; step++) tracker.sample((t += 10), head, forwardAtYaw(-90 + 9 * step))
    for (let i = 0; i < 100; i++) tracker.sample((t += 10), head, forwardAtYaw(0))
    for (let i = 0; i < 50; i++) tracker.sample((t += 10), head, forwardAtYaw(60))
    const r = tracker.report()
    expect(r.durationMs).toBe(t)
    expect(r.targets.window!.firstLookMs).toBe(0)
    expect(r.targets.window!.lookAways).toBe(1)
    expect(r.targets.door!.lookAways).toBe(1)
    // The door enters the 18° cone when the yaw reaches −18°: turning step 8, at 1010 + 80 ms; steps 8–10 count.
    expect(r.targets.door!.firstLookMs).toBe(1010 + 80)
    expect(r.targets.door!.share).toBeCloseTo((30 + 1000) / t, 3)
    // 9° per 10 ms = 900 °/s while turning, the 60° jump away = 6000 °/s.
    expect(r.peakYawSpeedDegS).toBeCloseTo(6000, 0)
    expect(r.targets.door!.peakYawSpeedDegS).toBeCloseTo(900, 0)
  })

  it('never counts a target that is not looked at, and skips paused time', () => {
    const tracker = createDwellTracker(targets, 18)
    tracker.sample(0, head, forwardAtYaw(0))
    tracker.sample(500, head, forwardAtYaw(0), true)
    tracker.sample(1000, head, forwardAtYaw(0))
    const r = tracker.report()
    expect(r.durationMs).toBe(500)
    expect(r.targets.window).toEqual({ share: 0, firstLookMs: null, lookAways: 0, peakYawSpeedDegS: 0 })
    expect(r.targets.door!.share).toBe(1)
  })

  it('treats a turn through 180° as the short way round', () => {
    expect(yawOf(forwardAtYaw(170))).toBeCloseTo((170 * Math.PI) / 180)
    const tracker = createDwellTracker(targets, 18)
    tracker.sample(0, head, forwardAtYaw(170))
    tracker.sample(100, head, forwardAtYaw(-170))
    expect(tracker.report().peakYawSpeedDegS).toBeCloseTo(200, 0)
  })
})
