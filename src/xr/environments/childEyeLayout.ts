import * as THREE from 'three'

/**
 * Layout of the 'Vergeet mij niet' scene (Henskens et al. 2018; src/xr/README.md): a 7-year-old's bedroom at night,
 * seen from his bed, with his parents fighting in the hallway beyond a half-open door.
 *
 * Units are metres in world space, y up. The viewer's origin is on the floor at (0, 0, 0) and the child looks
 * towards −Z. The child sits at the foot end of his bed (its head end is against the back wall), so the door in
 * the front wall lies about 24° to the left of straight ahead, inside the 30° where key content belongs
 * (src/xr/README.md, "Session events and comfort").
 *
 * Plan view (x to the right, z towards the back wall; the child looks up the page, towards −Z):
 *
 *   z −3.1  +----------------------------------------------------------+
 *           |  coats  table  picture        hallway (lamp at x −1.0)    | baby's door
 *   z −1.9  +------------------+ door +------------------------------+-+ (x 2.4)
 *   z −1.8         |           \       drawing, toy box   wardrobe |
 *                  |  sibling's  \ (hinge x −1.325,            ... | window
 *                  |  bed         \  swings in)      rug          | (x 1.6)
 *   z  0.0         |                        [ child's bed ]         |
 *                  |                        [ eye at z 0.2]  night  |
 *   z  1.8         +------------------------------------------------+
 *                x −1.6                        x 0                 x 1.6
 */

export type Intensity = 'heard' | 'seen' | 'full'
export type FigureRole = 'father' | 'mother' | 'sibling'
export type ChildAge = 4 | 7 | 12

/** Where a figure's root goes (its feet, or its seat when sitting) and which way it faces (0 = towards +Z). */
export interface FigureSpot {
  position: [number, number, number]
  rotationY: number
}

export const room = {
  minX: -1.6,
  maxX: 1.6,
  minZ: -1.8,
  maxZ: 1.8,
  ceiling: 2.5,
  /** Thickness of every wall; the front wall runs from z = −1.8 (room side) to −1.9 (hallway side). */
  wallThickness: 0.1,
} as const

export const door = {
  /** Centre of the clear opening, in the front wall. */
  centreX: -0.9,
  /** Room-side face of the front wall. */
  z: room.minZ,
  width: 0.85,
  height: 2.05,
  /** The hinge is on the left jamb, so the door swings inwards towards the left wall and out of the line of sight. */
  hingeX: -0.9 - 0.85 / 2,
  /** Rotation about the hinge when fully open (fraction 1): the leaf then lies along the left jamb, into the room. */
  maxAngle: Math.PI / 2,
} as const

export const hallway = {
  minX: -3.2,
  maxX: 2.4,
  /** Far wall (opposite the bedroom door). */
  minZ: room.minZ - room.wallThickness - 1.2,
  /** Hallway side of the bedroom's front wall. */
  maxZ: room.minZ - room.wallThickness,
  ceiling: 2.5,
  /** The warm ceiling lamp, near the bedroom door: from the bed its glowing shade shows just under the door head. */
  lamp: new THREE.Vector3(-1.0, 2.32, -2.2),
  /** The baby's room: a closed door in the hallway's right-hand end wall. */
  babyDoor: { x: 2.4, centreZ: -2.5, width: 0.8, height: 2.05 },
} as const

export const bedroomWindow = {
  /** On the right wall. */
  x: room.maxX,
  centreZ: 0.25,
  centreY: 1.45,
  width: 1.0,
  height: 1.0,
} as const

/** The child's own bed: the head end against the back wall, the foot end just in front of the viewer's origin. */
export const childBed = { minX: -0.46, maxX: 0.46, minZ: -0.02, maxZ: room.maxZ, mattressTop: 0.42 } as const

/** The older sibling's bed along the left wall. */
export const siblingBed = { minX: room.minX, maxX: -0.86, minZ: -0.35, maxZ: 1.45, mattressTop: 0.4 } as const

/** Where the viewer's eye is when the tests and screenshots look through the door. */
export const childEyeZ = 0.2

/** A child's eye height sitting up on a bed, by the child's age in years. */
export const eyeHeights: Record<ChildAge, number> = { 4: 0.85, 7: 1.0, 12: 1.15 }

/** The sibling (about 12 years old) sits on their own bed with their back near the wall, facing the viewer's bed. */
export const siblingHeight = 1.5
const siblingSpot: FigureSpot = { position: [-1.4, siblingBed.mattressTop, 0.15], rotationY: Math.PI / 2 }

/** Faces a figure standing at `from` towards `to` (plan view). */
function facing(from: readonly [number, number], to: readonly [number, number]): number {
  return Math.atan2(to[0] - from[0], to[1] - from[1])
}

function parentSpots(father: [number, number], mother: [number, number]): Record<'father' | 'mother', FigureSpot> {
  return {
    father: { position: [father[0], 0, father[1]], rotationY: facing(father, mother) },
    mother: { position: [mother[0], 0, mother[1]], rotationY: facing(mother, father) },
  }
}

/**
 * Where the figures stand at each intensity. The parents face each other.
 * - heard: in the hallway to the right of the door, hidden by the front wall: only their voices reach the child.
 * - seen: in the hallway, side-on to the child, glimpsed through the half-open door (between the door leaf and the
 *   right jamb, which cuts off part of the father).
 * - full: the father right in the doorway, the mother facing him just beyond, both side-on and in plain view.
 * The sibling sits on their bed in every intensity (sitting poses put the seat at the spot's y).
 */
