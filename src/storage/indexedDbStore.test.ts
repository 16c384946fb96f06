import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { snapshotSchemaVersion, type SnapshotEnvelope } from '../engine/envelope.ts'
import type { CommitBatch, LogRecord } from '../engine/runtime.ts'
import { describeStorageFailure, openIndexedDbStore, StorageUnavailableError } from './indexedDbStore.ts'
import { createMemoryStore } from './memoryStore.ts'
import type { SessionMeta, SessionStore } from './sessionStore.ts'

const day = 24 * 60 * 60 * 1000

function meta(id: string, overrides: Partial<SessionMeta> = {}): SessionMeta {
  return {
    id,
    clientCode: 'AB12',
    sceneId: 'check-in',
    sceneVersion: 1,
    scriptHash: 'a'.repeat(64),
    params: { followUp: true },
    status: 'active',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    eventCount: 0,
    ...overrides,
  }
}

function record(sessionId: string, seq: number, type = 'beat.entered'): LogRecord {
  return { sessionId, seq, type, data: { beat: `b${seq}` }, t: seq * 10, wall: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString() }
}

function envelope(savedAt: string, beat: string): SnapshotEnvelope {
  return { schemaVersion: snapshotSchemaVersion, sceneId: 'check-in', scriptHash: 'a'.repeat(64), appVersion: 'test', savedAt, snapshot: { context: { beat } } }
}

function batch(sessionId: string, seqs: number[], savedAt: string, status: CommitBatch['status'] = 'active'): CommitBatch {
  return { sessionId, records: seqs.map((s) => record(sessionId, s)), envelope: envelope(savedAt, `beat-${seqs.at(-1)}`), status }
}

const byId = (a: SessionMeta, b: SessionMeta) => a.id.localeCompare(b.id)

const opened: SessionStore[] = []
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

const stores: [string, () => Promise<SessionStore>][] = [
  ['memory store', async () => createMemoryStore()],
  [
    'IndexedDB store',
    async () => {
      // A fresh factory per test: no database carries over from one test to the next.
      const store = await openIndexedDbStore(new IDBFactory())
      opened.push(store)
      return store
    },
  ],
]

