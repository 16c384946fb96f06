import { createActor, getNextSnapshot, type AnyStateMachine } from 'xstate'
import type { SessionClock } from './clock.ts'
import { snapshotSchemaVersion, type SnapshotEnvelope } from './envelope.ts'
import { createDwellRecorder, type DwellCheckpoint } from './headDwell.ts'
import type { SceneMachine } from './machineCache.ts'
import type { EmittedRecord, LogEmitted, SceneContext, SceneInputEvent } from './sceneTypes.ts'

/** A research-log record as stored: what the machine emitted plus who and when. */
export interface LogRecord extends EmittedRecord {
  sessionId: string
  /** ms on the page's performance clock when the input that caused it happened. */
  t: number
  wall: string
}

export type RunStatus = 'active' | 'completed'

export interface CommitBatch {
  sessionId: string
  records: LogRecord[]
  envelope: SnapshotEnvelope
  status: RunStatus
}

/** Where a runtime commits. Storage implements it; the engine never knows which store it is. */
export interface SessionPersistence {
  commit(batch: CommitBatch): Promise<void>
}

/** What every machine the runtime runs keeps in context: where it is, the log counter, and a pending deadline. */
export interface RunnableContext {
  /** The position inputs must name (a beat id, or a trial attempt); inputs for another position are dropped. */
  beat: string
  seq: number
  deadlineAt: number | null
}

/** What renderers show: only ever state whose log records are already committed. */
export interface RuntimeView<TContext extends RunnableContext = SceneContext> {
  beat: string
  status: RunStatus
  /** The machine's state value, for machines whose states are more than their beats (the drill). */
  state: unknown
  context: TContext
  /** Set when the last commit failed; the records stay in `unsaved` until one succeeds. */
  storageError: string | null
}

interface CommonOptions {
  sceneId: string
  scriptHash: string
  appVersion: string
  sessionId: string
  persistence: SessionPersistence
  clock: SessionClock
  /** A stored snapshot to resume from; the caller has checked it with `checkEnvelope`. */
  resumeFrom?: SnapshotEnvelope
}

export interface RuntimeOptions extends CommonOptions {
  machine: SceneMachine
  params: SceneContext['params']
  timeScale?: number
}

export interface MachineRuntimeOptions<TContext = unknown, TInput = unknown> extends CommonOptions {
  machine: AnyStateMachine
  /** The machine's input; ignored when resuming (the snapshot has it all). */
  input: object
  /** Measurements the runtime takes between inputs (head-direction dwell); see `RuntimeMeasurer`. */
  measurer?: RuntimeMeasurer<TContext, TInput>
  /**
   * For an input that must be seen at once (the safety pause), what to show until the machine has taken it and
   * the record is committed: given the view as it is, the view with the input's effect. Returns null for every
   * other input. Default: none; every input is seen after its commit.
   */
  showAtOnce?: (input: TInput, view: RuntimeView<TContext & RunnableContext>, at: number) => RuntimeView<TContext & RunnableContext> | null
}

/**
 * Something the runtime measures on its own clock, between and around inputs: it hears of every input's stamp
 * before and after the machine takes it, adds its records before an input that ends the beat, and commits its
 * running state with the snapshot.
 */
export interface RuntimeMeasurer<TContext, TInput> {
  /** Handles an input that never reaches the machine (a head sample); true when it did. */
  intercept(input: TInput): boolean
  /** Inputs for the machine, sent just before `stampT`'s input ends the current beat (or the whole session). */
  beatEnding(stampT: number): TInput[]
  /** After the machine took an input stamped `stampT` (or started: `before` is null). */
  after(stampT: number, before: TContext | null, after: TContext, resumedFrom: unknown): void
  /** Running state committed with every snapshot (`SnapshotEnvelope.measures`). */
  checkpoint(): unknown
  /** True when the running state changed since the last commit and is worth a commit of its own. */
  wantsCheckpoint(): boolean
}

/** Runs a scripted scene (questionnaire and, later, VR beats). */
export function createSceneRuntime(options: RuntimeOptions) {
  const { machine, params, timeScale, ...common } = options
  return createMachineRuntime<SceneContext, SceneInputEvent>({
    ...common,
    machine,
    input: { sessionId: options.sessionId, params, timeScale: timeScale ?? 1, startedAt: options.clock.now() },
    measurer: headDwellMeasurer(options.clock, options.resumeFrom !== undefined),
    showAtOnce: pauseAtOnce,
  })
}

/**
 * The safety pause is shown the moment it is asked for, not after the inputs queued before it are committed (on a
 * busy headset that was seconds): the overlay, and with it the stopped sound, come at once. The machine still takes
 * the pause in order and its record is committed as usual; until then the view only looks paused.
 */
