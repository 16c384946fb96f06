import type { DwellGeometry, Xyz } from '../../script/dwellOverlap.ts'
import { childEyeTargets, childEyeZ, eyeHeights, type ChildAge } from './childEyeLayout.ts'
import { headOf, meetingTargets } from './meetingRoomLayout.ts'

const xyz = (v: { x: number; y: number; z: number }): Xyz => [v.x, v.y, v.z]

/**
 * Where the dwell targets and the client's eyes are in the built-in environments, from the same layouts the
 * renderer draws: the scene check (`npm run scenes:check`, the build) warns when two targets' cones overlap.
 */
export const dwellGeometry: DwellGeometry = {
  'child-bedroom': {
    targets: Object.fromEntries(Object.entries(childEyeTargets).map(([k, v]) => [k, xyz(v)])),
    // The child's age sets the eye height; every age the scene allows is checked (7 when it offers none).
    eyes(script) {
      const param = script.params.childAge
      const ages = param && param.type === 'enum' ? param.values.map(Number) : [7]
      return ages.filter((a): a is ChildAge => a in eyeHeights).map((age) => ({ label: `childAge ${age} (eye height ${eyeHeights[age].toFixed(2)} m)`, at: [0, eyeHeights[age], childEyeZ] }))
    },
  },
  'meeting-room': {
    targets: Object.fromEntries(Object.entries(meetingTargets).map(([k, v]) => [k, xyz(v)])),
    // The perspective swap puts the client in either chair.
    eyes: () => (['present', 'future'] as const).map((seat) => ({ label: `the ${seat} chair`, at: xyz(headOf(seat)) })),
  },
}
