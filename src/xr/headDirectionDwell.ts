import type { HeadSample } from '../engine/headDwell.ts'

/**
 * Head direction as a stand-in for gaze: WebXR on a standalone headset has no eye tracking, so the angle between
 * head-forward and each target's centre is measured instead, with a cone of about 15–20° around the target
 * (src/xr/README.md, "Head direction instead of gaze"). This
 * file turns a head pose into one sample; the runtime attributes and sums samples (src/engine/headDwell.ts).
 */
export type Vec3 = readonly [number, number, number]

const degrees = (rad: number) => (rad * 180) / Math.PI

/** Angle between two directions, in radians (π when either has no length). */
export function angleBetween(a: Vec3, b: Vec3): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
  const la = Math.hypot(a[0], a[1], a[2])
  const lb = Math.hypot(b[0], b[1], b[2])
  if (la === 0 || lb === 0) return Math.PI
  return Math.acos(Math.max(-1, Math.min(1, dot / (la * lb))))
}

/** Yaw of a forward vector around the vertical axis (three.js: −Z is forward, Y is up). */
export function yawOf(forward: Vec3): number {
  return Math.atan2(-forward[0], -forward[2])
}

/** One headset frame as a dwell sample: the frame's time, the head's yaw, and each target's angle and cone. */
export function headSample(t: number, head: Vec3, forward: Vec3, targets: Record<string, Vec3>, coneDeg: number, cones: Record<string, number> = {}): HeadSample {
  const angles: HeadSample['targets'] = {}
  for (const [name, c] of Object.entries(targets)) {
    angles[name] = { angleDeg: degrees(angleBetween(forward, [c[0] - head[0], c[1] - head[1], c[2] - head[2]])), coneDeg: cones[name] ?? coneDeg }
  }
  return { t, yawDeg: degrees(yawOf(forward)), targets: angles }
}
