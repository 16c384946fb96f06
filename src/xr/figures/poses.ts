import * as THREE from 'three'
import { poseNames, type PoseName } from '../../script/vocabulary.ts'
import { jointNames, type JointName, type Vec3Tuple } from './figureJoints.ts'

/**
 * Stylised body poses, readable from about 3 m. Each gives Euler angles in radians (order XYZ) per joint, relative
 * to the joint's rest rotation; a joint a pose does not list goes back to rest. See figureJoints.ts for the axes.
 * None shows contact or injury: 'strike' is the follow-through of an arm swing in the air.
 */
// The pose names are the scene vocabulary's: a scene can name exactly the poses drawn here.
export { poseNames }

export type { PoseName }
export type Pose = Partial<Record<JointName, Vec3Tuple>>

export function isPoseName(name: string): name is PoseName {
  return (poseNames as readonly string[]).includes(name)
}

/** Mirrors a right-side rotation to the left side (or back): X stays, Y and Z change sign. */
function mirror([x, y, z]: Vec3Tuple): Vec3Tuple {
  return [x, -y, -z]
}

const kneeling: Pose = {
  hipL: [0.05, 0, 0.04],
  hipR: [0.05, 0, -0.04],
  kneeL: [1.6, 0, 0],
  kneeR: [1.6, 0, 0],
  footL: [0.7, 0, 0],
  footR: [0.7, 0, 0],
}

/** Sitting on the floor with the knees drawn up and the feet flat near the seat. */
const kneesUp: Pose = {
  hipL: [-2.55, 0, 0.12],
  hipR: [-2.55, 0, -0.12],
  kneeL: [2.5, 0, 0],
  kneeR: [2.5, 0, 0],
  footL: [0.05, 0, 0],
  footR: [0.05, 0, 0],
}

/** Sitting on a chair: thighs level, shins down, feet on the floor. */
const seatedLegs: Pose = {
  hipL: [-1.55, 0, 0.06],
  hipR: [-1.55, 0, -0.06],
  kneeL: [1.55, 0, 0],
  kneeR: [1.55, 0, 0],
}

