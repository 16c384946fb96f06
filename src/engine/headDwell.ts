/**
 * Head-direction dwell per beat, owned by the session runtime (see README, "Where the client looked").
 *
 * The renderer hands in one sample per headset frame: the XR frame's time, the head's yaw, and for every target
 * the angle between head-forward and the target's centre with that target's cone. The runtime tells the recorder
 * when a beat starts and ends and when a pause starts and ends, each at the time of the input that caused it. So a
 * beat's window runs from its own start to the next beat's start, whatever the renderer does in between.
 *
 * Rules (each one tested in headDwell.test.ts):
 * - Interval rule, "credit to the earlier pose": every moment is credited to the latest sample at or before it.
 *   A frame interval is never split; a beat boundary or a pause inside it cuts it at that moment.
 * - Exclusive attribution: a sample goes to the target nearest the gaze (smallest angle) among those whose cone
 *   holds the gaze; on an exact tie, to the target listed first. Shares of one beat sum to at most 1; the rest is
 *   "none of these".
 * - A look-away is the attribution leaving a target (to another target or to none). A pause neither starts nor
 *   ends a look: the attribution before the pause is compared with the first one after it.
 * - Time to first look counts from the beat's start (unpaused time, measured or not); a beat that starts with the
 *   gaze already on a target reads 0 for it.
 * - The beat's peak yaw speed is the fastest |Δyaw| / Δt between two consecutive unpaused samples, on frame time.
 *   A target's peak yaw speed is the fastest such speed over the intervals in which the gaze entered or left that
 *   target's cone (whether or not the target had the attribution); 0 when it never crossed the cone.
 * - Time in the window with no sample yet (before the headset's first frame, or lost in a reload) is "not
 *   measured" (`missingMs`), never counted as looking anywhere.
 */

export interface TargetAngle {
  /** Angle between head-forward and the direction to the target's centre, in degrees. */
  angleDeg: number
  /** Half-angle of the target's cone, in degrees. */
  coneDeg: number
}

export interface HeadSample {
  /** The XR frame's time (ms, the page's performance clock). */
  t: number
  /** Yaw of head-forward about the vertical axis, in degrees. */
  yawDeg: number
  /** Per target, in the scene's order (the order breaks ties). */
  targets: Record<string, TargetAngle>
}

export interface TargetDwellData {
  share: number
  firstLookMs: number | null
  lookAways: number
  peakYawSpeedDegS: number
}

export interface DwellData {
  /** Unpaused time in the window covered by headset samples. */
  durationMs: number
  /** Unpaused time in the window without samples: before the headset's first frame, or lost in a reload. */
  missingMs: number
  /** Share of `durationMs` on no target. */
  noneShare: number
  /** True when the beat spans a page reload (its totals were restored from the last commit). */
  resumed: boolean
  targets: Record<string, TargetDwellData>
  peakYawSpeedDegS: number
}

interface TargetTotals {
  lookMs: number
  firstLookMs: number | null
  lookAways: number
  peakEdge: number
}

/** What is committed with the session state, so that a reload continues the beat instead of starting it over. */
export interface DwellCheckpoint {
  beat: string
  /** Session clock (epoch ms) up to which the totals below are complete. */
  savedWall: number
  measuredMs: number
  missingMs: number
  elapsedMs: number
  peakYaw: number
  current: string | null
  targets: Record<string, TargetTotals>
  paused: boolean
  /** Whether any headset sample had arrived (a session that never entered the headset logs no dwell). */
  sampled: boolean
}

interface Pose {
  t: number
  yaw: number
  /** Attributed target, or null for none. */
  on: string | null
  inCone: Record<string, boolean>
}

/** The target that gets a sample: nearest the gaze inside its own cone; ties go to the one listed first. */
export function attribute(targets: Record<string, TargetAngle>): string | null {
  let best: string | null = null
  let bestAngle = Infinity
  for (const [name, { angleDeg, coneDeg }] of Object.entries(targets)) {
    if (angleDeg <= coneDeg && angleDeg < bestAngle) {
      best = name
      bestAngle = angleDeg
    }
  }
  return best
}

const round = (n: number) => Math.round(n * 1000) / 1000

