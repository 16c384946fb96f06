/** Bumped whenever the shape of a persisted snapshot changes; older envelopes then close their session cleanly. */
export const snapshotSchemaVersion = 1

/** How a runtime snapshot is stored: enough to tell whether it still fits the scene that would resume it. */
export interface SnapshotEnvelope {
  schemaVersion: number
  sceneId: string
  scriptHash: string
  appVersion: string
  savedAt: string
  snapshot: unknown
  /** The runtime's running measurements of the current beat (head-direction dwell totals), if any. */
  measures?: unknown
}

export type EnvelopeCheck = { ok: true } | { ok: false; reason: string }

/** Can this envelope resume with the scene as it is now? If not, says why in words a log reader understands. */
export function checkEnvelope(envelope: SnapshotEnvelope, current: { sceneId: string; scriptHash: string }): EnvelopeCheck {
  if (envelope.schemaVersion !== snapshotSchemaVersion) {
    return { ok: false, reason: `snapshot format ${envelope.schemaVersion} is not the current format ${snapshotSchemaVersion}` }
  }
  if (envelope.sceneId !== current.sceneId) {
    return { ok: false, reason: `snapshot belongs to scene "${envelope.sceneId}", not "${current.sceneId}"` }
  }
  if (envelope.scriptHash !== current.scriptHash) {
    return { ok: false, reason: `scene "${current.sceneId}" changed since this session started (hash ${envelope.scriptHash.slice(0, 8)} → ${current.scriptHash.slice(0, 8)})` }
  }
  return { ok: true }
}
