import * as THREE from 'three'
import { box, capsuleBetween, cylinderBetween, ellipsoid, latheBody, MergeBuckets, place, type V3 } from '../environments/geometryKit.ts'
import { buildFace, type BoneName, type SkinOf } from './buildFace.ts'
import { faceBoneNames, type FaceRig } from './faceRig.ts'
import { figureProportions, figureRestOffsets, figureRestPositions, jointNames, jointParent, type Build, type Form, type JointName } from './figureJoints.ts'

/**
 * Procedural people for the VR scenes: capsules, ellipsoids and bodies of revolution on the joint hierarchy of
 * figureJoints.ts: such shapes on a joint hierarchy read clearly as people (src/xr/README.md, "Figures and rooms").
 *
 * Draw calls: a figure has 17 joints, so one mesh per body segment would cost 17+ draw calls. Instead every part is
 * rigidly skinned (weight 1) to its joint, coloured by vertex colours, and all parts are merged into one SkinnedMesh:
 * the joints still move the parts exactly as parented meshes would, at 1 draw call and about 3k triangles a figure. The joints are THREE.Bone objects; rotate them directly or with applyPose (poses.ts).
 * The face's moving parts (lids, brows, mouth, jaw; buildFace.ts) hang on extra bones under the head in the same
 * mesh; a few of its vertices (mouth, chin) are shared between two bones, so the face bends rather than breaks.
 */

/**
 * How a figure looks. Colours are CSS hex strings ('#rrggbb'). Every option and its default:
 * - height: standing height in metres (required; an adult 1.6–1.9, a 12-year-old about 1.5, a 7-year-old 1.2).
 * - build: 'slim' | 'average' | 'broad' — girth of torso and limbs (required).
 * - form: 'masculine' | 'feminine' — shoulder/hip ratio, waist and chest shape. Default 'masculine'.
 * - skin: skin colour (required).
 * - hair.style: 'short' | 'long' (to the shoulders) | 'bald' | 'ponytail' (required).
 * - hair.colour: hair (and eyebrow, full-beard) colour (required); greys with age, see `age`.
 * - hair.thinning: 0..1, a bald crown that grows with the value (1 = a ring of hair at the sides). Default 0.
 * - beard: 'none' | 'stubble' | 'full'. Default 'none'.
 * - top: shirt/jumper colour (required). sleeves: 'long' | 'short' (forearms bare). Default 'long'.
 * - bottom: trousers/skirt colour (required). bottomStyle: 'trousers' | 'skirt' (knee length, bare shins).
 *   Default 'trousers'.
 * - shoes: shoe colour (required).
 * - age: years. Default 35 for figures 1.6 m or taller, else an age read from a growth curve by height (1.5 m ≈ 12,
 *   1.2 m ≈ 7). Children get a bigger head and shorter legs; from 45 the hair greys (fully white about 80); from 50
 *   the face gets lines; from 60 the figure stoops (a rest rotation of spine, chest and neck that poses add to).
 * - greying: 0..1 hair greyness. Default from age (above).
 * - faceLines: 0 | 1 | 2. Default from age (above).
 */
export interface FigureLook {
  /** Standing height in metres. Required. */
  height: number
  /** Girth of torso and limbs. Required. */
  build: Build
  /** Shoulder/hip ratio, waist and chest. Default 'masculine'. */
  form?: Form
  /** Skin colour, '#rrggbb'. Required. */
  skin: string
  /** Style and colour required; thinning 0..1 (a bald crown), default 0. The colour greys with age from 45. */
  hair: { style: 'short' | 'long' | 'bald' | 'ponytail'; colour: string; thinning?: number }
  /** Default 'none'. A full beard takes the hair colour; stubble a mix of skin and hair. */
  beard?: 'none' | 'stubble' | 'full'
  /** Shirt or jumper colour. Required. */
  top: string
  /** Default 'long'; 'short' leaves the forearms bare. */
  sleeves?: 'long' | 'short'
  /** Trousers or skirt colour. Required. */
  bottom: string
  /** Default 'trousers'; 'skirt' is knee length with bare shins. */
  bottomStyle?: 'trousers' | 'skirt'
  /** Shoe colour. Required. */
  shoes: string
  /** Years. Default: 35 from 1.6 m tall, else read from the height (ageFromHeight). Greys, lines, stoop with age. */
  age?: number
  /** 0..1, how grey the hair is. Default from the age: 0 until 45, white at 80. Set it to show ageing a look asks for. */
  greying?: number
  /** 0 none, 1 forehead and smile lines, 2 also crow's feet. Default from the age: 1 from 50, 2 from 62. */
  faceLines?: 0 | 1 | 2
}

