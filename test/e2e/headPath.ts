import type { Page } from '@playwright/test'

/**
 * A scripted head for the emulated headset, and the truth computed from it without the app.
 *
 * The driver runs inside the page: it wraps IWER's per-frame hook, so that every XR frame's headset pose is set
 * from the path at that frame's own time (the time the frame callbacks get) before the app reads it. A path is a
 * list of segments in absolute frame time: holds (one direction) and turns (yaw at a constant speed, pitch moved
 * linearly over the same time). Each beat gets its own short script, started at the first frame that sees the beat
 * in the test hook; the script's last direction is held until the next beat's script starts.
 */
export interface Dir {
  yaw: number
  pitch: number
}
/** Hold the current direction for `ms`, or turn from it to `turnTo` at a constant yaw speed. */
export type Step = { holdMs: number } | { turnTo: Dir; degS: number }
export interface Segment {
  from: number
  to: number
  a: Dir
  b: Dir
  /** Yaw speed (°/s) during the segment; 0 for a hold. */
  degS: number
}

export interface DriverLog {
  segments: Segment[]
  /** Every XR frame's time (the time the frame callbacks get), in order. */
  frames: number[]
  /** The direction the driver set for each of those frames: what the app read at that frame. */
  poses: Dir[]
  scriptsDone: string[]
}

/** Installs the driver in the page (after the headset session is up); scripts are per beat id. */
export async function installHeadDriver(page: Page, start: Dir, scripts: Record<string, Step[]>) {
  await page.evaluate(
    ([startDir, beatScripts]) => {
      type D = { yaw: number; pitch: number }
      type S = { holdMs: number } | { turnTo: D; degS: number }
      type Seg = { from: number; to: number; a: D; b: D; degS: number }
      const w = window as unknown as {
        __iwer: Record<symbol, { onFrameStart(frame: { predictedDisplayTime: number }): void }> & { quaternion: { set(x: number, y: number, z: number, w: number): void } }
        __perspectiefVr: { beat: string }
        __headPath?: { segments: Seg[]; frames: number[]; poses: D[]; scriptsDone: string[] }
      }
      const device = w.__iwer
      const key = Object.getOwnPropertySymbols(device).find((s) => typeof (device[s] as { onFrameStart?: unknown })?.onFrameStart === 'function')!
      const inner = device[key]!
      const original = inner.onFrameStart.bind(inner)
      const log = { segments: [] as Seg[], frames: [] as number[], poses: [] as D[], scriptsDone: [] as string[] }
      w.__headPath = log
      ;(w as unknown as { __headScripts: Record<string, S[]> }).__headScripts = beatScripts
      let open: Seg | null = null
      let queue: S[] = []
      let beat: string | null = null
      let scriptBeat: string | null = null
      const make = (step: S, from: number, at: D): Seg =>
        'holdMs' in step
          ? { from, to: from + step.holdMs, a: at, b: at, degS: 0 }
          : { from, to: from + (Math.abs(step.turnTo.yaw - at.yaw) / step.degS) * 1000, a: at, b: step.turnTo, degS: step.degS }
      const advance = (t: number) => {
        if (!open) open = { from: t, to: Infinity, a: startDir, b: startDir, degS: 0 }
        for (;;) {
          if (open.to <= t) {
            log.segments.push(open)
            const next = queue.shift()
            open = next ? make(next, open.to, open.b) : { from: open.to, to: Infinity, a: open.b, b: open.b, degS: 0 }
            continue
          }
          if (open.to === Infinity && queue.length > 0) {
            open.to = Math.max(open.from, t)
            log.segments.push(open)
            open = make(queue.shift()!, open.to, open.b)
            continue
          }
          break
        }
        if (open.to === Infinity && queue.length === 0 && scriptBeat !== null && !log.scriptsDone.includes(scriptBeat)) log.scriptsDone.push(scriptBeat)
        const f = open.to === Infinity || open.to === open.from ? 1 : Math.min(1, Math.max(0, (t - open.from) / (open.to - open.from)))
        return { yaw: open.a.yaw + (open.b.yaw - open.a.yaw) * f, pitch: open.a.pitch + (open.b.pitch - open.a.pitch) * f }
      }
      inner.onFrameStart = (frame) => {
        const t = frame.predictedDisplayTime
        const current = w.__perspectiefVr?.beat ?? null
        if (current !== beat) {
          beat = current
          const script = current ? (w as unknown as { __headScripts: Record<string, S[]> }).__headScripts[current] : undefined
          if (script) {
            scriptBeat = current
            queue.push(...script)
          }
        }
        const p = advance(t)
        log.frames.push(t)
        log.poses.push(p)
        ;(w as unknown as { __headPathPose: D }).__headPathPose = p
        const r = Math.PI / 180
        const [cy, sy, cp, sp] = [Math.cos((p.yaw * r) / 2), Math.sin((p.yaw * r) / 2), Math.cos((p.pitch * r) / 2), Math.sin((p.pitch * r) / 2)]
        device.quaternion.set(cy * sp, sy * cp, -sy * sp, cy * cp)
        original(frame)
      }
      // The open segment is read at the end with `readDriver`.
      ;(w as unknown as { __headPathOpen: () => Seg | null }).__headPathOpen = () => open
    },
    [start, scripts] as const,
  )
}

