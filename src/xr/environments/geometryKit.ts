import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

/**
 * Low-poly building blocks for the procedural rooms and figures: primitives placed by a transform and baked into
 * their vertices, so that everything that shares a material can be merged into one mesh (one draw call).
 * Every piece drops its uv attribute (nothing here is textured) so that pieces of any kind merge.
 */
export type V3 = readonly [number, number, number]

const matrix = new THREE.Matrix4()
const quaternion = new THREE.Quaternion()
const euler = new THREE.Euler()
const up = new THREE.Vector3(0, 1, 0)

export interface Placement {
  /** Euler angles in radians, order XYZ. */
  rotation?: V3
  quaternion?: THREE.Quaternion
  scale?: V3
}

/** Bakes a transform into a geometry's vertices; returns the same geometry, without uv and groups. */
export function place(geometry: THREE.BufferGeometry, position: V3, placement: Placement = {}): THREE.BufferGeometry {
  const q = placement.quaternion ?? quaternion.setFromEuler(euler.set(...(placement.rotation ?? [0, 0, 0]), 'XYZ'))
  const s = placement.scale ?? [1, 1, 1]
  matrix.compose(new THREE.Vector3(...position), q, new THREE.Vector3(...s))
  geometry.applyMatrix4(matrix)
  geometry.deleteAttribute('uv')
  geometry.clearGroups()
  return geometry
}

/** A box of the given size, centred on `centre`. */
export function box(size: V3, centre: V3, placement: Placement = {}): THREE.BufferGeometry {
  return place(new THREE.BoxGeometry(size[0], size[1], size[2]), centre, placement)
}

/** A box given by its minimum and maximum corners (axis-aligned). */
export function boxFromTo(min: V3, max: V3): THREE.BufferGeometry {
  return box([max[0] - min[0], max[1] - min[1], max[2] - min[2]], [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2])
}

/** An ellipsoid with the given radii; `segments` = [around, top to bottom]. */
export function ellipsoid(radii: V3, centre: V3, segments: readonly [number, number] = [10, 7], placement: Placement = {}): THREE.BufferGeometry {
  return place(new THREE.SphereGeometry(1, segments[0], segments[1]), centre, { ...placement, scale: radii })
}

/** Rotation that turns +Y into the direction from a to b. */
function alongSegment(a: V3, b: V3): { mid: V3; length: number; q: THREE.Quaternion } {
  const dir = new THREE.Vector3(b[0] - a[0], b[1] - a[1], b[2] - a[2])
  const length = dir.length()
  const q = new THREE.Quaternion().setFromUnitVectors(up, length > 0 ? dir.normalize() : up)
  return { mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2], length, q }
}

/** A capsule whose axis runs from a to b (the rounded ends reach `radius` beyond them). */
export function capsuleBetween(a: V3, b: V3, radius: number, radialSegments = 8, capSegments = 3, squash: V3 = [1, 1, 1]): THREE.BufferGeometry {
  const { mid, length, q } = alongSegment(a, b)
  return place(new THREE.CapsuleGeometry(radius, Math.max(length, 1e-4), capSegments, radialSegments), mid, { quaternion: q, scale: squash })
}

/** A (truncated) cylinder or cone from a (radius ra) to b (radius rb). */
export function cylinderBetween(a: V3, b: V3, ra: number, rb: number, radialSegments = 10, openEnded = false): THREE.BufferGeometry {
  const { mid, length, q } = alongSegment(a, b)
  return place(new THREE.CylinderGeometry(rb, ra, Math.max(length, 1e-4), radialSegments, 1, openEnded), mid, { quaternion: q })
}

/**
 * A closed body of revolution about the vertical axis through `centre` (x, z), from profile rings given bottom to
 * top as [radius, y, front depth, back depth]: the ring's depth (z) is its radius times front depth in +Z and
 * times back depth in −Z, so a torso can be flatter at the back than at the front.
 */
