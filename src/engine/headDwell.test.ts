import { describe, expect, it } from 'vitest'
import { attribute, createDwellRecorder, type HeadSample } from './headDwell.ts'

/** Two targets on the horizon: the door at yaw 0, the window at yaw −90, cones of 18° unless given. */
function at(t: number, yawDeg: number, cones: { door?: number; window?: number } = {}): HeadSample {
  const off = (centre: number) => Math.abs(((yawDeg - centre + 540) % 360) - 180)
  return { t, yawDeg, targets: { door: { angleDeg: off(0), coneDeg: cones.door ?? 18 }, window: { angleDeg: off(-90), coneDeg: cones.window ?? 18 } } }
}

describe('exclusive attribution', () => {
  it('gives a gaze inside two cones to the nearer target only', () => {
    expect(attribute({ a: { angleDeg: 5, coneDeg: 18 }, b: { angleDeg: 3, coneDeg: 18 } })).toBe('b')
    expect(attribute({ a: { angleDeg: 20, coneDeg: 18 }, b: { angleDeg: 30, coneDeg: 18 } })).toBeNull()
  })

  it('uses each target its own cone: nearer but outside its small cone loses to a farther one inside its cone', () => {
    expect(attribute({ small: { angleDeg: 4, coneDeg: 3 }, big: { angleDeg: 10, coneDeg: 18 } })).toBe('big')
  })

  it('breaks an exact tie in favour of the target listed first', () => {
    expect(attribute({ a: { angleDeg: 7, coneDeg: 18 }, b: { angleDeg: 7, coneDeg: 18 } })).toBe('a')
    expect(attribute({ b: { angleDeg: 7, coneDeg: 18 }, a: { angleDeg: 7, coneDeg: 18 } })).toBe('b')
  })

  it('keeps the shares of a beat at or under 100%, the rest being "none of these"', () => {
    const r = createDwellRecorder()
    r.start('b', 0)
    // Both cones 60°: between the targets (yaw −45) the gaze is inside both; it counts once.
    for (let t = 0; t <= 1000; t += 10) r.sample(at(t, -45 + (t < 500 ? 1 : -1), { door: 60, window: 60 }))
    for (let t = 1010; t <= 2000; t += 10) r.sample(at(t, 150))
    const report = r.close(2000)!
    const sum = report.targets.door!.share + report.targets.window!.share
    // [0, 1010) on a target (the frame at 1000 still is), [1010, 2000) on none.
    expect(sum).toBeCloseTo(0.505, 9)
    expect(report.noneShare).toBeCloseTo(0.495, 9)
    expect(sum + report.noneShare).toBeCloseTo(1, 9)
  })
})

describe('the interval rule: every moment goes to the latest sample at or before it', () => {
  it('credits a whole frame interval to the pose at its start', () => {
    const r = createDwellRecorder()
    r.start('b', 0)
    r.sample(at(0, 90)) // on nothing
    r.sample(at(100, 0)) // on the door from here
    r.sample(at(300, 90)) // away
    const report = r.close(400)!
    // [0,100) none, [100,300) door, [300,400) none.
    expect(report.durationMs).toBe(400)
    expect(report.targets.door!.share).toBeCloseTo(0.5, 9)
    expect(report.targets.door!.firstLookMs).toBe(100)
    expect(report.targets.door!.lookAways).toBe(1)
  })

  it('cuts an interval at a beat boundary: the new beat starts with the pose carried over and reads a first look of 0', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 90))
    r.sample(at(100, 0)) // door
    const first = r.close(150)!
    r.start('b', 150)
    r.sample(at(200, 0))
    r.sample(at(300, 90))
    const second = r.close(400)!
    expect(first.durationMs).toBe(150)
    expect(first.targets.door!.share).toBeCloseTo(50 / 150, 3) // shares are rounded to 0.1%
    expect(first.targets.door!.lookAways).toBe(0)
    expect(second.durationMs).toBe(250)
    expect(second.targets.door!.firstLookMs).toBe(0)
    expect(second.targets.door!.share).toBeCloseTo(150 / 250, 9)
    expect(second.targets.door!.lookAways).toBe(1)
  })

  it('counts the time before the first headset frame as not measured, and first looks from the beat start', () => {
    const r = createDwellRecorder()
    r.start('a', 1000)
    r.sample(at(1600, 0))
    const report = r.close(2000)!
    expect(report.missingMs).toBe(600)
    expect(report.durationMs).toBe(400)
    expect(report.targets.door!.share).toBe(1)
    expect(report.targets.door!.firstLookMs).toBe(600)
  })

  it('skips paused time, and a pause is not a look-away', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 0))
    r.pause(100)
    r.sample(at(200, 90)) // the pause space: not counted
    r.sample(at(300, 0))
    r.resume(400)
    const report = r.close(500)!
    expect(report.durationMs).toBe(200)
    expect(report.targets.door!.share).toBe(1)
    expect(report.targets.door!.lookAways).toBe(0)
  })

  it('ignores a frame older than the latest one', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 0))
    r.sample(at(100, 0))
    r.sample(at(50, 90))
    expect(r.close(200)!.targets.door!.share).toBe(1)
  })

  it('logs nothing for a beat when no headset frame ever came (a 2D session)', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    expect(r.close(100)).toBeNull()
  })
})