/** Gives the driver the scripts of the beats to come (e.g. once the eye position is known). */
export async function setScripts(page: Page, scripts: Record<string, Step[]>) {
  await page.evaluate((s) => {
    ;(window as unknown as { __headScripts: unknown }).__headScripts = s
  }, scripts)
}

export async function readDriver(page: Page): Promise<DriverLog> {
  return page.evaluate(() => {
    const w = window as unknown as { __headPath: DriverLog; __headPathOpen: () => Segment }
    const open = w.__headPathOpen()
    const segments = [...w.__headPath.segments, ...(open ? [{ ...open, to: open.to === Infinity ? Number.MAX_VALUE : open.to }] : [])]
    return { segments, frames: w.__headPath.frames, poses: w.__headPath.poses, scriptsDone: w.__headPath.scriptsDone }
  })
}

export const scriptDone = (page: Page, beat: string) =>
  page.waitForFunction((b) => (window as unknown as { __headPath: DriverLog }).__headPath.scriptsDone.includes(b), beat, { timeout: 30_000, polling: 50 })

// ---- Truth, from the path alone ----

const rad = Math.PI / 180
export function forwardOf(d: Dir): [number, number, number] {
  return [-Math.sin(d.yaw * rad) * Math.cos(d.pitch * rad), Math.sin(d.pitch * rad), -Math.cos(d.yaw * rad) * Math.cos(d.pitch * rad)]
}
/** The direction (yaw, pitch) from the eye to a point. */
export function dirTo(eye: readonly number[], p: readonly number[]): Dir {
  const [x, y, z] = [p[0]! - eye[0]!, p[1]! - eye[1]!, p[2]! - eye[2]!]
  return { yaw: Math.atan2(-x, -z) / rad, pitch: Math.atan2(y, Math.hypot(x, z)) / rad }
}
function angleDeg(a: readonly number[], b: readonly number[]): number {
  const dot = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!
  return Math.acos(Math.max(-1, Math.min(1, dot / (Math.hypot(a[0]!, a[1]!, a[2]!) * Math.hypot(b[0]!, b[1]!, b[2]!))))) / rad
}

export interface TruthTarget {
  name: string
  centre: [number, number, number]
  coneDeg: number
}

type V3 = [number, number, number]
const rotX = (v: V3, a: number): V3 => [v[0], v[1] * Math.cos(a) - v[2] * Math.sin(a), v[1] * Math.sin(a) + v[2] * Math.cos(a)]
const rotY = (v: V3, a: number): V3 => [v[0] * Math.cos(a) + v[2] * Math.sin(a), v[1], -v[0] * Math.sin(a) + v[2] * Math.cos(a)]

/**
 * Where the eye is for a head direction: the headset turns about its own origin (`base`, world metres), and the
 * camera three reads sits at a fixed offset from it in the head's frame (`local`), so the eye moves a little as the
 * head turns.
 */
export interface EyeModel {
  base: V3
  local: V3
}
export function eyeAt(m: EyeModel, d: Dir): V3 {
  const o = rotY(rotX(m.local, d.pitch * rad), d.yaw * rad)
  return [m.base[0] + o[0], m.base[1] + o[1], m.base[2] + o[2]]
}
/** The head-frame offset from one camera reading at a known head direction. */
export function eyeModelFrom(base: V3, camera: readonly number[], d: Dir): EyeModel {
  const world: V3 = [camera[0]! - base[0], camera[1]! - base[1], camera[2]! - base[2]]
  return { base, local: rotX(rotY(world, -d.yaw * rad), -d.pitch * rad) }
}

export function pathAt(segments: Segment[], t: number): { dir: Dir; degS: number } {
  const s = segments.find((g) => t >= g.from && t < g.to) ?? segments.at(-1)!
  const f = s.to === s.from || s.to >= Number.MAX_VALUE / 2 ? 1 : Math.min(1, Math.max(0, (t - s.from) / (s.to - s.from)))
  return { dir: { yaw: s.a.yaw + (s.b.yaw - s.a.yaw) * f, pitch: s.a.pitch + (s.b.pitch - s.a.pitch) * f }, degS: s.degS }
}

/** Nearest target within its cone, ties to the one listed first (the rule the README states). */
export function truthTarget(targets: TruthTarget[], eye: EyeModel, d: Dir): { on: string | null; inCone: Record<string, boolean> } {
  const f = forwardOf(d)
  const e = eyeAt(eye, d)
  let on: string | null = null
  let best = Infinity
  const inCone: Record<string, boolean> = {}
  for (const t of targets) {
    const a = angleDeg(f, [t.centre[0] - e[0], t.centre[1] - e[1], t.centre[2] - e[2]])
    inCone[t.name] = a <= t.coneDeg
    if (a <= t.coneDeg && a < best) {
      on = t.name
      best = a
    }
  }
  return { on, inCone }
}

