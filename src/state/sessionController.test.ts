import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../engine/clock.ts'
import type { SceneRuntime } from '../engine/runtime.ts'
import { parseScene } from '../script/parse.ts'
import { scriptHash } from '../script/scriptHash.ts'
import { createMemoryStore } from '../storage/memoryStore.ts'
import type { CatalogScene } from './sceneCatalog.ts'
import { resumeSession, startSession, type ResumeResult, type RunningSession } from './sessionController.ts'

const file = 'scenes/check-in/scene.yaml'
const sceneText = readFileSync(new URL('../../scenes/check-in/scene.yaml', import.meta.url), 'utf8')

async function catalogScene(text: string): Promise<CatalogScene> {
  const parsed = parseScene(text, file)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return { script: parsed.script, hash: await scriptHash(parsed.script), file, stimulusSets: {} }
}

const running: SceneRuntime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.stop()
})

async function setup() {
  const scene = await catalogScene(sceneText)
  const store = createMemoryStore()
  const clock = manualClock()
  const deps = { store, clock, appVersion: 'test', timeScale: 1 }
  const track = <T extends ResumeResult>(result: T): T => {
    if ('runtime' in result) running.push(result.runtime)
    return result
  }
  const start = async () => track(await startSession(deps, scene, 'AB12', { followUp: true }))
  return { scene, store, clock, deps, start, track }
}

function isRunning(result: ResumeResult): result is RunningSession {
  return 'runtime' in result
}

describe('startSession', () => {
  it('creates an active session for the scene, marks it as the active one and shows the first beat', async () => {
    const { scene, store, clock, start } = await setup()
    const session = await start()

    expect(session.resumed).toBe(false)
    expect(session.scene).toBe(scene)
    expect(session.meta.id).toMatch(/^[0-9a-f]{32}$/)
    expect(await store.getSetting('activeSessionId')).toBe(session.meta.id)
    const stored = await store.getSession(session.meta.id)
    expect(stored).toMatchObject({
      id: session.meta.id,
      clientCode: 'AB12',
      sceneId: 'check-in',
      sceneVersion: 1,
      scriptHash: scene.hash,
      params: { followUp: true },
      status: 'active',
      createdAt: new Date(clock.now()).toISOString(),
      eventCount: 1,
    })
    expect(session.runtime.getView()?.beat).toBe('welcome')
    expect((await store.events(session.meta.id)).map((e) => [e.seq, e.type])).toEqual([[1, 'beat.entered']])
    expect(await store.loadSnapshot(session.meta.id)).toMatchObject({ sceneId: 'check-in', scriptHash: scene.hash, appVersion: 'test' })
  })

  it('gives every session its own id', async () => {
    const { start, store } = await setup()
    const a = await start()
    const b = await start()
    expect(a.meta.id).not.toBe(b.meta.id)
    expect(await store.listSessions()).toHaveLength(2)
    expect(await store.getSetting('activeSessionId')).toBe(b.meta.id)
  })
})

