/**
 * The Psych-DS table of a questionnaire or VR session: one row per research-log event, with the columns most
 * events share pulled out (beat, item, value, latency) and the rest kept as JSON in `detail`. Like the drill's
 * columns, names and order are a contract with outside tools.
 */
import type { LogRecord } from '../engine/runtime.ts'

export const sceneEventColumns = ['subject', 'session', 'task', 'seq', 'event', 't_ms', 'wall', 'beat', 'item', 'value', 'latency_ms', 'detail'] as const

export type SceneEventRow = Record<(typeof sceneEventColumns)[number], string | number | null>

export interface SceneSessionInfo {
  clientCode: string
  sessionNumber: number
  sceneId: string
}

export function sceneRows(events: readonly LogRecord[], info: SceneSessionInfo): SceneEventRow[] {
  return events.map((event) => {
    const { beat, item, value, latencyMs, ...rest } = event.data as Record<string, unknown>
    return {
      subject: info.clientCode,
      session: info.sessionNumber,
      task: info.sceneId,
      seq: event.seq,
      event: event.type,
      t_ms: event.t,
      wall: event.wall,
      beat: typeof beat === 'string' ? beat : null,
      item: typeof item === 'string' ? item : null,
      value: typeof value === 'string' || typeof value === 'number' ? value : null,
      latency_ms: typeof latencyMs === 'number' ? latencyMs : null,
      detail: Object.keys(rest).length > 0 ? JSON.stringify(rest) : null,
    }
  })
}