export function createDwellRecorder() {
  let beat: string | null = null
  let windowAt = 0 // start of the not-yet-credited part of the window (perf ms)
  let paused = false
  let resumed = false
  let measured = 0
  let missing = 0
  let elapsed = 0
  let peakYaw = 0
  let current: string | null = null
  let totals: Record<string, TargetTotals> = {}
  let names: string[] = []
  let pose: Pose | null = null
  let everSampled = false
  let prevForSpeed: { t: number; yaw: number } | null = null

  const totalsOf = (name: string): TargetTotals => (totals[name] ??= { lookMs: 0, firstLookMs: null, lookAways: 0, peakEdge: 0 })

  /** Credits [windowAt, until) to the latest pose (or to "not measured" when there is none). */
  function creditUntil(until: number) {
    if (beat === null || until <= windowAt) {
      windowAt = Math.max(windowAt, until)
      return
    }
    const dt = until - windowAt
    if (!paused) {
      if (pose) {
        measured += dt
        if (pose.on !== null) totalsOf(pose.on).lookMs += dt
      } else missing += dt
      elapsed += dt
    }
    windowAt = until
  }

  /** Applies a new attribution at beat time `at` (first looks and look-aways). */
  function look(on: string | null, at: number) {
    if (on === current) return
    if (current !== null) totalsOf(current).lookAways++
    if (on !== null) {
      const t = totalsOf(on)
      if (t.firstLookMs === null) t.firstLookMs = at
    }
    current = on
  }

  return {
    /** A beat starts at `t` (the stamp of the input that caused it). The previous beat must have been closed. */
    start(beatId: string, t: number, afterReload = false) {
      beat = beatId
      windowAt = t
      measured = missing = elapsed = peakYaw = 0
      resumed = afterReload
      totals = {}
      for (const n of names) totalsOf(n)
      current = null
      // The gaze at the start belongs to the pose carried over from the last sample: a first look at 0.
      if (pose && !paused) look(pose.on, 0)
    },
    /** Closes the current beat at `t`; the report, or null when no headset sample ever arrived. */
    close(t: number): (DwellData & { beat: string }) | null {
      if (beat === null) return null
      creditUntil(t)
      const report = everSampled ? this.report() : null
      beat = null
      return report
    },
    pause(t: number) {
      creditUntil(t)
      paused = true
    },
    resume(t: number) {
      creditUntil(t)
      paused = false
      prevForSpeed = null
      if (pose) look(pose.on, elapsed)
    },
    sample(s: HeadSample) {
      if (pose && s.t < pose.t) return // a late frame: the recorder never goes back in time
      if (beat !== null && s.t < windowAt) return
      if (names.length === 0) names = Object.keys(s.targets)
      everSampled = true
      creditUntil(s.t)
      const inCone = Object.fromEntries(Object.entries(s.targets).map(([n, a]) => [n, a.angleDeg <= a.coneDeg]))
      const next: Pose = { t: s.t, yaw: s.yawDeg, on: attribute(s.targets), inCone }
      if (!paused && beat !== null) {
        if (prevForSpeed && s.t > prevForSpeed.t) {
          let delta = s.yawDeg - prevForSpeed.yaw
          // Turning through ±180° is a small turn, not a full circle.
          while (delta > 180) delta -= 360
          while (delta < -180) delta += 360
          const speed = Math.abs(delta) / ((s.t - prevForSpeed.t) / 1000)
          peakYaw = Math.max(peakYaw, speed)
          if (pose) {
            for (const [n, inside] of Object.entries(inCone)) {
              if (inside !== (pose.inCone[n] ?? false)) totalsOf(n).peakEdge = Math.max(totalsOf(n).peakEdge, speed)
            }
          }
        }
        look(next.on, elapsed)
      }
      prevForSpeed = paused ? null : { t: s.t, yaw: s.yawDeg }
      pose = next
    },
    report(): DwellData & { beat: string } {
      const targetNames = names.length > 0 ? names : Object.keys(totals)
      const targets = Object.fromEntries(
        targetNames.map((n) => {
          const t = totalsOf(n)
          return [n, { share: measured > 0 ? round(t.lookMs / measured) : 0, firstLookMs: t.firstLookMs === null ? null : round(t.firstLookMs), lookAways: t.lookAways, peakYawSpeedDegS: round(t.peakEdge) }]
        }),
      )
      const onAny = targetNames.reduce((sum, n) => sum + totalsOf(n).lookMs, 0)
      return {
        beat: beat ?? '',
        durationMs: round(measured),
        missingMs: round(missing),
        noneShare: measured > 0 ? round(Math.max(0, 1 - onAny / measured)) : 0,
        resumed,
        targets,
        peakYawSpeedDegS: round(peakYaw),
      }
    },
    /** The running totals up to the latest sample, for the session's commit; null outside a beat. */
    checkpoint(wallOf: (perfMs: number) => number): DwellCheckpoint | null {
      if (beat === null) return null
      return { beat, savedWall: wallOf(windowAt), measuredMs: measured, missingMs: missing, elapsedMs: elapsed, peakYaw, current, targets: structuredClone(totals), paused, sampled: everSampled }
    },
    /**
     * Continues a beat after a reload from its committed totals. The time between the checkpoint and the next
     * sample is not measured (unless the session was paused); the beat is marked as resumed.
     */
    restore(cp: DwellCheckpoint, perfOf: (wallMs: number) => number) {
      beat = cp.beat
      windowAt = perfOf(cp.savedWall)
      measured = cp.measuredMs
      missing = cp.missingMs
      elapsed = cp.elapsedMs
      peakYaw = cp.peakYaw
      current = cp.current
      totals = structuredClone(cp.targets)
      paused = cp.paused
      resumed = true
      everSampled = cp.sampled
      pose = null
      prevForSpeed = null
    },
    get beat() {
      return beat
    },
  }
}

export type DwellRecorder = ReturnType<typeof createDwellRecorder>
