/**
 * The joint hierarchy shared by every figure (the parents and sibling of 'Vergeet mij niet', and later the client's
 * avatar in the future-self scene). A figure faces +Z, y is up, and its left side is +X. At rest every joint has no
 * rotation: the figure stands straight with its arms hanging down. Poses (poses.ts) rotate joints; their axes are
 * then the parent's axes:
 * - X: bend forwards and backwards (negative X lifts an arm or a thigh forwards; positive X bends the spine, the head
 *   or a knee forwards/down),
 * - Y: twist (positive Y turns the head towards the figure's left),
 * - Z: sideways (positive Z lifts the left arm out to the side, negative Z the right arm).
 */
export const jointNames = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'shoulderL',
  'elbowL',
  'handL',
  'shoulderR',
  'elbowR',
  'handR',
  'hipL',
  'kneeL',
  'footL',
  'hipR',
  'kneeR',
  'footR',
] as const

export type JointName = (typeof jointNames)[number]
export type Vec3Tuple = [number, number, number]

/** Each joint's parent; the hips hang from the figure's root (on the floor, between the feet). */
export const jointParent: Record<JointName, JointName | null> = {
  hips: null,
  spine: 'hips',
  chest: 'spine',
  neck: 'chest',
  head: 'neck',
  shoulderL: 'chest',
  elbowL: 'shoulderL',
  handL: 'elbowL',
  shoulderR: 'chest',
  elbowR: 'shoulderR',
  handR: 'elbowR',
  hipL: 'hips',
  kneeL: 'hipL',
  footL: 'kneeL',
  hipR: 'hips',
  kneeR: 'hipR',
  footR: 'kneeR',
}

export type Build = 'slim' | 'average' | 'broad'
export type Form = 'masculine' | 'feminine'

/** What changes the skeleton besides the height. Defaults: build 'average', form 'masculine', age 35. */
export interface BodyShape {
  build?: Build
  form?: Form
  age?: number
}

/** Girth factor per build: limbs, torso and head-to-shoulder widths scale by it. */
export const buildGirth: Record<Build, number> = { slim: 0.86, average: 1, broad: 1.2 }

/** 0 for adults (18 and older), rising to 1 at 4 years: children have bigger heads and shorter legs. */
export function childFactor(age: number): number {
  return Math.min(1, Math.max(0, (18 - age) / 14))
}

/**
 * The body's landmark heights and widths, in metres, for a figure of the given height standing at rest.
 * Fractions follow the usual figure-drawing canon (an adult is about 7.5 heads tall; a 7-year-old about 6).
 */
export function figureProportions(height: number, shape: BodyShape = {}) {
  const c = childFactor(shape.age ?? 35)
  const girth = buildGirth[shape.build ?? 'average']
  const feminine = (shape.form ?? 'masculine') === 'feminine'
  const headHeight = (0.13 + 0.05 * c) * height
  const chinY = height - headHeight
  const hipsY = (0.53 - 0.035 * c) * height
  const legTopY = hipsY - 0.03 * height
  const ankleY = 0.045 * height
  const kneeY = ankleY + (legTopY - ankleY) * 0.48
  const spineY = hipsY + 0.06 * height
  const shoulderY = chinY - 0.05 * height
  const chestY = spineY + (shoulderY - spineY) * 0.45
  const neckY = chinY - 0.035 * height
  const headY = chinY + 0.02 * height
  // Shoulders widen less with girth than waists do.
  const shoulderHalf = (feminine ? 0.098 : 0.113) * height * (1 + (girth - 1) * 0.5) * (1 - 0.1 * c)
  const legHalf = (feminine ? 0.056 : 0.05) * height * (1 + (girth - 1) * 0.5)
  const upperArm = (0.175 - 0.01 * c) * height
  const forearm = (0.15 - 0.01 * c) * height
  return { height, girth, feminine, childFactor: c, headHeight, chinY, hipsY, legTopY, kneeY, ankleY, spineY, chestY, shoulderY, neckY, headY, shoulderHalf, legHalf, upperArm, forearm, handLength: 0.1 * height }
}

export type FigureProportions = ReturnType<typeof figureProportions>

/** Each joint's rest offset from its parent, in metres (the hips' offset is from the root on the floor). */
export function figureRestOffsets(height: number, shape: BodyShape = {}): Record<JointName, Vec3Tuple> {
  const p = figureProportions(height, shape)
  return {
    hips: [0, p.hipsY, 0],
    spine: [0, p.spineY - p.hipsY, 0],
    chest: [0, p.chestY - p.spineY, 0],
    neck: [0, p.neckY - p.chestY, 0],
    head: [0, p.headY - p.neckY, 0],
    shoulderL: [p.shoulderHalf, p.shoulderY - p.chestY, 0],
    elbowL: [0, -p.upperArm, 0],
    handL: [0, -p.forearm, 0],
    shoulderR: [-p.shoulderHalf, p.shoulderY - p.chestY, 0],
    elbowR: [0, -p.upperArm, 0],
    handR: [0, -p.forearm, 0],
    hipL: [p.legHalf, p.legTopY - p.hipsY, 0],
    kneeL: [0, p.kneeY - p.legTopY, 0],
    footL: [0, p.ankleY - p.kneeY, 0],
    hipR: [-p.legHalf, p.legTopY - p.hipsY, 0],
    kneeR: [0, p.kneeY - p.legTopY, 0],
    footR: [0, p.ankleY - p.kneeY, 0],
  }
}

/** Each joint's rest position relative to the figure's root (the sum of the offsets up the hierarchy). */
export function figureRestPositions(height: number, shape: BodyShape = {}): Record<JointName, Vec3Tuple> {
  const offsets = figureRestOffsets(height, shape)
  const positions = {} as Record<JointName, Vec3Tuple>
  for (const name of jointNames) {
    const parent = jointParent[name]
    const o = offsets[name]
    const base = parent ? positions[parent] : ([0, 0, 0] as Vec3Tuple)
    positions[name] = [base[0] + o[0], base[1] + o[1], base[2] + o[2]]
  }
  return positions
}
