/**
 * Every file a finished session can leave the device as, built the same way from the drill page and from the
 * questionnaire/VR end screen: the JSON bundle (with its summary), the Psych-DS zip and the encrypted transfer file.
 */
import type { LogRecord } from '../engine/runtime.ts'
import { encryptFile, encryptedExtension } from '../export/encryptedFile.ts'
import { makePassphrase } from '../export/passphrase.ts'
import { psychDsZip, psychDsZipName, type DatasetTable } from '../export/psychDsDataset.ts'
import { bundleFileName, buildSessionBundle, type SessionBundle } from '../export/sessionBundle.ts'
import { scoreAatSession } from '../log/aatScore.ts'
import { drillRows } from '../log/drillRows.ts'
import { drillTrialColumns, type DrillMode } from '../log/drillTrial.ts'
import { sceneEventColumns, sceneRows } from '../log/sceneRows.ts'
import { summariseScene } from '../log/sceneSummary.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'

export function isDrillLog(events: readonly LogRecord[]): boolean {
  return events.some((e) => e.type === 'drill.planned' || e.type === 'drill.trial')
}

function drillTrialRows(meta: SessionMeta, events: readonly LogRecord[]) {
  return drillRows(events, { clientCode: meta.clientCode, sessionNumber: meta.sessionNumber ?? 1, sceneId: meta.sceneId, mode: meta.params.mode as DrillMode })
}

/** The drill's AAT scores, or the scene's beats, answers and pauses: what the debrief shows and checks against. */
export function sessionSummary(meta: SessionMeta, events: readonly LogRecord[]): Record<string, unknown> {
  return isDrillLog(events) ? { drill: scoreAatSession(drillTrialRows(meta, events)) } : { scene: summariseScene(events) }
}

export async function collectBundle(store: SessionStore, meta: SessionMeta, unsaved: LogRecord[] = []): Promise<SessionBundle> {
  const stored = await store.events(meta.id)
  const bySeq = new Map([...stored, ...unsaved].map((r) => [r.seq, r]))
  const all = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
  return buildSessionBundle({ meta, events: stored, unsaved, appVersion: __APP_VERSION__, summary: sessionSummary(meta, all) })
}

export function datasetTable(bundle: SessionBundle): DatasetTable {
  const base = { subject: bundle.session.clientCode, session: bundle.session.sessionNumber ?? 1, task: bundle.scene.id }
  if (isDrillLog(bundle.events)) {
    const rows = drillRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task, mode: bundle.session.params.mode as DrillMode })
    return { ...base, columns: drillTrialColumns, rows: rows as unknown as Record<string, unknown>[] }
  }
  return { ...base, columns: sceneEventColumns, rows: sceneRows(bundle.events, { clientCode: base.subject, sessionNumber: base.session, sceneId: base.task }) }
}

export interface ExportFile {
  name: string
  content: Uint8Array | string
  type: string
}

export function jsonFile(bundle: SessionBundle): ExportFile {
  return { name: bundleFileName(bundle), content: JSON.stringify(bundle, null, 2), type: 'application/json' }
}

export function psychDsFile(bundle: SessionBundle): ExportFile {
  const table = datasetTable(bundle)
  return { name: psychDsZipName(table), content: psychDsZip(table, bundle.appVersion), type: 'application/zip' }
}

/** A fresh passphrase per file: shown once to the client, never stored. */
export async function encryptedTransferFile(bundle: SessionBundle): Promise<{ file: ExportFile; passphrase: string }> {
  const passphrase = makePassphrase()
  const content = await encryptFile(new TextEncoder().encode(JSON.stringify(bundle)), passphrase)
  return { file: { name: bundleFileName(bundle).replace(/\.json$/, encryptedExtension), content, type: 'application/octet-stream' }, passphrase }
}
