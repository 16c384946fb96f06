import { describe, expect, it } from 'vitest'
import { parseScene } from '../script/parse.ts'
import { scriptHash } from '../script/scriptHash.ts'
import { createMemoryStore } from '../storage/memoryStore.ts'
import { manualClock } from './clock.ts'
import { checkEnvelope } from './envelope.ts'
import { machineFor } from './machineCache.ts'
import { createSceneRuntime } from './runtime.ts'

const yaml = `
id: tiny
version: 1
kind: questionnaire
title: { nl: Klein, en: Tiny }
items:
  q: { type: choice, prompt: { nl: Vraag, en: Question }, options: [ { value: a, label: { nl: A, en: A } }, { value: b, label: { nl: B, en: B } } ] }
lines:
  hi: { nl: Hoi, en: Hi }
  bye: { nl: Dag, en: Bye }
beats:
  - { id: hello, say: hi, do: [ { type: mark, params: { label: start } } ], next: { on: continue, to: ask } }
  - id: ask
    ask: q
    next:
      - { on: answered, to: pause, if: { type: answerIs, params: { item: q, value: a } } }
      - { on: answered, to: done }
  - { id: pause, say: hi, wait: 10000, next: { on: deadline, to: done } }
  - { id: done, say: bye, end: true }
`

async function setup(timeScale = 1) {
  const parsed = parseScene(yaml, 'tiny.yaml')
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const hash = await scriptHash(parsed.script)
  const store = createMemoryStore()
  const clock = manualClock()
  await store.createSession({ id: 's1', clientCode: 'AB12', sceneId: 'tiny', sceneVersion: 1, scriptHash: hash, params: {}, status: 'active', createdAt: '', updatedAt: '', eventCount: 0 })
  const make = (resume?: boolean) =>
    (async () =>
      createSceneRuntime({
        machine: machineFor(parsed.script, hash),
        sceneId: 'tiny',
        scriptHash: hash,
        appVersion: 'test',
        sessionId: 's1',
        params: {},
        timeScale,
        persistence: store,
        clock,
        resumeFrom: resume ? await store.loadSnapshot('s1') : undefined,
      }))()
  return { store, clock, make, hash }
}