export const figureSpots: Record<Intensity, Record<FigureRole, FigureSpot>> = {
  heard: { ...parentSpots([0.55, -2.4], [1.35, -2.5]), sibling: siblingSpot },
  seen: { ...parentSpots([-0.7, -2.5], [-1.25, -2.95]), sibling: siblingSpot },
  full: { ...parentSpots([-0.72, -2.15], [-1.5, -2.4]), sibling: siblingSpot },
}

/**
 * Extra spots, named by the scene's `place` actions (see placeSpot):
 * - entrance: where a figure coming home walks in from, at the hallway's far left end (the stairs), facing along it.
 * - doorway: just inside the bedroom door, facing the child.
 * - motherAtBed: the mother kneels beside the foot end of the child's bed, about 1.3 m from his eyes and off to
 *   his right, facing him: out of the way of the reflection panel straight ahead, her reaching hands about 0.7 m
 *   from his eyes (the tests that look hold every figure mesh at 0.45 m or more).
 */
export const extraSpots: Record<'entrance' | 'doorway' | 'motherAtBed', FigureSpot> = {
  entrance: { position: [hallway.minX + 0.3, 0, -2.5], rotationY: Math.PI / 2 },
  doorway: { position: [door.centreX, 0, room.minZ + 0.35], rotationY: facing([door.centreX, room.minZ + 0.35], [0, childEyeZ]) },
  motherAtBed: { position: [0.95, 0, -0.7], rotationY: facing([0.95, -0.7], [0, childEyeZ]) },
}

/**
 * Where a `place` action puts a figure: `hallway` is the figure's own spot at the intensity, `doorway` and `bed`
 * the extra spots, `away` is null (not home, not drawn). A place this room does not know is an error (the scene
 * check refuses unknown places before a scene runs, so this only guards against a script and a room that disagree).
 */
export function placeSpot(place: string, who: FigureRole, intensity: Intensity): FigureSpot | null {
  if (place === 'away') return null
  if (place === 'hallway') return figureSpots[intensity][who]
  if (place === 'doorway') return extraSpots.doorway
  if (place === 'bed') return extraSpots.motherAtBed
  throw new Error(`childEyeLayout: no place "${place}" in the child's bedroom (known: away, hallway, doorway, bed)`)
}

/** How far the door stands open at each intensity: a fraction of its 90° swing. */
export const doorOpen: Record<Intensity, number> = { heard: 0.12, seen: 0.45, full: 0.9 }

/**
 * Centres for head-direction dwell, each with a cone of about 15–20° (src/xr/README.md).
 * - parents: between the parents' 'seen' and 'full' spots, at chest height, as seen through the door.
 * - door: the middle of the door opening.
 * - room: the child's own room behind and to the left of the viewer (the sibling's bed, toys), away from the door.
 * - window: the middle of the window on the right wall.
 */
export const childEyeTargets: Record<'parents' | 'door' | 'room' | 'window', THREE.Vector3> = {
  parents: new THREE.Vector3(-1.05, 1.35, -2.5),
  door: new THREE.Vector3(door.centreX, door.height / 2, door.z),
  room: new THREE.Vector3(-0.9, 0.8, 1.0),
  window: new THREE.Vector3(bedroomWindow.x, bedroomWindow.centreY, bedroomWindow.centreZ),
}

function mouth(spot: FigureSpot, height: number): THREE.Vector3 {
  return new THREE.Vector3(spot.position[0], spot.position[1] + height, spot.position[2])
}

/** Mouth heights of the parents standing, and of the mother kneeling by the bed. */
const mouthHeight = { father: 1.68, mother: 1.52, kneeling: 1.1 } as const

/**
 * Where sounds come from at an intensity, for spatial audio (the scene plays lines through voiceSource below):
 * father / mother: at mouth height on their own spots; baby: in the baby's room behind the door at the hallway's
 * right-hand end; hallway: under the hallway lamp, in front of the bedroom door (footsteps, the breaking glass);
 * room: the child's own room (the night light, the sibling).
 */
export function soundSourcesFor(intensity: Intensity): Record<'father' | 'mother' | 'baby' | 'hallway' | 'room', THREE.Vector3> {
  const spots = figureSpots[intensity]
  return {
    father: mouth(spots.father, mouthHeight.father),
    mother: mouth(spots.mother, mouthHeight.mother),
    baby: new THREE.Vector3(hallway.babyDoor.x + 0.8, 0.8, hallway.babyDoor.centreZ),
    hallway: new THREE.Vector3(door.centreX, 1.5, (hallway.minZ + hallway.maxZ) / 2),
    room: new THREE.Vector3(-0.6, 1.0, 0.6),
  }
}

/**
 * Where a line is heard from, for spatial audio, as the scene stands now: a parent's voice comes from the parent's
 * mouth wherever the script placed them (the mother's from beside the bed once she kneels there), the other
 * sources from their places at the intensity. `place` is the parent's `place` action (undefined: their own spot).
 */
export function voiceSource(source: string, intensity: Intensity, place: string | undefined): THREE.Vector3 | null {
  if (source === 'father' || source === 'mother') {
    const spot = placeSpot(place ?? 'hallway', source, intensity)
    if (!spot) return null
    return mouth(spot, place === 'bed' ? mouthHeight.kneeling : mouthHeight[source])
  }
  const sources = soundSourcesFor(intensity)
  return source in sources ? sources[source as keyof typeof sources] : null
}