/** One value per target, by name. */
function perTarget<T>(targets: TruthTarget[], value: T): Record<string, T> {
  return Object.fromEntries(targets.map((t) => [t.name, value]))
}
const sharesOf = (targets: TruthTarget[], lookMs: Record<string, number>, durationMs: number) =>
  Object.fromEntries(targets.map((t) => [t.name, durationMs > 0 ? lookMs[t.name]! / durationMs : 0]))

export interface TruthBeat {
  durationMs: number
  shares: Record<string, number>
  firstLookMs: Record<string, number | null>
  lookAways: Record<string, number>
  peakYaw: number
  peakEdge: Record<string, number>
}

/**
 * Integrates the path over a beat's window [from, to) minus pauses, in 0.25 ms steps: shares, first looks (from
 * `beatStart`, unpaused time), look-aways, the fastest turn, and the speed at each cone crossing.
 */
export function truthOfBeat(segments: Segment[], targets: TruthTarget[], eye: EyeModel, beatStart: number, from: number, to: number, pauses: [number, number][]): TruthBeat {
  const step = 0.25
  const paused = (t: number) => pauses.some(([a, b]) => t >= a && t < b)
  const look = perTarget<number>(targets, 0)
  const first = perTarget<number | null>(targets, null)
  const aways = perTarget<number>(targets, 0)
  const edge = perTarget<number>(targets, 0)
  let peakYaw = 0
  let duration = 0
  // Unpaused time between the beat's start and the window's start (a first look counts from the beat's start).
  let elapsed = 0
  for (let t = beatStart; t < from; t += step) if (!paused(t)) elapsed += step
  let prev: ReturnType<typeof truthTarget> | null = null
  for (let t = from; t < to; t += step) {
    if (paused(t)) continue
    const p = pathAt(segments, t)
    const now = truthTarget(targets, eye, p.dir)
    if (now.on !== null) {
      look[now.on]! += step
      if (first[now.on] === null) first[now.on] = elapsed
    }
    if (prev) {
      if (prev.on !== null && prev.on !== now.on) aways[prev.on]!++
      for (const tg of targets) if (prev.inCone[tg.name] !== now.inCone[tg.name]) edge[tg.name] = Math.max(edge[tg.name]!, p.degS)
    }
    peakYaw = Math.max(peakYaw, p.degS)
    prev = now
    duration += step
    elapsed += step
  }
  const shares = sharesOf(targets, look, duration)
  return { durationMs: duration, shares, firstLookMs: first, lookAways: aways, peakYaw, peakEdge: edge }
}

export interface FrameTruthBeat {
  durationMs: number
  shares: Record<string, number>
  firstLookMs: Record<string, number | null>
  lookAways: Record<string, number>
  /**
   * The most a share can differ between the continuous path and the frames, as a fraction of the beat: the summed
   * length of the frame intervals inside which the continuous path's attribution changes (each such interval is
   * credited whole to the pose at its start, the README's rule).
   */
  granularity: number
}

/**
 * The truth at the frames the headset presented: each frame interval [frame, next frame) inside the beat's window,
 * minus pauses, is credited to the target of the direction the driver set at that frame (the README's rule: a moment
 * belongs to the latest frame at or before it). The frames and directions come from the driver, the targets and the
 * eye from the scene and the headset's geometry; nothing from the app's dwell code. The continuous path's own
 * attribution is sampled inside each interval to bound how far the frame-credited shares can be from it.
 */
export function truthAtFrames(log: DriverLog, targets: TruthTarget[], eye: EyeModel, beatStart: number, from: number, to: number, pauses: [number, number][]): FrameTruthBeat {
  const unpaused = (a: number, b: number) => {
    let ms = Math.max(0, b - a)
    for (const [p, q] of pauses) ms -= Math.max(0, Math.min(b, q) - Math.max(a, p))
    return ms
  }
  const look = perTarget<number>(targets, 0)
  const first = perTarget<number | null>(targets, null)
  const aways = perTarget<number>(targets, 0)
  let duration = 0
  let straddled = 0
  let previous: string | null | undefined
  for (const [i, frame] of log.frames.entries()) {
    const next = log.frames[i + 1] ?? Infinity
    const a = Math.max(frame, from)
    const b = Math.min(next, to)
    if (b <= a) continue
    const ms = unpaused(a, b)
    if (ms <= 0) continue
    const on = truthTarget(targets, eye, log.poses[i]!).on
    if (on !== null) {
      look[on]! += ms
      if (first[on] === null) first[on] = unpaused(beatStart, a)
    }
    if (previous !== undefined && previous !== null && previous !== on) aways[previous]!++
    previous = on
    duration += ms
    // Does the continuous path leave this frame's attribution inside the interval? Then up to its length differs.
    if (Number.isFinite(b)) {
      for (let t = a; t < b; t += 0.5) {
        if (truthTarget(targets, eye, pathAt(log.segments, t).dir).on !== on) {
          straddled += ms
          break
        }
      }
    }
  }
  const shares = sharesOf(targets, look, duration)
  return { durationMs: duration, shares, firstLookMs: first, lookAways: aways, granularity: duration > 0 ? straddled / duration : 0 }
}
