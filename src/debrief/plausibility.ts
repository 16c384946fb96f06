/**
 * Plausibility of an imported session: the schema says each number is a number, this says it can be true. Every
 * number in an event has bounds from its meaning, times within a trial come in the order they happen, each RT is
 * the difference it claims to be, trials are unique, and sequence numbers and clocks run forward.
 *
 * Policy (src/debrief/README.md): a file that breaks any rule is refused as a whole, with a message naming the first
 * bad event and the rule it breaks. Nothing of it is shown, so no figure on the page rests on an impossible value.
 */
import type { LogRecord } from '../engine/runtime.ts'
import { FileProblem } from '../export/fileProblem.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { plannedTimeoutMs, rtLimitMs, timeRoundingMs } from '../log/drillBounds.ts'

/** The rule a file broke; the debrief translates it (`rule_<code>` in the string tables). */
export type PlausibilityRule =
  | 'not-finite'
  | 'time-range'
  | 'rt-range'
  | 'rt-mismatch'
  | 'time-order'
  | 'response-times'
  | 'duplicate-trial'
  | 'attempt-gap'
  | 'onset-order'
  | 'clock'
  | 'frame-interval'
  | 'painted-time'

/** A time on the page's clock, or a duration: never negative, never more than a week. */
const longestTimeMs = 7 * 24 * 60 * 60 * 1000
/** The wall clock may be corrected by this much (a network time step) without the file being refused. */
const clockToleranceMs = 1000

interface DrillTrialData {
  block: string
  trial: number
  attempt: number
  required: string
  response: string
  correct: boolean
  onset_ms: number
  touchdown_ms: number | null
  initiation_ms: number | null
  completion_ms: number | null
  rt_initiation_ms: number | null
  rt_completion_ms: number | null
  frame_interval_ms: number | null
  painted_ms?: number | null
}

function fail(index: number, event: LogRecord, rule: PlausibilityRule, what: string): never {
  const d = event.data as Partial<DrillTrialData>
  const trial = event.type === 'drill.trial' ? ` ${d.block} trial ${d.trial} attempt ${d.attempt}` : ''
  const where = `events[${index}] (seq ${event.seq}, ${event.type}${trial})`
  throw new FileProblem('implausible', `${where}: ${what}`, { where, rule })
}

/** Every number anywhere in the event's data (nested too), with its key. */
function* numbersIn(value: unknown, key = ''): Generator<[string, number]> {
  if (typeof value === 'number') yield [key, value]
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* numbersIn(v, `${key}[${i}]`)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* numbersIn(v, key ? `${key}.${k}` : k)
}

const isTimeKey = (key: string) => /(Ms|_ms)$/.test(key)

function checkTrial(index: number, event: LogRecord, d: DrillTrialData, limit: number) {
  const bad = (rule: PlausibilityRule, what: string) => fail(index, event, rule, what)
  const responded = d.response !== 'none'
  if (responded && (d.touchdown_ms === null || d.completion_ms === null)) bad('response-times', `response "${d.response}" without a touchdown or completion time`)
  if (!responded && [d.touchdown_ms, d.initiation_ms, d.completion_ms, d.rt_initiation_ms, d.rt_completion_ms].some((v) => v !== null)) {
    bad('response-times', 'a timeout (response "none") with response times')
  }
  if (d.correct !== (d.response === d.required)) bad('response-times', `"correct" is ${d.correct} but the response "${d.response}" ${d.response === d.required ? 'is' : 'is not'} the required "${d.required}"`)
  // onset ≤ touchdown ≤ initiation ≤ completion, for the times the attempt has.
  const order: [string, number | null][] = [['onset_ms', d.onset_ms], ['touchdown_ms', d.touchdown_ms], ['initiation_ms', d.initiation_ms], ['completion_ms', d.completion_ms]]
  let last: [string, number] | null = null
  for (const [name, value] of order) {
    if (value === null) continue
    if (last && value < last[1] - timeRoundingMs) bad('time-order', `${name} ${value} comes before ${last[0]} ${last[1]}`)
    last = [name, value]
  }
  for (const [rtName, timeName, time] of [['rt_initiation_ms', 'initiation_ms', d.initiation_ms], ['rt_completion_ms', 'completion_ms', d.completion_ms]] as const) {
    const rt = d[rtName]
    if ((rt === null) !== (time === null)) bad('rt-mismatch', `${rtName} is ${rt} but ${timeName} is ${time}`)
    if (rt === null || time === null) continue
    if (rt < 0 || rt > limit) bad('rt-range', `${rtName} ${rt} is outside 0–${limit} ms (the trial's timeout plus slack)`)
    if (Math.abs(rt - (time - d.onset_ms)) > timeRoundingMs) bad('rt-mismatch', `${rtName} ${rt} is not ${timeName} − onset_ms = ${time - d.onset_ms}`)
  }
  if (d.frame_interval_ms !== null && !(d.frame_interval_ms > 0 && d.frame_interval_ms <= 1000)) bad('frame-interval', `frame_interval_ms ${d.frame_interval_ms} is not between 0 and 1000 ms`)
  // The paint of the trial's own picture: never before its onset frame began, and within the trial.
  if (d.painted_ms != null && !(d.painted_ms >= d.onset_ms - timeRoundingMs && d.painted_ms - d.onset_ms <= limit)) bad('painted-time', `painted_ms ${d.painted_ms} is not between onset_ms ${d.onset_ms} and the end of the trial`)
}

