/**
 * Everything the debrief shows about one imported session, recomputed from its events (not copied from the
 * file's summary), so the view and the session's own summary can be checked against each other.
 *
 * Computed once per imported file: what depends only on the events is kept per bundle (a WeakMap, so it goes with
 * the session), and only the few words that depend on the language are looked up on each render. A language switch,
 * or adding or removing another file, recomputes nothing. The drill's scores and interval come from the import
 * worker (importWorker.ts) when the file came through it (`giveDrillReport`).
 */
import type { SessionBundle } from '../export/sessionBundle.ts'
import { bootstrapDoubleDifference, type DdInterval } from '../log/aatBootstrap.ts'
import { scoreAatSession, type AatSessionScore } from '../log/aatScore.ts'
import { paintSlips, type PaintSlips } from '../log/paintSlips.ts'
import { plannedTimeoutMs, rtLimitMs } from '../log/drillBounds.ts'
import { drillRows } from '../log/drillRows.ts'
import type { DrillMode, DrillTrialRow } from '../log/drillTrial.ts'
import { summariseScene, type SceneSummary } from '../log/sceneSummary.ts'
import { isDrillLog } from '../log/sessionSummary.ts'
import { activeDurationMs, beatSpans, pauseSpans, resumeCount, resumeMarks, type TimeSpan } from '../log/sessionTime.ts'
import type { SceneLookup } from './sceneInfo.ts'

export interface Reflection {
  item: string
  prompt: string | null
  text: string
}

export interface DwellRow {
  beat: string
  /** A target's name, or `noneTarget` for the rest of the measured time. */
  target: string
  /** Share of the beat's measured time; a beat's rows (targets and none) sum to 1. */
  share: number
}

/** The pseudo-target of a beat's measured time on none of the targets. */
export const noneTarget = '\u0000none'

/** One beat of head-direction dwell, as the debrief shows it: always one row, however many records it had. */
export interface DwellBeat {
  beat: string
  measuredMs: number
  /** Time of the beat that was not measured (before the headset was on, or lost in a reload). */
  missingMs: number
  /** The beat spans a reload of the page. */
  resumed: boolean
  /**
   * The file counted one moment for several targets (an app from before dwell was exclusive per sample), so its
   * shares added up to more than 100%; they are shown scaled down to add up to 100%.
   */
  overlapping: boolean
}

/** A scene session's time line on session time (log/sessionTime.ts): beats, safety pauses and where it resumed. */
export interface SessionTimeline {
  beats: (TimeSpan & { beat: string })[]
  pauses: (TimeSpan & { beat: string })[]
  /** Session time (ms) of each resume after a reload or crash. */
  resumes: number[]
}

export interface SessionFacts {
  key: string
  fileName: string
  bundle: SessionBundle
  kind: 'drill' | 'scene'
  sessionNumber: number
  durationMs: number
  /** Times the session went on after its page was closed or crashed. */
  resumed: number
  drill: DrillReport | null
  /** Where the file's own summary differs from its events (the figures shown are recomputed from the events). */
  summaryDiffers: string[]
  /** Another file claims this session and differs at event `seq`. */
  conflict: { other: string; seq: number } | null
  scene: SceneSummary | null
  /** Null for a drill. */
  timeline: SessionTimeline | null
  reflections: Reflection[]
  dwell: DwellRow[]
  dwellBeats: DwellBeat[]
}

/** A drill session's scores and the bootstrap interval of its double difference. */
export interface DrillReport {
  score: AatSessionScore
  /** Pictures that reached the screen late, from the browser's paint times (paintSlips.ts). */
  paint: PaintSlips
  /** Null when a cell has fewer than two kept trials (or while `ddPending`). */
  ddInterval: DdInterval | null
  /** The interval is still being computed (off the page, in the import worker); the report says so meanwhile. */
  ddPending: boolean
}

/** The drill's trial rows and the options its scores use: RTs are bounded by the trial's own timeout where logged. */
export function drillInput(bundle: SessionBundle): { rows: DrillTrialRow[]; options: { maxRtMs: number } } {
  const { events } = bundle
  const rows = drillRows(events, { clientCode: bundle.session.clientCode, sessionNumber: bundle.session.sessionNumber ?? 1, sceneId: bundle.scene.id, mode: bundle.session.params.mode as DrillMode })
  return { rows, options: { maxRtMs: rtLimitMs(plannedTimeoutMs(events)) } }
}

/** The drill's scores and interval, computed here and now (the import worker does the same off the page). */
export function computeDrillReport(bundle: SessionBundle): DrillReport {
  const { rows, options } = drillInput(bundle)
  return { score: scoreAatSession(rows, options), paint: paintSlips(rows), ddInterval: bootstrapDoubleDifference(rows, options), ddPending: false }
}

/** What depends only on the session's events: computed once per bundle. */
type ComputedFacts = Pick<SessionFacts, 'kind' | 'sessionNumber' | 'durationMs' | 'resumed' | 'drill' | 'scene' | 'timeline' | 'dwell' | 'dwellBeats'>

const computed = new WeakMap<SessionBundle, ComputedFacts>()
const givenDrill = new WeakMap<SessionBundle, DrillReport>()

/**
 * The drill report the import worker computed for this bundle, so the page does not compute it again. Given again
 * when the worker's interval arrives; the rest of the session's facts are kept.
 */
