/**
 * Everything the debrief shows about one imported session, recomputed from its events (not copied from the
 * file's summary), so the view and the session's own summary can be checked against each other.
 */
import type { SessionBundle } from '../export/sessionBundle.ts'
import { bootstrapDoubleDifference, type DdInterval } from '../log/aatBootstrap.ts'
import { scoreAatSession, type AatSessionScore } from '../log/aatScore.ts'
import { plannedTimeoutMs, rtLimitMs } from '../log/drillBounds.ts'
import { drillRows } from '../log/drillRows.ts'
import type { DrillMode, DrillTrialRow } from '../log/drillTrial.ts'
import { summariseScene, type SceneSummary } from '../log/sceneSummary.ts'
import { isDrillLog } from '../log/sessionSummary.ts'
import { activeDurationMs, resumeCount } from '../log/sessionTime.ts'
import type { SceneLookup } from './sceneInfo.ts'

export interface Reflection {
  item: string
  prompt: string | null
  text: string
}

export interface DwellRow {
  beat: string
  target: string
  share: number
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
  drill: { rows: DrillTrialRow[]; score: AatSessionScore; ddInterval: DdInterval | null } | null
  /** Where the file's own summary differs from its events (the figures shown are recomputed from the events). */
  summaryDiffers: string[]
  /** Another file claims this session and differs at event `seq`. */
  conflict: { other: string; seq: number } | null
  scene: SceneSummary | null
  reflections: Reflection[]
  dwell: DwellRow[]
}

export function sessionFacts(
  key: string,
  fileName: string,
  bundle: SessionBundle,
  lookup: SceneLookup,
  language: 'nl' | 'en',
  notes: { summaryDiffers?: string[]; conflict?: { other: string; seq: number } } = {},
): SessionFacts {
  const { events } = bundle
  const isDrill = isDrillLog(events)
  const sessionNumber = bundle.session.sessionNumber ?? 1
  const durationMs = activeDurationMs(events)
  const resumed = resumeCount(events)
  let drill: SessionFacts['drill'] = null
  if (isDrill) {
    const rows = drillRows(events, { clientCode: bundle.session.clientCode, sessionNumber, sceneId: bundle.scene.id, mode: bundle.session.params.mode as DrillMode })
    // RTs are bounded by the trial's own timeout where the file records it (drillBounds.ts).
    const options = { maxRtMs: rtLimitMs(plannedTimeoutMs(events)) }
    drill = { rows, score: scoreAatSession(rows, options), ddInterval: bootstrapDoubleDifference(rows, options) }
  }
  const scene = isDrill ? null : summariseScene(events)
  const info = lookup(bundle.scene.id)
  // Free text: answers to text items where the scene is known; any text answer that is not an option value otherwise.
  const reflections: Reflection[] = (scene?.answers ?? [])
    .filter((a) => typeof a.value === 'string' && (info?.items[a.item] ? info.items[a.item]!.type === 'text' : true))
    .map((a) => ({ item: a.item, prompt: info?.items[a.item]?.prompt[language] ?? null, text: a.value as string }))
  const dwell: DwellRow[] = events
    .filter((e) => e.type === 'head.dwell')
    .flatMap((e) => {
      const data = e.data as { beat: string; targets: Record<string, { share: number }> }
      return Object.entries(data.targets).map(([target, t]) => ({ beat: data.beat, target, share: t.share }))
    })
  return { key, fileName, bundle, kind: isDrill ? 'drill' : 'scene', sessionNumber, durationMs, resumed, drill, scene, reflections, dwell, summaryDiffers: notes.summaryDiffers ?? [], conflict: notes.conflict ?? null }
}
