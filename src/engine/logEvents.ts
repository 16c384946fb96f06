import { isPlainObject } from './plainObject.ts'
import { z } from '../script/zod.ts'

/**
 * The research log's event types and the data each one carries. The engine writes only these; exports and
 * the debrief read them by this table. A new event type is added here first.
 */
export const logEventData = {
  'beat.entered': z.object({ beat: z.string() }).strict(),
  'line.continued': z.object({ beat: z.string(), line: z.string(), latencyMs: z.number().nonnegative().optional() }).strict(),
  'answer.given': z
    .object({ beat: z.string(), item: z.string(), value: z.union([z.string(), z.number(), z.null()]), latencyMs: z.number().nonnegative() })
    .strict(),
  'wait.ended': z.object({ beat: z.string() }).strict(),
  marker: z.object({ label: z.string() }).strict(),
  'flag.set': z.object({ flag: z.string(), value: z.boolean() }).strict(),
  'session.completed': z.object({ beat: z.string() }).strict(),
  'session.closed': z.object({ reason: z.string() }).strict(),
  'line.heard': z.object({ beat: z.string() }).strict(),
  'line.played': z.object({ beat: z.string(), line: z.string(), from: z.string().nullable() }).strict(),
  'safety.paused': z.object({ beat: z.string(), reason: z.string() }).strict(),
  'safety.resumed': z.object({ beat: z.string(), pausedMs: z.number().nonnegative() }).strict(),
  'session.stopped': z.object({ beat: z.string(), reason: z.string() }).strict(),
  'head.dwell': z
    .object({
      beat: z.string(),
      /** Unpaused time covered by headset samples; shares are of this time (src/engine/headDwell.ts). */
      durationMs: z.number().nonnegative(),
      /** Unpaused time of the beat without samples (before the headset's first frame, lost in a reload). */
      missingMs: z.number().nonnegative().optional(),
      /** Share of `durationMs` on none of the targets; with the targets' shares it makes 1. */
      noneShare: z.number().min(0).max(1).optional(),
      /** The beat spans a page reload: one record, its lost time in `missingMs`. */
      resumed: z.boolean().optional(),
      targets: z.record(
        z.string(),
        z.object({ share: z.number().min(0).max(1), firstLookMs: z.number().nullable(), lookAways: z.number().int().nonnegative(), peakYawSpeedDegS: z.number().nonnegative() }).strict(),
      ),
      peakYawSpeedDegS: z.number().nonnegative(),
    })
    .strict(),
  // Every command from the trainer's console, as the headset received it; a note carries its short text.
  'trainer.command': z.object({ beat: z.string(), command: z.enum(['pause', 'resume', 'stop', 'repeat', 'skip', 'note']), note: z.string().max(280).optional() }).strict(),
  'beat.skipped': z.object({ beat: z.string() }).strict(),
  'perspective.seat': z.object({ beat: z.string(), as: z.enum(['present', 'future']) }).strict(),
  'recording.cued': z.object({ beat: z.string(), item: z.string(), from: z.string().nullable() }).strict(),
  // Voice recordings themselves are never logged, stored or exported: only that one was made, and how long it was.
  'voice.recorded': z.object({ beat: z.string(), item: z.string(), durationMs: z.number().nonnegative() }).strict(),
  'voice.played': z.object({ beat: z.string(), item: z.string(), durationMs: z.number().nonnegative(), pitchSemitones: z.number() }).strict(),
  'voice.missing': z.object({ beat: z.string(), item: z.string(), reason: z.enum(['answered-by-choice', 'discarded', 'not-recorded']) }).strict(),
  // A voiced line whose audio never reported its end, ended by the watchdog after its length plus a margin.
  'cue.timeout': z.object({ beat: z.string(), line: z.string(), waitedMs: z.number().nonnegative() }).strict(),
  'xr.visibility': z.object({ beat: z.string(), state: z.enum(['visible', 'visible-blurred', 'hidden', 'ended']) }).strict(),
  'drill.planned': z
    .object({
      seed: z.number().int(),
      instruction: z.enum(['content-relevant', 'content-irrelevant']),
      leftMeans: z.enum(['push', 'pull']).optional(),
      blocks: z.array(z.object({ block: z.string(), count: z.number().int(), contingency: z.number(), rule: z.enum(['standard', 'reversed']).optional() }).strict()),
      stimulusSet: z.string(),
      ownPhotos: z.number().int().nonnegative(),
      /** The trial's response window (ms); absent in files from before it was logged. */
      timeoutMs: z.number().positive().optional(),
    })
    .strict(),
  'drill.block.started': z.object({ block: z.string(), trials: z.number().int(), rule: z.enum(['standard', 'reversed']).optional() }).strict(),
  'drill.trial': z
    .object({
      block: z.enum(['practice', 'assessment', 'training']),
      trial: z.number().int().positive(),
      attempt: z.number().int().positive(),
      stimulus: z.string(),
      category: z.enum(['alcohol', 'soft']),
      required: z.enum(['push', 'pull']),
      response: z.enum(['push', 'pull', 'none']),
      correct: z.boolean(),
      tilt: z.enum(['left', 'right']).optional(),
      rule: z.enum(['standard', 'reversed']).optional(),
      onset_ms: z.number(),
      touchdown_ms: z.number().nullable(),
      initiation_ms: z.number().nullable(),
      completion_ms: z.number().nullable(),
      rt_initiation_ms: z.number().nullable(),
      rt_completion_ms: z.number().nullable(),
      frame_interval_ms: z.number().nullable(),
      // Absent in files from before it was recorded, null where the browser reports no paint times (Safari).
      painted_ms: z.number().nullable().optional(),
    })
    .strict(),
} as const

