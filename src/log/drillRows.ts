import type { LogRecord } from '../engine/runtime.ts'
import type { DrillMode, DrillTrialRow } from './drillTrial.ts'

export interface DrillSessionInfo {
  clientCode: string
  sessionNumber: number
  sceneId: string
  mode: DrillMode
}

/** The drill's trial rows from its research log, one per attempt, in log order. */
export function drillRows(records: readonly LogRecord[], info: DrillSessionInfo): DrillTrialRow[] {
  return records
    .filter((r) => r.type === 'drill.trial')
    .map((r) => {
      const d = r.data as Omit<DrillTrialRow, 'subject' | 'session' | 'task' | 'mode'>
      return {
        subject: info.clientCode,
        session: info.sessionNumber,
        task: info.sceneId,
        mode: info.mode,
        block: d.block,
        trial: d.trial,
        attempt: d.attempt,
        stimulus: d.stimulus,
        category: d.category,
        required: d.required,
        response: d.response,
        correct: d.correct,
        onset_ms: d.onset_ms,
        touchdown_ms: d.touchdown_ms,
        initiation_ms: d.initiation_ms,
        completion_ms: d.completion_ms,
        rt_initiation_ms: d.rt_initiation_ms,
        rt_completion_ms: d.rt_completion_ms,
        frame_interval_ms: d.frame_interval_ms,
        painted_ms: d.painted_ms ?? null,
      }
    })
}
