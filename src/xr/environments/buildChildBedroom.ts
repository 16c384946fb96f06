import * as THREE from 'three'
import { seededRandom } from '../../engine/drill/seededRandom.ts'
import { box, boxFromTo, cylinderBetween, disposeObject, ellipsoid, MergeBuckets, place, type V3 } from './geometryKit.ts'
import { bedroomWindow, childBed, door, doorOpen, hallway, room, siblingBed, type Intensity } from './childEyeLayout.ts'

/**
 * The child's bedroom at night with the hallway beyond the door (layout in childEyeLayout.ts). Procedural, low-poly,
 * no textures: a small palette of MeshStandardMaterial, and all static geometry merged per material, so that the
 * whole environment is about 19 draw calls and a few thousand triangles (budgets in src/xr/README.md).
 * Lighting: a moonlit hemisphere light, the warm hallway lamp (the brightest thing, so the doorway draws the eye) and
 * a dim night light by the bed; no shadows. A wedge of lamplight on the bedroom floor follows the door.
 */
export interface ChildBedroomOptions {
  intensity: Intensity
  /** An older brother or sister shares the room: a second bed. Without: a beanbag and a bookshelf there instead. */
  sibling: boolean
}

export interface BuiltChildBedroom {
  root: THREE.Group
  /** Swings the door: 0 = closed, 1 = fully open (90°, into the room towards the left wall). */
  setDoorOpen(fraction: number): void
  /** The door's current opening, 0..1. */
  readonly doorFraction: number
  /** The group the door leaf hangs on; it rotates about y at the hinge. */
  doorPivot: THREE.Group
  /** Every solid mesh (walls, door, furniture): what blocks a line of sight. */
  occluders: THREE.Mesh[]
  /** Frees every geometry and material. */
  dispose(): void
}

type Key =
  | 'roomWall'
  | 'hallWall'
  | 'paint'
  | 'floor'
  | 'wood'
  | 'duvet'
  | 'duvetSibling'
  | 'rug'
  | 'toyRed'
  | 'toyBlue'
  | 'toyYellow'
  | 'teddy'
  | 'sky'
  | 'glow'
  | 'dark'

/** The palette. Colours are picked for a moonlit room: they read as pastel in the dim light. */
function palette(): Record<Key, THREE.MeshStandardMaterial> {
  const m = (color: string, extra: THREE.MeshStandardMaterialParameters = {}) => new THREE.MeshStandardMaterial({ color, roughness: 0.9, metalness: 0, ...extra })
  const materials: Record<Key, THREE.MeshStandardMaterial> = {
    roomWall: m('#b8c6d8'),
    // A faint warm glow stands in for the light the hallway's walls bounce around.
    hallWall: m('#efd9b4', { emissive: new THREE.Color('#4a321c') }),
    paint: m('#f3eee4'),
    floor: m('#a8764d', { roughness: 0.75 }),
    wood: m('#d2a574', { roughness: 0.8 }),
    duvet: m('#f08a4b'),
    duvetSibling: m('#4aa394'),
    rug: m('#d9667c'),
    toyRed: m('#e0493c', { roughness: 0.6 }),
    toyBlue: m('#3f86dd', { roughness: 0.6 }),
    toyYellow: m('#f5c94a', { roughness: 0.6 }),
    teddy: m('#b9844c', { roughness: 1 }),
    sky: m('#000000', { emissive: new THREE.Color('#1b2f5e'), roughness: 1 }),
    glow: m('#000000', { emissive: new THREE.Color('#ffe2a8'), emissiveIntensity: 1.4 }),
    dark: m('#2e2824', { roughness: 0.5 }),
  }
  for (const [key, material] of Object.entries(materials)) material.name = `bedroom-${key}`
  return materials
}

const materialKeys: Key[] = ['roomWall', 'hallWall', 'paint', 'floor', 'wood', 'duvet', 'duvetSibling', 'rug', 'toyRed', 'toyBlue', 'toyYellow', 'teddy', 'sky', 'glow', 'dark']