/** Throws a FileProblem ('implausible') naming the first event that cannot be true; returns when all can. */
export function checkPlausible(bundle: SessionBundle): void {
  const { events } = bundle
  const limit = rtLimitMs(plannedTimeoutMs(events))
  const trials = new Set<string>()
  let previous: { t: number; wall: number } | null = null
  let previousOnset: number | null = null
  for (const [index, event] of events.entries()) {
    const bad = (rule: PlausibilityRule, what: string) => fail(index, event, rule, what)
    // Numbers first: finite, and times and durations within their meaning.
    for (const [key, value] of [['t', event.t] as [string, number], ...numbersIn(event.data)]) {
      if (!Number.isFinite(value)) bad('not-finite', `${key} is not a finite number`)
      if ((key === 't' || isTimeKey(key)) && (value < 0 || value > longestTimeMs)) bad('time-range', `${key} ${value} is not a time between 0 and a week (ms)`)
    }
    // Clocks: `t` is the page's performance clock (it starts again on a resumed page), `wall` the device clock.
    const wall = Date.parse(event.wall)
    if (!Number.isFinite(wall)) bad('clock', `wall time "${event.wall}" is not a date`)
    let newPage = false
    if (previous) {
      if (wall < previous.wall - clockToleranceMs) bad('clock', `the wall clock runs backwards (${event.wall})`)
      if (event.t >= previous.t) {
        // One page: its performance clock cannot run ahead of the wall clock.
        if (event.t - previous.t > wall - previous.wall + clockToleranceMs) bad('clock', `t advances ${event.t - previous.t} ms while the wall clock advances ${wall - previous.wall} ms`)
      } else {
        // A resumed page: it started (wall − t) after the event before it, never before.
        newPage = true
        if (wall - event.t < previous.wall - clockToleranceMs) bad('clock', `t runs backwards (${previous.t} → ${event.t}) without a new page: the page would have started before the previous event`)
      }
    }
    previous = { t: event.t, wall }
    if (newPage) previousOnset = null

    if (event.type !== 'drill.trial') continue
    const d = event.data as unknown as DrillTrialData
    checkTrial(index, event, d, limit)
    const id = `${d.block}/${d.trial}/${d.attempt}`
    if (trials.has(id)) bad('duplicate-trial', `${d.block} trial ${d.trial} attempt ${d.attempt} appears twice`)
    if (d.attempt > 1 && !trials.has(`${d.block}/${d.trial}/${d.attempt - 1}`)) bad('attempt-gap', `attempt ${d.attempt} without attempt ${d.attempt - 1} before it`)
    trials.add(id)
    if (previousOnset !== null && d.onset_ms <= previousOnset) bad('onset-order', `onset_ms ${d.onset_ms} does not follow the previous trial's onset ${previousOnset}`)
    previousOnset = d.onset_ms
  }
}
