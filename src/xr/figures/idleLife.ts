import * as THREE from 'three'
import type { JointName } from './figureJoints.ts'
import { seededRandom } from '../../engine/drill/seededRandom.ts'

/**
 * Idle life: what a person does while doing nothing. A figure that holds a pose perfectly still reads as a statue
 * (or a dead body) within a second or two; breathing, a slow shift of weight and blinking are enough to read as
 * alive. Every figure draws its own rates and phases from a seed, so no two figures move in step.
 *
 * The layer is an offset on top of the pose: the figure re-applies its pose every frame and then adds these, so they
 * never pile up (figureAnimator.ts).
 */
export interface IdleOptions {
  /** Breaths per second. Default 0.25 (15 a minute, a resting adult); each figure varies it by ±10 %. */
  breathHz?: number
  /** How far the chest tips back at the top of a breath, rad. Default 0.03. */
  breathAngle?: number
  /** Seconds of one slow shift of weight from side to side. Default 9; each figure varies it by ±20 %. */
  swaySeconds?: number
  /** How far the pelvis rolls at the far point of the shift, rad (the chest stays upright). Default 0.035. */
  swayAngle?: number
  /** Seconds between blinks, drawn evenly from this range for every blink. Default [2, 6]. */
  blinkInterval?: readonly [number, number]
  /** Seconds a blink takes, shut and open again. Default 0.15. */
  blinkSeconds?: number
}

export const idleDefaults: Required<IdleOptions> = { breathHz: 0.25, breathAngle: 0.03, swaySeconds: 9, swayAngle: 0.035, blinkInterval: [2, 6], blinkSeconds: 0.15 }

/** One frame of idle life: breath and sway each −1..1 (multiples of their angles), blink 0 (open) … 1 (shut). */
export interface IdleSample {
  breath: number
  sway: number
  blink: number
}

export interface IdleLife {
  /** Advances the clock by `delta` seconds and returns the sample for the new time. */
  step(delta: number): IdleSample
  readonly options: Required<IdleOptions>
}

/** How shut the lid is `t` seconds into a blink of `length` seconds: shuts fast (40 %), opens more slowly. */
export function blinkShape(t: number, length: number): number {
  if (t < 0 || t >= length) return 0
  const shut = length * 0.4
  const u = t < shut ? t / shut : 1 - (t - shut) / (length - shut)
  return u * u * (3 - 2 * u)
}

export function createIdleLife(seed: number, options: IdleOptions = {}): IdleLife {
  const o = { ...idleDefaults, ...options }
  const random = seededRandom(seed)
  const breathHz = o.breathHz * (0.9 + 0.2 * random())
  const breathPhase = random() * Math.PI * 2
  const swaySeconds = o.swaySeconds * (0.8 + 0.4 * random())
  const swayPhase = random() * Math.PI * 2
  const nextInterval = () => o.blinkInterval[0] + (o.blinkInterval[1] - o.blinkInterval[0]) * random()
  let time = 0
  // The first blink comes at a random point of the first interval, so figures built together do not blink together.
  let blinkAt = nextInterval() * random()
  const sample: IdleSample = { breath: 0, sway: 0, blink: 0 }
  return {
    options: o,
    step(delta) {
      time += Math.max(0, delta)
      // After each blink the next is planned an interval later (after a long frame, as many as it spanned).
      while (time >= blinkAt + o.blinkSeconds) blinkAt += o.blinkSeconds + nextInterval()
      sample.breath = Math.sin(2 * Math.PI * breathHz * time + breathPhase)
      // Two incommensurate waves, so the shift never looks like a metronome.
      const w = (2 * Math.PI) / swaySeconds
      sample.sway = 0.75 * Math.sin(w * time + swayPhase) + 0.25 * Math.sin(w * 2.37 * time + swayPhase * 1.7)
      sample.blink = blinkShape(time - blinkAt, o.blinkSeconds)
      return sample
    },
  }
}

const q = new THREE.Quaternion()
const roll = new THREE.Quaternion()
const undo = new THREE.Quaternion()
const xAxis = new THREE.Vector3(1, 0, 0)
const zAxis = new THREE.Vector3(0, 0, 1)

/**
 * Adds one idle sample to posed joints (call after the pose, before grounding). Breathing tips the chest back and the
 * spine a little; the weight shift rolls the pelvis while the thighs keep their direction (so the feet stay put) and
 * the spine and chest roll back (so the shoulders and head stay level).
 */
export function applyIdle(joints: Record<JointName, THREE.Object3D>, sample: Readonly<IdleSample>, options: Required<IdleOptions> = idleDefaults): void {
  const breath = sample.breath * options.breathAngle
  joints.chest.quaternion.multiply(q.setFromAxisAngle(xAxis, -breath))
  joints.spine.quaternion.multiply(q.setFromAxisAngle(xAxis, -breath * 0.4))

  const angle = sample.sway * options.swayAngle
  const hips = joints.hips.quaternion
  // The thighs' rotation relative to the root stays the same: thigh' = hips⁻¹ · roll⁻¹ · hips · thigh.
  roll.setFromAxisAngle(zAxis, angle)
  undo.copy(hips).invert().multiply(q.copy(roll).invert()).multiply(hips)
  hips.premultiply(roll)
  joints.hipL.quaternion.premultiply(undo)
  joints.hipR.quaternion.premultiply(undo)
  joints.spine.quaternion.premultiply(q.setFromAxisAngle(zAxis, -angle * 0.6))
  joints.chest.quaternion.premultiply(q.setFromAxisAngle(zAxis, -angle * 0.4))
}