/** A flat five-pointed star in the xy plane. */
function starShape(outer: number, inner: number): THREE.Shape {
  const shape = new THREE.Shape()
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner
    const a = Math.PI / 2 + (i * Math.PI) / 5
    if (i === 0) shape.moveTo(Math.cos(a) * r, Math.sin(a) * r)
    else shape.lineTo(Math.cos(a) * r, Math.sin(a) * r)
  }
  shape.closePath()
  return shape
}

export function buildChildBedroom(options: ChildBedroomOptions): BuiltChildBedroom {
  const materials = palette()
  const parts = new MergeBuckets<Key>()
  const add = (key: Key, ...g: THREE.BufferGeometry[]) => parts.add(key, ...g)

  const { minX, maxX, minZ, maxZ, ceiling: ceil } = room
  const skin = 0.05 // each face of a wall is a panel this thick (the room side and the hallway side differ in colour)
  const openL = door.hingeX // clear opening, left
  const openR = door.hingeX + door.width // clear opening, right
  const jamb = 0.04
  const hallZ = hallway.maxZ // −1.9

  // ---- Floors and ceilings ----
  add('floor', boxFromTo([minX - 0.1, -0.05, minZ], [maxX + 0.1, 0, maxZ + 0.1]))
  add('floor', boxFromTo([hallway.minX, -0.05, hallway.minZ - 0.1], [hallway.maxX + 0.1, 0, hallZ]))
  add('floor', boxFromTo([openL, -0.05, hallZ], [openR, 0.004, minZ]))
  add('paint', boxFromTo([minX - 0.1, ceil, minZ - 0.1], [maxX + 0.1, ceil + 0.05, maxZ + 0.1]))
  add('paint', boxFromTo([hallway.minX - 0.1, hallway.ceiling, hallway.minZ - 0.1], [hallway.maxX + 0.1, hallway.ceiling + 0.05, hallZ]))

  // ---- Bedroom walls (room side) ----
  add('roomWall', boxFromTo([minX, 0, maxZ], [maxX, ceil, maxZ + skin]))
  add('roomWall', boxFromTo([minX - skin, 0, minZ - skin], [minX, ceil, maxZ + skin]))
  const win = bedroomWindow
  const winZ0 = win.centreZ - win.width / 2
  const winZ1 = win.centreZ + win.width / 2
  const winY0 = win.centreY - win.height / 2
  const winY1 = win.centreY + win.height / 2
  add('roomWall', boxFromTo([maxX, 0, minZ - skin], [maxX + skin, ceil, winZ0]))
  add('roomWall', boxFromTo([maxX, 0, winZ1], [maxX + skin, ceil, maxZ + skin]))
  add('roomWall', boxFromTo([maxX, 0, winZ0], [maxX + skin, winY0, winZ1]))
  add('roomWall', boxFromTo([maxX, winY1, winZ0], [maxX + skin, ceil, winZ1]))
  // Front wall with the door opening (cut wider by the jamb linings).
  const cutL = openL - jamb
  const cutR = openR + jamb
  const cutTop = door.height + jamb
  add('roomWall', boxFromTo([minX - skin, 0, minZ - skin], [cutL, ceil, minZ]))
  add('roomWall', boxFromTo([cutR, 0, minZ - skin], [maxX + skin, ceil, minZ]))
  add('roomWall', boxFromTo([cutL, cutTop, minZ - skin], [cutR, ceil, minZ]))
  // Hallway side of the front wall.
  add('hallWall', boxFromTo([hallway.minX, 0, hallZ], [cutL, hallway.ceiling, minZ - skin]))
  add('hallWall', boxFromTo([cutR, 0, hallZ], [hallway.maxX, hallway.ceiling, minZ - skin]))
  add('hallWall', boxFromTo([cutL, cutTop, hallZ], [cutR, hallway.ceiling, minZ - skin]))
  // Jamb linings and architraves (both faces).
  add('paint', boxFromTo([cutL, 0, hallZ], [openL, cutTop, minZ]), boxFromTo([openR, 0, hallZ], [cutR, cutTop, minZ]), boxFromTo([cutL, door.height, hallZ], [cutR, cutTop, minZ]))
  for (const [z0, z1] of [
    [minZ, minZ + 0.015],
    [hallZ - 0.015, hallZ],
  ] as const) {
    add('paint', boxFromTo([cutL - 0.07, 0, z0], [cutL, cutTop + 0.07, z1]), boxFromTo([cutR, 0, z0], [cutR + 0.07, cutTop + 0.07, z1]), boxFromTo([cutL - 0.07, cutTop, z0], [cutR + 0.07, cutTop + 0.07, z1]))
  }
  // Skirting boards.
  const sk = 0.08
  add(
    'paint',
    boxFromTo([minX, 0, maxZ - 0.015], [maxX, sk, maxZ]),
    boxFromTo([minX, 0, minZ], [minX + 0.015, sk, maxZ]),
    boxFromTo([maxX - 0.015, 0, minZ], [maxX, sk, maxZ]),
    boxFromTo([minX, 0, minZ], [cutL - 0.07, sk, minZ + 0.015]),
    boxFromTo([cutR + 0.07, 0, minZ], [maxX, sk, minZ + 0.015]),
  )

  // ---- Window: frame, sill, curtains; outside, the night sky with a moon and stars ----
  const fx0 = maxX - 0.005
  const fx1 = maxX + skin
  add('paint', boxFromTo([fx0, winY0, winZ0], [fx1, winY0 + 0.05, winZ1]), boxFromTo([fx0, winY1 - 0.05, winZ0], [fx1, winY1, winZ1]))
  add('paint', boxFromTo([fx0, winY0, winZ0], [fx1, winY1, winZ0 + 0.05]), boxFromTo([fx0, winY0, winZ1 - 0.05], [fx1, winY1, winZ1]))
  add('paint', boxFromTo([fx0, winY0, win.centreZ - 0.02], [fx1, winY1, win.centreZ + 0.02]), boxFromTo([fx0, win.centreY + 0.13, winZ0], [fx1, win.centreY + 0.17, winZ1]))
  add('paint', boxFromTo([maxX - 0.12, winY0 - 0.04, winZ0 - 0.08], [maxX + 0.02, winY0, winZ1 + 0.08]))
  add('wood', cylinderBetween([maxX - 0.1, winY1 + 0.2, winZ0 - 0.45], [maxX - 0.1, winY1 + 0.2, winZ1 + 0.45], 0.015, 0.015, 6))
  for (const [z0, z1] of [
    [winZ0 - 0.42, winZ0 - 0.02],
    [winZ1 + 0.02, winZ1 + 0.42],
  ] as const) {
    // Gathered curtains: a few soft folds side by side, hanging from the rod to below the sill.
    for (let i = 0; i < 3; i++) {
      const zc = z0 + ((i + 0.5) * (z1 - z0)) / 3
      add('duvetSibling', cylinderBetween([maxX - 0.1 + (i % 2) * 0.02, winY0 - 0.25, zc], [maxX - 0.1, winY1 + 0.2, zc], 0.075, 0.06, 8))
    }
  }
  add('sky', place(new THREE.PlaneGeometry(5, 4), [maxX + 0.7, 1.6, win.centreZ], { rotation: [0, -Math.PI / 2, 0] }))
  add('glow', place(new THREE.CircleGeometry(0.11, 18), [maxX + 0.66, 1.78, win.centreZ + 0.28], { rotation: [0, -Math.PI / 2, 0] }))

  const starRng = seededRandom(7)
  const starPositions: number[] = []
  for (let i = 0; i < 26; i++) starPositions.push(maxX + 0.64, 0.9 + starRng() * 1.6, win.centreZ - 1.0 + starRng() * 2.0)
  const starGeometry = new THREE.BufferGeometry()
  starGeometry.setAttribute('position', new THREE.Float32BufferAttribute(starPositions, 3))
  const starMaterial = new THREE.PointsMaterial({ color: '#fff6d8', size: 0.022, sizeAttenuation: true })
  const stars = new THREE.Points(starGeometry, starMaterial)
  stars.name = 'bedroom-stars'

  // ---- The child's own bed (the viewer sits at its foot end) ----
  const cb = childBed
  add('wood', boxFromTo([cb.minX, 0.12, cb.minZ], [cb.maxX, 0.3, cb.maxZ - 0.06]))
  add('wood', boxFromTo([cb.minX, 0, cb.maxZ - 0.06], [cb.maxX, 0.85, cb.maxZ]))
  add('wood', boxFromTo([cb.minX, 0, cb.minZ - 0.04], [cb.maxX, 0.5, cb.minZ + 0.02]))
  for (const x of [cb.minX + 0.04, cb.maxX - 0.04]) add('wood', boxFromTo([x - 0.04, 0, cb.minZ], [x + 0.04, 0.12, cb.minZ + 0.08]))
  add('wood', ellipsoid([0.06, 0.06, 0.06], [cb.minX + 0.04, 0.9, cb.maxZ - 0.03], [8, 6]), ellipsoid([0.06, 0.06, 0.06], [cb.maxX - 0.04, 0.9, cb.maxZ - 0.03], [8, 6]))
  add('paint', boxFromTo([cb.minX + 0.02, 0.3, cb.minZ + 0.02], [cb.maxX - 0.02, cb.mattressTop, cb.maxZ - 0.06]))
  add('paint', ellipsoid([0.3, 0.07, 0.15], [0, cb.mattressTop + 0.06, cb.maxZ - 0.26], [10, 6]))
  // The duvet, pushed back towards the pillow where the boy sat up.
  add('duvet', boxFromTo([cb.minX - 0.015, 0.26, 0.55], [cb.maxX + 0.015, cb.mattressTop + 0.05, 1.35]))
  add('duvet', ellipsoid([cb.maxX + 0.02, 0.07, 0.14], [0, cb.mattressTop + 0.05, 0.55], [16, 8]))
  add('duvet', ellipsoid([0.2, 0.06, 0.2], [0.18, cb.mattressTop + 0.06, 0.98], [14, 8]))

  // Nightstand with a night light (a glowing moon lamp) beside the bed's head.
  add('wood', boxFromTo([0.58, 0, 1.3], [1.0, 0.5, 1.72]))
  add('dark', boxFromTo([0.57, 0.3, 1.4], [0.58, 0.33, 1.62]))
  add('wood', cylinderBetween([0.79, 0.5, 1.5], [0.79, 0.54, 1.5], 0.06, 0.05, 10))
  add('glow', ellipsoid([0.075, 0.075, 0.075], [0.79, 0.62, 1.5], [12, 8]))

  // ---- The sibling's corner ----
  const sb = siblingBed
  if (options.sibling) {
    add('wood', boxFromTo([sb.minX, 0.1, sb.minZ], [sb.maxX, 0.28, sb.maxZ]))
    add('wood', boxFromTo([sb.minX, 0, sb.maxZ], [sb.maxX, 0.78, sb.maxZ + 0.05]))
    add('wood', boxFromTo([sb.minX, 0, sb.minZ - 0.05], [sb.maxX, 0.5, sb.minZ]))
    add('paint', boxFromTo([sb.minX + 0.02, 0.28, sb.minZ + 0.02], [sb.maxX - 0.02, sb.mattressTop, sb.maxZ - 0.02]))
    add('paint', ellipsoid([0.27, 0.065, 0.14], [(sb.minX + sb.maxX) / 2, sb.mattressTop + 0.05, sb.maxZ - 0.2], [10, 6]))
    add('duvetSibling', boxFromTo([sb.minX + 0.01, 0.24, 0.55], [sb.maxX + 0.015, sb.mattressTop + 0.05, 1.2]))
    add('duvetSibling', ellipsoid([0.18, 0.07, 0.22], [sb.maxX - 0.1, sb.mattressTop + 0.05, 0.48], [14, 8]))
    // A poster above the sibling's bed: a football and a stripe.
    add('paint', boxFromTo([minX, 1.15, 0.2], [minX + 0.012, 1.65, 0.85]))
    add('toyBlue', boxFromTo([minX + 0.012, 1.2, 0.25], [minX + 0.018, 1.3, 0.8]))
    add('toyRed', place(new THREE.CircleGeometry(0.1, 12), [minX + 0.02, 1.47, 0.52], { rotation: [0, Math.PI / 2, 0] }))
  } else {
    add('duvetSibling', ellipsoid([0.4, 0.24, 0.38], [-1.15, 0.22, 0.75], [12, 8]))
    add('wood', boxFromTo([minX, 0, -0.1], [minX + 0.32, 0.9, 0.7]))
    const bookKeys: Key[] = ['toyRed', 'toyBlue', 'toyYellow', 'duvet', 'toyBlue', 'toyRed']
    bookKeys.forEach((key, i) => add(key, boxFromTo([minX + 0.04, 0.47, -0.05 + i * 0.07], [minX + 0.28, 0.47 + 0.22 + (i % 3) * 0.03, -0.05 + i * 0.07 + 0.055])))
  }

  // ---- Wardrobe on the right, toy box and teddy straight ahead, a ball and blocks on the rug ----
  add('wood', boxFromTo([1.02, 0, -1.76], [maxX - 0.02, 1.9, -0.82]))
  add('dark', boxFromTo([1.015, 0.05, -1.295], [1.02, 1.85, -1.285]))
  add('dark', boxFromTo([1.0, 0.95, -1.36], [1.015, 1.1, -1.34]), boxFromTo([1.0, 0.95, -1.24], [1.015, 1.1, -1.22]))
  add('toyBlue', boxFromTo([1.1, 1.9, -1.6], [1.45, 2.1, -1.2]))

  add('toyBlue', boxFromTo([-0.2, 0, -1.78], [0.45, 0.4, -1.38]))
  add('toyRed', boxFromTo([-0.22, 0.4, -1.79], [0.47, 0.45, -1.36]))
  add('toyYellow', place(new THREE.ShapeGeometry(starShape(0.09, 0.04)), [0.125, 0.2, -1.375]))
  // Teddy bear, sitting on the lid, facing the bed.
  const tx = 0.12
  const ty = 0.45
  const tz = -1.58
  add('teddy', ellipsoid([0.1, 0.12, 0.085], [tx, ty + 0.12, tz], [10, 7]))
  add('teddy', ellipsoid([0.085, 0.08, 0.075], [tx, ty + 0.29, tz + 0.01], [10, 7]))
  for (const s of [-1, 1]) {
    add('teddy', ellipsoid([0.032, 0.032, 0.02], [tx + s * 0.065, ty + 0.36, tz], [8, 5]))
    add('teddy', ellipsoid([0.035, 0.07, 0.035], [tx + s * 0.1, ty + 0.14, tz + 0.04], [8, 5], { rotation: [0.4, 0, s * 0.5] }))
    add('teddy', ellipsoid([0.04, 0.04, 0.075], [tx + s * 0.055, ty + 0.04, tz + 0.08], [8, 5]))
    add('dark', ellipsoid([0.012, 0.012, 0.008], [tx + s * 0.03, ty + 0.31, tz + 0.077], [6, 4]))
  }
  add('toyYellow', ellipsoid([0.04, 0.03, 0.03], [tx, ty + 0.27, tz + 0.075], [8, 5]))
  add('dark', ellipsoid([0.013, 0.01, 0.01], [tx, ty + 0.28, tz + 0.105], [6, 4]))
  add('toyYellow', ellipsoid([0.07, 0.075, 0.035], [tx, ty + 0.12, tz + 0.07], [8, 5]))

  // A beach ball: four coloured lunes.
  const ball: V3 = [0.55, 0.12, -0.62]
  ;(['toyRed', 'toyYellow', 'toyBlue', 'paint'] as const).forEach((key, i) => {
    add(key, place(new THREE.SphereGeometry(0.12, 4, 8, (i * Math.PI) / 2, Math.PI / 2), ball, { rotation: [0.4, 0.3, 0.2] }))
  })
  add('toyRed', box([0.08, 0.08, 0.08], [-0.45, 0.04, -0.95], { rotation: [0, 0.4, 0] }))
  add('toyYellow', box([0.08, 0.08, 0.08], [-0.33, 0.04, -1.02], { rotation: [0, -0.3, 0] }))
  add('toyBlue', box([0.08, 0.08, 0.08], [-0.4, 0.12, -0.98], { rotation: [0, 0.9, 0] }))

  // A round rug in rings.
  const rugC: V3 = [-0.2, 0, -0.78]
  add('rug', cylinderBetween([rugC[0], 0, rugC[2]], [rugC[0], 0.01, rugC[2]], 0.72, 0.72, 24))
  add('toyYellow', cylinderBetween([rugC[0], 0, rugC[2]], [rugC[0], 0.014, rugC[2]], 0.5, 0.5, 24))
  add('rug', cylinderBetween([rugC[0], 0, rugC[2]], [rugC[0], 0.018, rugC[2]], 0.3, 0.3, 20))

  // A drawing taped to the front wall above the toy box: a sun and a house.
  add('paint', boxFromTo([-0.05, 1.25, minZ], [0.45, 1.62, minZ + 0.006]))
  add('toyYellow', place(new THREE.CircleGeometry(0.05, 12), [0.34, 1.52, minZ + 0.008]))
  add('toyRed', boxFromTo([0.02, 1.3, minZ + 0.006], [0.2, 1.42, minZ + 0.009]))
  add('toyRed', place(new THREE.CircleGeometry(0.13, 3), [0.11, 1.46, minZ + 0.008], { rotation: [0, 0, Math.PI / 2], scale: [0.6, 0.9, 1] }))
  add('duvetSibling', boxFromTo([-0.05, 1.25, minZ + 0.006], [0.45, 1.29, minZ + 0.009]))

  // Glow-in-the-dark stars on the ceiling.
  const ceilingStars: ReadonlyArray<readonly [number, number, number]> = [
    [-0.5, -0.4, 0.3],
    [0.2, -0.9, 1.1],
    [0.6, 0.3, 2.0],
    [-0.9, 0.6, 0.7],
    [0.1, 0.9, 2.6],
    [-0.2, 0.1, 1.6],
    [0.8, -0.5, 0.4],
  ]
  for (const [x, z, a] of ceilingStars) add('glow', place(new THREE.ShapeGeometry(starShape(0.05, 0.022)), [x, ceil - 0.003, z], { rotation: [Math.PI / 2, 0, a] }))

  // ---- Hallway ----
  add('hallWall', boxFromTo([hallway.minX, 0, hallway.minZ - skin], [hallway.maxX, hallway.ceiling, hallway.minZ]))
  add('hallWall', boxFromTo([hallway.minX - skin, 0, hallway.minZ - skin], [hallway.minX, hallway.ceiling, hallZ]))
  const bd = hallway.babyDoor
  const bz0 = bd.centreZ - bd.width / 2
  const bz1 = bd.centreZ + bd.width / 2
  add('hallWall', boxFromTo([bd.x, 0, hallway.minZ - skin], [bd.x + skin, hallway.ceiling, bz0]))
  add('hallWall', boxFromTo([bd.x, 0, bz1], [bd.x + skin, hallway.ceiling, hallZ]))
  add('hallWall', boxFromTo([bd.x, bd.height, bz0], [bd.x + skin, hallway.ceiling, bz1]))
  // The baby's door, closed, with a star on it.
  add('paint', boxFromTo([bd.x + 0.005, 0, bz0], [bd.x + 0.045, bd.height, bz1]))
  add('paint', boxFromTo([bd.x - 0.015, 0, bz0 - 0.07], [bd.x, bd.height + 0.07, bz0]), boxFromTo([bd.x - 0.015, 0, bz1], [bd.x, bd.height + 0.07, bz1 + 0.07]), boxFromTo([bd.x - 0.015, bd.height, bz0 - 0.07], [bd.x, bd.height + 0.07, bz1 + 0.07]))
  add('dark', boxFromTo([bd.x - 0.05, 1.0, bz1 - 0.14], [bd.x + 0.005, 1.03, bz1 - 0.06]))
  add('toyYellow', place(new THREE.ShapeGeometry(starShape(0.08, 0.035)), [bd.x - 0.002, 1.55, bd.centreZ], { rotation: [0, -Math.PI / 2, 0] }))
  // Skirting.
  add('paint', boxFromTo([hallway.minX, 0, hallway.minZ], [hallway.maxX, sk, hallway.minZ + 0.015]))
  add('paint', boxFromTo([hallway.minX, 0, hallZ - 0.015], [cutL - 0.07, sk, hallZ]), boxFromTo([cutR + 0.07, 0, hallZ - 0.015], [hallway.maxX, sk, hallZ]))
  // A framed picture on the far wall, behind where the parents stand, and a small table with a bowl.
  add('wood', boxFromTo([-1.45, 1.3, hallway.minZ], [-0.65, 1.85, hallway.minZ + 0.03]))
  add('duvetSibling', boxFromTo([-1.39, 1.36, hallway.minZ + 0.03], [-0.71, 1.79, hallway.minZ + 0.035]))
  add('toyYellow', place(new THREE.CircleGeometry(0.06, 10), [-0.85, 1.66, hallway.minZ + 0.037]))
  add('wood', boxFromTo([-2.5, 0.76, hallway.minZ], [-1.75, 0.8, hallway.minZ + 0.35]))
  for (const x of [-2.46, -1.79]) add('wood', boxFromTo([x - 0.02, 0, hallway.minZ + 0.28], [x + 0.02, 0.76, hallway.minZ + 0.32]))
  add('toyBlue', place(new THREE.SphereGeometry(0.12, 10, 5, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2), [-2.1, 0.92, hallway.minZ + 0.18]))
  // Coats on hooks by the left end.
  add('wood', boxFromTo([-3.0, 1.65, hallway.minZ], [-2.6, 1.7, hallway.minZ + 0.04]))
  add('toyBlue', ellipsoid([0.14, 0.4, 0.07], [-2.88, 1.3, hallway.minZ + 0.09], [8, 6]))
  add('duvet', ellipsoid([0.13, 0.36, 0.07], [-2.7, 1.33, hallway.minZ + 0.12], [8, 6]))
  // The hallway lamp: a warm shade hanging from the ceiling.
  const lamp = hallway.lamp
  add('glow', cylinderBetween([lamp.x, lamp.y - 0.08, lamp.z], [lamp.x, lamp.y + 0.06, lamp.z], 0.2, 0.1, 14))
  add('dark', cylinderBetween([lamp.x, lamp.y + 0.06, lamp.z], [lamp.x, hallway.ceiling, lamp.z], 0.008, 0.008, 4))

  // ---- Merge: one mesh per material ----
  const root = new THREE.Group()
  root.name = 'child-bedroom'
  const occluders: THREE.Mesh[] = []
  for (const key of materialKeys) {
    const geometry = parts.merge(key)
    if (!geometry) continue
    const mesh = new THREE.Mesh(geometry, materials[key])
    mesh.name = `bedroom-${key}`
    mesh.matrixAutoUpdate = false
    mesh.updateMatrix()
    root.add(mesh)
    if (key !== 'sky') occluders.push(mesh)
  }
  root.add(stars)

  // ---- The door on its hinge ----
  const doorPivot = new THREE.Group()
  doorPivot.name = 'bedroom-door-pivot'
  doorPivot.position.set(door.hingeX, 0, door.z)
  const leafT = 0.04
  // A plain flush door (raised panels only shimmer at this size in a headset).
  const leafGeometry = mergeOrThrow([boxFromTo([0.004, 0.012, -leafT - 0.005], [door.width - 0.004, door.height - 0.006, -0.005])])
  const leaf = new THREE.Mesh(leafGeometry, materials.paint)
  leaf.name = 'bedroom-door-leaf'
  doorPivot.add(leaf)
  const handleGeometry = mergeOrThrow(
    [0.012, -leafT - 0.022].flatMap((z) => [
      boxFromTo([door.width - 0.16, 0.98, z - 0.004], [door.width - 0.07, 1.0, z + 0.006]),
      boxFromTo([door.width - 0.09, 0.94, z - 0.004], [door.width - 0.06, 1.06, z + 0.006]),
    ]),
  )
  const handle = new THREE.Mesh(handleGeometry, materials.dark)
  handle.name = 'bedroom-door-handle'
  doorPivot.add(handle)
  root.add(doorPivot)
  occluders.push(leaf, handle)

  // ---- The wedge of hallway light on the bedroom floor ----
  const patchPositions = new Float32Array(4 * 3)
  const patchGeometry = new THREE.BufferGeometry()
  patchGeometry.setAttribute('position', new THREE.BufferAttribute(patchPositions, 3))
  const warm = new THREE.Color('#ffc47e').multiplyScalar(0.5)
  patchGeometry.setAttribute('color', new THREE.Float32BufferAttribute([warm.r, warm.g, warm.b, warm.r, warm.g, warm.b, 0, 0, 0, 0, 0, 0], 3))
  patchGeometry.setIndex([0, 1, 2, 0, 2, 3])
  const patchMaterial = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false, toneMapped: false })
  const patch = new THREE.Mesh(patchGeometry, patchMaterial)
  patch.name = 'bedroom-door-light'
  patch.renderOrder = 1
  root.add(patch)

  // ---- Lights ----
  const hemisphere = new THREE.HemisphereLight('#9aa6c4', '#3e3c4a', 1.35)
  hemisphere.name = 'bedroom-moonlight'
  root.add(hemisphere)
  // The hallway lamp is a spot pointing down and away from the bedroom, so that (with no shadows) its light stays in
  // the hallway instead of leaking through the wall onto the bedroom's floor and walls.
  const hallLamp = new THREE.SpotLight('#ffc27a', 10, 4.5, 0.8, 0.6, 2)
  hallLamp.name = 'hallway-lamp'
  hallLamp.position.set(lamp.x, lamp.y - 0.12, lamp.z)
  hallLamp.target.position.set(lamp.x, 0, hallway.minZ + 0.2)
  hallLamp.target.name = 'hallway-lamp-target'
  root.add(hallLamp, hallLamp.target)
  const nightLight = new THREE.PointLight('#ffb46b', 1.2, 3.4, 2)
  nightLight.name = 'night-light'
  nightLight.position.set(0.79, 0.75, 1.45)
  root.add(nightLight)

  let fraction = 0
  const lampPlan = new THREE.Vector2(lamp.x, lamp.z)
  const setDoorOpen = (value: number) => {
    fraction = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0))
    const angle = fraction * door.maxAngle
    doorPivot.rotation.y = -angle
    doorPivot.updateMatrixWorld(true)
    // Plan view: light from the lamp passes between the leaf's free edge (or the left jamb) and the right jamb.
    const edge = new THREE.Vector2(door.hingeX + Math.cos(angle) * door.width, door.z + Math.sin(angle) * door.width)
    const dirOf = (p: THREE.Vector2) => p.clone().sub(lampPlan).normalize()
    const slope = (d: THREE.Vector2) => d.x / d.y
    const dLeafEdge = dirOf(edge)
    const dLeftJamb = dirOf(new THREE.Vector2(openL, door.z))
    const dRight = dirOf(new THREE.Vector2(openR, door.z))
    const dLeft = slope(dLeafEdge) > slope(dLeftJamb) ? dLeafEdge : dLeftJamb
    const lit = slope(dLeft) < slope(dRight)
    patch.visible = lit && fraction > 0.01
    const near = door.z + 0.002
    const far = door.z + 2.3
    const xAt = (d: THREE.Vector2, z: number) => lampPlan.x + (slope(d) * (z - lampPlan.y))
    const y = 0.021
    const corners: [number, number][] = [
      [xAt(dLeft, near), near],
      [xAt(dRight, near), near],
      [xAt(dRight, far), far],
      [xAt(dLeft, far), far],
    ]
    corners.forEach(([x, z], i) => patchPositions.set([x, y, z], i * 3))
    patchGeometry.getAttribute('position').needsUpdate = true
    patchGeometry.computeBoundingSphere()
    patchGeometry.computeBoundingBox()
  }
  setDoorOpen(doorOpen[options.intensity])

  return {
    root,
    setDoorOpen,
    get doorFraction() {
      return fraction
    },
    doorPivot,
    occluders,
    dispose() {
      disposeObject(root)
    },
  }
}

function mergeOrThrow(pieces: THREE.BufferGeometry[]): THREE.BufferGeometry {
  const buckets = new MergeBuckets<'x'>()
  buckets.add('x', ...pieces)
  const merged = buckets.merge('x')
  if (!merged) throw new Error('buildChildBedroom: nothing to merge')
  return merged
}

