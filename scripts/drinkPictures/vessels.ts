/**
 * Vessels: glasses, bottles, cups and cans as lathe profiles. A vessel knows its inner profile, so liquid can be
 * poured into it at any height with fill().
 */
import * as THREE from 'three'
import { band, lathe, liquidVolume, radiusAt, sharp, shell, smooth, type Point, type Profile } from './profiles.ts'
import { ceramic, glass, metal, type GlassOptions } from './materials.ts'
import { labelTexture, type LabelDesign } from './textures.ts'

export interface Vessel {
  group: THREE.Group
  outer: Profile
  inner: Profile
  /** Height of the rim or lip. */
  height: number
}

export interface VesselOptions {
  glass?: GlassOptions
  /** Opaque material instead of glass (cups, stoneware, plastic-free metal cans). */
  material?: THREE.Material
}

/** Builds a glass from an outer and an inner outline; 'smooth' outlines go through a spline, others stay straight. */
export function vessel(outer: Profile, inner: Profile, options: VesselOptions = {}): Vessel {
  const group = new THREE.Group()
  const material = options.material ?? glass(options.glass)
  const mesh = new THREE.Mesh(lathe(shell(outer, inner)), material)
  // Glass casts a shadow too: shadows are kept light (stage.ts), and without it a bottle's cap or contents would
  // throw a shadow that floats on the table with nothing attached to it.
  mesh.castShadow = true
  mesh.receiveShadow = !material.transparent
  mesh.renderOrder = material.transparent ? 3 : 0
  group.add(mesh)
  const height = Math.max(...outer.map((p) => p.y))
  return { group, outer, inner, height }
}

export interface Fill {
  /** The surface disc: foam, crema and floating garnish go here. */
  surface: THREE.Mesh
  radius: number
  height: number
}

/** Pours liquid into a vessel up to a fraction of the inside height (or an absolute height when above 1). */
export function fill(target: Vessel, level: number, material: THREE.Material, surfaceMaterial?: THREE.Material): Fill {
  const bottom = (target.inner[0] as THREE.Vector2).y
  const top = (target.inner[target.inner.length - 1] as THREE.Vector2).y
  const height = level <= 1 ? bottom + (top - bottom) * level : level
  const { side, top: disc, radius } = liquidVolume(target.inner, height)
  const body = new THREE.Mesh(side, material)
  // Clear drinks bring their own darker surface material (see liquid()).
  const makeSurface = material.userData.surface as (() => THREE.Material) | undefined
  const surface = new THREE.Mesh(disc, surfaceMaterial ?? makeSurface?.() ?? material)
  // A nearly clear drink (water, gin) should not cast a dark shadow.
  const castsShadow = !material.transparent || material.opacity > 0.5
  for (const mesh of [body, surface]) {
    mesh.castShadow = castsShadow
    mesh.renderOrder = material.transparent ? 1 : 0
    target.group.add(mesh)
  }
  return { surface, radius, height }
}

// ---------------------------------------------------------------------------------------------------------------
// Glasses. Outlines are in centimetres, from the centre of the foot up to the rim.

/**
 * The inside of a glass: the outer outline pulled in by the wall, standing on a flat base of the given thickness
 * (a thick, flat base is what makes a tumbler look heavy and a shot glass look like a shot glass).
 */
function insideOf(outer: Point[], wall: number, base: number): Profile {
  const walls = outer.filter(([, y]) => y > base).map(([r, y]): Point => [Math.max(r - wall, 0.05), y])
  const below = [...outer].reverse().find(([, y]) => y <= base) ?? (outer[0] as Point)
  const above = walls[0] ?? [below[0], base + 1]
  const t = (base - below[1]) / Math.max(above[1] - below[1], 1e-6)
  const rBase = below[0] - wall + (above[0] + wall - below[0]) * t
  return [new THREE.Vector2(0, base), new THREE.Vector2(rBase * 0.92, base), ...smooth([[rBase, base + 0.15], ...walls], 36)]
}

export function pintGlass(options: VesselOptions & { nonic?: boolean } = {}): Vessel {
  const outer: Point[] = options.nonic === false
    ? [[3.0, 0.4], [3.25, 4], [3.6, 9], [4.0, 14], [4.25, 16]]
    : [[3.0, 0.4], [3.3, 5], [3.65, 10], [4.2, 12.8], [4.0, 14.2], [4.1, 16]]
  const profile = [new THREE.Vector2(0, 0), new THREE.Vector2(3.0, 0), ...smooth(outer, 30)]
  return vessel(profile, insideOf(outer, 0.18, 1.2), options)
}

