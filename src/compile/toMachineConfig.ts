import { eventForBeat } from '../script/beatEvent.ts'
import { transitionsOf, type Beat, type ScenarioScript } from '../script/schema.ts'

/** A named behaviour with parameters, exactly as XState's `setup()` registry expects it. */
export interface BehaviourRef {
  type: string
  params?: Record<string, unknown>
}

export interface TransitionConfig {
  target?: string
  guard?: BehaviourRef
  actions: BehaviourRef[]
}

export interface BeatStateConfig {
  entry: BehaviourRef[]
  on: Record<string, TransitionConfig[]>
  type?: 'final'
}

export interface SceneMachineConfig {
  id: string
  initial: string
  states: Record<string, BeatStateConfig>
  /** Safety and measurement, accepted in every beat. */
  on: Record<string, TransitionConfig | TransitionConfig[]>
}

/** The state a safety stop ends in; beat ids cannot start with "_", so it never collides with a beat. */
export const stoppedState = '_stopped'

/**
 * ScenarioScript → plain, JSON-serialisable machine config. Pure, so it can be snapshot-tested and cached;
 * every behaviour in it is a name from the engine registry, never a function.
 */
export function toMachineConfig(script: ScenarioScript): SceneMachineConfig {
  const states: Record<string, BeatStateConfig> = {}
  for (const beat of script.beats) states[beat.id] = beatState(beat)
  states[stoppedState] = { entry: [{ type: 'logStop' }], on: {}, type: 'final' }
  return {
    id: script.id,
    initial: script.beats[0]!.id,
    states,
    on: {
      pause: { guard: { type: 'notPaused' }, actions: [{ type: 'pauseScene' }] } as TransitionConfig,
      resume: { guard: { type: 'isPaused' }, actions: [{ type: 'resumeScene' }] } as TransitionConfig,
      stop: { target: `.${stoppedState}`, actions: [] },
      measure: { actions: [{ type: 'logMeasure' }] } as TransitionConfig,
      repeat: { guard: { type: 'notPaused' }, actions: [{ type: 'repeatCue' }] } as TransitionConfig,
    },
  }
}

function beatState(beat: Beat): BeatStateConfig {
  const entry: BehaviourRef[] = [
    { type: 'enterBeat', params: { beat: beat.id } },
    { type: 'logEvent', params: { type: 'beat.entered', data: { beat: beat.id } } },
    ...beat.do.map((a) => ({ type: a.type, params: a.params })),
  ]
  if (beat.wait !== undefined) entry.push({ type: 'armDeadline', params: { ms: beat.wait } })
  if (beat.end) {
    entry.push({ type: 'logEvent', params: { type: 'session.completed', data: { beat: beat.id } } })
    return { entry, on: {}, type: 'final' }
  }

  const event = eventForBeat(beat)
  const on: Record<string, TransitionConfig[]> = {}
  if (event) {
    on[event] = transitionsOf(beat).map((t) => {
      const userGuard: BehaviourRef | undefined = t.if ? { type: t.if.type, params: t.if.params } : undefined
      // Never while paused; a deadline only once the absolute time has passed; then the scene's own guard.
      const guard = { type: 'beatGuard', params: { deadline: event === 'deadline', and: userGuard ?? null } }
      const actions: BehaviourRef[] =
        event === 'answered'
          ? [
              { type: 'recordAnswer', params: { item: beat.ask! } },
              { type: 'logEvent', params: { type: 'answer.given', data: { beat: beat.id, item: beat.ask! }, withAnswer: true } },
            ]
          : event === 'continue'
            ? [{ type: 'logEvent', params: { type: 'line.continued', data: { beat: beat.id, line: beat.say! }, withLatency: true } }]
            : event === 'cue-ended'
              ? [{ type: 'logEvent', params: { type: 'line.heard', data: { beat: beat.id } } }]
              : [{ type: 'clearDeadline' }, { type: 'logEvent', params: { type: 'wait.ended', data: { beat: beat.id } } }]
      return { target: t.to, guard, actions }
    })
    // The trainer's console skips a beat the way the beat would have ended, without an answer or a wait: the first
    // transition whose own condition holds, else the last one.
    const skipLog: BehaviourRef = { type: 'logEvent', params: { type: 'beat.skipped', data: { beat: beat.id } } }
    const transitions = transitionsOf(beat)
    if (transitions.length > 0) on.skip = [
      ...transitions.map((t) => ({ target: t.to, guard: { type: 'beatGuard', params: { deadline: false, and: t.if ? { type: t.if.type, params: t.if.params } : null } }, actions: [{ type: 'clearDeadline' }, skipLog] })),
      { target: transitions[transitions.length - 1]!.to, guard: { type: 'beatGuard', params: { deadline: false, and: null } }, actions: [{ type: 'clearDeadline' }, skipLog] },
    ]
  }
  return { entry, on }
}
