import { assign, enqueueActions, setup, type ActionFunction } from 'xstate'
import type { ActionParams, GuardName, GuardParams } from '../script/vocabulary.ts'
import type { LogEventType } from './logEvents.ts'
import type { AnswerValue, LogEmitted, SceneContext, SceneEvent, SceneInput } from './sceneTypes.ts'

interface LogEventParams {
  type: LogEventType
  data?: Record<string, unknown>
  /** Copy the answer and its latency from the event (answers are only known at run time). */
  withAnswer?: boolean
  withLatency?: boolean
}

type GuardImpl<N extends GuardName> = (args: { context: SceneContext; event: SceneEvent }, params: GuardParams<N>) => boolean

function answerFor(context: SceneContext, event: SceneEvent, item: string): AnswerValue | undefined {
  if (event.type === 'answered' && event.item === item) return event.value
  return context.answers[item]
}

/** Guards a scene may name; keyed by the vocabulary so a missing or extra name fails the type check. */
export const sceneGuards: { [N in GuardName]: GuardImpl<N> } = {
  answerIs: ({ context, event }, p) => answerFor(context, event, p.item) === p.value,
  answerAtLeast: ({ context, event }, p) => {
    const v = answerFor(context, event, p.item)
    return typeof v === 'number' && v >= p.value
  },
  answerAtMost: ({ context, event }, p) => {
    const v = answerFor(context, event, p.item)
    return typeof v === 'number' && v <= p.value
  },
  paramIs: ({ context }, p) => context.params[p.param] === p.value,
  flagIs: ({ context }, p) => (context.flags[p.flag] ?? false) === (p.value ?? true),
}

const logEvent = enqueueActions<SceneContext, SceneEvent, LogEventParams, SceneEvent, never, never, never, never, LogEmitted>(
  ({ context, event, enqueue }, params) => {
    const data: Record<string, unknown> = { ...(params.data ?? {}) }
    if (params.withAnswer && event.type === 'answered') {
      data.value = event.value
      data.latencyMs = event.latencyMs
    }
    if (params.withLatency && event.type === 'continue' && event.latencyMs !== undefined) data.latencyMs = event.latencyMs
    const seq = context.seq + 1
    enqueue.assign({ seq })
    enqueue.emit({ type: 'log', record: { seq, type: params.type, data } })
  },
)

type VocabularyAction = ActionFunction<SceneContext, SceneEvent, SceneEvent, unknown, never, never, never, never, LogEmitted>

/**
 * The one registry every scene machine is built from. Scenes name these by `type`; the compiler emits only
 * these names; nothing is defined inline, so snapshots restore without the original closures.
 */