export function latheBody(rings: ReadonlyArray<readonly [number, number, number, number]>, centre: readonly [number, number], segments = 12): THREE.BufferGeometry {
  const geometry = new THREE.LatheGeometry(
    rings.map(([r, y]) => new THREE.Vector2(Math.max(r, 0), y)),
    segments,
  )
  const position = geometry.getAttribute('position')
  const perRing = rings.length
  for (let i = 0; i < position.count; i++) {
    const ring = rings[i % perRing] as readonly [number, number, number, number]
    const z = position.getZ(i)
    position.setZ(i, z * (z >= 0 ? ring[2] : ring[3]) + 0)
    position.setX(i, position.getX(i) + centre[0])
    position.setZ(i, position.getZ(i) + centre[1])
  }
  geometry.computeVertexNormals()
  geometry.deleteAttribute('uv')
  return geometry
}

/** Geometries sorted by material key, merged into one mesh per key at the end. */
export class MergeBuckets<K extends string> {
  private readonly buckets = new Map<K, THREE.BufferGeometry[]>()

  add(key: K, ...geometries: THREE.BufferGeometry[]): void {
    const list = this.buckets.get(key) ?? []
    list.push(...geometries)
    this.buckets.set(key, list)
  }

  keys(): K[] {
    return [...this.buckets.keys()]
  }

  /** Merges a bucket's geometries (all indexed or made non-indexed first) and disposes the pieces. */
  merge(key: K): THREE.BufferGeometry | null {
    const list = this.buckets.get(key)
    if (!list || list.length === 0) return null
    const indexed = list.every((g) => g.index !== null)
    const pieces = indexed ? list : list.map((g) => (g.index ? g.toNonIndexed() : g))
    const merged = mergeGeometries(pieces, false)
    if (!merged) throw new Error(`geometryKit: could not merge the '${key}' pieces (their attributes differ)`)
    for (const g of new Set([...list, ...pieces])) g.dispose()
    merged.computeBoundingSphere()
    merged.computeBoundingBox()
    return merged
  }
}

/** Triangles in one geometry (indexed or not). */
export function geometryTriangles(geometry: THREE.BufferGeometry): number {
  const count = geometry.index ? geometry.index.count : (geometry.getAttribute('position')?.count ?? 0)
  return Math.floor(count / 3)
}

/** Draw calls (visible meshes, points and lines) and triangles under an object, as a renderer would see them. */
export function renderBudget(object: THREE.Object3D): { drawCalls: number; triangles: number } {
  let drawCalls = 0
  let triangles = 0
  object.traverseVisible((child) => {
    if (child instanceof THREE.Mesh) {
      drawCalls += 1
      triangles += geometryTriangles(child.geometry)
    } else if (child instanceof THREE.Points || child instanceof THREE.Line) {
      drawCalls += 1
    }
  })
  return { drawCalls, triangles }
}

/** Disposes every geometry and material under an object (each once). */
export function disposeObject(object: THREE.Object3D): void {
  const geometries = new Set<THREE.BufferGeometry>()
  const materials = new Set<THREE.Material>()
  object.traverse((child) => {
    if (child instanceof THREE.Mesh || child instanceof THREE.Points || child instanceof THREE.Line) {
      geometries.add(child.geometry)
      for (const m of Array.isArray(child.material) ? child.material : [child.material]) materials.add(m)
    }
  })
  for (const g of geometries) g.dispose()
  for (const m of materials) m.dispose()
}

/**
 * Merges several buckets into one geometry, each bucket's vertices painted in its colour (a `color` attribute), so
 * that parts with different colours but the same kind of material become one mesh and one draw call. Use with a
 * material that has `vertexColors: true`. Returns null when the buckets are empty.
 */
export function mergePainted<K extends string>(buckets: MergeBuckets<K>, colours: Partial<Record<K, THREE.Color>>): THREE.BufferGeometry | null {
  const painted = new MergeBuckets<'painted'>()
  for (const key of buckets.keys()) {
    const colour = colours[key]
    if (!colour) continue
    const geometry = buckets.merge(key)
    if (!geometry) continue
    const count = geometry.getAttribute('position').count
    const values = new Float32Array(count * 3)
    for (let i = 0; i < count; i++) values.set([colour.r, colour.g, colour.b], i * 3)
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(values, 3))
    painted.add('painted', geometry)
  }
  return painted.merge('painted')
}
