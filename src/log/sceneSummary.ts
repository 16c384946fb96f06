/**
 * What a questionnaire or VR session amounts to, computed from its research log alone: the numbers the end screen
 * puts in the bundle's `summary.scene` and the debrief recomputes from the events to show (and to check).
 */
import type { LogRecord } from '../engine/runtime.ts'
import { activeDurationMs, resumeCount } from './sessionTime.ts'

export interface ScenePause {
  beat: string
  /** When the pause began, ms since the first event. */
  atMs: number
  reason: string
  /** Null when the session ended (or the file was made) while still paused. */
  pausedMs: number | null
  resumed: boolean
}

export interface SceneAnswer {
  seq: number
  beat: string
  item: string
  value: string | number | null
  latencyMs: number
}

export interface SceneSummary {
  /** Beats entered, in order, with their time on the session clock (ms since the first event). */
  beats: { beat: string; atMs: number }[]
  answers: SceneAnswer[]
  pauses: ScenePause[]
  /** Time in the session, ms: first to last event on each page, added up (see sessionTime.ts). */
  durationMs: number
  /** How often the session went on after its page was closed or crashed. */
  resumed: number
  completed: boolean
  /** Reason given when the client or trainer stopped the session early, or it was closed. */
  stopReason: string | null
}

export function summariseScene(events: readonly LogRecord[]): SceneSummary {
  const start = events[0]?.t ?? 0
  const beats: SceneSummary['beats'] = []
  const answers: SceneAnswer[] = []
  const pauses: ScenePause[] = []
  let completed = false
  let stopReason: string | null = null
  for (const event of events) {
    const data = event.data as Record<string, unknown>
    switch (event.type) {
      case 'beat.entered':
        beats.push({ beat: String(data.beat), atMs: Math.round(event.t - start) })
        break
      case 'answer.given':
        answers.push({ seq: event.seq, beat: String(data.beat), item: String(data.item), value: data.value as SceneAnswer['value'], latencyMs: Number(data.latencyMs) })
        break
      case 'safety.paused':
        pauses.push({ beat: String(data.beat), atMs: Math.round(event.t - start), reason: String(data.reason), pausedMs: null, resumed: false })
        break
      case 'safety.resumed': {
        const open = pauses.findLast((p) => !p.resumed)
        if (open) Object.assign(open, { resumed: true, pausedMs: Number(data.pausedMs) })
        break
      }
      case 'session.completed':
        completed = true
        break
      case 'session.stopped':
      case 'session.closed':
        stopReason = String(data.reason)
        break
    }
  }
  return { beats, answers, pauses, durationMs: activeDurationMs(events), resumed: resumeCount(events), completed, stopReason }
}
