import { assign, enqueueActions, setup } from 'xstate'
import type { EmittedRecord, LogEmitted } from '../sceneTypes.ts'
import type { LogEventType } from '../logEvents.ts'
import type { DrillMove } from './drillTypes.ts'
import type { PlannedTrial } from './trialList.ts'

export interface DrillTiming {
  fixationMs: number
  feedbackMs: number
  timeoutMs: number
}

export interface DrillInput {
  sessionId: string
  startedAt: number
  timeScale?: number
  trials: PlannedTrial[]
  timing: DrillTiming
  /** Logged once at the start, so the research log says how the list was made. */
  plan: Record<string, unknown>
}

export interface DrillContext {
  sessionId: string
  /** `intro-<block>`, `trial-<index>-<attempt>` or `done`: the position inputs must name. */
  beat: string
  seq: number
  deadlineAt: number | null
  timeScale: number
  trials: PlannedTrial[]
  timing: DrillTiming
  plan: Record<string, unknown>
  /** Index into `trials` of the current trial. */
  index: number
  attempt: number
  /** Onset of the current attempt's picture (performance clock) and the frame interval before it. */
  onset: { ms: number; frameIntervalMs: number | null; paintedMs?: number } | null
  feedback: 'wrong' | 'timeout' | null
  /** Where a paused drill goes on: the block's instruction again, or the current picture's pause before it. */
  pausedFrom?: 'intro' | 'fixation' | 'stimulus' | 'feedback' | null
  /** Epoch ms when the drill was paused, for the resume record. */
  pausedAt?: number | null
}

export type DrillEvent =
  | { type: 'continue'; beat: string; at: number }
  | { type: 'shown'; beat: string; onsetMs: number; frameIntervalMs: number | null; at: number }
  /** The browser's paint time of the picture (Element Timing), where it reports one; comes after `shown`. */
  | { type: 'painted'; beat: string; paintedMs: number; at: number }
  | { type: 'response'; beat: string; response: DrillMove; touchdownMs: number; initiationMs: number | null; completionMs: number; at: number }
  | { type: 'deadline'; at: number }
  /** The client stopped for now, or came back to a page that was closed mid-drill. No trial is logged for it. */
  | { type: 'pause'; reason: string; at: number }

export type DrillInputEvent = DrillEvent extends infer E ? (E extends DrillEvent ? Omit<E, 'at'> : never) : never

const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 1000) / 1000)
const trialBeat = (index: number, attempt: number) => `trial-${index}-${attempt}`
const current = (c: DrillContext) => c.trials[c.index]!
/** A new intro is due when the block or its rule changes. */
const nextIsNewBlock = (c: DrillContext) => {
  const next = c.trials[c.index + 1]
  return next !== undefined && (next.block !== current(c).block || next.rule !== current(c).rule)
}

/** The record of one attempt: the trial row the CSV and the scoring read. */
function trialRecord(context: DrillContext, event: DrillEvent): Record<string, unknown> {
  const t = current(context)
  const onset = context.onset?.ms ?? null
  const r = event.type === 'response' ? event : null
  const since = (ms: number | null | undefined) => (ms == null || onset === null ? null : round(ms - onset))
  return {
    block: t.block,
    trial: t.trial,
    attempt: context.attempt,
    stimulus: t.stimulus,
    category: t.category,
    required: t.required,
    response: r ? r.response : 'none',
    correct: r ? r.response === t.required : false,
    ...(t.tilt ? { tilt: t.tilt } : {}),
    ...(t.rule ? { rule: t.rule } : {}),
    onset_ms: round(onset) ?? 0,
    touchdown_ms: round(r?.touchdownMs ?? null),
    initiation_ms: round(r?.initiationMs ?? null),
    completion_ms: round(r?.completionMs ?? null),
    rt_initiation_ms: since(r?.initiationMs),
    rt_completion_ms: since(r?.completionMs),
    frame_interval_ms: round(context.onset?.frameIntervalMs ?? null),
    painted_ms: round(context.onset?.paintedMs ?? null),
  }
}