function pauseAtOnce(input: SceneInputEvent, view: RuntimeView<SceneContext>, at: number): RuntimeView<SceneContext> | null {
  if (input.type !== 'pause' || view.context.paused !== null || view.status === 'completed') return null
  return { ...view, context: { ...view.context, paused: { reason: input.reason, since: at, remainingMs: null } } }
}

/** How often (session clock) the dwell totals of a running beat are committed, so a reload loses at most this. */
export const dwellCheckpointMs = 1000

/**
 * Head-direction dwell as the runtime measures it: beats start and end, and pauses start and end, at the stamps
 * of the inputs that cause them; samples come from the renderer with the XR frame's time (src/engine/headDwell.ts).
 */
function headDwellMeasurer(clock: SessionClock, resumed: boolean): RuntimeMeasurer<SceneContext, SceneInputEvent> {
  const recorder = createDwellRecorder()
  const wallOf = (perfMs: number) => clock.now() - (clock.perf() - perfMs)
  const perfOf = (wallMs: number) => clock.perf() - (clock.now() - wallMs)
  let lastCheckpoint = clock.now()
  let sampledSinceCheckpoint = false
  return {
    intercept(input) {
      if (input.type !== 'head-sample') return false
      recorder.sample(input.sample)
      sampledSinceCheckpoint = true
      return true
    },
    beatEnding(stampT) {
      const report = recorder.close(stampT)
      if (!report) return []
      const { beat, ...data } = report
      return [{ type: 'measure', forBeat: beat, kind: 'head.dwell', data: { ...data } }]
    },
    after(stampT, before, after, resumedFrom) {
      if (before === null) {
        const cp = resumedFrom as DwellCheckpoint | undefined
        if (cp && cp.beat === after.beat) recorder.restore(cp, perfOf)
        // A resumed beat without committed totals still says that it spans a reload.
        else recorder.start(after.beat, stampT, resumedFrom !== undefined || resumed)
        return
      }
      if (recorder.beat !== after.beat) {
        recorder.close(stampT)
        recorder.start(after.beat, stampT)
      }
      if (before.paused === null && after.paused !== null) recorder.pause(stampT)
      if (before.paused !== null && after.paused === null) recorder.resume(stampT)
    },
    checkpoint() {
      lastCheckpoint = clock.now()
      sampledSinceCheckpoint = false
      return recorder.checkpoint(wallOf) ?? undefined
    },
    wantsCheckpoint: () => sampledSinceCheckpoint && clock.now() - lastCheckpoint >= dwellCheckpointMs,
  }
}

/**
 * Runs one session: feeds stamped inputs to the scene actor, then commits the emitted log records together
 * with the new snapshot in one store transaction before anyone sees the new beat. A crash therefore loses
 * at most the input being handled, never half of it, and a resume never repeats a record.
 */