export function giveDrillReport(bundle: SessionBundle, report: DrillReport): void {
  givenDrill.set(bundle, report)
  const known = computed.get(bundle)
  if (known) computed.set(bundle, { ...known, drill: report })
}

function computeFacts(bundle: SessionBundle): ComputedFacts {
  const { events } = bundle
  const isDrill = isDrillLog(events)
  const drill = isDrill ? (givenDrill.get(bundle) ?? computeDrillReport(bundle)) : null
  const scene = isDrill ? null : summariseScene(events)
  const timeline = isDrill ? null : { beats: beatSpans(events), pauses: pauseSpans(events), resumes: resumeMarks(events) }
  const { rows: dwell, beats: dwellBeats } = dwellOf(events)
  return { kind: isDrill ? 'drill' : 'scene', sessionNumber: bundle.session.sessionNumber ?? 1, durationMs: activeDurationMs(events), resumed: resumeCount(events), drill, scene, timeline, dwell, dwellBeats }
}

export function sessionFacts(
  key: string,
  fileName: string,
  bundle: SessionBundle,
  lookup: SceneLookup,
  language: 'nl' | 'en',
  notes: { summaryDiffers?: string[]; conflict?: { other: string; seq: number } } = {},
): SessionFacts {
  let facts = computed.get(bundle)
  if (!facts) computed.set(bundle, (facts = computeFacts(bundle)))
  // The same facts object while nothing it holds has changed, so the report's charts are not drawn again.
  const last = shown.get(bundle)
  const summaryDiffers = notes.summaryDiffers ?? noNotes
  const conflict = notes.conflict ?? null
  if (last && last.facts === facts && last.key === key && last.fileName === fileName && last.lookup === lookup && last.language === language && last.summaryDiffers === summaryDiffers && last.conflict === conflict) return last.result
  const info = lookup(bundle.scene.id)
  // Free text: answers to text items where the scene is known; any text answer that is not an option value otherwise.
  const reflections: Reflection[] = (facts.scene?.answers ?? [])
    .filter((a) => typeof a.value === 'string' && (info?.items[a.item] ? info.items[a.item]!.type === 'text' : true))
    .map((a) => ({ item: a.item, prompt: info?.items[a.item]?.prompt[language] ?? null, text: a.value as string }))
  const result: SessionFacts = { key, fileName, bundle, ...facts, reflections, summaryDiffers, conflict }
  shown.set(bundle, { facts, key, fileName, lookup, language, summaryDiffers, conflict, result })
  return result
}

const noNotes: string[] = []
const shown = new WeakMap<
  SessionBundle,
  { facts: ComputedFacts; key: string; fileName: string; lookup: SceneLookup; language: string; summaryDiffers: string[]; conflict: SessionFacts['conflict']; result: SessionFacts }
>()

interface DwellRecord {
  beat: string
  durationMs: number
  missingMs?: number
  noneShare?: number
  resumed?: boolean
  targets: Record<string, { share: number }>
}

/**
 * Head-direction dwell per beat: one row per beat even when a beat has several records (logs from before dwell
 * survived reloads logged a resumed part as a record of its own), shares weighted by measured time, the time on no
 * target as "none of these", and the time not measured kept apart so that a cut beat never reads as a whole one.
 */
export function dwellOf(events: readonly { type: string; data: unknown }[]): { rows: DwellRow[]; beats: DwellBeat[] } {
  const byBeat = new Map<string, { measured: number; missing: number; resumed: boolean; look: Map<string, number>; records: number }>()
  for (const e of events) {
    if (e.type !== 'head.dwell') continue
    const d = e.data as DwellRecord
    const beat = byBeat.get(d.beat) ?? { measured: 0, missing: 0, resumed: false, look: new Map<string, number>(), records: 0 }
    byBeat.set(d.beat, beat)
    beat.measured += d.durationMs
    beat.missing += d.missingMs ?? 0
    beat.resumed ||= d.resumed === true
    beat.records++
    for (const [target, t] of Object.entries(d.targets)) beat.look.set(target, (beat.look.get(target) ?? 0) + t.share * d.durationMs)
  }
  const rows: DwellRow[] = []
  const beats: DwellBeat[] = []
  for (const [name, b] of byBeat) {
    // Several records of one beat: its parts were measured apart, so the beat is marked as cut.
    const shares = [...b.look].map(([target, ms]) => ({ target, share: b.measured > 0 ? ms / b.measured : 0 }))
    const onAny = shares.reduce((sum, s) => sum + s.share, 0)
    // Shares are logged to 3 decimals, so exclusive shares may add up to 100% plus half a thousandth per target; more
    // than that only comes from a file that counted a moment for two targets. Either way the row is scaled to 100%.
    const overlapping = onAny > 1 + 0.0005 * shares.length + 1e-9
    beats.push({ beat: name, measuredMs: b.measured, missingMs: b.missing, resumed: b.resumed || b.records > 1, overlapping })
    for (const s of shares) rows.push({ beat: name, target: s.target, share: onAny > 1 ? s.share / onAny : s.share })
    rows.push({ beat: name, target: noneTarget, share: Math.max(0, 1 - onAny) })
  }
  return { rows, beats }
}
