import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { buildFigure, type FigureLook } from './buildFigure.ts'
import { createFigureAnimator, type FrameInputs } from './figureAnimator.ts'
import { jointNames } from './figureJoints.ts'
import { idleDefaults } from './idleLife.ts'
import { poseQuaternion, poses, type PoseName } from './poses.ts'

const look: FigureLook = { height: 1.8, build: 'average', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' }
const still: FrameInputs = { pose: 'stand', transitionSeconds: 0.35, idle: false, expression: 'calm', gaze: null, loudness: 0, external: false }
const alive: FrameInputs = { ...still, idle: true }

/** The largest angle between each joint and its pose, rad. */
function offPose(figure: ReturnType<typeof buildFigure>, pose: PoseName): number {
  const q = new THREE.Quaternion()
  return Math.max(...jointNames.map((n) => figure.joints[n].quaternion.angleTo(poseQuaternion(figure.joints[n], poses[pose][n], q))))
}

describe('figure animator', () => {
  it('does not drift: 10,000 frames of idle life and gaze stay within their amplitudes and leave exactly the pose', () => {
    const figure = buildFigure({ ...look, age: 70 }) // with a stoop's rest rotation
    const animator = createFigureAnimator(figure, 5, 'stand')
    const bound = idleDefaults.breathAngle * 1.4 + idleDefaults.swayAngle * 1.1 + 1e-9
    for (let i = 0; i < 10_000; i++) {
      animator.step(1 / 72, { ...alive, gaze: i % 2000 < 1000 ? [2, 1.6, 2] : null, expression: i % 600 < 300 ? 'angry' : 'sad' })
      // Everything but the head (which the gaze turns) stays within the idle amplitudes of the pose.
      const q = new THREE.Quaternion()
      for (const n of jointNames) if (n !== 'head') expect(figure.joints[n].quaternion.angleTo(poseQuaternion(figure.joints[n], poses.stand[n], q))).toBeLessThan(bound)
    }
    for (let i = 0; i < 400; i++) animator.step(1 / 72, still)
    expect(offPose(figure, 'stand')).toBeLessThan(1e-6)
    for (const c of Object.values(animator.face)) expect(Math.abs(c)).toBeLessThan(1e-6)
    figure.dispose()
  })

  it('eases a pose change over the transition, with no jump between frames, and lands on the pose', () => {
    const figure = buildFigure(look)
    const animator = createFigureAnimator(figure, 1, 'stand')
    animator.step(1 / 90, still)
    const before = jointNames.map((n) => figure.joints[n].quaternion.clone())
    let largest = 0
    let frames = 0
    for (; frames < 90 && offPose(figure, 'shout') > 1e-6; frames++) {
      const last = jointNames.map((n) => figure.joints[n].quaternion.clone())
      animator.step(1 / 90, { ...still, pose: 'shout' })
      largest = Math.max(largest, ...jointNames.map((n, i) => figure.joints[n].quaternion.angleTo(last[i]!)))
    }
    // 0.35 s at 90 Hz is 32 frames; the largest step of a smoothstep is 1.5× the mean step.
    expect(frames).toBe(32)
    const total = Math.max(...jointNames.map((n, i) => before[i]!.angleTo(figure.joints[n].quaternion)))
    expect(largest).toBeLessThan((total / 32) * 1.6)
    figure.dispose()
  })

  it('keeps the feet where they are while the weight shifts', () => {
    const figure = buildFigure(look)
    const animator = createFigureAnimator(figure, 9, 'stand')
    const feet: THREE.Vector3[] = []
    let hipsTilt = 0
    for (let i = 0; i < 12 * 72; i++) {
      animator.step(1 / 72, alive)
      figure.root.updateMatrixWorld(true)
      feet.push(figure.joints.footL.getWorldPosition(new THREE.Vector3()))
      hipsTilt = Math.max(hipsTilt, figure.joints.hips.quaternion.angleTo(new THREE.Quaternion()))
    }
    expect(hipsTilt).toBeGreaterThan(idleDefaults.swayAngle * 0.5)
    const xs = feet.map((p) => p.x)
    const ys = feet.map((p) => p.y)
    // The thighs keep their direction; only the hip joints move with the pelvis's roll (half the hips' width × the
    // angle, about 3 mm each way), so the unloaded foot lifts by up to about 6 mm: far less than a sliding foot.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.008)
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(0.008)
    figure.dispose()
  })

  it('lets an afterPose add to the joints every frame without piling up', () => {
    const figure = buildFigure(look)
    const animator = createFigureAnimator(figure, 2, 'sit')
    for (let i = 0; i < 1000; i++) {
      animator.step(1 / 72, { ...still, pose: 'sit', external: true })
      figure.joints.head.rotation.x += 0.1 // what FutureSelfWorld's nod does
    }
    animator.step(1 / 72, { ...still, pose: 'sit', external: true })
    expect(offPose(figure, 'sit')).toBeLessThan(1e-6)
    figure.dispose()
  })

  it('blinks and speaks: the lids shut within 6 s, the jaw opens with the loudness and closes after it', () => {
    const figure = buildFigure(look)
    const animator = createFigureAnimator(figure, 4, 'stand')
    let shut = 0
    for (let i = 0; i < 6.2 * 90; i++) {
      animator.step(1 / 90, alive)
      shut = Math.max(shut, animator.face.lidL)
    }
    expect(shut).toBeGreaterThan(0.9)
    for (let i = 0; i < 20; i++) animator.step(1 / 90, { ...alive, loudness: 0.8 })
    expect(animator.face.jaw).toBeGreaterThan(0.9)
    expect(figure.face.bones.jaw.rotation.x).toBeGreaterThan(figure.face.jawOpen * 0.9)
    for (let i = 0; i < 40; i++) animator.step(1 / 90, alive)
    expect(animator.face.jaw).toBeLessThan(0.02)
    figure.dispose()
  })
})
