/**
 * The summary a bundle carries: the drill's AAT scores, or a questionnaire/VR scene's beats, answers and pauses.
 * The end screens put it in the file; the debrief recomputes it from the events and shows the two agree.
 */
import type { LogRecord } from '../engine/runtime.ts'
import { scoreAatSession } from './aatScore.ts'
import { plannedTimeoutMs, rtLimitMs } from './drillBounds.ts'
import { drillRows, type DrillSessionInfo } from './drillRows.ts'
import { summariseScene } from './sceneSummary.ts'

export function isDrillLog(events: readonly Pick<LogRecord, 'type'>[]): boolean {
  return events.some((e) => e.type === 'drill.planned' || e.type === 'drill.trial')
}

export function sessionSummary(info: DrillSessionInfo, events: readonly LogRecord[]): Record<string, unknown> {
  // Bias comes only from the assessment block (aatScore.ts); RTs are bounded by the trial's timeout where logged.
  return isDrillLog(events) ? { drill: scoreAatSession(drillRows(events, info), { maxRtMs: rtLimitMs(plannedTimeoutMs(events)) }) } : { scene: summariseScene(events) }
}
