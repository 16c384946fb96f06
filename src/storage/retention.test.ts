import { describe, expect, it } from 'vitest'
import { createMemoryStore } from './memoryStore.ts'
import { purgeExpiredSessions, retentionChoices } from './retention.ts'
import { defaultRetentionDays, type SessionMeta } from './sessionStore.ts'

const day = 24 * 60 * 60 * 1000
const now = new Date('2026-06-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()

function meta(id: string, updatedAt: string): SessionMeta {
  return {
    id,
    clientCode: 'AB12',
    sceneId: 'check-in',
    sceneVersion: 1,
    scriptHash: 'a'.repeat(64),
    params: {},
    status: 'completed',
    createdAt: updatedAt,
    updatedAt,
    eventCount: 0,
  }
}

async function storeWith(sessions: Record<string, string>) {
  const store = createMemoryStore()
  for (const [id, updatedAt] of Object.entries(sessions)) await store.createSession(meta(id, updatedAt))
  return store
}

const remaining = async (store: ReturnType<typeof createMemoryStore>) => (await store.listSessions()).map((m) => m.id).sort()

describe('purgeExpiredSessions', () => {
  it('keeps sessions for 90 days when no retention is set', async () => {
    expect(defaultRetentionDays).toBe(90)
    const store = await storeWith({
      today: ago(0),
      'day-89': ago(89 * day),
      'day-90-minus-1ms': ago(90 * day - 1),
      'day-90-exactly': ago(90 * day),
      'day-90-plus-1ms': ago(90 * day + 1),
      'day-200': ago(200 * day),
    })
    expect(await purgeExpiredSessions(store, now)).toBe(2)
    // Exactly at the cutoff is not "before" it, so it stays until the next start.
    expect(await remaining(store)).toEqual(['day-89', 'day-90-exactly', 'day-90-minus-1ms', 'today'])
  })

  it('uses the retention setting when one is set', async () => {
    const store = await storeWith({
      today: ago(0),
      'day-6': ago(6 * day),
      'day-7-exactly': ago(7 * day),
      'day-7-plus-1ms': ago(7 * day + 1),
      'day-30': ago(30 * day),
    })
    await store.setSetting('retentionDays', 7)
    expect(await purgeExpiredSessions(store, now)).toBe(2)
    expect(await remaining(store)).toEqual(['day-6', 'day-7-exactly', 'today'])
  })

  it('keeps everything younger than a long retention that the default would have removed', async () => {
    const store = await storeWith({ 'day-100': ago(100 * day), 'day-181': ago(181 * day) })
    await store.setSetting('retentionDays', 180)
    expect(await purgeExpiredSessions(store, now)).toBe(1)
    expect(await remaining(store)).toEqual(['day-100'])
  })

  it('removes the events and snapshot of a purged session too', async () => {
    const store = await storeWith({ old: ago(91 * day) })
    await store.commit({
      sessionId: 'old',
      records: [{ sessionId: 'old', seq: 1, type: 'beat.entered', data: {}, t: 0, wall: ago(91 * day) }],
      envelope: { schemaVersion: 1, sceneId: 'check-in', scriptHash: 'a'.repeat(64), appVersion: 'test', savedAt: ago(91 * day), snapshot: {} },
      status: 'active',
    })
    expect(await purgeExpiredSessions(store, now)).toBe(1)
    expect(await store.getSession('old')).toBeUndefined()
    expect(await store.events('old')).toEqual([])
    expect(await store.loadSnapshot('old')).toBeUndefined()
  })

  it('returns 0 and keeps everything when nothing is old enough, or when there are no sessions', async () => {
    expect(await purgeExpiredSessions(createMemoryStore(), now)).toBe(0)
    const store = await storeWith({ a: ago(day), b: ago(89 * day) })
    expect(await purgeExpiredSessions(store, now)).toBe(0)
    expect(await remaining(store)).toEqual(['a', 'b'])
  })

  it('does not touch a session dated in the future (a device clock that was set wrong)', async () => {
    const store = await storeWith({ future: new Date(now.getTime() + 30 * day).toISOString() })
    expect(await purgeExpiredSessions(store, now)).toBe(0)
    expect(await remaining(store)).toEqual(['future'])
  })

  it('offers the default among the retention choices', () => {
    expect(retentionChoices).toContain(defaultRetentionDays)
    expect([...retentionChoices]).toEqual([...retentionChoices].sort((a, b) => a - b))
  })
})