describe.each(stores)('%s honours the session store contract', (_name, open) => {
  it('creates, gets and lists sessions', async () => {
    const store = await open()
    expect(await store.listSessions()).toEqual([])
    expect(await store.getSession('s1')).toBeUndefined()
    await store.createSession(meta('s1'))
    await store.createSession(meta('s2', { clientCode: 'XY34' }))
    expect(await store.getSession('s1')).toEqual(meta('s1'))
    expect(await store.getSession('s2')).toEqual(meta('s2', { clientCode: 'XY34' }))
    expect((await store.listSessions()).sort(byId)).toEqual([meta('s1'), meta('s2', { clientCode: 'XY34' })])
    expect(await store.loadSnapshot('s1')).toBeUndefined()
    expect(await store.events('s1')).toEqual([])
  })

  it('commits records in seq order together with the snapshot, status and event count', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1, 2], '2026-01-01T10:01:00.000Z'))
    await store.commit(batch('s1', [3], '2026-01-01T10:02:00.000Z'))
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1, 2, 3])
    expect(await store.events('s1')).toEqual([record('s1', 1), record('s1', 2), record('s1', 3)])
    expect(await store.loadSnapshot('s1')).toEqual(envelope('2026-01-01T10:02:00.000Z', 'beat-3'))
    expect(await store.getSession('s1')).toEqual(meta('s1', { updatedAt: '2026-01-01T10:02:00.000Z', eventCount: 3 }))

    await store.commit(batch('s1', [4, 5], '2026-01-01T10:03:00.000Z', 'completed'))
    expect(await store.getSession('s1')).toEqual(meta('s1', { status: 'completed', updatedAt: '2026-01-01T10:03:00.000Z', eventCount: 5 }))
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('commits a snapshot without records (e.g. a resume) and leaves the event count alone', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1], '2026-01-01T10:01:00.000Z'))
    await store.commit({ ...batch('s1', [], '2026-01-01T10:05:00.000Z'), envelope: envelope('2026-01-01T10:05:00.000Z', 'again') })
    expect(await store.loadSnapshot('s1')).toEqual(envelope('2026-01-01T10:05:00.000Z', 'again'))
    expect(await store.getSession('s1')).toMatchObject({ eventCount: 1, updatedAt: '2026-01-01T10:05:00.000Z' })
  })

  it('rejects a commit to a session that does not exist and stores nothing', async () => {
    const store = await open()
    await expect(store.commit(batch('ghost', [1], '2026-01-01T10:01:00.000Z'))).rejects.toThrow(/ghost/)
    expect(await store.events('ghost')).toEqual([])
    expect(await store.loadSnapshot('ghost')).toBeUndefined()
    expect(await store.getSession('ghost')).toBeUndefined()
  })

  it('rejects a commit containing an already stored seq and leaves nothing half-written', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1, 2], '2026-01-01T10:01:00.000Z'))
    const before = {
      events: await store.events('s1'),
      snapshot: await store.loadSnapshot('s1'),
      session: await store.getSession('s1'),
    }
    // Record 3 is new and comes before the duplicate 2: it must not be stored either.
    const clash: CommitBatch = {
      sessionId: 's1',
      records: [record('s1', 3, 'fresh'), { ...record('s1', 2), type: 'overwrite-attempt' }, record('s1', 4, 'fresh')],
      envelope: envelope('2026-01-01T10:09:00.000Z', 'should-not-be-stored'),
      status: 'completed',
    }
    await expect(store.commit(clash)).rejects.toBeDefined()
    expect(await store.events('s1')).toEqual(before.events)
    expect((await store.events('s1')).map((e) => [e.seq, e.type])).toEqual([
      [1, 'beat.entered'],
      [2, 'beat.entered'],
    ])
    expect(await store.loadSnapshot('s1')).toEqual(before.snapshot)
    expect(await store.getSession('s1')).toEqual(before.session)
    expect(await store.getSession('s1')).toMatchObject({ status: 'active', eventCount: 2, updatedAt: '2026-01-01T10:01:00.000Z' })

    // The store is still usable afterwards, and the next good commit continues where the log left off.
    await store.commit(batch('s1', [3], '2026-01-01T10:10:00.000Z'))
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1, 2, 3])
    expect(await store.getSession('s1')).toMatchObject({ eventCount: 3, updatedAt: '2026-01-01T10:10:00.000Z' })
  })

  it('rejects a commit that repeats a seq within itself and stores none of it', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1], '2026-01-01T10:01:00.000Z'))
    await expect(store.commit(batch('s1', [2, 3, 2], '2026-01-01T10:02:00.000Z'))).rejects.toBeDefined()
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1])
    expect(await store.loadSnapshot('s1')).toEqual(envelope('2026-01-01T10:01:00.000Z', 'beat-1'))
    expect(await store.getSession('s1')).toEqual(meta('s1', { updatedAt: '2026-01-01T10:01:00.000Z', eventCount: 1 }))
  })

  it('returns only the asked session’s events, in seq order, when two sessions interleave', async () => {
    const store = await open()
    await store.createSession(meta('a'))
    await store.createSession(meta('b'))
    // Sessions whose ids sort around "a" and "b" must not leak into the key range either.
    await store.createSession(meta('a0'))
    await store.createSession(meta('ab'))
    await store.commit(batch('a', [1], '2026-01-01T10:01:00.000Z'))
    await store.commit(batch('b', [1, 2], '2026-01-01T10:01:01.000Z'))
    await store.commit(batch('a0', [1], '2026-01-01T10:01:02.000Z'))
    await store.commit(batch('a', [2, 3], '2026-01-01T10:01:03.000Z'))
    await store.commit(batch('ab', [1, 2], '2026-01-01T10:01:04.000Z'))
    await store.commit(batch('b', [3], '2026-01-01T10:01:05.000Z'))
    await store.commit(batch('a', [4], '2026-01-01T10:01:06.000Z'))

    const a = await store.events('a')
    expect(a.map((e) => [e.sessionId, e.seq])).toEqual([
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['a', 4],
    ])
    expect((await store.events('b')).map((e) => [e.sessionId, e.seq])).toEqual([
      ['b', 1],
      ['b', 2],
      ['b', 3],
    ])
    expect((await store.events('a0')).map((e) => e.seq)).toEqual([1])
    expect((await store.events('ab')).map((e) => e.seq)).toEqual([1, 2])
    expect(await store.getSession('a')).toMatchObject({ eventCount: 4 })
    expect(await store.getSession('b')).toMatchObject({ eventCount: 3 })
  })

  it('sorts events by seq numerically, not as text', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1, 2, 3, 4, 5, 6, 7, 8, 9], '2026-01-01T10:01:00.000Z'))
    await store.commit(batch('s1', [10, 11], '2026-01-01T10:02:00.000Z'))
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('closes a session: appends the record and sets status closed with the reason', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.createSession(meta('s2'))
    await store.commit(batch('s1', [1, 2], '2026-01-01T10:01:00.000Z'))
    const closing: LogRecord = { ...record('s1', 3, 'session.closed'), data: { reason: 'scene changed' }, wall: '2026-01-02T09:00:00.000Z' }
    await store.closeSession('s1', 'scene changed', closing)

    expect((await store.events('s1')).map((e) => [e.seq, e.type])).toEqual([
      [1, 'beat.entered'],
      [2, 'beat.entered'],
      [3, 'session.closed'],
    ])
    expect((await store.events('s1')).at(-1)).toEqual(closing)
    expect(await store.getSession('s1')).toEqual(
      meta('s1', { status: 'closed', closedReason: 'scene changed', updatedAt: '2026-01-02T09:00:00.000Z', eventCount: 3 }),
    )
    // The snapshot is kept as it was; the other session is untouched.
    expect(await store.loadSnapshot('s1')).toEqual(envelope('2026-01-01T10:01:00.000Z', 'beat-2'))
    expect(await store.getSession('s2')).toEqual(meta('s2'))
    expect(await store.events('s2')).toEqual([])
  })

  it('refuses to close with a record whose seq is already stored, and leaves the session as it was', async () => {
    const store = await open()
    await store.createSession(meta('s1'))
    await store.commit(batch('s1', [1, 2], '2026-01-01T10:01:00.000Z'))
    const before = await store.getSession('s1')
    await expect(store.closeSession('s1', 'scene changed', record('s1', 2, 'session.closed'))).rejects.toBeDefined()
    expect(await store.getSession('s1')).toEqual(before)
    expect((await store.events('s1')).map((e) => [e.seq, e.type])).toEqual([
      [1, 'beat.entered'],
      [2, 'beat.entered'],
    ])
  })

  it('closing a session that does not exist stores nothing', async () => {
    const store = await open()
    await store.closeSession('ghost', 'gone', record('ghost', 1, 'session.closed'))
    expect(await store.getSession('ghost')).toBeUndefined()
    expect(await store.events('ghost')).toEqual([])
    expect(await store.listSessions()).toEqual([])
  })

  it('round-trips settings', async () => {
    const store = await open()
    expect(await store.getSetting('retentionDays')).toBeUndefined()
    expect(await store.getSetting('consent')).toBeUndefined()
    expect(await store.getSetting('activeSessionId')).toBeUndefined()
    await store.setSetting('retentionDays', 30)
    await store.setSetting('consent', { given: true, at: '2026-01-01T09:00:00.000Z', textVersion: 2 })
    await store.setSetting('activeSessionId', 's1')
    expect(await store.getSetting('retentionDays')).toBe(30)
    expect(await store.getSetting('consent')).toEqual({ given: true, at: '2026-01-01T09:00:00.000Z', textVersion: 2 })
    expect(await store.getSetting('activeSessionId')).toBe('s1')
    await store.setSetting('retentionDays', 7)
    await store.setSetting('activeSessionId', null)
    expect(await store.getSetting('retentionDays')).toBe(7)
    // null is a stored value, not "unset".
    expect(await store.getSetting('activeSessionId')).toBeNull()
  })

  it('deletes only sessions last touched before the cutoff, with their events and snapshots', async () => {
    const store = await open()
    const cutoff = new Date('2026-04-01T00:00:00.000Z')
    const old = new Date(cutoff.getTime() - 10 * day).toISOString()
    const justBefore = new Date(cutoff.getTime() - 1).toISOString()
    const atCutoff = cutoff.toISOString()
    const recent = new Date(cutoff.getTime() + day).toISOString()
    for (const id of ['old', 'just-before', 'at-cutoff', 'recent']) await store.createSession(meta(id))
    await store.commit(batch('old', [1, 2], old))
    await store.commit(batch('just-before', [1], justBefore))
    await store.commit(batch('at-cutoff', [1], atCutoff))
    await store.commit(batch('recent', [1, 2, 3], recent))
    await store.setSetting('retentionDays', 90)

    expect(await store.deleteSessionsBefore(cutoff)).toBe(2)

    expect((await store.listSessions()).map((m) => m.id).sort()).toEqual(['at-cutoff', 'recent'])
    for (const id of ['old', 'just-before']) {
      expect(await store.getSession(id)).toBeUndefined()
      expect(await store.events(id)).toEqual([])
      expect(await store.loadSnapshot(id)).toBeUndefined()
    }
    expect((await store.events('at-cutoff')).map((e) => e.seq)).toEqual([1])
    expect((await store.events('recent')).map((e) => e.seq)).toEqual([1, 2, 3])
    expect(await store.loadSnapshot('recent')).toEqual(envelope(recent, 'beat-3'))
    expect(await store.loadSnapshot('at-cutoff')).toEqual(envelope(atCutoff, 'beat-1'))
    // Settings are not sessions.
    expect(await store.getSetting('retentionDays')).toBe(90)

    expect(await store.deleteSessionsBefore(cutoff)).toBe(0)
  })
})

