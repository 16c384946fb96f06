import * as THREE from 'three'
import { box, ellipsoid, place, type V3 } from '../environments/geometryKit.ts'
import { faceBoneNames, type FaceBoneName, type FaceRig } from './faceRig.ts'
import type { JointName } from './figureJoints.ts'

/**
 * The parts of the face that move: eyes with upper lids, brows, a mouth whose corners and lower edge move, and a jaw
 * that carries the chin. Every part is skinned to a face bone (faceRig.ts) inside the figure's one skinned mesh, so
 * the face costs no draw call of its own; it adds about 200 triangles.
 *
 * Why these parts: from about 3 m a face reads by its brows (height and the tilt of their inner ends), the eyes'
 * opening and the mouth's line (Ekman's action units 1, 2, 4, 5, 7, 15, 20, 26 are all carried by these).
 */

/** A bone of the figure's skeleton: a joint or a face bone. */
export type BoneName = JointName | FaceBoneName
/** One skin influence: a bone and its weight (a vertex's weights sum to 1). */
export type Influence = readonly [BoneName, number]
export type SkinOf = (x: number, y: number, z: number) => readonly Influence[]

export interface FacePart {
  key: 'skin' | 'eyes' | 'hair'
  geometry: THREE.BufferGeometry
  skin: SkinOf
}

export interface FaceInput {
  /** The head's height, metres (figureProportions). */
  hh: number
  /** The head ellipsoid's centre and radii, in the figure's rest space. */
  headC: V3
  headR: V3
  /** 0 adult … 1 small child (bigger eyes). */
  child: number
  /** The mouth sits on the skin, or on a beard's surface. */
  beard: 'none' | 'stubble' | 'full'
  /** The head joint's rest position in the figure's rest space (face bones hang under it). */
  headJoint: V3
}

export interface BuiltFace {
  rig: FaceRig
  parts: FacePart[]
  /** Skin for the head's own surfaces (skin, beard): the lower face in front follows the jaw, the rest the head. */
  headSkin: SkinOf
  /** The outer corners of the mouth at rest (for tests and the preview), figure rest space. */
  mouthHalfWidth: number
}

const smooth = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t))

export function buildFace({ hh, headC, headR, child, beard, headJoint }: FaceInput): BuiltFace {
  /** A point on the face: x and y in head radii, pushed `out` metres out of the surface along z. */
  const onFace = (x: number, y: number, out = 0, scale = 1): V3 => {
    const z = Math.sqrt(Math.max(0, 1 - x * x - y * y)) * headR[2] * scale
    return [headC[0] + x * headR[0], headC[1] + y * headR[1], headC[2] + z + out]
  }
  const bones = {} as Record<FaceBoneName, THREE.Bone>
  const rest = {} as Record<FaceBoneName, THREE.Vector3>
  const placeBone = (name: FaceBoneName, at: V3) => {
    const bone = new THREE.Bone()
    bone.name = name
    rest[name] = new THREE.Vector3(at[0] - headJoint[0], at[1] - headJoint[1], at[2] - headJoint[2])
    bone.position.copy(rest[name])
    bones[name] = bone
  }
  const parts: FacePart[] = []
  const rigid = (bone: BoneName): SkinOf => () => [[bone, 1]]

  // Eyes, each with an upper lid: a cap a little larger than the eye, turned back into the head when open and
  // down over the eye's front when shut (a rotation of the lid bone about the eye's centre).
  const eyeR = hh * (0.055 + 0.015 * child)
  const lidOpen = -1.2
  const lidShut = Math.PI / 2 + 0.1
  const eyeAt = (sign: number) => onFace(sign * 0.4, 0.08, -eyeR * 0.25)
  for (const [side, sign] of [['L', 1], ['R', -1]] as const) {
    const eye = eyeAt(sign)
    parts.push({ key: 'eyes', geometry: ellipsoid([eyeR, eyeR * 1.15, eyeR * 0.7], eye, [8, 6]), skin: rigid('head') })
    placeBone(`lid${side}`, eye)
    const cap = new THREE.SphereGeometry(1, 10, 4, 0, Math.PI * 2, 0, Math.PI / 2)
    // The cap is baked open (its pole tilted back), so the bind pose is an open eye and the bone's X turns it shut.
    parts.push({ key: 'skin', geometry: place(cap, eye, { rotation: [lidOpen, 0, 0], scale: [eyeR * 1.15, eyeR * 1.25, eyeR * 0.85] }), skin: rigid(`lid${side}`) })

    const browAt = onFace(sign * 0.4, 0.3, -hh * 0.01)
    placeBone(`brow${side}`, browAt)
    parts.push({ key: 'hair', geometry: box([hh * 0.2, hh * 0.045, hh * 0.05], browAt, { rotation: [0.15, sign * 0.3, sign * -0.1] }), skin: rigid(`brow${side}`) })
  }

  // The mouth: a dark bar whose upper edge stays with the head and lower edge goes with the jaw (so it opens in
  // the middle), and whose ends follow the corner bones (so its line can turn down or be pulled wide).
  const beardScale = beard === 'full' ? 1.07 : beard === 'stubble' ? 1.03 : 1
  const mouth = onFace(0, -0.5, beard === 'none' ? -hh * 0.005 : hh * 0.006, beardScale)
  const mouthHalf = hh * 0.085
  const mouthHeight = hh * 0.03
  for (const [side, sign] of [['L', 1], ['R', -1]] as const) placeBone(`mouth${side}`, [mouth[0] + sign * mouthHalf, mouth[1], mouth[2]])
  const mouthSkin: SkinOf = (x, y) => {
    const u = (x - mouth[0]) / mouthHalf
    const corner = smooth((Math.abs(u) - 0.3) / 0.7)
    const middle: BoneName = y > mouth[1] ? 'head' : 'jaw'
    return [[middle, 1 - corner], [u > 0 ? 'mouthL' : 'mouthR', corner]]
  }
  parts.push({ key: 'eyes', geometry: place(new THREE.BoxGeometry(mouthHalf * 2, mouthHeight, hh * 0.04, 6, 1, 1), mouth), skin: mouthSkin })

  // The jaw turns about a point in front of the ears, level with the upper lip, so the chin drops and slides back.
  placeBone('jaw', [headC[0], mouth[1] + hh * 0.05, headC[2] - headR[2] * 0.35])
  // The head's skin below the mouth and in front follows the jaw, fading to the head above and behind.
  const headSkin: SkinOf = (_x, y, z) => {
    const below = smooth((mouth[1] - mouthHeight * 0.5 - y) / (hh * 0.12))
    const front = smooth((z - (headC[2] - headR[2] * 0.1)) / (headR[2] * 0.5))
    const w = below * front
    return w > 0 ? [['head', 1 - w], ['jaw', w]] : [['head', 1]]
  }

  for (const name of faceBoneNames) if (!bones[name]) throw new Error(`buildFace: no bone ${name}`)
  const eyesCentre = new THREE.Vector3(0, eyeAt(1)[1] - headJoint[1], eyeAt(1)[2] - headJoint[2])
  return {
    rig: { bones, rest, lidSweep: lidShut - lidOpen, browTravel: hh * 0.07, browTilt: 0.38, cornerTravel: hh * 0.05, jawOpen: 0.28, eyesCentre },
    parts,
    headSkin,
    mouthHalfWidth: mouthHalf,
  }
}