const introBeat = (trial: PlannedTrial) => `intro-${trial.block}${trial.rule === 'reversed' ? '-reversed' : ''}`
const log = (type: LogEventType, data: Record<string, unknown>) => ({ type: 'logEvent', params: { type, data } }) as never

/**
 * The drill's trial loop: intro per block → pause → picture → swipe → next picture, with kind feedback and a
 * repeat after a wrong swipe or a timeout. Every wait is an absolute deadline in context, so a resumed session
 * goes on at the same trial of the same list. All behaviour is named here; the machine below only refers to it.
 */
export const drillSetup = setup({
  types: { context: {} as DrillContext, events: {} as DrillEvent, input: {} as DrillInput, emitted: {} as LogEmitted },
  actions: {
    logEvent: enqueueActions(({ context, enqueue }, params: { type: LogEventType; data: Record<string, unknown> }) => {
      const record: EmittedRecord = { seq: context.seq + 1, type: params.type, data: params.data }
      enqueue.assign({ seq: record.seq })
      enqueue.emit({ type: 'log', record } as never)
    }),
    logPlan: enqueueActions(({ context, enqueue }) => enqueue(log('drill.planned', context.plan))),
    logTrial: enqueueActions(({ context, event, enqueue }) => enqueue(log('drill.trial', trialRecord(context, event)))),
    enterIntro: enqueueActions(({ context, enqueue }) => {
      const trial = current(context)
      enqueue.assign({ beat: introBeat(trial), deadlineAt: null })
      const part = context.trials.filter((t) => t.block === trial.block && t.rule === trial.rule).length
      enqueue(log('drill.block.started', { block: trial.block, trials: part, ...(trial.rule ? { rule: trial.rule } : {}) }))
    }),
    enterFixation: assign(({ context }) => ({ beat: trialBeat(context.index, context.attempt), onset: null, feedback: null })),
    enterFeedback: assign(({ context }) => ({ beat: `feedback-${context.index}-${context.attempt}` })),
    enterDone: enqueueActions(({ enqueue }) => {
      enqueue.assign({ beat: 'done', deadlineAt: null })
      enqueue(log('session.completed', { beat: 'done' }))
    }),
    recordOnset: assign(({ event }) => (event.type === 'shown' ? { onset: { ms: event.onsetMs, frameIntervalMs: event.frameIntervalMs } } : {})),
    // Only for the picture on screen now: a paint reported late, after its trial ended, is dropped.
    recordPaint: assign(({ context, event }) => (event.type === 'painted' && event.beat === context.beat && context.onset && Number.isFinite(event.paintedMs) ? { onset: { ...context.onset, paintedMs: event.paintedMs } } : {})),
    markWrong: assign({ feedback: 'wrong' }),
    markTimeout: assign({ feedback: 'timeout' }),
    nextAttempt: assign(({ context }) => ({ attempt: context.attempt + 1, deadlineAt: null })),
    nextTrial: assign(({ context }) => ({ index: context.index + 1, attempt: 1, deadlineAt: null })),
    // Every event that enters a timed state carries its time; the machine itself never reads a clock.
    armDeadline: assign(({ context, event }, params: { ms: keyof DrillTiming }) => ({
      deadlineAt: ('at' in event ? event.at : 0) + context.timing[params.ms] / context.timeScale,
    })),
    clearDeadline: assign({ deadlineAt: null }),
    enterPause: enqueueActions(({ context, event, enqueue }, params: { from: 'intro' | 'fixation' | 'stimulus' | 'feedback' }) => {
      enqueue.assign({ pausedFrom: params.from, pausedAt: 'at' in event ? event.at : null, deadlineAt: null, beat: `paused-${context.index}-${context.attempt}`, onset: null })
      enqueue(log('safety.paused', { beat: context.beat, reason: event.type === 'pause' ? event.reason : 'pause' }))
    }),
    leavePause: enqueueActions(({ context, event, enqueue }) => {
      const at = 'at' in event ? event.at : 0
      const pausedMs = context.pausedAt != null ? Math.max(0, at - context.pausedAt) : 0
      enqueue(log('safety.resumed', { beat: context.beat, pausedMs }))
      // A pause during the feedback after a miss goes on with the next attempt, as the feedback would have.
      enqueue.assign({ pausedAt: null, ...(context.pausedFrom === 'feedback' ? { attempt: context.attempt + 1 } : {}) })
    }),
  },
  guards: {
    deadlineReached: ({ context, event }) => event.type === 'deadline' && context.deadlineAt !== null && event.at >= context.deadlineAt,
    correct: ({ context, event }) => event.type === 'response' && event.response === current(context).required,
    lastTrial: ({ context }) => context.index + 1 >= context.trials.length,
    nextIsNewBlock: ({ context }) => nextIsNewBlock(context),
    pausedInIntro: ({ context }) => context.pausedFrom === 'intro',
  },
})