/** A highball / long-drink glass: straight, tall. */
export function highball(options: VesselOptions & { radius?: number; height?: number } = {}): Vessel {
  const r = options.radius ?? 3.2
  const h = options.height ?? 15
  const outer: Point[] = [[r * 0.96, 0.3], [r, h * 0.5], [r * 1.02, h]]
  return vessel(sharp([[0, 0], [r * 0.96, 0], ...outer]), insideOf(outer, 0.16, 1.0), options)
}

/** A tumbler / rocks glass: short, heavy base. */
export function tumbler(options: VesselOptions & { radius?: number; height?: number; base?: number } = {}): Vessel {
  const r = options.radius ?? 4.2
  const h = options.height ?? 9
  const base = options.base ?? 1.6
  const outer: Point[] = [[r * 0.97, 0.2], [r, h * 0.5], [r * 1.03, h]]
  return vessel(sharp([[0, 0], [r * 0.97, 0], ...outer]), insideOf(outer, 0.2, base), options)
}

/** A shot glass: tiny, very thick base, slightly flared. */
export function shotGlass(options: VesselOptions = {}): Vessel {
  const outer: Point[] = [[2.0, 0.1], [2.15, 3], [2.4, 6]]
  return vessel(sharp([[0, 0], [2.0, 0], ...outer]), insideOf(outer, 0.22, 1.6), options)
}

export interface StemOptions extends VesselOptions {
  foot?: number
  stem?: number
  /** The bowl outline [radius, height above the stem top], rising to the rim. */
  bowl: Point[]
  wall?: number
}

/** Any stemmed glass: foot, stem, bowl. Wine, flute, martini, margarita, coupe and port glasses all come from this. */
export function stemmed({ foot = 3.6, stem = 8, bowl, wall = 0.12, ...options }: StemOptions): Vessel {
  const stemR = 0.32
  const bowlPoints: Point[] = bowl.map(([r, y]) => [r, stem + y])
  const outer = [
    ...sharp([[0, 0], [foot, 0.05], [foot * 0.95, 0.35]]),
    ...smooth([[foot * 0.5, 0.55], [stemR * 1.6, 1.2], [stemR, 2.2], [stemR, stem - 1.2], [stemR * 1.8, stem - 0.2], ...bowlPoints], 60),
  ]
  // The inside starts where the bowl has opened up, just above the stem.
  const innerPoints: Point[] = [[0, stem + (bowl[0]?.[1] ?? 0) + 0.25], ...bowlPoints.slice(1).map(([r, y]): Point => [Math.max(r - wall, 0.05), y])]
  return vessel(outer, smooth(innerPoints, 40), options)
}

export const bowls = {
  redWine: [[0.6, 0], [3.2, 1.5], [4.4, 5], [4.3, 8.5], [3.5, 12]] as Point[],
  whiteWine: [[0.5, 0], [2.6, 1.5], [3.5, 5], [3.4, 8.5], [2.8, 11]] as Point[],
  flute: [[0.4, 0], [1.6, 1.5], [2.4, 8], [2.5, 13], [2.35, 16]] as Point[],
  martini: [[0.35, 0], [2.0, 2.0], [4.2, 4.6], [6.0, 7]] as Point[],
  margarita: [[0.4, 0], [2.4, 1.2], [2.7, 3.2], [2.4, 4.6], [4.5, 5.6], [6.4, 8]] as Point[],
  copa: [[0.6, 0], [3.6, 1.5], [5.4, 6.5], [5.2, 10.5], [4.4, 13.5]] as Point[],
  port: [[0.4, 0], [2.0, 1.2], [2.7, 3.8], [2.5, 6.2], [2.0, 8]] as Point[],
  liqueur: [[0.3, 0], [1.4, 0.6], [1.9, 2.5], [2.0, 4.5]] as Point[],
  jenever: [[0.3, 0], [1.7, 0.8], [2.2, 3], [2.0, 5], [2.35, 6.5]] as Point[],
  chalice: [[0.6, 0], [3.0, 1.3], [4.0, 4.5], [4.1, 9], [4.0, 12]] as Point[],
}

// ---------------------------------------------------------------------------------------------------------------
// Bottles.

export interface BottleOptions {
  glass?: GlassOptions
  material?: THREE.Material
  label?: { design: LabelDesign; from: number; to: number }
  /** Extra labels (neck labels, shoulder bands). */
  extraLabels?: { design: LabelDesign; from: number; to: number }[]
}

