import type * as THREE from 'three'

/**
 * The face's bones: a few extra bones under the head that move parts of the same skinned mesh (buildFace.ts), so a
 * face that blinks, frowns and speaks still costs no extra draw call. They are not joints (figureJoints.ts): poses
 * never touch them, and the face layer sets them absolutely every frame, so nothing piles up.
 *
 * Left is the figure's left (+X), as for the joints.
 */
export const faceBoneNames = ['jaw', 'lidL', 'lidR', 'browL', 'browR', 'mouthL', 'mouthR'] as const
export type FaceBoneName = (typeof faceBoneNames)[number]

/**
 * What the face does now, in the face's own units; every channel is 0 in a calm, open-eyed face.
 * - lidL, lidR: upper eyelid closure, 0 open … 1 shut.
 * - browRaise: both brows, −1 lowered … +1 raised (by `browTravel` metres at ±1).
 * - browInner: the inner ends, −1 down (a frown) … +1 up (worry, fear, sadness); tilts each brow by `browTilt` rad.
 * - cornerUp: the mouth's corners, −1 down … +1 up (by `cornerTravel` metres at ±1).
 * - cornerOut: the corners, −1 drawn in (pressed lips) … +1 pulled out (a stretched, fearful mouth).
 * - jaw: 0 closed … 1 open by `jawOpen` rad.
 */
export interface FacePose {
  lidL: number
  lidR: number
  browRaise: number
  browInner: number
  cornerUp: number
  cornerOut: number
  jaw: number
}

export const faceChannels = ['lidL', 'lidR', 'browRaise', 'browInner', 'cornerUp', 'cornerOut', 'jaw'] as const satisfies readonly (keyof FacePose)[]

export const neutralFace: Readonly<FacePose> = { lidL: 0, lidR: 0, browRaise: 0, browInner: 0, cornerUp: 0, cornerOut: 0, jaw: 0 }

/** The face bones of one built figure, their rest positions (relative to the head) and how far each may move. */
export interface FaceRig {
  bones: Record<FaceBoneName, THREE.Bone>
  /** Each bone's rest position under the head, metres; bones are placed at rest + the pose's offset. */
  rest: Record<FaceBoneName, THREE.Vector3>
  /** Lid rotation about X from open to shut, rad (the lid is a cap that turns down over the eye). */
  lidSweep: number
  /** Brow travel at browRaise ±1, metres. */
  browTravel: number
  /** Brow tilt at browInner ±1, rad. */
  browTilt: number
  /** Mouth-corner travel at cornerUp / cornerOut ±1, metres. */
  cornerTravel: number
  /** Jaw rotation at jaw 1, rad (positive X opens it: the chin goes down and a little back). */
  jawOpen: number
  /** Where the eyes are, between them, in the head bone's space (the point a gaze is aimed from). */
  eyesCentre: THREE.Vector3
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** Sets every face bone from the pose: absolute, so calling it every frame never accumulates. Channels are clamped. */
export function applyFacePose(rig: FaceRig, pose: Readonly<FacePose>): void {
  const { bones, rest } = rig
  for (const [side, sign] of [['L', 1], ['R', -1]] as const) {
    const lid = bones[`lid${side}`]
    lid.position.copy(rest[`lid${side}`])
    lid.rotation.set(clamp(pose[`lid${side}`], 0, 1) * rig.lidSweep, 0, 0)

    // A left brow (at +X) turns its inner end (towards the nose, −X) up with a negative Z rotation; the right mirrors.
    const brow = bones[`brow${side}`]
    brow.position.copy(rest[`brow${side}`])
    brow.position.y += clamp(pose.browRaise, -1, 1) * rig.browTravel
    brow.rotation.set(0, 0, -sign * clamp(pose.browInner, -1, 1) * rig.browTilt)

    const corner = bones[`mouth${side}`]
    corner.position.copy(rest[`mouth${side}`])
    corner.position.y += clamp(pose.cornerUp, -1, 1) * rig.cornerTravel
    corner.position.x += sign * clamp(pose.cornerOut, -1, 1) * rig.cornerTravel * 0.6
  }
  bones.jaw.position.copy(rest.jaw)
  bones.jaw.rotation.set(clamp(pose.jaw, 0, 1) * rig.jawOpen, 0, 0)
}
