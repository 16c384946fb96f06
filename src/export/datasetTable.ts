import { drillRows } from '../log/drillRows.ts'
import { drillTrialColumns, type DrillMode } from '../log/drillTrial.ts'
import { sceneEventColumns, sceneRows } from '../log/sceneRows.ts'
import { isDrillLog } from '../log/sessionSummary.ts'
import type { DatasetTable } from './psychDsDataset.ts'
import type { SessionBundle } from './sessionBundle.ts'

/** The Psych-DS table of a bundle: trial rows for a drill, event rows for a questionnaire or VR session. */
export function datasetTable(bundle: SessionBundle): DatasetTable {
  const base = { subject: bundle.session.clientCode, session: bundle.session.sessionNumber ?? 1, task: bundle.scene.id }
  if (isDrillLog(bundle.events)) {
    const rows = drillRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task, mode: bundle.session.params.mode as DrillMode })
    return { ...base, columns: drillTrialColumns, rows: rows as unknown as Record<string, unknown>[] }
  }
  return { ...base, columns: sceneEventColumns, rows: sceneRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task }) }
}
