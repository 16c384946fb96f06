import type { ScenarioScript } from './schema.ts'
import type { SceneError } from './sceneError.ts'

export type Xyz = readonly [number, number, number]

/** Where the client's eyes can be in a built-in environment, for each setting of the scene that moves them. */
export interface EyePosition {
  /** How an author recognises the setting, e.g. "childAge 4 (eye height 0.85 m)". */
  label: string
  at: Xyz
}

/**
 * Target centres and eye positions of the built-in environments. They are the renderer's own layouts
 * (src/xr/environments/dwellGeometry.ts), passed in by whoever checks a scene: the script layer cannot import the
 * renderer.
 */
export type DwellGeometry = Partial<Record<NonNullable<ScenarioScript['vr']>['environment'], { targets: Record<string, Xyz>; eyes(script: ScenarioScript): EyePosition[] }>>

const degrees = (rad: number) => (rad * 180) / Math.PI

function angleDeg(a: Xyz, b: Xyz): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
  return degrees(Math.acos(Math.max(-1, Math.min(1, dot / (Math.hypot(...a) * Math.hypot(...b))))))
}

/**
 * Warnings, not errors: two targets whose cones overlap from an eye position the scene allows. A gaze between them
 * then counts for the nearer target only (the dwell rule), so a trainer reading "looked at the door" may be reading
 * "looked at the parents, a little to the left". A target within 0.3 m of the eye (the client's own head) is skipped.
 */
export function dwellOverlapWarnings(script: ScenarioScript, file: string, dwellGeometry: DwellGeometry = {}): SceneError[] {
  const vr = script.vr
  if (!vr || vr.targets.length < 2) return []
  const geometry = dwellGeometry[vr.environment]
  if (!geometry) return []
  const cone = (name: string) => vr.dwellCones[name] ?? vr.dwellConeDeg
  const pathOf = (name: string) => (vr.dwellCones[name] !== undefined ? ['vr', 'dwellCones', name] : ['vr', 'targets', vr.targets.indexOf(name)])
  const overlaps = new Map<string, { a: string; b: string; seen: string[]; apart: number }>()
  for (const eye of geometry.eyes(script)) {
    const dirs = vr.targets.flatMap((name) => {
      const c = geometry.targets[name]
      if (!c) return []
      const d: Xyz = [c[0] - eye.at[0], c[1] - eye.at[1], c[2] - eye.at[2]]
      return Math.hypot(...d) < 0.3 ? [] : [{ name, d }]
    })
    for (let i = 0; i < dirs.length; i++) {
      for (let j = i + 1; j < dirs.length; j++) {
        const a = dirs[i]!
        const b = dirs[j]!
        const apart = angleDeg(a.d, b.d)
        if (apart >= cone(a.name) + cone(b.name)) continue
        const key = `${a.name}/${b.name}`
        const entry = overlaps.get(key) ?? { a: a.name, b: b.name, seen: [], apart }
        overlaps.set(key, entry)
        entry.seen.push(`${apart.toFixed(1)}° apart from ${eye.label}`)
        entry.apart = Math.min(entry.apart, apart)
      }
    }
  }
  return [...overlaps.values()].map(({ a, b, seen, apart }) => ({
    file,
    path: pathOf(b),
    message: `the cones of targets "${a}" and "${b}" overlap (${cone(a)}° + ${cone(b)}°): ${seen.join('; ')}`,
    hint: `a look between them counts for the nearer target only; give them smaller cones under "vr.dwellCones" (together under ${Math.floor(apart * 10) / 10}°) if they must be told apart`,
  }))
}
