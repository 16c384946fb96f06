import { median } from './stats.ts'
import type { DrillTrialRow } from './drillTrial.ts'

/**
 * Pictures that reached the screen late, from the browser's paint times (`painted_ms`, Element Timing).
 *
 * Every picture reaches the screen some time after its onset frame begins: the frame still has to be drawn and
 * shown, which takes a roughly constant part of a frame or more, depending on the device. So a slip is measured
 * against the session's own usual delay (the median of painted − onset): a picture that came a frame interval or
 * more later than usual, for example because it was not decoded in time. Its RT then counts from a moment the
 * client could not yet see it. Where the browser reports no paint times (Safari, Firefox), `reported` is 0.
 */
export interface PaintSlips {
  /** Trials with a paint time. */
  reported: number
  /** Median painted − onset over those trials (ms), or null. */
  usualDelayMs: number | null
  /** Trials painted a frame interval or more later than the usual delay. */
  late: number
}

const fallbackFrameMs = 1000 / 60

export function paintSlips(rows: readonly DrillTrialRow[]): PaintSlips {
  const painted = rows.filter((r) => r.painted_ms !== null && r.painted_ms !== undefined && Number.isFinite(r.painted_ms))
  const delays = painted.map((r) => r.painted_ms! - r.onset_ms)
  const usual = median(delays)
  if (usual === null) return { reported: 0, usualDelayMs: null, late: 0 }
  const late = painted.filter((r, i) => delays[i]! - usual >= (r.frame_interval_ms ?? fallbackFrameMs)).length
  return { reported: painted.length, usualDelayMs: usual, late }
}