describe('scene runtime', () => {
  it('commits beat and answer records with gapless sequence numbers before showing the next beat', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.start()
    expect(runtime.getView()?.beat).toBe('hello')
    await runtime.send({ type: 'continue', beat: 'hello', latencyMs: 800 })
    await runtime.send({ type: 'answered', beat: 'ask', item: 'q', value: 'b', latencyMs: 1200 })
    expect(runtime.getView()?.status).toBe('completed')
    const events = await store.events('s1')
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'beat.entered'],
      [2, 'marker'],
      [3, 'line.continued'],
      [4, 'beat.entered'],
      [5, 'answer.given'],
      [6, 'beat.entered'],
      [7, 'session.completed'],
    ])
    expect(events[4]!.data).toEqual({ beat: 'ask', item: 'q', value: 'b', latencyMs: 1200 })
    expect((await store.getSession('s1'))?.status).toBe('completed')
  })

  it('ignores a second tap meant for a beat that has already moved on', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.start()
    await Promise.all([runtime.send({ type: 'continue', beat: 'hello' }), runtime.send({ type: 'continue', beat: 'hello' })])
    expect(runtime.getView()?.beat).toBe('ask')
    expect((await store.events('s1')).filter((e) => e.type === 'line.continued')).toHaveLength(1)
  })

  it('resumes from the stored snapshot at the same beat without repeating records', async () => {
    const { store, make } = await setup()
    const first = await make()
    await first.start()
    await first.send({ type: 'continue', beat: 'hello' })
    first.stop()
    const second = await make(true)
    await second.start()
    expect(second.getView()?.beat).toBe('ask')
    await second.send({ type: 'answered', beat: 'ask', item: 'q', value: 'b', latencyMs: 5 })
    const seqs = (await store.events('s1')).map((e) => e.seq)
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('advances a wait on its absolute deadline, also after a resume, and faster under a test time scale', async () => {
    const { store, clock, make } = await setup(10)
    const first = await make()
    await first.start()
    await first.send({ type: 'continue', beat: 'hello' })
    await first.send({ type: 'answered', beat: 'ask', item: 'q', value: 'a', latencyMs: 5 })
    expect(first.getView()?.beat).toBe('pause')
    expect(first.getView()?.context.deadlineAt).toBe(clock.now() + 1000)
    first.stop()
    clock.advance(400)
    const second = await make(true)
    await second.start()
    expect(second.getView()?.beat).toBe('pause')
    clock.advance(599)
    await second.send({ type: 'deadline' }) // early: ignored by the guard
    expect(second.getView()?.beat).toBe('pause')
    clock.advance(1)
    await new Promise((r) => setTimeout(r, 0))
    await second.retry()
    expect(second.getView()?.beat).toBe('done')
    expect((await store.events('s1')).at(-1)?.type).toBe('session.completed')
  })

  it('keeps records that failed to commit and stores them with the next successful commit', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.start()
    ;(store as ReturnType<typeof createMemoryStore>).failNextCommit(new Error('QuotaExceededError'))
    await runtime.send({ type: 'continue', beat: 'hello' })
    expect(runtime.getView()?.storageError).toMatch(/Quota/)
    expect(runtime.unsavedRecords().map((r) => r.seq)).toEqual([3, 4])
    await runtime.retry()
    expect(runtime.getView()?.storageError).toBeNull()
    expect((await store.events('s1')).map((e) => e.seq)).toEqual([1, 2, 3, 4])
  })

  it('shows a safety pause at once, while the inputs before it are still being committed, and logs it in order', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.start()
    // A slow store: every commit waits until the test lets it through (a busy headset's IndexedDB).
    const gates: (() => void)[] = []
    const commit = store.commit.bind(store)
    store.commit = async (batch) => {
      await new Promise<void>((open) => gates.push(open))
      return commit(batch)
    }
    const seen: { beat: string; paused: string | null }[] = []
    runtime.subscribe((view) => seen.push({ beat: view.beat, paused: view.context.paused?.reason ?? null }))
    const continued = runtime.send({ type: 'continue', beat: 'hello' })
    const paused = runtime.send({ type: 'pause', reason: 'trainer-console' })
    // Nothing committed yet, and the pause is already what the client sees.
    expect(gates).toHaveLength(0)
    await Promise.resolve()
    expect(seen).toEqual([{ beat: 'hello', paused: 'trainer-console' }])
    expect(runtime.getView()?.context.paused?.reason).toBe('trainer-console')
    // The continue's commit lands: the new beat, still shown paused, because the pause is not yet taken.
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0))
    gates.shift()!()
    await continued
    expect(seen.at(-1)).toEqual({ beat: 'ask', paused: 'trainer-console' })
    // The pause's own commit: the machine's view is paused now, and the records are in input order.
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0))
    gates.shift()!()
    await paused
    expect(seen.every((v) => v.paused === 'trainer-console')).toBe(true)
    expect((await store.events('s1')).map((e) => e.type).slice(-3)).toEqual(['line.continued', 'beat.entered', 'safety.paused'])
  })

  it('skips the beat the trainer saw, and drops a skip for a beat the scene has already left', async () => {
    const { store, make } = await setup()
    const runtime = await make()
    await runtime.start()
    await runtime.send({ type: 'continue', beat: 'hello' })
    // The trainer pressed "Volgende stap" while seeing the first beat; the client had just gone on.
    await runtime.send({ type: 'skip', beat: 'hello' })
    expect(runtime.getView()?.beat).toBe('ask')
    await runtime.send({ type: 'skip', beat: 'ask' })
    expect(runtime.getView()?.beat).not.toBe('ask')
    expect((await store.events('s1')).filter((e) => e.type === 'beat.skipped').map((e) => e.data.beat)).toEqual(['ask'])
  })

  it('never shows a pause once the scene has ended', async () => {
    const { make } = await setup()
    const runtime = await make()
    await runtime.start()
    await runtime.send({ type: 'continue', beat: 'hello' })
    await runtime.send({ type: 'answered', beat: 'ask', item: 'q', value: 'b', latencyMs: 900 })
    expect(runtime.getView()?.status).toBe('completed')
    // After the end there is nothing to pause: shown neither at once nor after.
    await runtime.send({ type: 'pause', reason: 'late' })
    expect(runtime.getView()?.context.paused).toBeNull()
  })

  it('tells a snapshot of a changed scene apart from a current one', async () => {
    const { store, make, hash } = await setup()
    const runtime = await make()
    await runtime.start()
    const envelope = (await store.loadSnapshot('s1'))!
    expect(checkEnvelope(envelope, { sceneId: 'tiny', scriptHash: hash })).toEqual({ ok: true })
    const changed = checkEnvelope(envelope, { sceneId: 'tiny', scriptHash: 'f'.repeat(64) })
    expect(changed.ok).toBe(false)
    expect(!changed.ok && changed.reason).toMatch(/changed since this session started/)
  })
})

