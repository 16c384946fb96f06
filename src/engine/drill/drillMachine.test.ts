import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../storage/memoryStore.ts'
import { manualClock } from '../clock.ts'
import { checkLogData } from '../logEvents.ts'
import { createMachineRuntime } from '../runtime.ts'
import { drillMachine, type DrillContext, type DrillInputEvent } from './drillMachine.ts'
import type { PlannedTrial } from './trialList.ts'

const trials: PlannedTrial[] = [
  { block: 'practice', trial: 1, stimulus: 'a1', category: 'alcohol', required: 'push' },
  { block: 'training', trial: 1, stimulus: 's1', category: 'soft', required: 'pull' },
  { block: 'training', trial: 2, stimulus: 'a2', category: 'alcohol', required: 'push' },
]
const timing = { fixationMs: 300, feedbackMs: 1000, timeoutMs: 3000 }

async function setup() {
  const store = createMemoryStore()
  const clock = manualClock()
  await store.createSession({ id: 'd1', clientCode: 'AB12', sceneId: 'alcohol-aat', sceneVersion: 1, scriptHash: 'h', params: {}, status: 'active', createdAt: '', updatedAt: '', eventCount: 0 })
  const make = async (resume = false) => {
    const runtime = createMachineRuntime<DrillContext, DrillInputEvent>({
      machine: drillMachine,
      sceneId: 'alcohol-aat',
      scriptHash: 'h',
      appVersion: 'test',
      sessionId: 'd1',
      persistence: store,
      clock,
      input: { sessionId: 'd1', startedAt: clock.now(), trials, timing, plan: { seed: 1, instruction: 'content-relevant', blocks: [], stimulusSet: 'x', ownPhotos: 0 } },
      resumeFrom: resume ? await store.loadSnapshot('d1') : undefined,
    })
    await runtime.start()
    return runtime
  }
  /** Lets the runtime's scheduled deadline fire and commit. */
  const pass = async (ms: number) => {
    clock.advance(ms)
    await new Promise((r) => setTimeout(r, 0))
    await new Promise((r) => setTimeout(r, 0))
  }
  return { store, clock, make, pass }
}

const trialRecords = async (store: ReturnType<typeof createMemoryStore>) => (await store.events('d1')).filter((e) => e.type === 'drill.trial').map((e) => e.data)

describe('drill machine', () => {
  it('runs intro → pause → picture → swipe per trial, with onset-based RTs', async () => {
    const { store, make, pass } = await setup()
    const runtime = await make()
    expect(runtime.getView()?.beat).toBe('intro-practice')
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    expect(runtime.getView()?.state).toBe('fixation')
    await pass(300)
    expect(runtime.getView()?.state).toBe('stimulus')
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 1000, frameIntervalMs: 16.7 })
    await runtime.send({ type: 'response', beat: 'trial-0-1', response: 'push', touchdownMs: 1400, initiationMs: 1450.25, completionMs: 1600 })
    expect(runtime.getView()?.beat).toBe('intro-training')
    const [first] = await trialRecords(store)
    expect(first).toMatchObject({ block: 'practice', trial: 1, attempt: 1, response: 'push', correct: true, onset_ms: 1000, rt_initiation_ms: 450.25, rt_completion_ms: 600, frame_interval_ms: 16.7 })
  })

  it('records the browser’s paint time of the picture on screen, and drops one meant for another attempt', async () => {
    const { store, make, pass } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 1000, frameIntervalMs: 16.7 })
    await runtime.send({ type: 'painted', beat: 'trial-0-0', paintedMs: 900 }) // a stale one: not this attempt
    await runtime.send({ type: 'painted', beat: 'trial-0-1', paintedMs: 1012.125 })
    await runtime.send({ type: 'response', beat: 'trial-0-1', response: 'push', touchdownMs: 1400, initiationMs: 1450, completionMs: 1600 })
    await runtime.send({ type: 'continue', beat: 'intro-training' })
    await pass(300)
    // No paint reported (a browser without Element Timing): the column stays empty.
    await runtime.send({ type: 'shown', beat: 'trial-1-1', onsetMs: 3000, frameIntervalMs: 16.7 })
    await runtime.send({ type: 'response', beat: 'trial-1-1', response: 'pull', touchdownMs: 3400, initiationMs: 3450, completionMs: 3600 })
    const records = await trialRecords(store)
    expect(records.map((r) => r.painted_ms)).toEqual([1012.125, null])
    for (const r of records) expect(checkLogData('drill.trial', r)).toBeNull()
  })

  it('repeats a trial after a wrong swipe and after a timeout, logging each attempt', async () => {
    const { store, make, pass } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 10, frameIntervalMs: 16 })
    await runtime.send({ type: 'response', beat: 'trial-0-1', response: 'pull', touchdownMs: 20, initiationMs: 30, completionMs: 40 })
    expect(runtime.getView()?.state).toBe('feedback')
    expect(runtime.getView()?.context.feedback).toBe('wrong')
    await pass(1000)
    expect(runtime.getView()?.beat).toBe('trial-0-2')
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-2', onsetMs: 2000, frameIntervalMs: 16 })
    await pass(3000)
    expect(runtime.getView()?.context.feedback).toBe('timeout')
    await pass(1000)
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-3', onsetMs: 9000, frameIntervalMs: 16 })
    await runtime.send({ type: 'response', beat: 'trial-0-3', response: 'push', touchdownMs: 9100, initiationMs: 9150, completionMs: 9300 })
    const records = await trialRecords(store)
    expect(records.map((r) => [r.attempt, r.response, r.correct])).toEqual([
      [1, 'pull', false],
      [2, 'none', false],
      [3, 'push', true],
    ])
    expect(records[1]).toMatchObject({ touchdown_ms: null, rt_initiation_ms: null, onset_ms: 2000 })
  })

  it('ignores a late response for an attempt that already timed out', async () => {
    const { store, make, pass } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 10, frameIntervalMs: 16 })
    await pass(3000)
    await runtime.send({ type: 'response', beat: 'trial-0-1', response: 'push', touchdownMs: 20, initiationMs: 30, completionMs: 40 })
    expect((await trialRecords(store)).map((r) => r.response)).toEqual(['none'])
  })

  it('resumes at the same trial of the same list after a crash, without repeating records', async () => {
    const { store, make, pass } = await setup()
    const first = await make()
    await first.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await first.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 10, frameIntervalMs: 16 })
    await first.send({ type: 'response', beat: 'trial-0-1', response: 'push', touchdownMs: 20, initiationMs: 30, completionMs: 40 })
    await first.send({ type: 'continue', beat: 'intro-training' })
    first.stop()
    const before = await store.events('d1')
    const second = await make(true)
    expect(second.getView()?.beat).toBe('trial-1-1')
    expect(second.getView()?.context.trials).toEqual(trials)
    await pass(300)
    await second.send({ type: 'shown', beat: 'trial-1-1', onsetMs: 50, frameIntervalMs: 16 })
    await second.send({ type: 'response', beat: 'trial-1-1', response: 'pull', touchdownMs: 60, initiationMs: 70, completionMs: 90 })
    await pass(300)
    await second.send({ type: 'shown', beat: 'trial-2-1', onsetMs: 500, frameIntervalMs: 16 })
    await second.send({ type: 'response', beat: 'trial-2-1', response: 'push', touchdownMs: 600, initiationMs: 650, completionMs: 700 })
    expect(second.getView()?.status).toBe('completed')
    const after = await store.events('d1')
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1))
    for (const e of after) expect(checkLogData(e.type, e.data)).toBeNull()
    expect(after.at(-1)?.type).toBe('session.completed')
  })
})