export interface BuiltFigure {
  /** Put this in the scene; its origin is on the floor between the feet, and the figure faces +Z. */
  root: THREE.Group
  /** The joint hierarchy (THREE.Bone objects); rotate these, or use applyPose. */
  joints: Record<JointName, THREE.Object3D>
  /** Height in metres, as asked for. */
  height: number
  /** Age used for the proportions (given, or read from the height). */
  age: number
  /** The face's bones (lids, brows, mouth corners, jaw) and how far they move; set them with applyFacePose. */
  face: FaceRig
  /** Moves the hips up or down so that the lowest foot, knee or seat touches the root's floor (y = 0). Call after posing. */
  ground(): void
  /** Frees the geometries, materials and bone texture. */
  dispose(): void
}

type MaterialKey = 'skin' | 'top' | 'bottom' | 'shoes' | 'hair' | 'eyes' | 'stubble' | 'lines'

/** Height (m) against age (years), for figures whose age is not given; roughly the middle of Dutch growth charts. */
const growth: ReadonlyArray<readonly [number, number]> = [
  [0.95, 3],
  [1.03, 4],
  [1.17, 6],
  [1.24, 7],
  [1.4, 10],
  [1.52, 12],
  [1.65, 14],
  [1.75, 17],
]

/** The age a figure of this height is given when FigureLook.age is left out: 35 from 1.6 m, else from the growth table. */
export function ageFromHeight(height: number): number {
  if (height >= 1.6) return 35
  const first = growth[0] as readonly [number, number]
  if (height <= first[0]) return first[1]
  for (let i = 1; i < growth.length; i++) {
    const [h1, a1] = growth[i] as readonly [number, number]
    const [h0, a0] = growth[i - 1] as readonly [number, number]
    if (height <= h1) return a0 + ((height - h0) / (h1 - h0)) * (a1 - a0)
  }
  return 35
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x))
}

