import type { Page } from '@playwright/test'

/**
 * A scripted head for the emulated headset. (The whole-scene comparison with a truth computed from the path is out
 * of the suite for now: see the README, "Where the client looked"; `git show e04166e:test/e2e/headPath.ts` has it.)
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
  frames: number[]
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
        __headPath?: { segments: Seg[]; frames: number[]; scriptsDone: string[] }
      }
      const device = w.__iwer
      const key = Object.getOwnPropertySymbols(device).find((s) => typeof (device[s] as { onFrameStart?: unknown })?.onFrameStart === 'function')!
      const inner = device[key]!
      const original = inner.onFrameStart.bind(inner)
      const log = { segments: [] as Seg[], frames: [] as number[], scriptsDone: [] as string[] }
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
    return { segments, frames: w.__headPath.frames, scriptsDone: w.__headPath.scriptsDone }
  })
}

export const scriptDone = (page: Page, beat: string) =>
  page.waitForFunction((b) => (window as unknown as { __headPath: DriverLog }).__headPath.scriptsDone.includes(b), beat, { timeout: 30_000, polling: 50 })

// ---- Directions ----

const rad = Math.PI / 180
/** The direction (yaw, pitch) from the eye to a point. */
export function dirTo(eye: readonly number[], p: readonly number[]): Dir {
  const [x, y, z] = [p[0]! - eye[0]!, p[1]! - eye[1]!, p[2]! - eye[2]!]
  return { yaw: Math.atan2(-x, -z) / rad, pitch: Math.atan2(y, Math.hypot(x, z)) / rad }
}
