/**
 * One attempt at one drill trial, exactly as the Psych-DS CSV carries it. Column names and order are a contract
 * with the debrief and with outside tools: change them only with a new export schema version.
 */
export const drillTrialColumns = [
  'subject',
  'session',
  'task',
  'mode',
  'block',
  'trial',
  'attempt',
  'stimulus',
  'category',
  'required',
  'response',
  'correct',
  'onset_ms',
  'touchdown_ms',
  'initiation_ms',
  'completion_ms',
  'rt_initiation_ms',
  'rt_completion_ms',
  'frame_interval_ms',
  'painted_ms',
] as const

import type { DrillBlock, DrillCategory, DrillMode, DrillMove } from '../engine/drill/drillTypes.ts'

export type { DrillBlock, DrillCategory, DrillMode, DrillMove }

export interface DrillTrialRow {
  /** Pseudonymous client code. */
  subject: string
  /** Session number for this client (1-based). */
  session: number
  /** Scene id, e.g. `alcohol-aat`. */
  task: string
  mode: DrillMode
  block: DrillBlock
  /** 1-based position in the block's trial list. */
  trial: number
  /** 1 for the first try; a repeat after an error or a timeout counts up. */
  attempt: number
  stimulus: string
  category: DrillCategory
  required: DrillMove
  response: DrillMove | 'none'
  correct: boolean
  /** All times in ms on the page's performance clock (same clock as `event.timeStamp`). */
  onset_ms: number
  touchdown_ms: number | null
  initiation_ms: number | null
  completion_ms: number | null
  /** initiation − onset: the score's RT. */
  rt_initiation_ms: number | null
  /** completion − onset: secondary. */
  rt_completion_ms: number | null
  /** Interval between the onset frame and the frame before it: 16.7 at 60 Hz, 33.3 at 30 Hz; null when both frames had one timestamp. */
  frame_interval_ms: number | null
  /**
   * When the browser painted the picture (Element Timing `renderTime`, same clock); null where the browser does not
   * report it (Safari) or the paint came after the trial ended. A value a frame or more after `onset_ms` is a slip.
   */
  painted_ms: number | null
}