describe('head-direction dwell, owned by the runtime', () => {
  const sample = (t: number, on: boolean) => ({ type: 'head-sample' as const, sample: { t, yawDeg: on ? 0 : 90, targets: { door: { angleDeg: on ? 0 : 90, coneDeg: 18 } } } })

  it('measures each beat from the stamp of the input that started it to the next one, and logs it just before that input', async () => {
    const { store, clock, make } = await setup()
    const runtime = await make()
    await runtime.start() // beat "hello" starts at perf 0
    clock.advance(100)
    void runtime.send(sample(100, true))
    clock.advance(300)
    void runtime.send(sample(400, false))
    clock.advance(100)
    // The answer's own time stamp (500) ends "hello", however late the renderer gets to it.
    await runtime.send({ type: 'continue', beat: 'hello' }, 500)
    void runtime.send(sample(520, true))
    clock.advance(200)
    await runtime.send({ type: 'answered', beat: 'ask', item: 'q', value: 'b', latencyMs: 1 }, 700)
    const events = await store.events('s1')
    expect(events.map((e) => e.type)).toEqual(['beat.entered', 'marker', 'head.dwell', 'line.continued', 'beat.entered', 'head.dwell', 'answer.given', 'beat.entered', 'session.completed'])
    const [hello, ask] = events.filter((e) => e.type === 'head.dwell').map((e) => e.data as Record<string, any>)
    expect(hello).toMatchObject({ beat: 'hello', durationMs: 400, missingMs: 100, resumed: false, targets: { door: { share: 0.75, firstLookMs: 100, lookAways: 1 } } })
    expect(hello!.noneShare).toBeCloseTo(0.25, 9)
    // "ask" starts with the head away from the door (the pose carried over), then looks at 520 (20 ms in).
    expect(ask).toMatchObject({ beat: 'ask', durationMs: 200, missingMs: 0, targets: { door: { share: 0.9, firstLookMs: 20, lookAways: 0 } } })
  })

  it('cuts pauses out at the stamps of the pause and resume inputs', async () => {
    const { store, clock, make } = await setup()
    const runtime = await make()
    await runtime.start()
    void runtime.send(sample(0, true))
    clock.advance(100)
    await runtime.send({ type: 'pause', reason: 'test' }, 100)
    clock.advance(1000)
    void runtime.send(sample(1100, false))
    await runtime.send({ type: 'resume' }, 1100)
    clock.advance(100)
    await runtime.send({ type: 'continue', beat: 'hello' }, 1200)
    const dwell = (await store.events('s1')).find((e) => e.type === 'head.dwell')!.data as Record<string, any>
    expect(dwell.durationMs).toBe(200)
    expect(dwell.targets.door.share).toBe(0.5)
    expect(dwell.targets.door.lookAways).toBe(1)
  })

  it('continues a beat across a reload from the totals committed with the snapshot: one record, lost time counted, marked resumed', async () => {
    const { store, clock, make } = await setup()
    const first = await make()
    await first.start()
    void first.send(sample(0, true))
    clock.advance(1500)
    void first.send(sample(1500, true)) // over a second since the last commit: the totals are committed
    await new Promise((r) => setTimeout(r, 0))
    const saved = (await store.loadSnapshot('s1'))!
    expect(saved.measures).toMatchObject({ beat: 'hello', measuredMs: 1500 })
    first.stop()
    clock.advance(4000) // the reload
    const second = await make(true)
    await second.start()
    const now = clock.perf()
    void second.send(sample(now, true))
    clock.advance(500)
    await second.send({ type: 'continue', beat: 'hello' }, now + 500)
    const records = (await store.events('s1')).filter((e) => e.type === 'head.dwell')
    expect(records).toHaveLength(1)
    expect(records[0]!.data).toMatchObject({ beat: 'hello', resumed: true, durationMs: 2000, missingMs: 4000, targets: { door: { share: 1, firstLookMs: 0, lookAways: 0 } } })
  })
})
