/**
 * Time facts of a research log. `t` is on the page's performance clock, which starts again at 0 on every new page,
 * so a session that was closed (or crashed) and resumed shows as `t` going back. Nothing else in the log marks a
 * resume; this makes it visible in the debrief's data quality.
 */
import type { LogRecord } from '../engine/runtime.ts'

/** Where the log continues on a new page: indices of records whose `t` is below the record before them. */
function pageStarts(events: readonly Pick<LogRecord, 't'>[]): number[] {
  const starts = [0]
  for (let i = 1; i < events.length; i++) if (events[i]!.t < events[i - 1]!.t) starts.push(i)
  return starts
}

/** How often the session went on after the page was closed, reloaded or crashed. */
export function resumeCount(events: readonly Pick<LogRecord, 't'>[]): number {
  return events.length === 0 ? 0 : pageStarts(events).length - 1
}

/** Time spent in the session (ms): the span of each page added up, so time away between pages does not count. */
export function activeDurationMs(events: readonly Pick<LogRecord, 't'>[]): number {
  if (events.length === 0) return 0
  const starts = pageStarts(events)
  let total = 0
  for (const [k, start] of starts.entries()) {
    const end = (starts[k + 1] ?? events.length) - 1
    total += events[end]!.t - events[start]!.t
  }
  return Math.round(total)
}
