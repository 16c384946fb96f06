/**
 * The worker's check-in runs through the same engine as every scene on a phone: its answers go through the scene's
 * beats and become a research log, and the session leaves as the same bundle a client's session does. Nothing is
 * written anywhere here: the log lives in a memory store, and the caller decides where the bundle goes.
 */
import type { SessionClock } from '../../engine/clock.ts'
import { realClock } from '../../engine/clock.ts'
import { machineFor } from '../../engine/machineCache.ts'
import { createSceneRuntime } from '../../engine/runtime.ts'
import { buildSessionBundle, type SessionBundle } from '../../export/sessionBundle.ts'
import { summariseScene } from '../../log/sceneSummary.ts'
import type { BundledScene } from '../../script/bundledScene.ts'
import { createMemoryStore } from '../../storage/memoryStore.ts'
import type { SessionMeta } from '../../storage/sessionStore.ts'

export type CheckInAnswers = Record<string, string | number | null>

function newId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Runs the scene from start to end with these answers (an item without one is answered "no answer") and bundles it. */
export async function runCheckIn(scene: BundledScene, clientCode: string, answers: CheckInAnswers, options: { appVersion: string; sessionNumber: number; clock?: SessionClock }): Promise<SessionBundle> {
  const clock = options.clock ?? realClock
  const store = createMemoryStore()
  const now = new Date(clock.now()).toISOString()
  const meta: SessionMeta = {
    id: newId(),
    clientCode,
    sceneId: scene.script.id,
    sceneVersion: scene.script.version,
    scriptHash: scene.hash,
    params: {},
    status: 'active',
    createdAt: now,
    updatedAt: now,
    eventCount: 0,
    sessionNumber: options.sessionNumber,
  }
  await store.createSession(meta)
  const runtime = createSceneRuntime({
    machine: machineFor(scene.script, scene.hash),
    sceneId: scene.script.id,
    scriptHash: scene.hash,
    appVersion: options.appVersion,
    sessionId: meta.id,
    params: {},
    persistence: store,
    clock,
  })
  try {
    await runtime.start()
    // Every beat moves on once; a flow that loops would never end, so the walk stops after one pass per beat and more.
    for (let step = 0; step < scene.script.beats.length * 2 + 2; step++) {
      const view = runtime.getView()
      if (!view || view.status === 'completed') break
      const beat = scene.script.beats.find((b) => b.id === view.beat)
      if (!beat) throw new Error(`beat "${view.beat}" is not in the scene`)
      if (beat.ask !== undefined) await runtime.send({ type: 'answered', beat: beat.id, item: beat.ask, value: answers[beat.ask] ?? null, latencyMs: 0 })
      else if (beat.say !== undefined && beat.wait === undefined) await runtime.send({ type: 'continue', beat: beat.id })
      else throw new Error(`beat "${beat.id}" waits for time or sound; a check-in filled in at once cannot pass it`)
    }
    if (runtime.getView()?.status !== 'completed') throw new Error('the check-in did not reach its end')
  } finally {
    runtime.stop()
  }
  const done = (await store.getSession(meta.id))!
  const events = await store.events(meta.id)
  // The summary a questionnaire's end screen puts in its file (log/sessionSummary.ts), so both files look alike.
  const summary = { scene: summariseScene(events) }
  return buildSessionBundle({ meta: done, events, appVersion: options.appVersion, summary })
}
