/**
 * The file's own summary against its events: the summary is recomputed from the events exactly as the app made it
 * (log/sessionSummary.ts) and compared, field by field, with what the file says. A file whose events (or summary)
 * were edited is shown with the recomputed figures and a warning; it is not refused, since its events passed every
 * check and are what the report is computed from.
 */
import type { SessionBundle } from '../export/sessionBundle.ts'
import type { AatSessionScore } from '../log/aatScore.ts'
import type { DrillMode } from '../log/drillTrial.ts'
import { isDrillLog, sessionSummary } from '../log/sessionSummary.ts'

/** Two figures agree when they differ by no more than floating-point noise. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
  return Object.is(a, b)
}

/** Paths where `claimed` says something `actual` does not. Only what the file claims is compared. */
function differences(claimed: unknown, actual: unknown, path: string, out: string[]): void {
  if (out.length >= 10) return
  if (claimed !== null && typeof claimed === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(claimed) !== Array.isArray(actual)) {
      out.push(path)
      return
    }
    if (Array.isArray(claimed) && claimed.length !== (actual as unknown[]).length) {
      out.push(`${path}.length`)
      return
    }
    for (const [key, value] of Object.entries(claimed)) differences(value, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out)
    return
  }
  if (!same(claimed, actual)) out.push(path)
}

/**
 * The summary the events give, as the file would carry it (plain JSON). `drillScore`: the drill's score already
 * computed from the same events with the same options (sessionFacts.ts `drillInput`), so it is not computed twice.
 */
export function recomputedSummary(bundle: SessionBundle, drillScore?: AatSessionScore): Record<string, unknown> {
  if (drillScore && isDrillLog(bundle.events)) return JSON.parse(JSON.stringify({ drill: drillScore })) as Record<string, unknown>
  const info = { clientCode: bundle.session.clientCode, sessionNumber: bundle.session.sessionNumber ?? 1, sceneId: bundle.scene.id, mode: bundle.session.params.mode as DrillMode }
  return JSON.parse(JSON.stringify(sessionSummary(info, bundle.events))) as Record<string, unknown>
}

/** Where the file's summary differs from its events (up to ten paths); empty when they agree or the file has none. */
export function summaryDifferences(bundle: SessionBundle, drillScore?: AatSessionScore): string[] {
  if (!bundle.summary) return []
  const out: string[] = []
  differences(bundle.summary, recomputedSummary(bundle, drillScore), '', out)
  return out
}
