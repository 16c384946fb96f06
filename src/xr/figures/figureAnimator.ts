import * as THREE from 'three'
import type { BuiltFigure } from './buildFigure.ts'
import { easeFace, expressions, type ExpressionName } from './expressions.ts'
import { applyFacePose, neutralFace, type FacePose } from './faceRig.ts'
import { jointNames } from './figureJoints.ts'
import { createGaze, type GazeOptions, type GazeTarget } from './gaze.ts'
import { applyIdle, createIdleLife, type IdleOptions } from './idleLife.ts'
import { createJawFollower, type JawOptions } from './jawFollower.ts'
import { poseQuaternion, poses, type PoseName } from './poses.ts'

/**
 * Everything a figure does per frame, in layers, outside React so that it can be tested frame by frame:
 *
 * 1. the pose: every joint set from the pose (eased from where the last pose was, by a smoothstep over the
 *    transition), never from last frame's joints, so the layers below never pile up;
 * 2. idle life (idleLife.ts): breathing and a shift of weight, added to the pose;
 * 3. grounding (the lowest foot, knee or seat on the floor);
 * 4. gaze (gaze.ts): the head turned towards a point, on top of the posed head;
 * 5. the face (faceRig.ts): the expression (eased), blinks and the jaw with the voice, set absolutely.
 *
 * A figure's own `afterPose` (Figure.tsx) runs after all of these.
 */
export interface FrameInputs {
  /** The pose to be in (or ease into). */
  pose: PoseName
  /** Seconds to ease into a new pose. */
  transitionSeconds: number
  /** Breathing, weight shift and blinking on or off. */
  idle: boolean
  expression: ExpressionName
  /** Where to look (world metres), or null for the pose's own direction. */
  gaze: GazeTarget
  /** The voice's loudness now, 0..1 (0 when silent or not speaking). */
  loudness: number
  /** Something else turns joints after this step every frame (Figure's afterPose): the pose must be re-applied. */
  external: boolean
}

export interface AnimatorOptions {
  idle?: IdleOptions
  gaze?: GazeOptions
  jaw?: JawOptions
}

export interface FigureAnimator {
  /** Runs one frame of `delta` seconds. */
  step(delta: number, inputs: FrameInputs): void
  /** The face as drawn in the last frame (expression, blink and jaw together). */
  readonly face: Readonly<FacePose>
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t))

export function createFigureAnimator(figure: BuiltFigure, seed: number, initialPose: PoseName, options: AnimatorOptions = {}): FigureAnimator {
  const joints = jointNames.map((n) => figure.joints[n])
  const from = joints.map(() => new THREE.Quaternion())
  const to = joints.map((j, i) => poseQuaternion(j, poses[initialPose][jointNames[i]!], new THREE.Quaternion()))
  const base = to.map((q) => q.clone())
  let pose = initialPose
  let elapsed = Infinity
  let grounded = false
  /** Whether last frame left anything on top of the pose in the joints (idle, gaze, an afterPose). */
  let layered = false

  const idle = createIdleLife(seed, options.idle)
  const gaze = createGaze(options.gaze)
  const jaw = createJawFollower(options.jaw)
  const expression: FacePose = { ...neutralFace }
  const face: FacePose = { ...neutralFace }

  return {
    face,
    step(delta, inputs) {
      const dt = Math.max(0, delta)
      if (inputs.pose !== pose) {
        // Ease from where the figure is now (mid-way through the last change, if it was still moving).
        pose = inputs.pose
        elapsed = 0
        for (let i = 0; i < joints.length; i++) {
          from[i]!.copy(base[i]!)
          poseQuaternion(joints[i]!, poses[pose][jointNames[i]!], to[i]!)
        }
      }
      const duration = Math.max(1e-3, inputs.transitionSeconds)
      const moving = elapsed < duration
      if (moving) {
        elapsed = Math.min(duration, elapsed + dt)
        const t = smoothstep(elapsed / duration)
        for (let i = 0; i < joints.length; i++) base[i]!.slerpQuaternions(from[i]!, to[i]!, t)
      }
      const sample = inputs.idle ? idle.step(dt) : null
      const turned = Math.abs(gaze.yaw) + Math.abs(gaze.pitch) > 1e-5
      const layers = sample !== null || inputs.gaze !== null || turned || inputs.external
      // Only a still figure with nothing on top, now or last frame, may keep last frame's joints.
      const repose = moving || layers || layered || !grounded
      layered = layers
      if (repose) {
        for (let i = 0; i < joints.length; i++) joints[i]!.quaternion.copy(base[i]!)
        if (sample) applyIdle(figure.joints, sample, idle.options)
        figure.ground()
        grounded = true
        gaze.step(figure.joints.head, figure.face.eyesCentre, inputs.gaze, dt)
      }

      easeFace(expression, expressions[inputs.expression] ?? neutralFace, dt)
      Object.assign(face, expression)
      const blink = sample?.blink ?? 0
      face.lidL = expression.lidL + (1 - expression.lidL) * blink
      face.lidR = expression.lidR + (1 - expression.lidR) * blink
      face.jaw = Math.max(expression.jaw, jaw.step(inputs.loudness, dt))
      applyFacePose(figure.face, face)
    },
  }
}
