import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { aimAngles, createGaze, gazeDefaults } from './gaze.ts'

const deg = (r: number) => (r * 180) / Math.PI
const eyes = new THREE.Vector3(0, 0.1, 0.08)

/** A head at 1.6 m facing +Z, as a figure's head bone would be. */
function head() {
  const h = new THREE.Object3D()
  h.position.set(0, 1.6, 0)
  h.updateMatrixWorld(true)
  return h
}

function settle(target: readonly [number, number, number] | null, seconds = 2) {
  const h = head()
  const gaze = createGaze()
  for (let i = 0; i < seconds * 90; i++) {
    h.quaternion.identity() // the pose is re-applied every frame
    gaze.step(h, eyes, target, 1 / 90)
  }
  return { h, gaze }
}

describe('gaze', () => {
  it('turns the head towards a point in front, left positive, down positive', () => {
    const { gaze } = settle([1, 1.7, 1.08]) // 45° to the figure's left, level with the eyes
    expect(deg(gaze.yaw)).toBeCloseTo(45, 1)
    expect(deg(gaze.pitch)).toBeCloseTo(0, 1)
    const down = settle([0, 1.7 - 1, 1.08]).gaze
    expect(deg(down.pitch)).toBeCloseTo(30, 3) // 45° down, clamped
  })

  it('clamps to 60° aside and 30° up or down', () => {
    expect(gazeDefaults.maxYaw).toBeCloseTo(Math.PI / 3, 12)
    expect(gazeDefaults.maxPitch).toBeCloseTo(Math.PI / 6, 12)
    const behindRight = aimAngles(new THREE.Vector3(-1, 0.1, -2), eyes)
    expect(deg(behindRight.yaw)).toBeCloseTo(-60, 6)
    const overhead = aimAngles(new THREE.Vector3(0, 5, 0.5), eyes)
    expect(deg(overhead.pitch)).toBeCloseTo(-30, 6)
    // The applied head rotation stays within the limits too.
    const { h } = settle([-3, 4, -1])
    const e = new THREE.Euler().setFromQuaternion(h.quaternion, 'YXZ')
    expect(Math.abs(deg(e.y))).toBeLessThanOrEqual(60 + 1e-6)
    expect(Math.abs(deg(e.x))).toBeLessThanOrEqual(30 + 1e-6)
  })

  it('eases: one frame moves only part of the way, and null brings the head back', () => {
    const h = head()
    const gaze = createGaze()
    gaze.step(h, eyes, [1, 1.7, 1.08], 1 / 90)
    expect(deg(gaze.yaw)).toBeGreaterThan(0)
    expect(deg(gaze.yaw)).toBeLessThan(5)
    for (let i = 0; i < 90; i++) gaze.step(h, eyes, [1, 1.7, 1.08], 1 / 90)
    expect(deg(gaze.yaw)).toBeGreaterThan(44)
    for (let i = 0; i < 180; i++) gaze.step(h, eyes, null, 1 / 90)
    expect(Math.abs(deg(gaze.yaw))).toBeLessThan(0.1)
  })
})
