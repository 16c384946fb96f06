/**
 * Lathe profiles: every glass, bottle, cup and can is a 2D outline (radius, height) spun around the y axis.
 * Units are centimetres, so real-world sizes can be typed straight in.
 */
import * as THREE from 'three'

export type Point = [radius: number, height: number]
export type Profile = THREE.Vector2[]

/** Enough segments that silhouettes stay round at 480 px, few enough to keep SwiftShader quick. */
export const LATHE_SEGMENTS = 72

/** A smooth curve through the given points (Catmull-Rom), sampled evenly. */
export function smooth(points: Point[], divisions = 40): Profile {
  const curve = new THREE.SplineCurve(points.map(([r, y]) => new THREE.Vector2(r, y)))
  return curve.getSpacedPoints(divisions)
}

/** Straight segments between the points, each corner doubled so LatheGeometry shades it as a crisp edge. */
export function sharp(points: Point[]): Profile {
  return points.flatMap(([r, y], i) => {
    const v = new THREE.Vector2(r, y)
    return i === 0 || i === points.length - 1 ? [v] : [v, v.clone()]
  })
}

export function join(...parts: Profile[]): Profile {
  return parts.flat()
}

/** The radius of a profile at height y (profiles here only rise, except for rims, so the first crossing is used). */
export function radiusAt(profile: Profile, y: number): number {
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1] as THREE.Vector2
    const b = profile[i] as THREE.Vector2
    if ((a.y <= y && b.y >= y) || (a.y >= y && b.y <= y)) {
      const t = b.y === a.y ? 0 : (y - a.y) / (b.y - a.y)
      return a.x + (b.x - a.x) * t
    }
  }
  return (profile[profile.length - 1] as THREE.Vector2).x
}

export function lathe(profile: Profile, segments = LATHE_SEGMENTS): THREE.LatheGeometry {
  // phiStart = π puts the texture seam (u = 0/1) at the back, so label art centred on u = 0.5 faces the camera.
  return new THREE.LatheGeometry(
    profile.map((p) => new THREE.Vector2(Math.max(p.x, 0), p.y)),
    segments,
    Math.PI,
  )
}

/**
 * A glass wall with real thickness: up the outside, over a rounded rim, down the inside. Rendering only the front
 * faces of this closed shell then shows both the near outer wall and the far inner wall, which is what makes
 * see-through glass read as glass; the doubled walls at the silhouette look brighter, like real glass edges.
 */
export function shell(outer: Profile, inner: Profile): Profile {
  const top = outer[outer.length - 1] as THREE.Vector2
  const innerTop = inner[inner.length - 1] as THREE.Vector2
  const centre = new THREE.Vector2((top.x + innerTop.x) / 2, Math.max(top.y, innerTop.y))
  const half = Math.abs(top.x - innerTop.x) / 2
  const rim: Profile = []
  for (let i = 1; i < 8; i++) {
    const a = (i / 8) * Math.PI
    rim.push(new THREE.Vector2(centre.x + Math.cos(a) * half, centre.y + Math.sin(a) * half))
  }
  return [...outer, ...rim, ...[...inner].reverse()]
}

/**
 * The liquid in a vessel: the inner profile up to the fill height, pulled in a hair so it never pokes through the
 * glass. Returns the side (open at the top) and the flat surface as separate geometries, so the surface can get its
 * own material (foam, crema) and a crisp edge.
 */
export function liquidVolume(inner: Profile, fillHeight: number, inset = 0.04): { side: THREE.BufferGeometry; top: THREE.BufferGeometry; radius: number } {
  const below = inner.filter((p) => p.y < fillHeight)
  const radius = Math.max(radiusAt(inner, fillHeight) - inset, 0.01)
  const points = [
    ...below.map((p) => new THREE.Vector2(Math.max(p.x - inset, 0), p.y + inset * 0.5)),
    new THREE.Vector2(radius, fillHeight),
  ]
  const side = lathe(points)
  const top = new THREE.CircleGeometry(radius, LATHE_SEGMENTS)
  top.rotateX(-Math.PI / 2)
  top.translate(0, fillHeight, 0)
  return { side, top, radius }
}

/** A band of the outer profile, pushed out slightly: labels, foil capsules and can prints follow the body exactly. */
export function band(outer: Profile, from: number, to: number, pushOut = 0.03, steps = 12): THREE.LatheGeometry {
  const points: Profile = []
  for (let i = 0; i <= steps; i++) {
    const y = from + ((to - from) * i) / steps
    points.push(new THREE.Vector2(radiusAt(outer, y) + pushOut, y))
  }
  return lathe(points)
}

/** Scales a list of points: handy for reusing one outline at another size. */
export function scaled(points: Point[], sr: number, sy = sr): Point[] {
  return points.map(([r, y]) => [r * sr, y * sy])
}