/** A bottle from its outline (centre of the base up to the lip); the wall is thin, so liquid shows through clear glass. */
export function bottle(points: Point[], options: BottleOptions = {}): Vessel {
  const outer = [new THREE.Vector2(0, 0), ...smooth(points, 70)]
  // Flat inside bottom: a spline straight from the axis to the first wall point would make a cone of liquid.
  const walls = points.filter(([, y]) => y > 0.6).map(([r, y]): Point => [Math.max(r - 0.12, 0.05), y])
  const firstWall = walls[0] ?? [1, 1]
  const inner = [new THREE.Vector2(0, 0.5), new THREE.Vector2(firstWall[0] * 0.95, 0.5), ...smooth([[firstWall[0], 0.7], ...walls], 70)]
  const result = vessel(outer, inner, options)
  for (const label of [...(options.label ? [options.label] : []), ...(options.extraLabels ?? [])]) {
    const mesh = new THREE.Mesh(
      band(outer, label.from, label.to, 0.04, 16),
      new THREE.MeshStandardMaterial({ map: labelTexture(label.design), roughness: 0.55, transparent: false, alphaTest: 0.5 }),
    )
    mesh.castShadow = true
    result.group.add(mesh)
  }
  return result
}

export const bottleShapes = {
  longneck: [[2.9, 0], [3.05, 0.4], [3.1, 12.5], [2.6, 15], [1.4, 18], [1.25, 22], [1.35, 22.4], [1.4, 23]] as Point[],
  stubby: [[3.0, 0], [3.2, 0.4], [3.25, 10.5], [2.6, 13.5], [1.45, 16], [1.35, 18.6], [1.45, 19.2]] as Point[],
  wine: [[3.4, 0], [3.6, 0.4], [3.65, 20], [3.2, 22.5], [1.5, 25], [1.4, 29.5], [1.55, 30]] as Point[],
  champagne: [[4.0, 0], [4.25, 0.4], [4.3, 16], [3.6, 20], [1.9, 25.5], [1.65, 29], [1.85, 29.6]] as Point[],
  vodka: [[3.7, 0], [3.9, 0.4], [3.95, 19], [3.3, 21.5], [1.5, 23], [1.4, 27], [1.5, 27.4]] as Point[],
  liqueur: [[4.3, 0], [4.6, 0.5], [5.0, 5], [4.6, 10], [2.2, 13], [1.3, 14], [1.2, 17], [1.3, 17.4]] as Point[],
  port: [[3.6, 0], [3.8, 0.4], [3.85, 17], [3.4, 19.5], [1.6, 22.5], [1.45, 26.5], [1.65, 27]] as Point[],
  milk: [[3.4, 0], [3.6, 0.5], [3.7, 10], [3.3, 14], [2.3, 17], [2.2, 19], [2.35, 19.5]] as Point[],
  mineral: [[3.3, 0], [3.5, 0.4], [3.55, 17], [2.9, 21], [1.5, 25.5], [1.4, 28], [1.5, 28.4]] as Point[],
  tonic: [[2.5, 0], [2.65, 0.4], [2.7, 8], [2.2, 10.5], [1.2, 13], [1.15, 15.4], [1.25, 15.8]] as Point[],
}

/** A plastic (PET) bottle: ribs around the body, a wide screw neck. */
export function petBottle(options: BottleOptions & { radius?: number; height?: number; ribs?: number } = {}): Vessel {
  const r = options.radius ?? 3.3
  const h = options.height ?? 21
  const ribs = options.ribs ?? 6
  const points: Point[] = [[r * 0.85, 0], [r, 0.8]]
  // Ribs in the lower body give plastic bottles their familiar grip.
  for (let i = 0; i <= 24; i++) {
    const y = 1 + (h * 0.55 * i) / 24
    points.push([r - 0.12 * (1 + Math.cos((i / 24) * ribs * Math.PI * 2)) / 2, y])
  }
  points.push([r, h * 0.68], [r * 0.8, h * 0.82], [1.35, h * 0.95], [1.3, h])
  return bottle(points, { glass: { tint: 0xe8f2f6, opacity: 0.12, edgeAlpha: 0.55, envIntensity: 1.4 }, ...options })
}

/** A screw cap or crown cap sitting on a lip at the given height; crown caps get a crimped (24-sided) edge. */
export function cap(radius: number, height: number, at: number, material: THREE.Material, crimped = false): THREE.Mesh {
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius * (crimped ? 1.08 : 1), height, crimped ? 24 : 48), material)
  mesh.position.y = at + height / 2
  mesh.castShadow = true
  return mesh
}