export const drillMachine = drillSetup.createMachine({
  id: 'drill',
  context: ({ input }) => ({
    sessionId: input.sessionId,
    beat: introBeat(input.trials[0]!),
    seq: 0,
    deadlineAt: null,
    timeScale: input.timeScale ?? 1,
    trials: input.trials,
    timing: input.timing,
    plan: input.plan,
    index: 0,
    attempt: 1,
    onset: null,
    feedback: null,
  }),
  initial: 'intro',
  entry: 'logPlan',
  states: {
    paused: {
      on: {
        continue: [
          { guard: 'pausedInIntro', target: 'introAgain', actions: 'leavePause' },
          { target: 'fixation', actions: 'leavePause' },
        ],
      },
    },
    // The block's instruction once more after a pause in it, without logging the block's start twice.
    introAgain: {
      entry: assign(({ context }) => ({ beat: introBeat(current(context)) })),
      on: { continue: 'fixation', pause: { target: 'paused', actions: { type: 'enterPause', params: { from: 'intro' } } } },
    },
    intro: {
      entry: 'enterIntro',
      on: { continue: 'fixation', pause: { target: 'paused', actions: { type: 'enterPause', params: { from: 'intro' } } } },
    },
    fixation: {
      entry: ['enterFixation', { type: 'armDeadline', params: { ms: 'fixationMs' } }],
      on: { deadline: { guard: 'deadlineReached', target: 'stimulus', actions: 'clearDeadline' }, pause: { target: 'paused', actions: { type: 'enterPause', params: { from: 'fixation' } } } },
    },
    stimulus: {
      on: {
        shown: { actions: ['recordOnset', { type: 'armDeadline', params: { ms: 'timeoutMs' } }] },
        painted: { actions: 'recordPaint' },
        response: [
          { guard: 'correct', target: 'advance', actions: 'logTrial' },
          { target: 'feedback', actions: ['logTrial', 'markWrong'] },
        ],
        deadline: { guard: 'deadlineReached', target: 'feedback', actions: ['logTrial', 'markTimeout'] },
        pause: { target: 'paused', actions: { type: 'enterPause', params: { from: 'stimulus' } } },
      },
    },
    feedback: {
      entry: ['enterFeedback', { type: 'armDeadline', params: { ms: 'feedbackMs' } }],
      on: { deadline: { guard: 'deadlineReached', target: 'fixation', actions: 'nextAttempt' }, pause: { target: 'paused', actions: { type: 'enterPause', params: { from: 'feedback' } } } },
    },
    advance: {
      always: [
        { guard: 'lastTrial', target: 'done' },
        { guard: 'nextIsNewBlock', target: 'intro', actions: 'nextTrial' },
        { target: 'fixation', actions: 'nextTrial' },
      ],
    },
    done: { type: 'final', entry: 'enterDone' },
  },
})

export type DrillMachine = typeof drillMachine
