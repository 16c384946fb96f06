import type { LogRecord } from '../engine/runtime.ts'
import type { SessionMeta } from '../storage/sessionStore.ts'

/** Bumped when the bundle's shape changes; importers refuse versions they do not know. */
export const bundleSchemaVersion = 1
export const bundleFormat = 'perspectief.session'

/** One session as it leaves the device: everything a trainer's debrief needs, and no more. */
export interface SessionBundle {
  format: typeof bundleFormat
  schemaVersion: number
  appVersion: string
  exportedAt: string
  scene: { id: string; version: number; hash: string }
  session: Pick<SessionMeta, 'id' | 'clientCode' | 'params' | 'status' | 'closedReason' | 'createdAt' | 'updatedAt' | 'sessionNumber'>
  /** The research log in `seq` order. */
  events: LogRecord[]
  /** True when some records could not be stored on the device and come from memory. */
  includesUnsaved: boolean
  /** What the scenario's summariser made of the events (drill: AAT scores); absent where there is none yet. */
  summary?: Record<string, unknown>
}

export function buildSessionBundle(args: {
  meta: SessionMeta
  events: LogRecord[]
  unsaved?: LogRecord[]
  appVersion: string
  now?: Date
  summary?: Record<string, unknown>
}): SessionBundle {
  const { meta, appVersion } = args
  const bySeq = new Map<number, LogRecord>()
  for (const record of [...args.events, ...(args.unsaved ?? [])]) bySeq.set(record.seq, record)
  return {
    format: bundleFormat,
    schemaVersion: bundleSchemaVersion,
    appVersion,
    exportedAt: (args.now ?? new Date()).toISOString(),
    scene: { id: meta.sceneId, version: meta.sceneVersion, hash: meta.scriptHash },
    session: {
      id: meta.id,
      clientCode: meta.clientCode,
      params: meta.params,
      status: meta.status,
      ...(meta.closedReason ? { closedReason: meta.closedReason } : {}),
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      ...(meta.sessionNumber ? { sessionNumber: meta.sessionNumber } : {}),
    },
    events: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    includesUnsaved: (args.unsaved ?? []).length > 0,
    ...(args.summary ? { summary: args.summary } : {}),
  }
}

/** `perspectief_<code>_<scene>_<date>.json`: no names, sortable, safe on every file system. */
export function bundleFileName(bundle: SessionBundle): string {
  const date = bundle.session.createdAt.slice(0, 16).replace(/[:T]/g, '-')
  return `perspectief_${bundle.session.clientCode}_${bundle.scene.id}_${date}.json`
}