// ---------------------------------------------------------------------------------------------------------------
// Cans, cups, jugs.

/** A drinks can (33 cl): printed aluminium body, a lid with a ring pull. */
export function can(design: LabelDesign, options: { radius?: number; height?: number } = {}): Vessel {
  const r = options.radius ?? 3.3
  const h = options.height ?? 12.2
  const outer = smooth([[0, 0.15], [r * 0.8, 0], [r * 0.97, 0.5], [r, 1.2], [r, h - 1.4], [r * 0.83, h - 0.3], [r * 0.83, h]], 50)
  const group = new THREE.Group()
  // The printed part is a separate band so the top and bottom stay bare metal.
  const body = new THREE.Mesh(lathe([...outer, new THREE.Vector2(0, h - 0.2)]), metal(0xc8ccd0, 0.28))
  // Printed aluminium: mostly ink (diffuse), a little metal, and a lacquer coat for the highlights.
  const print = new THREE.Mesh(band(outer, 1.2, h - 1.4, 0.03, 4), new THREE.MeshPhysicalMaterial({
    map: labelTexture({ ...design, coverage: 1 }), metalness: 0.2, roughness: 0.35, clearcoat: 1, clearcoatRoughness: 0.08,
  }))
  const tab = new THREE.Mesh(new THREE.TorusGeometry(0.5, 0.14, 6, 20), metal(0xb8bcc0, 0.3))
  tab.rotation.x = -Math.PI / 2
  tab.scale.set(1, 1.6, 1)
  tab.position.set(0, h - 0.12, r * 0.35)
  for (const mesh of [body, print, tab]) {
    mesh.castShadow = true
    mesh.receiveShadow = true
    group.add(mesh)
  }
  return { group, outer, inner: outer, height: h }
}

/** A cup or mug: glazed ceramic with a handle. */
export function cup(options: { radius?: number; height?: number; color?: THREE.ColorRepresentation; flare?: number; handle?: boolean } = {}): Vessel {
  const r = options.radius ?? 4.2
  const h = options.height ?? 7
  const flare = options.flare ?? 1.1
  const outer: Point[] = [[r * 0.6, 0], [r * 0.7, 0.3], [r * 0.9, h * 0.35], [r * flare, h]]
  const material = ceramic(options.color)
  const result = vessel(
    [new THREE.Vector2(0, 0), ...smooth(outer, 30)],
    smooth([[0, 0.6], [r * 0.6, 0.8], [r * 0.86, h * 0.35], [r * flare - 0.3, h]], 30),
    { material },
  )
  if (options.handle !== false) {
    const handle = new THREE.Mesh(new THREE.TorusGeometry(h * 0.26, 0.42, 12, 32, Math.PI * 1.2), material)
    handle.rotation.z = -Math.PI * 0.6
    handle.position.set(radiusAt(result.outer, h * 0.55) + h * 0.1, h * 0.55, 0)
    handle.castShadow = true
    result.group.add(handle)
  }
  return result
}

/** A saucer under a cup. */
export function saucer(radius = 7.5, color: THREE.ColorRepresentation = 0xf4f1ea): THREE.Mesh {
  const mesh = new THREE.Mesh(
    lathe(smooth([[0, 0.05], [radius * 0.45, 0], [radius * 0.5, 0.3], [radius * 0.85, 0.6], [radius, 1.0], [radius * 0.97, 1.1], [radius * 0.82, 0.8], [radius * 0.5, 0.55], [0, 0.55]], 40)),
    ceramic(color),
  )
  mesh.castShadow = true
  mesh.receiveShadow = true
  return mesh
}

/** A glass jug / pitcher with a handle, for lemonade and water. */
export function jug(options: VesselOptions = {}): Vessel {
  const outer: Point[] = [[4.6, 0.3], [5.2, 5], [5.0, 12], [4.5, 17], [4.9, 20]]
  const result = vessel(sharp([[0, 0], [4.6, 0]]).concat(smooth(outer, 40)), insideOf(outer, 0.2, 0.9), options)
  const handle = new THREE.Mesh(new THREE.TorusGeometry(5, 0.55, 10, 32, Math.PI * 1.1), glass(options.glass))
  handle.rotation.z = -Math.PI * 0.55
  handle.position.set(4.8, 12, 0)
  handle.scale.set(0.7, 1, 1)
  handle.renderOrder = 3
  result.group.add(handle)
  return result
}