describe('drill pause', () => {
  it('a stop mid-picture keeps every committed trial, logs no trial, and a resume after a reload shows the same picture again without a timeout', async () => {
    const { store, clock, make, pass } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 1000, frameIntervalMs: 16.7 })
    await runtime.send({ type: 'pause', reason: 'client-stop' })
    expect(runtime.getView()?.state).toBe('paused')
    await pass(10_000)
    expect(runtime.getView()?.state).toBe('paused')
    runtime.stop()
    const before = await store.events('d1')
    expect(before.filter((e) => e.type === 'drill.trial')).toHaveLength(0)
    clock.advance(60_000)
    // Coming back: the page opens with a pause (a no-op here), then the client goes on.
    const again = await make(true)
    expect(again.getView()?.state).toBe('paused')
    await pass(10_000)
    expect((await store.events('d1')).length).toBe(before.length)
    await again.send({ type: 'continue', beat: again.getView()!.beat })
    expect(again.getView()?.state).toBe('fixation')
    expect(again.getView()?.beat).toBe('trial-0-1')
    const after = await store.events('d1')
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.at(-1)).toMatchObject({ type: 'safety.resumed' })
    expect((after.at(-1)!.data as { pausedMs: number }).pausedMs).toBeGreaterThanOrEqual(60_000)
    for (const e of after) expect(checkLogData(e.type, e.data)).toBeNull()
  })

  it('a page closed mid-picture, opened again with a pause, records no timeout for the stale deadline', async () => {
    const { store, clock, make, pass } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    await pass(300)
    await runtime.send({ type: 'shown', beat: 'trial-0-1', onsetMs: 1000, frameIntervalMs: 16.7 })
    runtime.stop()
    clock.advance(30_000)
    const snapshot = await store.loadSnapshot('d1')
    const again = createMachineRuntime<DrillContext, DrillInputEvent>({
      machine: drillMachine, sceneId: 'alcohol-aat', scriptHash: 'h', appVersion: 'test', sessionId: 'd1', persistence: store, clock,
      input: {}, resumeFrom: snapshot,
    })
    await again.start({ type: 'pause', reason: 'came-back' })
    await pass(5000)
    expect(again.getView()?.state).toBe('paused')
    expect(await trialRecords(store)).toHaveLength(0)
    await again.send({ type: 'continue', beat: again.getView()!.beat })
    await pass(300)
    expect(again.getView()?.state).toBe('stimulus')
    expect(again.getView()?.beat).toBe('trial-0-1')
  })

  it('a stop in an instruction shows the instruction again without logging the block twice', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.send({ type: 'pause', reason: 'client-stop' })
    await runtime.send({ type: 'continue', beat: runtime.getView()!.beat })
    expect(runtime.getView()?.state).toBe('introAgain')
    expect(runtime.getView()?.beat).toBe('intro-practice')
    await runtime.send({ type: 'continue', beat: 'intro-practice' })
    expect(runtime.getView()?.state).toBe('fixation')
    expect((await store.events('d1')).filter((e) => e.type === 'drill.block.started')).toHaveLength(1)
  })
})