describe('IndexedDB store', () => {
  it('keeps data across reopening the same database', async () => {
    const factory = new IDBFactory()
    const first = await openIndexedDbStore(factory)
    await first.createSession(meta('s1'))
    await first.commit(batch('s1', [1, 2], '2026-01-01T10:01:00.000Z'))
    first.close()
    const second = await openIndexedDbStore(factory)
    opened.push(second)
    expect(await second.getSession('s1')).toMatchObject({ eventCount: 2 })
    expect((await second.events('s1')).map((e) => e.seq)).toEqual([1, 2])
  })

  it('uses the factory it is given, not the global one', async () => {
    const mine = new IDBFactory()
    const store = await openIndexedDbStore(mine)
    opened.push(store)
    expect((await mine.databases()).map((d) => d.name)).toEqual(['perspectief'])
    expect((await globalThis.indexedDB.databases()).map((d) => d.name)).not.toContain('perspectief')
  })

  it('rejects with StorageUnavailableError (unavailable) when the factory cannot open', async () => {
    const factory = new IDBFactory()
    factory.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    const failure = await openIndexedDbStore(factory).then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(StorageUnavailableError)
    expect((failure as StorageUnavailableError).reason).toBe('unavailable')
    expect((failure as StorageUnavailableError).message).toMatch(/SecurityError/)
  })

  it('rejects with StorageUnavailableError (blocked) when another connection keeps the database from opening', async () => {
    const factory = new IDBFactory()
    // Another tab holds the database open and ignores versionchange; a pending delete then queues every later open.
    const other = await openIndexedDbStore(factory)
    opened.push(other)
    const pendingDelete = factory.deleteDatabase('perspectief')
    let deleted = false
    pendingDelete.onsuccess = () => (deleted = true)
    const failure = await openIndexedDbStore(factory, 50).then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(StorageUnavailableError)
    expect((failure as StorageUnavailableError).reason).toBe('blocked')
    expect(deleted).toBe(false)
  })

  it('rejects with StorageUnavailableError (unavailable) when there is no IndexedDB at all', async () => {
    await expect(openIndexedDbStore(null as unknown as IDBFactory)).rejects.toMatchObject({ name: 'StorageUnavailableError', reason: 'unavailable' })
  })
})

describe('describeStorageFailure', () => {
  it('maps a QuotaExceededError to reason quota', () => {
    const failure = describeStorageFailure(new DOMException('quota reached', 'QuotaExceededError'))
    expect(failure).toBeInstanceOf(StorageUnavailableError)
    expect(failure.reason).toBe('quota')
    expect(failure.message).toMatch(/out of storage space/)
    expect(failure.message).toMatch(/quota reached/)
  })

  it('maps any other failure to reason unavailable, naming the error', () => {
    const failure = describeStorageFailure(new DOMException('nope', 'InvalidStateError'))
    expect(failure.reason).toBe('unavailable')
    expect(failure.message).toMatch(/InvalidStateError: nope/)
    expect(describeStorageFailure('weird').reason).toBe('unavailable')
  })

  it('passes a StorageUnavailableError through unchanged', () => {
    const original = new StorageUnavailableError('blocked by a tab', 'blocked')
    expect(describeStorageFailure(original)).toBe(original)
  })
})