export const poses: Record<PoseName, Pose> = {
  /** Standing at ease, arms loosely at the sides. */
  stand: {
    shoulderL: [0.02, 0, 0.09],
    shoulderR: [0.02, 0, -0.09],
    elbowL: [-0.15, 0, 0],
    elbowR: [-0.15, 0, 0],
  },
  /** Mid-stride, coming in: left foot forward, arms swinging. */
  enter: {
    spine: [0.06, 0, 0],
    hipL: [-0.42, 0, 0],
    kneeL: [0.22, 0, 0],
    footL: [0.12, 0, 0],
    hipR: [0.28, 0, 0],
    kneeR: [0.45, 0, 0],
    footR: [0.05, 0, 0],
    shoulderL: [0.35, 0, 0.08],
    shoulderR: [-0.38, 0, -0.08],
    elbowL: [-0.25, 0, 0],
    elbowR: [-0.45, 0, 0],
  },
  /** Arms folded across the chest, weight back, chin up: closed off. */
  'arms-crossed': {
    spine: [-0.05, 0, 0],
    head: [-0.08, 0, 0],
    shoulderL: [-0.32, -1.15, 0.22],
    elbowL: [-1.95, 0, 0],
    shoulderR: [-0.42, 1.15, -0.22],
    elbowR: [-1.85, 0, 0],
    hipL: [0, 0, 0.05],
    hipR: [0, 0, -0.05],
  },
  /** Right arm straight out, pointing ahead; the left arm hangs. */
  point: {
    spine: [0.06, 0, 0],
    chest: [0, -0.15, 0],
    head: [0, 0.1, 0],
    shoulderR: [-1.5, 0, 0.1],
    elbowR: [-0.08, 0, 0],
    shoulderL: [0.1, 0, 0.12],
    elbowL: [-0.35, 0, 0],
  },
  /** Leaning in, head forward and chin up, both forearms out: shouting. */
  shout: {
    spine: [0.14, 0, 0],
    chest: [0.1, 0, 0],
    neck: [0.3, 0, 0],
    head: [-0.45, 0, 0],
    shoulderL: [-0.3, 0, 0.55],
    elbowL: [-1.25, 0, 0],
    shoulderR: [-0.45, 0, -0.5],
    elbowR: [-1.35, 0, 0],
    handL: [0, 0, 0.3],
    handR: [0, 0, -0.3],
    hipL: [-0.2, 0, 0.04],
    kneeL: [0.2, 0, 0],
    hipR: [0.1, 0, -0.04],
  },
  /** Both hands raised in front of the face, palms out, leaning back: warding off. */
  'hands-up': {
    spine: [-0.1, 0, 0],
    head: [0.1, 0, 0],
    shoulderL: [-1.05, 0, 0.35],
    elbowL: [-1.55, 0, 0],
    shoulderR: [-1.05, 0, -0.35],
    elbowR: [-1.55, 0, 0],
    handL: [-0.5, 0, 0],
    handR: [-0.5, 0, 0],
    hipL: [0.15, 0, 0],
    hipR: [-0.15, 0, 0],
    kneeL: [0.15, 0, 0],
  },
  /** Leaning over, right fist raised by the head, left finger jabbing forwards. */
  threaten: {
    spine: [0.16, 0, 0],
    chest: [0.08, 0.2, 0],
    head: [-0.2, -0.15, 0],
    shoulderR: [-1.2, 0, -1.25],
    elbowR: [-1.9, 0, 0],
    shoulderL: [-1.25, 0, 0.1],
    elbowL: [-0.25, 0, 0],
    hipL: [-0.3, 0, 0.04],
    kneeL: [0.25, 0, 0],
    hipR: [0.12, 0, -0.06],
  },
  /**
   * The end of a swing of the right arm across the body, torso twisted: the arm has swept past the front and points
   * out to the figure's left, so nothing in front of the figure is touched. An arm swing, no contact shown.
   */
  strike: {
    spine: [0.15, 0.25, 0],
    chest: [0.1, 0.4, 0],
    head: [0, -0.5, 0],
    shoulderR: [-1.5, 0, 1.2],
    elbowR: [-0.3, 0, 0],
    shoulderL: [0.45, 0, 0.3],
    elbowL: [-0.6, 0, 0],
    hipL: [-0.35, 0, 0.05],
    kneeL: [0.25, 0, 0],
    hipR: [0.25, 0, -0.05],
    kneeR: [0.2, 0, 0],
  },

  /** Sitting curled up, knees to the chest, arms around the knees, chin down but the face still showing (the sibling). */
  cower: {
    ...kneesUp,
    spine: [0.35, 0, 0],
    chest: [0.3, 0, 0],
    neck: [0.05, 0, 0],
    head: [-0.2, 0, 0],
    shoulderL: [-0.68, -0.94, -0.36],
    elbowL: [-1.66, 0, 0],
    shoulderR: mirror([-0.68, -0.94, -0.36]),
    elbowR: [-1.66, 0, 0],
  },
  /** Standing, one hand held to her left cheek, head turned down and away, other arm across the waist. */
  'hold-face': {
    chest: [0.12, 0, 0],
    head: [0.28, -0.35, -0.12],
    shoulderL: [-1.24, -0.55, -0.1],
    elbowL: [-2.45, 0, 0],
    handL: [0, 0, -0.2],
    shoulderR: [-0.25, 0.9, -0.08],
    elbowR: [-1.5, 0, 0],
    hipL: [0.05, 0, 0],
    kneeL: [0.12, 0, 0],
  },
  /** Kneeling upright, hands resting on the thighs. */
  kneel: {
    ...kneeling,
    spine: [0.05, 0, 0],
    shoulderL: [-0.35, 0, 0.1],
    shoulderR: [-0.35, 0, -0.1],
    elbowL: [-0.55, 0, 0],
    elbowR: [-0.55, 0, 0],
  },
  /** Kneeling, leaning in a little, hands reaching gently towards someone in front (not arms spread wide). */
  comfort: {
    ...kneeling,
    hipL: [-0.25, 0, 0.05],
    hipR: [-0.25, 0, -0.05],
    kneeL: [1.85, 0, 0],
    kneeR: [1.85, 0, 0],
    spine: [0.18, 0, 0],
    head: [0.05, 0, 0],
    shoulderL: [-0.7, 0, 0.2],
    elbowL: [-0.85, 0, 0],
    shoulderR: [-0.7, 0, -0.2],
    elbowR: [-0.85, 0, 0],
  },
  /** Sitting on a chair or a bed's edge, feet on the floor, hands on the thighs. */
  sit: {
    ...seatedLegs,
    spine: [-0.04, 0, 0],
    shoulderL: [-0.4, 0, 0.12],
    shoulderR: [-0.4, 0, -0.12],
    elbowL: [-0.85, 0, 0],
    elbowR: [-0.85, 0, 0],
  },
  /** Sitting slumped in a chair: back rounded, head low, hands hanging between the knees (a future that went on as before). */
  'sit-slumped': {
    spine: [0.22, 0, 0],
    chest: [0.16, 0, 0],
    neck: [0.04, 0, 0],
    head: [-0.12, 0, 0],
    hipL: [-1.45, 0, 0.1],
    hipR: [-1.45, 0, -0.1],
    kneeL: [1.5, 0, 0],
    kneeR: [1.5, 0, 0],
    shoulderL: [-0.55, 0, 0.05],
    shoulderR: [-0.55, 0, -0.05],
    elbowL: [-0.35, 0, 0],
    elbowR: [-0.35, 0, 0],
  },
  /** Sitting upright and open, chin level, hands resting on the thighs (a future that changed). */
  'sit-upright': {
    ...seatedLegs,
    spine: [-0.08, 0, 0],
    chest: [-0.05, 0, 0],
    head: [-0.04, 0, 0],
    shoulderL: [-0.45, 0, 0.1],
    shoulderR: [-0.45, 0, -0.1],
    elbowL: [-0.8, 0, 0],
    elbowR: [-0.8, 0, 0],
  },
  /** Sitting and waving hello with the right hand raised. */
  wave: {
    ...seatedLegs,
    spine: [-0.04, 0, 0],
    shoulderL: [-0.4, 0, 0.12],
    elbowL: [-0.85, 0, 0],
    shoulderR: [-0.3, 0, -1.25],
    elbowR: [0, 0, -1.2],
    head: [0, 0.05, 0],
  },
  /** Sitting on the floor (or on a mattress), legs out in front, hands in the lap. */
  'sit-floor': {
    spine: [0.12, 0, 0],
    head: [0.1, 0, 0],
    hipL: [-1.52, 0, 0.08],
    hipR: [-1.52, 0, -0.08],
    kneeL: [0.08, 0, 0],
    kneeR: [0.08, 0, 0],
    footL: [-0.35, 0, 0],
    footR: [-0.35, 0, 0],
    shoulderL: [-0.45, 0, 0.15],
    shoulderR: [-0.45, 0, -0.15],
    elbowL: [-0.9, 0, 0],
    elbowR: [-0.9, 0, 0],
  },
  /** Sitting with knees up, bent over, both hands over the head and ears (the sibling). */
  'hide-head': {
    ...kneesUp,
    spine: [0.45, 0, 0],
    chest: [0.3, 0, 0],
    neck: [0.2, 0, 0],
    head: [0.4, 0, 0],
    shoulderL: [-1.71, -0.67, 0.47],
    elbowL: [-2.1, 0, 0],
    shoulderR: mirror([-1.71, -0.67, 0.47]),
    elbowR: [-2.1, 0, 0],
  },
}