describe('resumeSession', () => {
  it('resumes an active session at the beat it was in, without repeating records', async () => {
    const { scene, store, deps, start, track } = await setup()
    const first = await start()
    await first.runtime.send({ type: 'continue', beat: 'welcome', latencyMs: 900 })
    await first.runtime.send({ type: 'answered', beat: 'ask-mood', item: 'mood', value: 4, latencyMs: 1500 })
    expect(first.runtime.getView()?.beat).toBe('ask-sleep')
    first.runtime.stop()
    const before = await store.events(first.meta.id)

    const result = track(await resumeSession(deps, first.meta.id, [scene]))

    if (!isRunning(result)) throw new Error(`expected a running session, got closed: ${result.reason}`)
    expect(result.resumed).toBe(true)
    expect(result.meta.id).toBe(first.meta.id)
    expect(result.runtime.getView()?.beat).toBe('ask-sleep')
    expect(result.runtime.getView()?.context.answers).toEqual({ mood: 4 })
    expect(await store.events(first.meta.id)).toEqual(before)
    expect(await store.getSetting('activeSessionId')).toBe(first.meta.id)

    // It goes on from there with the next seq.
    await result.runtime.send({ type: 'answered', beat: 'ask-sleep', item: 'sleep', value: 'bad', latencyMs: 700 })
    expect(result.runtime.getView()?.beat).toBe('ask-hard-part')
    const seqs = (await store.events(first.meta.id)).map((e) => e.seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
    expect(seqs.length).toBeGreaterThan(before.length)
  })

  it('closes a session whose scene changed, logging why, and keeps everything recorded so far', async () => {
    const { store, clock, deps, start } = await setup()
    const first = await start()
    await first.runtime.send({ type: 'continue', beat: 'welcome' })
    await first.runtime.send({ type: 'answered', beat: 'ask-mood', item: 'mood', value: 2, latencyMs: 1000 })
    first.runtime.stop()
    const before = await store.events(first.meta.id)
    const lastSeq = before.at(-1)!.seq

    const changedText = sceneText.replace('Dank je wel. Je bent klaar.', 'Dank je wel. Tot de volgende keer.')
    expect(changedText).not.toBe(sceneText)
    const changed = await catalogScene(changedText)
    expect(changed.hash).not.toBe(first.scene.hash)
    clock.advance(60_000)

    const result = await resumeSession(deps, first.meta.id, [changed])

    expect(isRunning(result)).toBe(false)
    if (isRunning(result)) return
    expect(result.closed).toBe(true)
    expect(result.reason).toMatch(/changed/)
    expect(result.reason).toContain('check-in')
    const after = await store.events(first.meta.id)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toEqual({
      seq: lastSeq + 1,
      type: 'session.closed',
      data: { reason: result.reason },
      sessionId: first.meta.id,
      t: clock.perf(),
      wall: new Date(clock.now()).toISOString(),
    })
    expect(await store.getSession(first.meta.id)).toMatchObject({ status: 'closed', closedReason: result.reason, eventCount: after.length })
    expect(await store.getSetting('activeSessionId')).toBeNull()

    // Trying again does not close it twice.
    const again = await resumeSession(deps, first.meta.id, [changed])
    expect(again).toMatchObject({ closed: true, reason: 'session is already closed' })
    expect(await store.events(first.meta.id)).toEqual(after)
  })

  it('leaves activeSessionId alone when it points at another session', async () => {
    const { store, deps, start } = await setup()
    const old = await start()
    old.runtime.stop()
    const current = await start()
    const changed = await catalogScene(sceneText.replace('Adem even rustig in en uit.', 'Adem rustig.'))
    const result = await resumeSession(deps, old.meta.id, [changed])
    expect(result).toMatchObject({ closed: true })
    expect(await store.getSetting('activeSessionId')).toBe(current.meta.id)
  })

  it('closes a session whose scene is no longer in the app', async () => {
    const { store, deps, start } = await setup()
    const first = await start()
    first.runtime.stop()
    const result = await resumeSession(deps, first.meta.id, [])
    expect(result).toMatchObject({ closed: true, reason: 'scene "check-in" is no longer in this app' })
    expect((await store.events(first.meta.id)).map((e) => [e.seq, e.type])).toEqual([
      [1, 'beat.entered'],
      [2, 'session.closed'],
    ])
    expect(await store.getSession(first.meta.id)).toMatchObject({ status: 'closed' })
  })

  it('closes a session that has no saved state, with the closing record as seq 1', async () => {
    const { scene, store, deps } = await setup()
    await store.createSession({
      id: 'no-snapshot',
      clientCode: 'AB12',
      sceneId: 'check-in',
      sceneVersion: 1,
      scriptHash: scene.hash,
      params: { followUp: true },
      status: 'active',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      eventCount: 0,
    })
    const result = await resumeSession(deps, 'no-snapshot', [scene])
    expect(result).toMatchObject({ closed: true, reason: 'no saved state was found for this session' })
    expect((await store.events('no-snapshot')).map((e) => [e.seq, e.type])).toEqual([[1, 'session.closed']])
  })

  it('returns closed, without throwing or writing, for a session that is not on this device', async () => {
    const { scene, store, deps } = await setup()
    const result = await resumeSession(deps, 'does-not-exist', [scene])
    expect(result).toEqual({ closed: true, reason: 'session not found on this device' })
    expect(await store.listSessions()).toEqual([])
    expect(await store.events('does-not-exist')).toEqual([])
  })

  it('returns closed, without throwing or writing, for a completed session', async () => {
    const { scene, store, deps, start } = await setup()
    const session = await start()
    const { runtime } = session
    await runtime.send({ type: 'continue', beat: 'welcome' })
    await runtime.send({ type: 'answered', beat: 'ask-mood', item: 'mood', value: 5, latencyMs: 1 })
    await runtime.send({ type: 'answered', beat: 'ask-sleep', item: 'sleep', value: 'good', latencyMs: 1 })
    await runtime.send({ type: 'answered', beat: 'ask-hard-part', item: 'hard-part', value: 'werk', latencyMs: 1 })
    await runtime.send({ type: 'answered', beat: 'ask-stress', item: 'stress', value: 2, latencyMs: 1 })
    await runtime.send({ type: 'answered', beat: 'ask-talk', item: 'talk', value: 'no', latencyMs: 1 })
    expect(runtime.getView()?.status).toBe('completed')
    runtime.stop()
    const events = await store.events(session.meta.id)
    expect(events.at(-1)?.type).toBe('session.completed')
    const meta = await store.getSession(session.meta.id)
    expect(meta?.status).toBe('completed')

    const result = await resumeSession(deps, session.meta.id, [scene])

    expect(result).toEqual({ closed: true, reason: 'session is already completed', meta })
    expect(await store.events(session.meta.id)).toEqual(events)
    expect(await store.getSession(session.meta.id)).toEqual(meta)
  })
})
