import * as THREE from 'three'

/**
 * Gaze: the head turns towards a point in the world, as far as a neck turns. Applied after the pose and idle life,
 * as a turn on top of the posed head (so a bowed head in 'hide-head' stays bowed and turns a little), and eased, so
 * a target that jumps makes the head turn rather than snap. The eyes are not turned: they are dark ellipsoids
 * without pupils (buildFace.ts), so turning them would show nothing.
 */
export interface GazeOptions {
  /** Largest turn to either side, rad. Default 60° (a comfortable head turn; the neck's range is about 80°). */
  maxYaw?: number
  /** Largest nod up or down, rad. Default 30°. */
  maxPitch?: number
  /** Seconds for the head to go about 63 % of the way to a new direction. Default 0.15 (95 % in about 0.45 s). */
  timeConstant?: number
}

export const gazeDefaults: Required<GazeOptions> = { maxYaw: (60 * Math.PI) / 180, maxPitch: (30 * Math.PI) / 180, timeConstant: 0.15 }

export type GazeTarget = readonly [number, number, number] | null

export interface Gaze {
  /** The turn applied now (after easing), rad: yaw positive towards the figure's left, pitch positive down. */
  readonly yaw: number
  readonly pitch: number
  /**
   * Turns `head` towards `target` (world metres; null: back to the pose's own direction). `head.matrixWorld` must be
   * the posed head's (grounding updates it); `eyes` is where the head looks from, in the head's space.
   */
  step(head: THREE.Object3D, eyes: THREE.Vector3, target: GazeTarget, delta: number): void
}

const clamp = (x: number, limit: number) => Math.max(-limit, Math.min(limit, x))

/** The yaw and pitch (clamped) that aim a head at `local`, a point in the head's own space seen from `eyes`. */
export function aimAngles(local: THREE.Vector3, eyes: THREE.Vector3, options: Required<GazeOptions> = gazeDefaults): { yaw: number; pitch: number } {
  const x = local.x - eyes.x
  const y = local.y - eyes.y
  const z = local.z - eyes.z
  return { yaw: clamp(Math.atan2(x, z), options.maxYaw), pitch: clamp(Math.atan2(-y, Math.hypot(x, z)), options.maxPitch) }
}

const local = new THREE.Vector3()
const inverse = new THREE.Matrix4()
const turn = new THREE.Quaternion()
const euler = new THREE.Euler(0, 0, 0, 'YXZ')

export function createGaze(options: GazeOptions = {}): Gaze {
  const o = { ...gazeDefaults, ...options }
  let yaw = 0
  let pitch = 0
  return {
    get yaw() {
      return yaw
    },
    get pitch() {
      return pitch
    },
    step(head, eyes, target, delta) {
      let wantYaw = 0
      let wantPitch = 0
      if (target) {
        local.set(target[0], target[1], target[2]).applyMatrix4(inverse.copy(head.matrixWorld).invert())
        ;({ yaw: wantYaw, pitch: wantPitch } = aimAngles(local, eyes, o))
      }
      const share = 1 - Math.exp(-Math.max(0, delta) / Math.max(1e-4, o.timeConstant))
      yaw += (wantYaw - yaw) * share
      pitch += (wantPitch - pitch) * share
      // Turn about the head's own up axis first, then nod about its turned side axis.
      head.quaternion.multiply(turn.setFromEuler(euler.set(pitch, yaw, 0, 'YXZ')))
    },
  }
}