const euler = new THREE.Euler()
const target = new THREE.Quaternion()

/**
 * The rotation a joint has in a pose, written into `out`: the pose's angles (rest if it does not list the joint), after
 * the joint's rest rotation in `userData.restQuaternion` (an older figure's stoop) where it has one.
 */
export function poseQuaternion(joint: THREE.Object3D, angles: Vec3Tuple | undefined, out: THREE.Quaternion): THREE.Quaternion {
  const [x, y, z] = angles ?? [0, 0, 0]
  out.setFromEuler(euler.set(x, y, z, 'XYZ'))
  const rest = joint.userData.restQuaternion as THREE.Quaternion | undefined
  if (rest) out.premultiply(rest)
  return out
}

/**
 * Moves every joint from its current rotation towards the pose: slerps by `blend` (0 = no change, 1 = exactly the
 * pose). Call it every frame with a small blend to ease, or once with 1 to snap. A joint with a rest rotation in
 * `userData.restQuaternion` (an older figure's stoop) gets rest × pose.
 */
export function applyPose(joints: Record<JointName, THREE.Object3D>, pose: Pose | PoseName, blend = 1): void {
  const angles = typeof pose === 'string' ? poses[pose] : pose
  const t = Math.min(1, Math.max(0, blend))
  for (const name of jointNames) {
    const joint = joints[name]
    poseQuaternion(joint, angles[name], target)
    if (t >= 1) joint.quaternion.copy(target)
    else joint.quaternion.slerp(target, t)
  }
}
