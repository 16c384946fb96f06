import type { ParamValues } from '../script/schema.ts'
import type { HeadSample } from './headDwell.ts'

export type AnswerValue = string | number | null

/** Runtime state of a scene. Persisted inside the snapshot, so it holds plain data only. */
export interface SceneContext {
  sessionId: string
  params: ParamValues
  beat: string
  answers: Record<string, AnswerValue>
  flags: Record<string, boolean>
  /** Sequence number of the last research-log record; records are numbered from 1 without gaps. */
  seq: number
  /** Absolute session-clock time (epoch ms) at which the current beat's `wait` is over. */
  deadlineAt: number | null
  /** Scripted waits are divided by this; above 1 only in test mode, so e2e tests need not wait in real time. */
  timeScale: number
  /** Session clock (epoch ms) at the start; the first beat's deadline counts from here. */
  startedAt: number
  /**
   * The line the current beat plays (VR); `id` changes for every new cue so a renderer knows to play it. With
   * `recording`, `line` is a spoken item and the cue is the client's own recorded answer to it (held in memory only).
   */
  cue: { id: number; line: string; from: string | null; recording?: { pitchSemitones: number } } | null
  /** Props shown (true) or hidden; a prop not listed is hidden. */
  props?: Record<string, boolean>
  /** Which body the client is in (the future-self scene's perspective swap); undefined means their own. */
  seat?: 'present' | 'future'
  /** Current pose per figure (VR). */
  poses: Record<string, string>
  /** The face per figure (VR), from the `face` of `pose` actions; a figure not named is calm. */
  faces?: Record<string, string>
  /** Where `place` actions put figures (VR): a place of `vr.places` or `away`, reached over `walkMs`. */
  places?: Record<string, { at: string; walkMs: number }>
  /** The last one-shot gesture per figure (VR); `id` grows with every new one, so a renderer plays each once. */
  gestures?: Record<string, { gesture: string; holdMs: number; id: number }>
  /** Set while the safety pause is on; the pending wait is frozen as its remaining time. */
  paused: { reason: string; since: number; remainingMs: number | null } | null
}

export interface SceneInput {
  sessionId: string
  startedAt: number
  params: ParamValues
  timeScale?: number
}

/** What the runtime adds to every input: when it happened. */
export interface Stamp {
  /** Session clock, epoch ms (survives a reload; used for deadlines). */
  at: number
}

export type SceneEvent =
  | ({ type: 'continue'; beat: string; latencyMs?: number } & Stamp)
  | ({ type: 'answered'; beat: string; item: string; value: AnswerValue; latencyMs: number } & Stamp)
  | ({ type: 'deadline' } & Stamp)
  | ({ type: 'cue-ended'; beat: string; line: string } & Stamp)
  /** Safety: pause at any moment (controller button, both grips, Escape, the trainer's stop button, system menu). */
  | ({ type: 'pause'; reason: string } & Stamp)
  | ({ type: 'resume' } & Stamp)
  /** Safety: end the scene after a pause. */
  | ({ type: 'stop'; reason: string } & Stamp)
  /**
   * The trainer's console: play the current line again, or move on to the next beat now (logged as `beat.skipped`).
   * `beat` is the beat the trainer saw; when the scene has moved on by itself since, the command is dropped (as a
   * double tap is), so one press never skips two beats.
   */
  | ({ type: 'repeat'; beat?: string } & Stamp)
  | ({ type: 'skip'; beat?: string } & Stamp)
  /** A renderer's measurement for the research log (head-direction dwell, XR visibility), about `forBeat`. */
  | ({ type: 'measure'; forBeat: string; kind: MeasureKind; data: Record<string, unknown> } & Stamp)

/** Measurements a renderer may report (see logEvents.ts for their data). */
export type MeasureKind = 'head.dwell' | 'xr.visibility' | 'voice.recorded' | 'voice.played' | 'voice.missing' | 'cue.timeout' | 'trainer.command'

/**
 * One headset frame's head direction for the runtime's dwell measurement (src/engine/headDwell.ts). It never
 * reaches the scene machine and writes no record by itself.
 */
export interface HeadSampleInput {
  type: 'head-sample'
  sample: HeadSample
}

/** Input from a renderer, before the runtime stamps it. */
export type SceneInputEvent = (SceneEvent extends infer E ? (E extends SceneEvent ? Omit<E, 'at'> : never) : never) | HeadSampleInput

/** A research-log record as the machine emits it; the runtime adds session id and times. */
export interface EmittedRecord {
  seq: number
  type: string
  data: Record<string, unknown>
}

export interface LogEmitted {
  type: 'log'
  record: EmittedRecord
}