export function createMachineRuntime<TContext extends RunnableContext, TInput extends { type: string }>(options: MachineRuntimeOptions<TContext, TInput>) {
  const { machine, clock, persistence, measurer } = options
  const actor = createActor(machine, {
    input: options.input,
    ...(options.resumeFrom ? { snapshot: options.resumeFrom.snapshot as never } : {}),
  })
  const unsaved: LogRecord[] = []
  let stampT = clock.perf()
  let stampWall = clock.now()
  actor.on('log', ({ record }: LogEmitted) => {
    unsaved.push({ ...record, sessionId: options.sessionId, t: stampT, wall: new Date(stampWall).toISOString() })
  })

  let view: RuntimeView<TContext> | null = null
  const listeners = new Set<(view: RuntimeView<TContext>) => void>()
  // Inputs shown at once but not yet taken by the machine, in arrival order (see `showAtOnce`).
  const showing: { input: TInput; at: number }[] = []
  function shownView(): RuntimeView<TContext> | null {
    let shown = view
    for (const { input, at } of showing) if (shown) shown = options.showAtOnce?.(input, shown, at) ?? shown
    return shown
  }
  function publish() {
    const shown = shownView()
    if (shown) for (const l of listeners) l(shown)
  }
  let queue: Promise<void> = Promise.resolve()
  let cancelDeadline: (() => void) | null = null
  let stopped = false

  const status = (): RunStatus => (actor.getSnapshot().status === 'done' ? 'completed' : 'active')

  function envelopeNow(): SnapshotEnvelope {
    const measures = measurer?.checkpoint()
    return {
      schemaVersion: snapshotSchemaVersion,
      sceneId: options.sceneId,
      scriptHash: options.scriptHash,
      appVersion: options.appVersion,
      savedAt: new Date(clock.now()).toISOString(),
      snapshot: actor.getPersistedSnapshot(),
      ...(measures === undefined ? {} : { measures }),
    }
  }

  /** Commits the measurer's running state alone (no records, nobody told): what a reload continues from. */
  async function checkpoint(): Promise<void> {
    if (stopped || unsaved.length > 0 || status() === 'completed') return
    try {
      await persistence.commit({ sessionId: options.sessionId, records: [], envelope: envelopeNow(), status: status() })
    } catch {
      // The next input's commit reports storage problems; a lost checkpoint only costs a second of dwell.
    }
  }
  let checkpointQueued = false

  async function commit(): Promise<void> {
    const snapshot = actor.getSnapshot()
    const envelope = envelopeNow()
    const records = unsaved.slice()
    let storageError: string | null = null
    try {
      await persistence.commit({ sessionId: options.sessionId, records, envelope, status: status() })
      unsaved.splice(0, records.length)
    } catch (cause) {
      storageError = cause instanceof Error ? cause.message : String(cause)
    }
    const context = snapshot.context as TContext
    view = { beat: context.beat, status: status(), state: snapshot.value, context, storageError }
    armDeadline()
    publish()
  }

  function armDeadline() {
    cancelDeadline?.()
    cancelDeadline = null
    const { deadlineAt } = actor.getSnapshot().context as TContext
    if (deadlineAt === null || stopped) return
    cancelDeadline = clock.schedule(() => void send({ type: 'deadline' } as unknown as TInput), deadlineAt - clock.now())
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task, task)
    return queue
  }

  /** Sends a renderer's input. Inputs for a beat that is no longer current (a double tap) are dropped. */
  function send(input: TInput, eventTimeStamp?: number): Promise<void> {
    if (measurer?.intercept(input)) {
      if (!checkpointQueued && measurer.wantsCheckpoint()) {
        checkpointQueued = true
        void enqueue(async () => {
          checkpointQueued = false
          await checkpoint()
        })
      }
      return Promise.resolve()
    }
    const arrivedAt = clock.now()
    const early = view && options.showAtOnce?.(input, view, arrivedAt) ? { input, at: arrivedAt } : null
    if (early) {
      showing.push(early)
      publish()
    }
    return enqueue(async () => {
      try {
        await take(input, eventTimeStamp)
      } finally {
        // Taken by the machine and committed (or dropped): from now on its own view says what it did.
        if (early) {
          showing.splice(showing.indexOf(early), 1)
          publish()
        }
      }
    })
  }

  /** Feeds one input to the machine and commits what it did, in queue order. */
  async function take(input: TInput, eventTimeStamp: number | undefined): Promise<void> {
    if (stopped || status() === 'completed') return
    if ('beat' in input && input.beat !== (actor.getSnapshot().context as TContext).beat) return
    stampT = eventTimeStamp ?? clock.perf()
    stampWall = clock.now()
    const at = clock.now()
    const before = actor.getSnapshot()
    const event = { ...input, at }
    if (measurer) {
      // An input that ends the beat (or the session) gets the beat's measurements logged just before it.
      const next = getNextSnapshot(machine, before as never, event as never) as { status: string; context: TContext }
      if (next.status === 'done' || next.context.beat !== (before.context as TContext).beat) {
        for (const extra of measurer.beatEnding(stampT)) actor.send({ ...extra, at } as never)
      }
    }
    actor.send(event as never)
    measurer?.after(stampT, before.context as TContext, actor.getSnapshot().context as TContext, undefined)
    await commit()
  }

  return {
    /**
     * Starts or resumes; resolves once the first beat is committed and visible. An `opening` input (a pause on
     * coming back) is handled before anything is committed or any deadline is armed, so a stale deadline never fires.
     */
    start(opening?: TInput): Promise<void> {
      return enqueue(async () => {
        stampT = clock.perf()
        stampWall = clock.now()
        actor.start()
        measurer?.after(stampT, null, actor.getSnapshot().context as TContext, options.resumeFrom?.measures)
        if (opening && actor.getSnapshot().status !== 'done') actor.send({ ...opening, at: clock.now() } as never)
        await commit()
      })
    },
    send,
    /** Retries a failed commit (e.g. after the user freed storage). */
    retry: () => enqueue(commit),
    /** The committed view, with any input shown at once (`showAtOnce`) on top. */
    getView: () => shownView(),
    /** Records not yet in storage; shown in an export-now file when storage fails. */
    unsavedRecords: () => unsaved.slice(),
    subscribe(listener: (view: RuntimeView<TContext>) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopped = true
      cancelDeadline?.()
      actor.stop()
    },
  }
}

export type SceneRuntime = ReturnType<typeof createSceneRuntime>
export type MachineRuntime<TContext extends RunnableContext, TInput extends { type: string }> = ReturnType<typeof createMachineRuntime<TContext, TInput>>
