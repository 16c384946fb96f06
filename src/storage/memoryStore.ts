import type { SnapshotEnvelope } from '../engine/envelope.ts'
import type { CommitBatch, LogRecord } from '../engine/runtime.ts'
import type { OwnPhoto, SessionMeta, SessionStore, Settings } from './sessionStore.ts'

/** The store contract in memory, for unit tests and for a device where IndexedDB is unavailable. */
export function createMemoryStore(): SessionStore & { failNextCommit(error: Error): void } {
  const sessions = new Map<string, SessionMeta>()
  const snapshots = new Map<string, SnapshotEnvelope>()
  const events = new Map<string, LogRecord[]>()
  const settings = new Map<string, unknown>()
  const photos = new Map<string, OwnPhoto>()
  let failure: Error | null = null

  return {
    failNextCommit(error) {
      failure = error
    },
    async commit(batch: CommitBatch) {
      if (failure) {
        const e = failure
        failure = null
        throw e
      }
      const meta = sessions.get(batch.sessionId)
      if (!meta) throw new Error(`session ${batch.sessionId} does not exist`)
      const log = events.get(batch.sessionId) ?? []
      // Like IndexedDB's `add`: a seq already stored, or repeated within the batch, rejects the whole batch.
      const seqs = new Set(log.map((e) => e.seq))
      for (const r of batch.records) {
        if (seqs.has(r.seq)) throw new Error(`record ${r.seq} of session ${batch.sessionId} is already stored`)
        seqs.add(r.seq)
      }
      log.push(...batch.records)
      events.set(batch.sessionId, log)
      snapshots.set(batch.sessionId, batch.envelope)
      sessions.set(batch.sessionId, { ...meta, status: batch.status, updatedAt: batch.envelope.savedAt, eventCount: log.length })
    },
    async createSession(meta) {
      sessions.set(meta.id, meta)
    },
    async getSession(id) {
      return sessions.get(id)
    },
    async listSessions() {
      return [...sessions.values()]
    },
    async loadSnapshot(id) {
      return snapshots.get(id)
    },
    async events(id) {
      return [...(events.get(id) ?? [])].sort((a, b) => a.seq - b.seq)
    },
    async closeSession(id, reason, record) {
      const meta = sessions.get(id)
      if (!meta) return
      if ((events.get(id) ?? []).some((e) => e.seq === record.seq)) throw new Error(`record ${record.seq} of session ${id} is already stored`)
      events.set(id, [...(events.get(id) ?? []), record])
      sessions.set(id, { ...meta, status: 'closed', closedReason: reason, updatedAt: record.wall, eventCount: meta.eventCount + 1 })
    },
    async getSetting<K extends keyof Settings>(key: K) {
      return settings.get(key) as Settings[K] | undefined
    },
    async setSetting(key, value) {
      settings.set(key, value)
    },
    async deleteSessionsBefore(cutoff) {
      let n = 0
      for (const [id, meta] of sessions) {
        if (new Date(meta.updatedAt) < cutoff) {
          sessions.delete(id)
          snapshots.delete(id)
          events.delete(id)
          n++
        }
      }
      return n
    },
    async listPhotos() {
      return [...photos.values()]
    },
    async savePhoto(photo) {
      photos.set(photo.id, photo)
    },
    async deletePhoto(id) {
      photos.delete(id)
    },
    close() {},
  }
}
