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

/** Where the walk over one event is: the event, so a bad number can be named. */
interface At {
  index: number
  event: LogRecord
}

/** A number of an event: finite, and a time or duration within its meaning. */
function checkNumber(at: At, key: string, value: number): void {
  if (!Number.isFinite(value)) fail(at.index, at.event, 'not-finite', `${key} is not a finite number`)
  if (isTimeKey(key) && (value < 0 || value > longestTimeMs)) fail(at.index, at.event, 'time-range', `${key} ${value} is not a time between 0 and a week (ms)`)
}

/**
 * Checks every number anywhere in the event's data (nested too), by its key, in the order the data holds them.
 * A plain recursive walk, not a generator of pairs: a 20 MB drill file has a million numbers.
 */
function checkNumbersIn(at: At, value: unknown, key: string): void {
  if (typeof value === 'number') checkNumber(at, key, value)
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) checkNumbersIn(at, value[i], `${key}[${i}]`)
  else if (value && typeof value === 'object') for (const k in value) if (Object.hasOwn(value, k)) checkNumbersIn(at, (value as Record<string, unknown>)[k], key ? `${key}.${k}` : k)
}

/** A time or duration by its name: `t`, or a name ending in `Ms` or `_ms` (read by character: it runs a million times). */
function isTimeKey(key: string): boolean {
  const n = key.length
  if (n === 1) return key === 't'
  if (n < 2 || key.charCodeAt(n - 1) !== 115 /* s */) return false
  const before = key.charCodeAt(n - 2)
  return before === 77 /* M */ || (before === 109 /* m */ && n >= 3 && key.charCodeAt(n - 3) === 95) /* _ */
}

// Written out without arrays or closures per trial: it runs 50,000 times for a 20 MB file.
function checkTrial(index: number, event: LogRecord, d: DrillTrialData, limit: number) {
  const responded = d.response !== 'none'
  if (responded && (d.touchdown_ms === null || d.completion_ms === null)) fail(index, event, 'response-times', `response "${d.response}" without a touchdown or completion time`)
  if (!responded && (d.touchdown_ms !== null || d.initiation_ms !== null || d.completion_ms !== null || d.rt_initiation_ms !== null || d.rt_completion_ms !== null)) {
    fail(index, event, 'response-times', 'a timeout (response "none") with response times')
  }
  if (d.correct !== (d.response === d.required)) fail(index, event, 'response-times', `"correct" is ${d.correct} but the response "${d.response}" ${d.response === d.required ? 'is' : 'is not'} the required "${d.required}"`)
  // onset ≤ touchdown ≤ initiation ≤ completion, for the times the attempt has.
  let lastName = 'onset_ms'
  let lastValue = d.onset_ms
  const inOrder = (name: string, value: number | null) => {
    if (value === null) return
    if (value < lastValue - timeRoundingMs) fail(index, event, 'time-order', `${name} ${value} comes before ${lastName} ${lastValue}`)
    lastName = name
    lastValue = value
  }
  inOrder('touchdown_ms', d.touchdown_ms)
  inOrder('initiation_ms', d.initiation_ms)
  inOrder('completion_ms', d.completion_ms)
  checkRt(index, event, d, 'rt_initiation_ms', 'initiation_ms', d.initiation_ms, limit)
  checkRt(index, event, d, 'rt_completion_ms', 'completion_ms', d.completion_ms, limit)
  if (d.frame_interval_ms !== null && !(d.frame_interval_ms > 0 && d.frame_interval_ms <= 1000)) fail(index, event, 'frame-interval', `frame_interval_ms ${d.frame_interval_ms} is not between 0 and 1000 ms`)
  // The paint of the trial's own picture: never before its onset frame began, and within the trial.
  if (d.painted_ms != null && !(d.painted_ms >= d.onset_ms - timeRoundingMs && d.painted_ms - d.onset_ms <= limit)) fail(index, event, 'painted-time', `painted_ms ${d.painted_ms} is not between onset_ms ${d.onset_ms} and the end of the trial`)
}

function checkRt(index: number, event: LogRecord, d: DrillTrialData, rtName: 'rt_initiation_ms' | 'rt_completion_ms', timeName: string, time: number | null, limit: number) {
  const rt = d[rtName]
  if ((rt === null) !== (time === null)) fail(index, event, 'rt-mismatch', `${rtName} is ${rt} but ${timeName} is ${time}`)
  if (rt === null || time === null) return
  if (rt < 0 || rt > limit) fail(index, event, 'rt-range', `${rtName} ${rt} is outside 0–${limit} ms (the trial's timeout plus slack)`)
  if (Math.abs(rt - (time - d.onset_ms)) > timeRoundingMs) fail(index, event, 'rt-mismatch', `${rtName} ${rt} is not ${timeName} − onset_ms = ${time - d.onset_ms}`)
}

/** Throws a FileProblem ('implausible') naming the first event that cannot be true; returns when all can. */
export function checkPlausible(bundle: SessionBundle): void {
  const { events } = bundle
  const limit = rtLimitMs(plannedTimeoutMs(events))
  // Attempts seen, by block and trial.
  const trials = new Map<string, Map<number, Set<number>>>()
  let hasPrevious = false
  let previousT = 0
  let previousWall = 0
  let previousOnset: number | null = null
  const at: At = { index: 0, event: events[0]! }
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!
    at.index = index
    at.event = event
    // Numbers first: finite, and times and durations within their meaning.
    checkNumber(at, 't', event.t)
    checkNumbersIn(at, event.data, '')
    // Clocks: `t` is the page's performance clock (it starts again on a resumed page), `wall` the device clock.
    const wall = Date.parse(event.wall)
    if (!Number.isFinite(wall)) fail(index, event, 'clock', `wall time "${event.wall}" is not a date`)
    let newPage = false
    if (hasPrevious) {
      if (wall < previousWall - clockToleranceMs) fail(index, event, 'clock', `the wall clock runs backwards (${event.wall})`)
      if (event.t >= previousT) {
        // One page: its performance clock cannot run ahead of the wall clock.
        if (event.t - previousT > wall - previousWall + clockToleranceMs) fail(index, event, 'clock', `t advances ${event.t - previousT} ms while the wall clock advances ${wall - previousWall} ms`)
      } else {
        // A resumed page: it started (wall − t) after the event before it, never before.
        newPage = true
        if (wall - event.t < previousWall - clockToleranceMs) fail(index, event, 'clock', `t runs backwards (${previousT} → ${event.t}) without a new page: the page would have started before the previous event`)
      }
    }
    hasPrevious = true
    previousT = event.t
    previousWall = wall
    if (newPage) previousOnset = null

    if (event.type !== 'drill.trial') continue
    const d = event.data as unknown as DrillTrialData
    checkTrial(index, event, d, limit)
    let byTrial = trials.get(d.block)
    if (!byTrial) trials.set(d.block, (byTrial = new Map()))
    let attempts = byTrial.get(d.trial)
    if (!attempts) byTrial.set(d.trial, (attempts = new Set()))
    if (attempts.has(d.attempt)) fail(index, event, 'duplicate-trial', `${d.block} trial ${d.trial} attempt ${d.attempt} appears twice`)
    if (d.attempt > 1 && !attempts.has(d.attempt - 1)) fail(index, event, 'attempt-gap', `attempt ${d.attempt} without attempt ${d.attempt - 1} before it`)
    attempts.add(d.attempt)
    if (previousOnset !== null && d.onset_ms <= previousOnset) fail(index, event, 'onset-order', `onset_ms ${d.onset_ms} does not follow the previous trial's onset ${previousOnset}`)
    previousOnset = d.onset_ms
  }
}