/** Builds a figure on the joint hierarchy of figureJoints.ts, with its face (buildFace.ts): one skinned mesh, one draw call. */
export function buildFigure(look: FigureLook): BuiltFigure {
  const H = look.height
  const age = look.age ?? ageFromHeight(H)
  const shape = { build: look.build, form: look.form ?? 'masculine', age }
  const p = figureProportions(H, shape)
  const offsets = figureRestOffsets(H, shape)
  const at = figureRestPositions(H, shape)
  const g = p.girth
  const fem = p.feminine
  const hh = p.headHeight
  const child = p.childFactor

  const root = new THREE.Group()
  root.name = 'figure'
  const bones = {} as Record<JointName, THREE.Bone>
  for (const name of jointNames) {
    const bone = new THREE.Bone()
    bone.name = name
    bone.position.set(...offsets[name])
    bones[name] = bone
  }
  for (const name of jointNames) {
    const parentName = jointParent[name]
    if (parentName) bones[parentName].add(bones[name])
    else root.add(bones[name])
  }
  // The skeleton: the joints, then the face's bones (their order is the skin index).
  const boneNames: readonly BoneName[] = [...jointNames, ...faceBoneNames]
  const boneIndex = new Map<BoneName, number>(boneNames.map((n, i) => [n, i]))

  const parts = new MergeBuckets<MaterialKey>()
  /** Adds a part whose vertices are skinned by `skin` (up to 4 bones each, weights summing to 1). */
  const addSkinned = (key: MaterialKey, geometry: THREE.BufferGeometry, skin: SkinOf) => {
    const position = geometry.getAttribute('position')
    const count = position.count
    const skinIndex = new Uint16Array(count * 4)
    const skinWeight = new Float32Array(count * 4)
    for (let i = 0; i < count; i++) {
      const influences = skin(position.getX(i), position.getY(i), position.getZ(i))
      for (let k = 0; k < Math.min(4, influences.length); k++) {
        const [bone, weight] = influences[k]!
        skinIndex[i * 4 + k] = boneIndex.get(bone) ?? 0
        skinWeight[i * 4 + k] = weight
      }
    }
    geometry.setAttribute('skinIndex', new THREE.Uint16BufferAttribute(skinIndex, 4))
    geometry.setAttribute('skinWeight', new THREE.Float32BufferAttribute(skinWeight, 4))
    parts.add(key, geometry)
  }
  /** Adds a part rigidly skinned (weight 1) to one joint. */
  const add = (bone: JointName, key: MaterialKey, geometry: THREE.BufferGeometry) => addSkinned(key, geometry, () => [[bone, 1]])
  const plus = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]

  const topKey: MaterialKey = 'top' // shirt, jumper and sleeves
  // Torso: three bodies of revolution (pelvis, belly, chest) on the hips, spine and chest joints, overlapping so
  // that bending at a joint leaves no gap. Rings: [half width, height, front depth, back depth].
  const tg = 1 + (g - 1) * 0.85
  const wf = fem ? 1.1 : 1 // hips
  const waist = (fem ? 0.066 : 0.078) * H * tg
  add('hips', 'bottom', latheBody([
    [0, p.legTopY - 0.035 * H, 0.7, 0.7],
    [0.062 * H * tg * wf, p.legTopY - 0.03 * H, 0.62, 0.75],
    [0.088 * H * tg * wf, p.legTopY, 0.6, 0.78],
    [0.092 * H * tg * wf, p.hipsY, 0.62, 0.74],
    [0.084 * H * tg * (fem ? 1.02 : 1), p.hipsY + 0.04 * H, 0.66, 0.66],
    [0, p.hipsY + 0.045 * H, 0.66, 0.66],
  ], [0, 0]))
  add('spine', topKey, latheBody([
    [0, p.hipsY + 0.01 * H, 0.68, 0.68],
    [0.086 * H * tg * (fem ? 1.04 : 1), p.hipsY + 0.015 * H, 0.68, 0.68],
    [(waist + 0.086 * H * tg) / 2, p.hipsY + 0.045 * H, 0.68, 0.66],
    [waist, p.spineY + 0.02 * H, 0.7, 0.62],
    [0.086 * H * tg, p.chestY, 0.66, 0.62],
    [0, p.chestY + 0.01 * H, 0.66, 0.62],
  ], [0, 0]))
  const bust = fem && child < 0.4 ? 1.18 : 1
  add('chest', topKey, latheBody([
    [0, p.chestY - 0.035 * H, 0.66, 0.62],
    [0.085 * H * tg, p.chestY - 0.03 * H, 0.66, 0.62],
    [0.094 * H * tg, p.chestY + 0.025 * H, 0.68 * bust, 0.6],
    [p.shoulderHalf * 0.86, p.shoulderY - 0.03 * H, 0.62 * (1 + (bust - 1) * 0.4), 0.6],
    [p.shoulderHalf * 0.8, p.shoulderY + 0.005 * H, 0.55, 0.55],
    [0.05 * H, p.shoulderY + 0.03 * H, 0.7, 0.7],
    [0, p.shoulderY + 0.035 * H, 0.7, 0.7],
  ], [0, 0], 14))

  // Neck and head.
  const neckR = 0.028 * H * (0.85 + 0.15 * g) * (1 + 0.25 * child)
  add('neck', 'skin', capsuleBetween([0, p.neckY - 0.01 * H, -0.004 * H], [0, p.headY + 0.01 * H, 0], neckR, 8, 2))
  const headC: V3 = [0, p.chinY + hh * 0.52, 0.006 * H]
  const headR: V3 = [hh * 0.38, hh * 0.5, hh * 0.44]
  const beard = look.beard ?? 'none'
  // Eyes, lids, brows, mouth and jaw: buildFace.ts. The lower face of the head's own skin follows the jaw.
  const face = buildFace({ hh, headC, headR, child, beard, headJoint: at.head })
  for (const name of faceBoneNames) bones.head.add(face.rig.bones[name])
  addSkinned('skin', ellipsoid(headR, headC, [14, 10]), face.headSkin)
  /** A point on the face: x and y in head radii, pushed `out` metres out of the surface along z. */
  const onFace = (x: number, y: number, out = 0, scale = 1): V3 => {
    const z = Math.sqrt(Math.max(0, 1 - x * x - y * y)) * headR[2] * scale
    return [headC[0] + x * headR[0], headC[1] + y * headR[1], headC[2] + z + out]
  }
  add('head', 'skin', ellipsoid([hh * 0.05, hh * 0.08, hh * 0.06], onFace(0, -0.12, hh * 0.02), [6, 5]))
  for (const side of [-1, 1]) add('head', 'skin', ellipsoid([hh * 0.05, hh * 0.12, hh * 0.08], [headC[0] + side * headR[0] * 0.96, headC[1] - hh * 0.02, headC[2] - hh * 0.02], [6, 5]))
  for (const part of face.parts) addSkinned(part.key, part.geometry, part.skin)
  // The beard's shell sits on the face (scaled like the head).
  const beardScale = beard === 'full' ? 1.07 : beard === 'stubble' ? 1.03 : 1

  // Hair.
  const hair = look.hair
  const thinning = clamp01(hair.thinning ?? 0)
  if (hair.style !== 'bald') {
    // A cap tilted back: the hairline sits high on the forehead and low on the nape.
    const short = hair.style === 'short'
    const coverage = short ? 1.72 : 2.0
    const start = thinning * 1.0
    const cap = new THREE.SphereGeometry(1, 14, 8, 0, Math.PI * 2, start, coverage - start)
    // Tilt the unit cap before scaling it, so that it stays a shell just outside the head's ellipsoid.
    cap.rotateX(short ? -0.62 : -0.8)
    add('head', 'hair', place(cap, plus(headC, [0, hh * 0.01, -hh * 0.01]), { scale: [headR[0] * 1.07, headR[1] * 1.07, headR[2] * 1.07] }))
    if (hair.style === 'long') {
      add('head', 'hair', ellipsoid([hh * 0.4, hh * 0.62, hh * 0.2], plus(headC, [0, -hh * 0.38, -hh * 0.27]), [10, 7]))
      for (const side of [-1, 1]) add('head', 'hair', ellipsoid([hh * 0.1, hh * 0.5, hh * 0.26], plus(headC, [side * hh * 0.34, -hh * 0.3, -hh * 0.06]), [8, 6]))
    } else if (hair.style === 'ponytail') {
      add('head', 'hair', ellipsoid([hh * 0.13, hh * 0.13, hh * 0.12], plus(headC, [0, hh * 0.12, -hh * 0.47]), [8, 6]))
      add('head', 'hair', capsuleBetween(plus(headC, [0, hh * 0.05, -hh * 0.58]), plus(headC, [0, -hh * 0.55, -hh * 0.62]), hh * 0.085, 8, 2))
    }
  } else if (thinning > 0) {
    // Bald with some hair left: a ring at the sides and back.
    const ring = new THREE.SphereGeometry(1, 14, 4, 0, Math.PI * 2, 1.35, 0.45)
    ring.rotateX(-0.35)
    add('head', 'hair', place(ring, headC, { scale: [headR[0] * 1.05, headR[1] * 1.05, headR[2] * 1.05] }))
  }
  if (beard !== 'none') {
    const full = beard === 'full'
    // A shell over the jaw and chin, below the cheekbones; a full beard also gets a moustache.
    const shell = new THREE.SphereGeometry(1, 12, 5, Math.PI / 2 - 1.4, 2.8, 2.05, Math.PI - 2.05 - (full ? 0.08 : 0.3))
    addSkinned(full ? 'hair' : 'stubble', place(shell, headC, { scale: [headR[0] * beardScale, headR[1] * beardScale, headR[2] * beardScale] }), face.headSkin)
    if (full) add('head', 'hair', ellipsoid([hh * 0.15, hh * 0.035, hh * 0.05], onFace(0, -0.36, -hh * 0.01), [8, 5]))
  }
  // Face lines from 50 (or as asked).
  const faceLines = look.faceLines ?? (age >= 62 ? 2 : age >= 50 ? 1 : 0)
  if (faceLines >= 1) {
    add('head', 'lines', box([hh * 0.2, hh * 0.012, hh * 0.03], onFace(0, 0.4, -hh * 0.009)))
    if (faceLines >= 2) for (const side of [-1, 1]) add('head', 'lines', box([hh * 0.08, hh * 0.012, hh * 0.03], onFace(side * 0.62, 0.05, -hh * 0.012), { rotation: [0, side * 0.9, side * 0.4] }))
    for (const side of [-1, 1]) add('head', 'lines', box([hh * 0.02, hh * 0.16, hh * 0.03], onFace(side * 0.28, -0.3, -hh * 0.006), { rotation: [0, side * 0.5, side * 0.35] }))
  }

  // Arms.
  const armR = 0.03 * H * (0.8 + 0.2 * g) * (fem ? 0.88 : 1)
  const foreR = armR * 0.86
  const sleeves = look.sleeves ?? 'long'
  for (const side of ['L', 'R'] as const) {
    const shoulder = at[`shoulder${side}`]
    const elbow = at[`elbow${side}`]
    const wrist = at[`hand${side}`]
    add(`shoulder${side}`, topKey, ellipsoid([armR * 1.12, armR * 1.12, armR * 1.12], shoulder, [8, 6]))
    add(`shoulder${side}`, topKey, capsuleBetween(shoulder, elbow, armR))
    add(`elbow${side}`, sleeves === 'long' ? topKey : 'skin', capsuleBetween(elbow, wrist, foreR))
    const handC = plus(wrist, [0, -0.045 * H, 0.004 * H])
    add(`hand${side}`, 'skin', ellipsoid([0.017 * H, 0.047 * H, 0.03 * H], handC, [8, 6]))
    add(`hand${side}`, 'skin', ellipsoid([0.012 * H, 0.02 * H, 0.012 * H], plus(wrist, [0, -0.035 * H, 0.028 * H]), [6, 4]))
  }

  // Legs.
  const skirt = (look.bottomStyle ?? 'trousers') === 'skirt'
  const thighR = 0.05 * H * (0.8 + 0.2 * g) * (fem ? 1.04 : 1)
  const shinR = thighR * 0.72
  for (const side of ['L', 'R'] as const) {
    const top = at[`hip${side}`]
    const knee = at[`knee${side}`]
    const ankle = at[`foot${side}`]
    add(`hip${side}`, 'bottom', capsuleBetween(plus(top, [0, 0.01 * H, 0]), knee, thighR))
    add(`knee${side}`, skirt ? 'skin' : 'bottom', capsuleBetween(knee, plus(ankle, [0, 0.012 * H, 0]), shinR))
    add(`foot${side}`, 'shoes', ellipsoid([0.03 * H, 0.028 * H, 0.072 * H], [ankle[0], 0.028 * H, ankle[2] + 0.045 * H], [8, 6]))
    add(`foot${side}`, 'shoes', box([0.05 * H, 0.012 * H, 0.11 * H], [ankle[0], 0.006 * H, ankle[2] + 0.045 * H]))
  }
  if (skirt) {
    add('hips', 'bottom', cylinderBetween([0, p.hipsY + 0.03 * H, 0], [0, p.kneeY + 0.03 * H, 0.01 * H], 0.1 * H * g, 0.15 * H * g, 12))
  }

  // A small palette per figure.
  const grey = clamp01(look.greying ?? (age - 45) / 35)
  const hairColour = new THREE.Color(hair.colour).lerp(new THREE.Color('#c8c8c4'), grey)
  const skinColour = new THREE.Color(look.skin)
  const colours: Record<MaterialKey, THREE.Color> = {
    skin: skinColour,
    top: new THREE.Color(look.top),
    bottom: new THREE.Color(look.bottom),
    shoes: new THREE.Color(look.shoes),
    hair: hairColour,
    eyes: new THREE.Color('#1b1614'),
    stubble: skinColour.clone().lerp(hairColour, 0.4).multiplyScalar(0.9),
    lines: skinColour.clone().multiplyScalar(0.62),
  }
  // One skinned mesh, one draw call: each part carries its palette colour as a vertex colour.
  const body = new MergeBuckets<'body'>()
  for (const key of parts.keys()) {
    const geometry = parts.merge(key)
    if (!geometry) continue
    const { r, g: green, b } = colours[key]
    const count = geometry.getAttribute('position').count
    const colour = new Float32Array(count * 3)
    for (let i = 0; i < count; i++) colour.set([r, green, b], i * 3)
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(colour, 3))
    body.add('body', geometry)
  }
  const material = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.85, metalness: 0 })
  material.name = 'figure-body'
  const materials: THREE.Material[] = [material]
  root.updateMatrixWorld(true)
  const everyBone: Record<BoneName, THREE.Bone> = { ...bones, ...face.rig.bones }
  const skeleton = new THREE.Skeleton(boneNames.map((n) => everyBone[n]))
  const merged = body.merge('body')
  if (merged) {
    const mesh = new THREE.SkinnedMesh(merged, material)
    mesh.name = 'figure-body'
    // The rest-pose bounds do not follow the pose; the figure is small, so skip culling rather than cull wrongly.
    mesh.frustumCulled = false
    root.add(mesh)
    mesh.bind(skeleton)
  }

  // Stoop from 60: a rest rotation that poses are applied on top of.
  const stoop = clamp01((age - 60) / 25)
  if (stoop > 0) {
    const rest: Partial<Record<JointName, [number, number, number]>> = { spine: [0.12 * stoop, 0, 0], chest: [0.14 * stoop, 0, 0], neck: [0.12 * stoop, 0, 0], head: [-0.2 * stoop, 0, 0], kneeL: [0.08 * stoop, 0, 0], kneeR: [0.08 * stoop, 0, 0], hipL: [-0.06 * stoop, 0, 0], hipR: [-0.06 * stoop, 0, 0] }
    for (const [name, e] of Object.entries(rest) as [JointName, [number, number, number]][]) {
      const q = new THREE.Quaternion().setFromEuler(new THREE.Euler(...e, 'XYZ'))
      bones[name].userData.restQuaternion = q
      bones[name].quaternion.copy(q)
    }
  }

  // Points that can rest on the floor or a seat: [joint, offset from the joint, radius].
  const contacts: ReadonlyArray<readonly [JointName, V3, number]> = [
    ['footL', [0, 0.028 * H - p.ankleY, 0], 0.028 * H],
    ['footL', [0, 0.028 * H - p.ankleY, 0.09 * H], 0.028 * H],
    ['footR', [0, 0.028 * H - p.ankleY, 0], 0.028 * H],
    ['footR', [0, 0.028 * H - p.ankleY, 0.09 * H], 0.028 * H],
    ['kneeL', [0, 0, 0], thighR * 0.85],
    ['kneeR', [0, 0, 0], thighR * 0.85],
    ['hipL', [0, (p.kneeY - p.legTopY) / 2, 0], thighR],
    ['hipR', [0, (p.kneeY - p.legTopY) / 2, 0], thighR],
    ['hips', [0, -0.006 * H, 0], 0.068 * H],
  ]
  const v = new THREE.Vector3()
  const toRoot = new THREE.Matrix4()
  const restHipsY = offsets.hips[1]

  return {
    root,
    joints: bones,
    height: H,
    age,
    face: face.rig,
    ground() {
      bones.hips.position.y = restHipsY
      root.updateWorldMatrix(true, true)
      toRoot.copy(root.matrixWorld).invert()
      let lowest = Infinity
      for (const [joint, offset, radius] of contacts) {
        v.set(...offset).applyMatrix4(bones[joint].matrixWorld).applyMatrix4(toRoot)
        lowest = Math.min(lowest, v.y - radius)
      }
      bones.hips.position.y = restHipsY - lowest
      bones.hips.updateMatrixWorld(true)
    },
    dispose() {
      root.traverse((child) => {
        if (child instanceof THREE.Mesh) child.geometry.dispose()
      })
      for (const m of materials) m.dispose()
      skeleton.dispose()
    },
  }
}
