import { expressionNames, type ExpressionName } from '../../script/vocabulary.ts'
import { faceChannels, neutralFace, type FacePose } from './faceRig.ts'

/**
 * The faces a scene can ask for (the scene vocabulary's `expressionNames`), as face poses (faceRig.ts), drawn large
 * enough to read from about 3 m on a stylised head. After the classic descriptions of the prototypes (Ekman &
 * Friesen's FACS action units):
 * - angry: brows down and drawn together (inner ends lowest: AU 4), lids tightened (AU 7), lips pressed (AU 23/24);
 * - afraid: brows raised with inner ends up (AU 1+2+4 gives the straight, raised brow), eyes wide (AU 5), lips
 *   stretched sideways (AU 20), jaw dropped a little (AU 26);
 * - sad: inner ends of the brows raised (AU 1), upper lids drooping, mouth corners down (AU 15);
 * - calm: everything at rest.
 */
export { expressionNames, type ExpressionName }

export const expressions: Record<ExpressionName, Readonly<FacePose>> = {
  calm: neutralFace,
  angry: { lidL: 0.3, lidR: 0.3, browRaise: -0.8, browInner: -1, cornerUp: -0.35, cornerOut: -0.4, jaw: 0 },
  afraid: { lidL: 0, lidR: 0, browRaise: 1, browInner: 0.7, cornerUp: -0.3, cornerOut: 0.9, jaw: 0.3 },
  sad: { lidL: 0.35, lidR: 0.35, browRaise: 0, browInner: 1, cornerUp: -1, cornerOut: 0, jaw: 0 },
}

export function isExpressionName(name: string): name is ExpressionName {
  return (expressionNames as readonly string[]).includes(name)
}

/**
 * Seconds for a face to go about 63 % of the way to a new expression (an exponential approach, so a change midway
 * never jumps): 95 % after three of these, 0.3 s at the default 0.1 s.
 */
export const expressionTimeConstant = 0.1

/**
 * Moves `face` towards the expression by the share of the way an exponential approach covers in `delta` seconds.
 * Frame-rate independent: two steps of dt land where one of 2·dt does.
 */
export function easeFace(face: FacePose, target: Readonly<FacePose>, delta: number, timeConstant = expressionTimeConstant): void {
  const share = 1 - Math.exp(-Math.max(0, delta) / Math.max(1e-4, timeConstant))
  for (const c of faceChannels) face[c] += (target[c] - face[c]) * share
}
