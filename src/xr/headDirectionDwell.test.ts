import { describe, expect, it } from 'vitest'
import { headSample, yawOf, type Vec3 } from './headDirectionDwell.ts'

const head: Vec3 = [0, 1, 0]
const forwardAtYaw = (deg: number): Vec3 => {
  const r = (deg * Math.PI) / 180
  return [-Math.sin(r), 0, -Math.cos(r)]
}

describe('a head pose as a dwell sample', () => {
  const targets = { door: [0, 1, -3] as Vec3, window: [3, 1, 0] as Vec3 }

  it('gives each target its angle from head-forward and its own cone (default otherwise)', () => {
    const s = headSample(1234.5, head, forwardAtYaw(-30), targets, 18, { window: 10 })
    expect(s.t).toBe(1234.5)
    expect(s.yawDeg).toBeCloseTo(-30, 9)
    expect(s.targets.door!.angleDeg).toBeCloseTo(30, 9)
    expect(s.targets.door!.coneDeg).toBe(18)
    expect(s.targets.window!.angleDeg).toBeCloseTo(60, 9)
    expect(s.targets.window!.coneDeg).toBe(10)
    expect(Object.keys(s.targets)).toEqual(['door', 'window'])
  })

  it('reads yaw about the vertical axis, −Z forward', () => {
    expect((yawOf(forwardAtYaw(0)) * 180) / Math.PI).toBeCloseTo(0, 9)
    expect((yawOf(forwardAtYaw(90)) * 180) / Math.PI).toBeCloseTo(90, 9)
    expect((yawOf([0, -1, -1]) * 180) / Math.PI).toBeCloseTo(0, 9)
  })
})