describe('speeds, on frame time', () => {
  it('peak yaw speed of the beat is the fastest |Δyaw|/Δt between frames; a target’s is the speed while crossing its cone', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    let t = 0
    // Hold on the door, turn away at 100 °/s to yaw 40 (leaving the 18° cone), hold, then turn to the window at 300 °/s.
    for (; t <= 500; t += 20) r.sample(at(t, 0))
    for (let yaw = 2; yaw <= 40; yaw += 2) r.sample(at((t += 20), yaw))
    for (let i = 0; i < 10; i++) r.sample(at((t += 20), 40))
    for (let yaw = 34; yaw >= -90; yaw -= 6) r.sample(at((t += 20), yaw))
    for (let i = 0; i < 10; i++) r.sample(at((t += 20), -90))
    const report = r.close(t)!
    expect(report.peakYawSpeedDegS).toBeCloseTo(300, 6)
    // The door was left at 100 °/s and crossed again (in, then out) during the fast turn.
    expect(report.targets.door!.peakYawSpeedDegS).toBeCloseTo(300, 6)
    expect(report.targets.window!.peakYawSpeedDegS).toBeCloseTo(300, 6)
    expect(report.targets.door!.lookAways).toBe(2)
    expect(report.targets.window!.lookAways).toBe(0)
  })

  it('a fast turn away reads its speed for the target left (not 0)', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 0))
    r.sample(at(100, 0))
    r.sample(at(200, 50)) // 500 °/s, out of the door's cone
    r.sample(at(300, 50))
    const report = r.close(300)!
    expect(report.targets.door!.peakYawSpeedDegS).toBeCloseTo(500, 6)
    expect(report.targets.window!.peakYawSpeedDegS).toBe(0)
  })

  it('does not measure a speed across a pause', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 0))
    r.pause(10)
    r.sample(at(20, 90))
    r.resume(30)
    r.sample(at(40, 90))
    expect(r.close(50)!.peakYawSpeedDegS).toBe(0)
  })
})

describe('a beat that spans a reload', () => {
  it('continues from the committed totals, counts the lost time as not measured and says it was resumed', () => {
    const r = createDwellRecorder()
    r.start('a', 0)
    r.sample(at(0, 0))
    r.sample(at(1000, 0))
    const cp = r.checkpoint((perf) => 50_000 + perf)!
    // The page reloads; the new page's performance clock starts again. 3 s later (session clock) the headset is back.
    const after = createDwellRecorder()
    after.restore(cp, (wall) => wall - 53_000 + 200) // wall 53 000 = perf 200 on the new page
    after.sample(at(200, 90))
    const report = after.close(1200)!
    expect(report.resumed).toBe(true)
    expect(report.durationMs).toBe(2000)
    expect(report.missingMs).toBe(2000)
    expect(report.targets.door!.share).toBeCloseTo(0.5, 9)
    expect(report.targets.door!.lookAways).toBe(1)
    expect(report.targets.door!.firstLookMs).toBe(0)
  })
})
