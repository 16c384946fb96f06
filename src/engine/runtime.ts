import { createActor, type AnyStateMachine } from 'xstate'
import type { SessionClock } from './clock.ts'
import { snapshotSchemaVersion, type SnapshotEnvelope } from './envelope.ts'
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

export interface MachineRuntimeOptions extends CommonOptions {
  machine: AnyStateMachine
  /** The machine's input; ignored when resuming (the snapshot has it all). */
  input: object
}

/** Runs a scripted scene (questionnaire and, later, VR beats). */
export function createSceneRuntime(options: RuntimeOptions) {
  const { machine, params, timeScale, ...common } = options
  return createMachineRuntime<SceneContext, SceneInputEvent>({
    ...common,
    machine,
    input: { sessionId: options.sessionId, params, timeScale: timeScale ?? 1, startedAt: options.clock.now() },
  })
}

/**
 * Runs one session: feeds stamped inputs to the scene actor, then commits the emitted log records together
 * with the new snapshot in one store transaction before anyone sees the new beat. A crash therefore loses
 * at most the input being handled, never half of it, and a resume never repeats a record.
 */
export function createMachineRuntime<TContext extends RunnableContext, TInput extends { type: string }>(options: MachineRuntimeOptions) {
  const { machine, clock, persistence } = options
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
  let queue: Promise<void> = Promise.resolve()
  let cancelDeadline: (() => void) | null = null
  let stopped = false

  const status = (): RunStatus => (actor.getSnapshot().status === 'done' ? 'completed' : 'active')

  async function commit(): Promise<void> {
    const snapshot = actor.getSnapshot()
    const envelope: SnapshotEnvelope = {
      schemaVersion: snapshotSchemaVersion,
      sceneId: options.sceneId,
      scriptHash: options.scriptHash,
      appVersion: options.appVersion,
      savedAt: new Date(clock.now()).toISOString(),
      snapshot: actor.getPersistedSnapshot(),
    }
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
    for (const l of listeners) l(view)
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
    return enqueue(async () => {
      if (stopped || status() === 'completed') return
      if ('beat' in input && input.beat !== (actor.getSnapshot().context as TContext).beat) return
      stampT = eventTimeStamp ?? clock.perf()
      stampWall = clock.now()
      actor.send({ ...input, at: clock.now() } as never)
      await commit()
    })
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
        if (opening && actor.getSnapshot().status !== 'done') actor.send({ ...opening, at: clock.now() } as never)
        await commit()
      })
    },
    send,
    /** Retries a failed commit (e.g. after the user freed storage). */
    retry: () => enqueue(commit),
    getView: () => view,
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
