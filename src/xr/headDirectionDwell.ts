/**
 * Head-direction dwell: WebXR on a Quest has no eye tracking, so the angle between head-forward and each target's
 * centre stands in for gaze, with a cone of about 15–20° (src/xr/README.md, "Head direction instead of gaze"). One tracker per beat; paused time is skipped.
 */
export type Vec3 = readonly [number, number, number]

export interface TargetDwell {
  /** Share of the beat's (unpaused) time the target was inside the cone. */
  share: number
  /** ms from the beat's start to the first look; null if never looked at. */
  firstLookMs: number | null
  /** Times the head left the target after looking at it. */
  lookAways: number
  /** Fastest head turn (yaw) while the target was in the cone, in °/s. */
  peakYawSpeedDegS: number
}

export interface DwellReport {
  durationMs: number
  targets: Record<string, TargetDwell>
  /** Fastest head turn in the beat, in °/s: a flinch or a look away shows here. */
  peakYawSpeedDegS: number
}

const degrees = (rad: number) => (rad * 180) / Math.PI

function angleBetween(a: Vec3, b: Vec3): number {
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

export function createDwellTracker(targets: Record<string, Vec3>, coneDeg: number) {
  const cone = (coneDeg * Math.PI) / 180
  const names = Object.keys(targets)
  let startMs: number | null = null
  let lastMs: number | null = null
  let lastYaw: number | null = null
  let elapsed = 0
  let peakYaw = 0
  const state = Object.fromEntries(names.map((n) => [n, { lookMs: 0, firstLookMs: null as number | null, lookAways: 0, looking: false, peakYaw: 0 }]))

  return {
    /** One head sample; call every frame. `paused` samples count for nothing. */
    sample(nowMs: number, head: Vec3, forward: Vec3, paused = false) {
      if (startMs === null) startMs = nowMs
      const dt = lastMs === null ? 0 : Math.max(0, nowMs - lastMs)
      lastMs = nowMs
      const yaw = yawOf(forward)
      let yawSpeed = 0
      if (lastYaw !== null && dt > 0) {
        let delta = yaw - lastYaw
        // Turning through ±180° is a small turn, not a full circle.
        if (delta > Math.PI) delta -= 2 * Math.PI
        if (delta < -Math.PI) delta += 2 * Math.PI
        yawSpeed = degrees(Math.abs(delta)) / (dt / 1000)
      }
      lastYaw = yaw
      if (paused) return
      elapsed += dt
      peakYaw = Math.max(peakYaw, yawSpeed)
      for (const name of names) {
        const t = targets[name]!
        const toTarget: Vec3 = [t[0] - head[0], t[1] - head[1], t[2] - head[2]]
        const s = state[name]!
        const looking = angleBetween(forward, toTarget) <= cone
        if (looking) {
          s.lookMs += dt
          if (s.firstLookMs === null) s.firstLookMs = elapsed
          s.peakYaw = Math.max(s.peakYaw, yawSpeed)
        } else if (s.looking) s.lookAways++
        s.looking = looking
      }
    },
    report(): DwellReport {
      const round = (n: number) => Math.round(n * 1000) / 1000
      return {
        durationMs: round(elapsed),
        peakYawSpeedDegS: round(peakYaw),
        targets: Object.fromEntries(
          names.map((n) => {
            const s = state[n]!
            return [n, { share: elapsed > 0 ? round(s.lookMs / elapsed) : 0, firstLookMs: s.firstLookMs === null ? null : round(s.firstLookMs), lookAways: s.lookAways, peakYawSpeedDegS: round(s.peakYaw) }]
          }),
        ),
      }
    },
  }
}

export type DwellTracker = ReturnType<typeof createDwellTracker>
