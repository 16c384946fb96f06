import { getAdjacencyMap } from '@xstate/graph'
import { createActor, type AnyStateMachine } from 'xstate'
import { describe, expect, it } from 'vitest'
import type { SceneContext } from '../../src/engine/sceneTypes.ts'
import { transitionsOf, type ParamValues, type ScenarioScript } from '../../src/script/schema.ts'
import { checkLogData } from '../../src/engine/logEvents.ts'
import { machineFor } from '../../src/engine/machineCache.ts'
import { scriptHash } from '../../src/script/scriptHash.ts'
import { readSceneFiles } from '../../scripts/sceneFiles.ts'
import { paramCombinations, sampleEvents } from './sampleEvents.ts'

/**
 * Model path tests: explore each scene's compiled machine with every input a person could give, under every
 * parameter combination, and check that every beat is reachable and that from every reachable state an end
 * is reachable (no path traps the client).
 */
// Drill scenes have no beats: their trial loop has its own path test (drillPaths.test.ts).
const scenes = readSceneFiles().filter((s) => !s.result.ok || s.result.script.kind !== 'drill')

interface Snap {
  context: SceneContext
  status: string
}
/**
 * A state's identity for the explorer. Answers that no guard reads cannot change where the scene goes, so they are
 * left out: every value is still given (and its log record checked), but ten 7-point items do not make 7^10 states.
 */
let guardedItems = new Set<string>()
const key = (s: Snap) =>
  JSON.stringify([s.context.beat, Object.entries(s.context.answers).filter(([item]) => guardedItems.has(item)), s.context.flags, s.context.seat ?? null, s.context.props ?? null, s.status])
function readGuardedItems(script: ScenarioScript): Set<string> {
  return new Set(script.beats.flatMap((b) => transitionsOf(b).flatMap((t) => (typeof t.if?.params.item === 'string' ? [t.if.params.item] : []))))
}

/** Every state the scene can get into under these parameters, with its outgoing transitions. */
function explore(machine: AnyStateMachine, script: ScenarioScript, params: ParamValues) {
  guardedItems = readGuardedItems(script)
  const adjacency = getAdjacencyMap(machine, {
    input: { sessionId: 'model', params, timeScale: 1, startedAt: 0 },
    events: (snapshot) => sampleEvents(script, (snapshot as unknown as Snap).context.beat),
    serializeState: (s) => key(s as unknown as Snap),
    limit: 50_000,
  })
  return adjacency as unknown as Record<string, { state: Snap; transitions: Record<string, { state: Snap }> }>
}

describe.each(scenes.map((s) => [s.id, s] as const))('scene %s', (_id, scene) => {
  it('is valid', () => {
    expect(scene.result.errors).toEqual([])
  })
  if (!scene.result.ok) return
  const script = scene.result.script

  it('reaches every beat, and every reachable state can still reach the end', async () => {
    const machine = machineFor(script, await scriptHash(script)) as unknown as AnyStateMachine
    const reached = new Set<string>()
    for (const params of paramCombinations(script)) {
      const adjacency = explore(machine, script, params)
      const keys = Object.keys(adjacency)
      expect(keys.length).toBeGreaterThan(0)
      const canFinish = new Set(keys.filter((k) => adjacency[k]!.state.status === 'done'))
      expect(canFinish.size, `no end reached with params ${JSON.stringify(params)}`).toBeGreaterThan(0)
      let grew = true
      while (grew) {
        grew = false
        for (const k of keys) {
          if (canFinish.has(k)) continue
          if (Object.values(adjacency[k]!.transitions).some((t) => canFinish.has(key(t.state)))) {
            canFinish.add(k)
            grew = true
          }
        }
      }
      const stuck = keys.filter((k) => !canFinish.has(k))
      expect(stuck, `states that can never end (params ${JSON.stringify(params)})`).toEqual([])
      for (const k of keys) reached.add(adjacency[k]!.state.context.beat)
    }
    expect([...reached].sort()).toEqual(script.beats.map((b) => b.id).sort())
  })

  it('logs a gapless, increasing sequence along every path', async () => {
    const machine = machineFor(script, await scriptHash(script)) as unknown as AnyStateMachine
    for (const params of paramCombinations(script)) {
      const adjacency = explore(machine, script, params)
      for (const { state, transitions } of Object.values(adjacency)) {
        for (const { state: next } of Object.values(transitions)) {
          // Each step to another beat logs at least the input and the next beat's entry.
          if (next.context.beat !== state.context.beat) expect(next.context.seq).toBeGreaterThanOrEqual(state.context.seq + 2)
          else expect(next.context.seq).toBe(state.context.seq)
        }
      }
    }
  })
})

describe.each(scenes.filter((s) => s.result.ok).map((s) => [s.id, s] as const))('scene %s log', (_id, scene) => {
  it('emits only declared event types, each with the data its type promises', async () => {
    if (!scene.result.ok) return
    const script = scene.result.script
    const machine = machineFor(script, await scriptHash(script))
    const problems = new Set<string>()
    const seen = new Set<string>()
    for (const params of paramCombinations(script)) {
      for (const { state } of Object.values(explore(machine as unknown as AnyStateMachine, script, params))) {
        // Replay one input from this state with a live actor, to see what it emits.
        for (const event of sampleEvents(script, state.context.beat)) {
          const actor = createActor(machine, { input: { sessionId: 'model', params, startedAt: 0 }, snapshot: machine.resolveState({ value: state.context.beat, context: state.context }) })
          actor.on('log', ({ record }) => {
            seen.add(record.type)
            const problem = checkLogData(record.type, record.data)
            if (problem) problems.add(problem)
          })
          actor.start()
          actor.send(event)
          actor.stop()
        }
      }
    }
    expect([...problems]).toEqual([])
    expect(seen.has('answer.given')).toBe(true)
  })
})