export const sceneSetup = setup({
  types: {
    context: {} as SceneContext,
    events: {} as SceneEvent,
    input: {} as SceneInput,
    emitted: {} as LogEmitted,
  },
  actions: {
    logEvent: logEvent as unknown as ActionFunction<SceneContext, SceneEvent, SceneEvent, LogEventParams, never, never, never, never, LogEmitted>,
    enterBeat: assign((_, params: { beat: string }) => ({ beat: params.beat, deadlineAt: null as number | null })),
    recordAnswer: assign(({ context, event }, params: { item: string }) =>
      event.type === 'answered' ? { answers: { ...context.answers, [params.item]: event.value } } : {},
    ),
    armDeadline: assign(({ context, event }, params: { ms: number }) => {
      // The event that entered the beat carries the time; `xstate.init` has none, so the start time counts.
      const at = 'at' in event ? event.at : context.startedAt
      return { deadlineAt: at + params.ms / context.timeScale }
    }),
    clearDeadline: assign({ deadlineAt: null }),
    play: enqueueActions(({ enqueue, context }, params: ActionParams<'play'>) => {
      enqueue.assign({ cue: { id: context.seq + 1, line: params.line, from: params.from ?? null } })
      enqueue({ type: 'logEvent', params: { type: 'line.played', data: { beat: context.beat, line: params.line, from: params.from ?? null } } } as never)
    }) as unknown as VocabularyAction,
    playRecording: enqueueActions(({ enqueue, context }, params: ActionParams<'playRecording'>) => {
      enqueue.assign({ cue: { id: context.seq + 1, line: params.of, from: params.from ?? null, recording: { pitchSemitones: params.pitchSemitones ?? 0 } } })
      enqueue({ type: 'logEvent', params: { type: 'recording.cued', data: { beat: context.beat, item: params.of, from: params.from ?? null } } } as never)
    }) as unknown as VocabularyAction,
    prop: assign(({ context }, params: ActionParams<'prop'>) => ({ props: { ...context.props, [params.prop]: params.shown ?? true } })) as unknown as VocabularyAction,
    seat: enqueueActions(({ enqueue, context }, params: ActionParams<'seat'>) => {
      enqueue.assign({ seat: params.as })
      enqueue({ type: 'logEvent', params: { type: 'perspective.seat', data: { beat: context.beat, as: params.as } } } as never)
    }) as unknown as VocabularyAction,
    pose: assign(({ context }, params: ActionParams<'pose'>) => ({
      poses: { ...context.poses, [params.figure]: params.pose },
      ...(params.face ? { faces: { ...context.faces, [params.figure]: params.face } } : {}),
    })) as unknown as VocabularyAction,
    place: assign(({ context }, params: ActionParams<'place'>) => ({ places: { ...context.places, [params.figure]: { at: params.at, walkMs: params.walkMs ?? 0 } } })) as unknown as VocabularyAction,
    gesture: assign(({ context }, params: ActionParams<'gesture'>) => ({
      gestures: { ...context.gestures, [params.figure]: { gesture: params.gesture, holdMs: params.holdMs ?? 600, id: (context.gestures?.[params.figure]?.id ?? 0) + 1 } },
    })) as unknown as VocabularyAction,
    // Safety: the scene freezes where it is; a pending wait keeps its remaining time for the resume.
    pauseScene: enqueueActions(({ enqueue, context: c, event: e }) => {
      const context = c as SceneContext
      const event = e as SceneEvent
      if (event.type !== 'pause' || context.paused) return
      enqueue.assign({ paused: { reason: event.reason, since: event.at, remainingMs: context.deadlineAt === null ? null : Math.max(0, context.deadlineAt - event.at) }, deadlineAt: null })
      enqueue({ type: 'logEvent', params: { type: 'safety.paused', data: { beat: context.beat, reason: event.reason } } } as never)
    }) as unknown as VocabularyAction,
    resumeScene: enqueueActions(({ enqueue, context: c, event: e }) => {
      const context = c as SceneContext
      const event = e as SceneEvent
      if (event.type !== 'resume' || !context.paused) return
      const { remainingMs, since } = context.paused
      enqueue.assign({ paused: null, deadlineAt: remainingMs === null ? null : event.at + remainingMs })
      enqueue({ type: 'logEvent', params: { type: 'safety.resumed', data: { beat: context.beat, pausedMs: Math.max(0, event.at - since) } } } as never)
    }) as unknown as VocabularyAction,
    logStop: enqueueActions(({ enqueue, context: c, event: e }) => {
      const context = c as SceneContext
      const event = e as SceneEvent
      enqueue.assign({ paused: null, deadlineAt: null, cue: null })
      enqueue({ type: 'logEvent', params: { type: 'session.stopped', data: { beat: context.beat, reason: event.type === 'stop' ? event.reason : 'stopped' } } } as never)
    }) as unknown as VocabularyAction,
    // The trainer's console: the current line once more, as a new cue (renderers play each new cue id once).
    repeatCue: enqueueActions(({ enqueue, context: c }) => {
      const context = c as SceneContext
      if (!context.cue) return
      enqueue.assign({ cue: { ...context.cue, id: context.seq + 1 } })
      if (context.cue.recording) enqueue({ type: 'logEvent', params: { type: 'recording.cued', data: { beat: context.beat, item: context.cue.line, from: context.cue.from } } } as never)
      else enqueue({ type: 'logEvent', params: { type: 'line.played', data: { beat: context.beat, line: context.cue.line, from: context.cue.from } } } as never)
    }) as unknown as VocabularyAction,
    logMeasure: enqueueActions(({ enqueue, event: e }) => {
      const event = e as SceneEvent
      if (event.type !== 'measure') return
      enqueue({ type: 'logEvent', params: { type: event.kind, data: { beat: event.forBeat, ...event.data } } } as never)
    }) as unknown as VocabularyAction,
    // Scene vocabulary (see script/vocabulary.ts):
    // Vocabulary actions log through `logEvent` so that one action alone writes the research log.
    mark: enqueueActions(({ enqueue }, params: ActionParams<'mark'>) => {
      enqueue({ type: 'logEvent', params: { type: 'marker', data: { label: params.label } } } as never)
    }) as unknown as VocabularyAction,
    setFlag: enqueueActions(({ enqueue, context }, params: ActionParams<'setFlag'>) => {
      enqueue.assign({ flags: { ...context.flags, [params.flag]: params.value ?? true } })
      enqueue({ type: 'logEvent', params: { type: 'flag.set', data: { flag: params.flag, value: params.value ?? true } } } as never)
    }) as unknown as VocabularyAction,
  },
  guards: {
    ...(sceneGuards as unknown as Record<GuardName, (args: { context: SceneContext; event: SceneEvent }, params: unknown) => boolean>),
    /** Every beat transition: never while paused; a wait only once its absolute time has come; then the scene's own guard. */
    beatGuard: ({ context, event }, params: unknown) => {
      const { deadline, and } = params as { deadline: boolean; and: { type: GuardName; params: never } | null }
      if (context.paused) return false
      if (deadline && (event.type !== 'deadline' || context.deadlineAt === null || event.at < context.deadlineAt)) return false
      return and ? sceneGuards[and.type]({ context, event }, and.params) : true
    },
    isPaused: ({ context }) => context.paused !== null,
    notPaused: ({ context }) => context.paused === null,
  },
})
