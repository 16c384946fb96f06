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

/**
 * Each record's session time (ms): its time within its page, plus the span of every page before it. Session time
 * starts at 0, never goes back, and ends at `activeDurationMs`; the time away between pages does not count.
 */
export function sessionTimes(events: readonly Pick<LogRecord, 't'>[]): number[] {
  const times: number[] = []
  let pageStartT = events[0]?.t ?? 0
  let before = 0
  for (const [i, e] of events.entries()) {
    if (i > 0 && e.t < events[i - 1]!.t) {
      // A new page: the previous page ended at the record before this one.
      before += events[i - 1]!.t - pageStartT
      pageStartT = e.t
    }
    times.push(before + e.t - pageStartT)
  }
  return times
}

/** Where the session went on after a reload or crash, in session time (ms): one mark per resume. */
export function resumeMarks(events: readonly Pick<LogRecord, 't'>[]): number[] {
  const times = sessionTimes(events)
  return events.flatMap((e, i) => (i > 0 && e.t < events[i - 1]!.t ? [Math.round(times[i]!)] : []))
}

/** A span of session time (ms). */
export interface TimeSpan {
  fromMs: number
  toMs: number
}

/**
 * The beats of a scene session on session time: each from its `beat.entered` to the next one's (the last to the
 * session's end). Session time never goes back, so no span starts before 0 and none overlaps the next.
 */
export function beatSpans(events: readonly Pick<LogRecord, 't' | 'type' | 'data'>[]): (TimeSpan & { beat: string })[] {
  const times = sessionTimes(events)
  const end = times.at(-1) ?? 0
  const entered = events.flatMap((e, i) => (e.type === 'beat.entered' ? [{ beat: String((e.data as { beat?: unknown }).beat), at: times[i]! }] : []))
  // A beat entered again right after itself (as a reload may log it) is one span, not a bar of length 0 and a second.
  const starts = entered.filter((b, k) => k === 0 || entered[k - 1]!.beat !== b.beat)
  return starts.map((b, k) => ({ beat: b.beat, fromMs: Math.round(b.at), toMs: Math.round(starts[k + 1]?.at ?? end) }))
}

/**
 * Safety pauses on session time: from `safety.paused` to its `safety.resumed` (or the session's end when it never
 * went on). Taken from the records' own times rather than the logged pause length, which may include time away.
 */
export function pauseSpans(events: readonly Pick<LogRecord, 't' | 'type' | 'data'>[]): (TimeSpan & { beat: string })[] {
  const times = sessionTimes(events)
  const end = times.at(-1) ?? 0
  const spans: (TimeSpan & { beat: string; open: boolean })[] = []
  for (const [i, e] of events.entries()) {
    if (e.type === 'safety.paused') spans.push({ beat: String((e.data as { beat?: unknown }).beat), fromMs: Math.round(times[i]!), toMs: Math.round(end), open: true })
    if (e.type === 'safety.resumed') {
      const open = spans.findLast((p) => p.open)
      if (open) Object.assign(open, { toMs: Math.round(times[i]!), open: false })
    }
  }
  return spans.map(({ beat, fromMs, toMs }) => ({ beat, fromMs, toMs }))
}
