import { checkInColumns, checkInRows } from '../log/allianceRows.ts'
import { drillRows } from '../log/drillRows.ts'
import { drillTrialColumns, type DrillMode } from '../log/drillTrial.ts'
import { sceneEventColumns, sceneRows } from '../log/sceneRows.ts'
import { isDrillLog } from '../log/sessionSummary.ts'
import type { ScenarioScript } from '../script/schema.ts'
import type { DatasetTable } from './psychDsDataset.ts'
import type { SessionBundle } from './sessionBundle.ts'

/**
 * The Psych-DS table of a bundle: trial rows for a drill, event rows for a questionnaire or VR session, and answer rows
 * with parts for a check-in (which needs its scene, given as `scene`, to know the parts).
 */
export function datasetTable(bundle: SessionBundle, scene?: ScenarioScript): DatasetTable {
  const base = { subject: bundle.session.clientCode, session: bundle.session.sessionNumber ?? 1, task: bundle.scene.id }
  if (isDrillLog(bundle.events)) {
    const rows = drillRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task, mode: bundle.session.params.mode as DrillMode })
    return { ...base, columns: drillTrialColumns, rows: rows as unknown as Record<string, unknown>[] }
  }
  if (scene?.checkIn && scene.id === bundle.scene.id) {
    return { ...base, columns: checkInColumns, rows: checkInRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task }, scene) }
  }
  return { ...base, columns: sceneEventColumns, rows: sceneRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task }) }
}
