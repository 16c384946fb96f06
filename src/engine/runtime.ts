import { createActor, type Actor } from 'xstate'
import type { SessionClock } from './clock.ts'
import { snapshotSchemaVersion, type SnapshotEnvelope } from './envelope.ts'
import type { SceneMachine } from './machineCache.ts'
import type { EmittedRecord, SceneContext, SceneInputEvent } from './sceneTypes.ts'

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

/** What renderers show: only ever state whose log records are already committed. */
export interface RuntimeView {
  beat: string
  status: RunStatus
  context: SceneContext
  /** Set when the last commit failed; the records stay in `unsaved` until one succeeds. */
  storageError: string | null
}

export interface RuntimeOptions {
  machine: SceneMachine
  sceneId: string
  scriptHash: string
  appVersion: string
  sessionId: string
  params: SceneContext['params']
  timeScale?: number
  persistence: SessionPersistence
  clock: SessionClock
  /** A stored snapshot to resume from; the caller has checked it with `checkEnvelope`. */
  resumeFrom?: SnapshotEnvelope
}

/**
 * Runs one session: feeds stamped inputs to the scene actor, then commits the emitted log records together
 * with the new snapshot in one store transaction before anyone sees the new beat. A crash therefore loses
 * at most the input being handled, never half of it, and a resume never repeats a record.
 */
export function createSceneRuntime(options: RuntimeOptions) {
  const { machine, clock, persistence } = options
  const actor: Actor<SceneMachine> = createActor(machine, {
    input: { sessionId: options.sessionId, params: options.params, timeScale: options.timeScale ?? 1, startedAt: clock.now() },
    ...(options.resumeFrom ? { snapshot: options.resumeFrom.snapshot as never } : {}),
  })
  const unsaved: LogRecord[] = []
  let stampT = clock.perf()
  let stampWall = clock.now()
  actor.on('log', ({ record }) => {
    unsaved.push({ ...record, sessionId: options.sessionId, t: stampT, wall: new Date(stampWall).toISOString() })
  })

  let view: RuntimeView | null = null
  const listeners = new Set<(view: RuntimeView) => void>()
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
    view = { beat: snapshot.context.beat, status: status(), context: snapshot.context, storageError }
    armDeadline()
    for (const l of listeners) l(view)
  }

  function armDeadline() {
    cancelDeadline?.()
    cancelDeadline = null
    const { deadlineAt } = actor.getSnapshot().context
    if (deadlineAt === null || stopped) return
    cancelDeadline = clock.schedule(() => void send({ type: 'deadline' }), deadlineAt - clock.now())
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task, task)
    return queue
  }

  /** Sends a renderer's input. Inputs for a beat that is no longer current (a double tap) are dropped. */
  function send(input: SceneInputEvent, eventTimeStamp?: number): Promise<void> {
    return enqueue(async () => {
      if (stopped || status() === 'completed') return
      if ('beat' in input && input.beat !== actor.getSnapshot().context.beat) return
      stampT = eventTimeStamp ?? clock.perf()
      stampWall = clock.now()
      actor.send({ ...input, at: clock.now() } as never)
      await commit()
    })
  }

  return {
    /** Starts or resumes; resolves once the first beat is committed and visible. */
    start(): Promise<void> {
      return enqueue(async () => {
        stampT = clock.perf()
        stampWall = clock.now()
        actor.start()
        await commit()
      })
    },
    send,
    /** Retries a failed commit (e.g. after the user freed storage). */
    retry: () => enqueue(commit),
    getView: () => view,
    /** Records not yet in storage; shown in an export-now file when storage fails. */
    unsavedRecords: () => unsaved.slice(),
    subscribe(listener: (view: RuntimeView) => void) {
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
