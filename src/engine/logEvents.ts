import { z } from 'zod'

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
} as const

export type LogEventType = keyof typeof logEventData
export type LogEventDataOf<T extends LogEventType> = z.infer<(typeof logEventData)[T]>

/** A log record whose `type` and `data` agree, for readers that want to switch on the type. */
export type TypedLogData = { [T in LogEventType]: { type: T; data: LogEventDataOf<T> } }[LogEventType]

/** Checks that a record's data has the shape its type promises; returns a reason when it does not. */
export function checkLogData(type: string, data: unknown): string | null {
  const schema = (logEventData as Record<string, z.ZodType>)[type]
  if (!schema) return `unknown log event type "${type}"`
  const result = schema.safeParse(data)
  return result.success ? null : `${type}: ${result.error.issues.map((i) => `${i.path.join('.') || '(data)'} ${i.message}`).join('; ')}`
}