export type LogEventType = keyof typeof logEventData
export type LogEventDataOf<T extends LogEventType> = z.infer<(typeof logEventData)[T]>

/** A log record whose `type` and `data` agree, for readers that want to switch on the type. */
export type TypedLogData = { [T in LogEventType]: { type: T; data: LogEventDataOf<T> } }[LogEventType]

/** Checks that a record's data has the shape its type promises; returns a reason when it does not. */
export function checkLogData(type: string, data: unknown): string | null {
  // The drill's trial is nearly every event of a long drill file: a plain check first (stricter than the schema, so
  // whatever it passes the schema passes too); anything it does not pass goes to the schema, for the schema's answer.
  if (type === 'drill.trial' && isPlainDrillTrial(data)) return null
  const schema = (logEventData as Record<string, z.ZodType>)[type]
  if (!schema) return `unknown log event type "${type}"`
  const result = schema.safeParse(data)
  return result.success ? null : `${type}: ${result.error.issues.map((i) => `${i.path.join('.') || '(data)'} ${i.message}`).join('; ')}`
}

const drillTrialEnums: Record<string, readonly unknown[]> = {
  block: ['practice', 'assessment', 'training'],
  category: ['alcohol', 'soft'],
  required: ['push', 'pull'],
  response: ['push', 'pull', 'none'],
}
const drillTrialOptional: Record<string, readonly unknown[]> = { tilt: ['left', 'right'], rule: ['standard', 'reversed'] }
const drillTrialTimes = ['touchdown_ms', 'initiation_ms', 'completion_ms', 'rt_initiation_ms', 'rt_completion_ms', 'frame_interval_ms'] as const
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)

/**
 * `drill.trial` data as the schema above wants it, checked by hand for speed (a 20 MB file holds 50,000 trials).
 * Never looser than the schema: every value it accepts, the schema accepts (logEvents.test.ts checks this on
 * random data), so it only decides when to skip the schema, never what a file may hold.
 */
export function isPlainDrillTrial(data: unknown): boolean {
  if (!isPlainObject(data)) return false
  const d = data
  let keys = 15
  for (const [key, allowed] of Object.entries(drillTrialOptional)) {
    if (!Object.hasOwn(d, key)) continue
    if (!allowed.includes(d[key])) return false
    keys++
  }
  // The paint time: absent in older files, null where the browser reports none.
  if (Object.hasOwn(d, 'painted_ms')) {
    if (!(d.painted_ms === null || isFiniteNumber(d.painted_ms))) return false
    keys++
  }
  if (Object.keys(d).length !== keys) return false
  for (const [key, allowed] of Object.entries(drillTrialEnums)) if (!Object.hasOwn(d, key) || !allowed.includes(d[key])) return false
  if (!isCount(d.trial) || !isCount(d.attempt) || !Object.hasOwn(d, 'trial') || !Object.hasOwn(d, 'attempt')) return false
  if (typeof d.stimulus !== 'string' || typeof d.correct !== 'boolean' || !Object.hasOwn(d, 'stimulus') || !Object.hasOwn(d, 'correct')) return false
  if (!isFiniteNumber(d.onset_ms) || !Object.hasOwn(d, 'onset_ms')) return false
  for (const key of drillTrialTimes) if (!Object.hasOwn(d, key) || !(d[key] === null || isFiniteNumber(d[key]))) return false
  return true
}
