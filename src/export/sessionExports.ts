/**
 * Every file a finished session can leave the device as, built the same way from the drill page and from the
 * questionnaire/VR end screen: the JSON bundle (with its summary), the Psych-DS zip and the encrypted transfer file.
 */
import type { LogRecord } from '../engine/runtime.ts'
import { datasetTable } from './datasetTable.ts'
import { encryptFile, encryptedExtension } from './encryptedFile.ts'
import { makePassphrase } from './passphrase.ts'
import { psychDsZip, psychDsZipName } from './psychDsDataset.ts'
import { bundleFileName, buildSessionBundle, type SessionBundle } from './sessionBundle.ts'
import type { DrillMode } from '../log/drillTrial.ts'
import { sessionSummary } from '../log/sessionSummary.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'
import type { ScenarioScript } from '../script/schema.ts'

export async function collectBundle(store: SessionStore, meta: SessionMeta, unsaved: LogRecord[] = []): Promise<SessionBundle> {
  const stored = await store.events(meta.id)
  const bySeq = new Map([...stored, ...unsaved].map((r) => [r.seq, r]))
  const all = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
  const info = { clientCode: meta.clientCode, sessionNumber: meta.sessionNumber ?? 1, sceneId: meta.sceneId, mode: meta.params.mode as DrillMode }
  return buildSessionBundle({ meta, events: stored, unsaved, appVersion: __APP_VERSION__, summary: sessionSummary(info, all) })
}

export interface ExportFile {
  name: string
  content: Uint8Array | string
  type: string
}

export function jsonFile(bundle: SessionBundle): ExportFile {
  return { name: bundleFileName(bundle), content: JSON.stringify(bundle, null, 2), type: 'application/json' }
}

/** `scene` gives a check-in's parts (see datasetTable); other sessions need none. */
export function psychDsFile(bundle: SessionBundle, scene?: ScenarioScript): ExportFile {
  const table = datasetTable(bundle, scene)
  return { name: psychDsZipName(table), content: psychDsZip(table, bundle.appVersion), type: 'application/zip' }
}

/** A fresh passphrase per file: shown once to the client, never stored. */
export async function encryptedTransferFile(bundle: SessionBundle): Promise<{ file: ExportFile; passphrase: string }> {
  const passphrase = makePassphrase()
  const content = await encryptFile(new TextEncoder().encode(JSON.stringify(bundle)), passphrase)
  return { file: { name: bundleFileName(bundle).replace(/\.json$/, encryptedExtension), content, type: 'application/octet-stream' }, passphrase }
}
