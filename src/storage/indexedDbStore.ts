import { wrap, type DBSchema, type IDBPDatabase } from 'idb'
import type { SnapshotEnvelope } from '../engine/envelope.ts'
import type { LogRecord } from '../engine/runtime.ts'
import type { OwnPhoto, SessionMeta, SessionStore, Settings } from './sessionStore.ts'

export const databaseName = 'perspectief'
const databaseVersion = 2

interface PerspectiefDB extends DBSchema {
  sessions: { key: string; value: SessionMeta }
  snapshots: { key: string; value: SnapshotEnvelope & { sessionId: string } }
  events: { key: [string, number]; value: LogRecord; indexes: { bySession: string } }
  settings: { key: string; value: { key: string; value: unknown } }
  photos: { key: string; value: OwnPhoto }
}

/** Thrown when the device will not give us storage (private mode, blocked, quota); the UI offers export instead. */
export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'unavailable' | 'blocked' | 'quota',
  ) {
    super(message)
    this.name = 'StorageUnavailableError'
  }
}

export function describeStorageFailure(cause: unknown): StorageUnavailableError {
  if (cause instanceof StorageUnavailableError) return cause
  const name = cause instanceof DOMException || cause instanceof Error ? cause.name : ''
  const message = cause instanceof Error ? cause.message : String(cause)
  if (name === 'QuotaExceededError') return new StorageUnavailableError(`the device is out of storage space (${message})`, 'quota')
  return new StorageUnavailableError(`this browser does not allow saving (${name || 'error'}: ${message})`, 'unavailable')
}

/** Opens the app's database; rejects with StorageUnavailableError rather than hanging when another tab blocks it. */
export async function openIndexedDbStore(idb: IDBFactory = globalThis.indexedDB, timeoutMs = 5000): Promise<SessionStore> {
  if (!idb) throw new StorageUnavailableError('this browser has no IndexedDB', 'unavailable')
  let db: IDBPDatabase<PerspectiefDB>
  try {
    // Opened on `idb` itself: idb's openDB would always use the global factory and ignore the one passed in.
    // An older version open elsewhere fires `blocked`; the timeout reports it.
    const request = idb.open(databaseName, databaseVersion)
    let gaveUp = false
    // A request that was blocked may still succeed once the other tab closes. Nobody is waiting for it by
    // then, so its connection is closed at once: left open, it would block the next upgrade in turn.
    request.addEventListener('success', () => {
      if (gaveUp) request.result.close()
    })
    request.addEventListener('upgradeneeded', (event) => {
      const database = request.result
      if (event.oldVersion < 1) {
        database.createObjectStore('sessions', { keyPath: 'id' })
        database.createObjectStore('snapshots', { keyPath: 'sessionId' })
        database.createObjectStore('events', { keyPath: ['sessionId', 'seq'] }).createIndex('bySession', 'sessionId')
        database.createObjectStore('settings', { keyPath: 'key' })
      }
      if (event.oldVersion < 2) database.createObjectStore('photos', { keyPath: 'id' })
    })
    db = await withTimeout(
      wrap(request) as Promise<IDBPDatabase<PerspectiefDB>>,
      timeoutMs,
      () => ((gaveUp = true), new StorageUnavailableError('storage is blocked by another open Perspectief tab', 'blocked')),
    )
  } catch (cause) {
    throw describeStorageFailure(cause)
  }
  return storeOn(db)
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms)
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    )
  })
}

function storeOn(db: IDBPDatabase<PerspectiefDB>): SessionStore {
  return {
    async commit(batch) {
      try {
        const tx = db.transaction(['sessions', 'snapshots', 'events'], 'readwrite')
        const meta = await tx.objectStore('sessions').get(batch.sessionId)
        if (!meta) throw new Error(`session ${batch.sessionId} does not exist`)
        // `add`, not `put`: a record that is already there aborts the whole commit instead of being overwritten.
        // Every request's promise is awaited with tx.done: a failed request rejects its own promise too, and one
        // left dangling would surface as an unhandled rejection on top of the aborted transaction.
        await Promise.all([
          ...batch.records.map((record) => tx.objectStore('events').add(record)),
          tx.objectStore('snapshots').put({ ...batch.envelope, sessionId: batch.sessionId }),
          tx.objectStore('sessions').put({
            ...meta,
            status: batch.status,
            updatedAt: batch.envelope.savedAt,
            eventCount: meta.eventCount + batch.records.length,
          }),
          tx.done,
        ])
      } catch (cause) {
        throw cause instanceof Error && cause.name === 'QuotaExceededError' ? describeStorageFailure(cause) : cause
      }
    },
    async createSession(meta) {
      await db.add('sessions', meta)
    },
    getSession: (id) => db.get('sessions', id),
    listSessions: () => db.getAll('sessions'),
    async loadSnapshot(id) {
      const stored = await db.get('snapshots', id)
      if (!stored) return undefined
      const { sessionId: _sessionId, ...envelope } = stored
      return envelope
    },
    async events(id) {
      // The compound key sorts by session, then seq, so the range read is already in log order.
      return db.getAll('events', IDBKeyRange.bound([id, -Infinity], [id, Infinity]))
    },
    async closeSession(id, reason, record) {
      const tx = db.transaction(['sessions', 'events'], 'readwrite', { durability: 'strict' })
      const meta = await tx.objectStore('sessions').get(id)
      await Promise.all([
        ...(meta
          ? [
              tx.objectStore('events').add(record),
              tx.objectStore('sessions').put({ ...meta, status: 'closed', closedReason: reason, updatedAt: record.wall, eventCount: meta.eventCount + 1 }),
            ]
          : []),
        tx.done,
      ])
    },
    async getSetting<K extends keyof Settings>(key: K) {
      return (await db.get('settings', key))?.value as Settings[K] | undefined
    },
    async setSetting(key, value) {
      await db.put('settings', { key, value })
    },
    async deleteSessionsBefore(cutoff) {
      const tx = db.transaction(['sessions', 'snapshots', 'events'], 'readwrite', { durability: 'strict' })
      const old = (await tx.objectStore('sessions').getAll()).filter((m) => new Date(m.updatedAt) < cutoff)
      await Promise.all([
        ...old.flatMap((meta) => [
          tx.objectStore('sessions').delete(meta.id),
          tx.objectStore('snapshots').delete(meta.id),
          tx.objectStore('events').delete(IDBKeyRange.bound([meta.id, -Infinity], [meta.id, Infinity])),
        ]),
        tx.done,
      ])
      return old.length
    },
    listPhotos: () => db.getAll('photos'),
    async savePhoto(photo) {
      await db.put('photos', photo)
    },
    async deletePhoto(id) {
      await db.delete('photos', id)
    },
    close: () => db.close(),
  }
}
