import { toMachineConfig } from '../compile/toMachineConfig.ts'
import type { ScenarioScript } from '../script/schema.ts'
import { sceneSetup } from './registry.ts'

export type SceneMachine = ReturnType<typeof buildMachine>

function buildMachine(script: ScenarioScript) {
  const config = toMachineConfig(script)
  return sceneSetup.createMachine({
    ...(config as unknown as Parameters<typeof sceneSetup.createMachine>[0]),
    context: ({ input }) => ({
      sessionId: input.sessionId,
      params: input.params,
      beat: config.initial,
      answers: {},
      flags: {},
      seq: 0,
      deadlineAt: null,
      timeScale: input.timeScale ?? 1,
      startedAt: input.startedAt,
      cue: null,
      poses: {},
      paused: null,
    }),
  })
}

const cache = new Map<string, SceneMachine>()

/** Builds a scene's machine once per script hash; React renders and resumed sessions reuse it. */
export function machineFor(script: ScenarioScript, hash: string): SceneMachine {
  let machine = cache.get(hash)
  if (!machine) {
    machine = buildMachine(script)
    cache.set(hash, machine)
  }
  return machine
}
