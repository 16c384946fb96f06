import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { checkEnvelope } from '../engine/envelope.ts'
import { machineFor } from '../engine/machineCache.ts'
import { createSceneRuntime, type SceneRuntime } from '../engine/runtime.ts'
import type { SessionClock } from '../engine/clock.ts'
import type { ParamValues } from '../script/schema.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'
import type { CatalogScene } from './sceneCatalog.ts'
import { closeWithReason } from './closeSession.ts'
import { newSessionId } from './sessionId.ts'

export interface RunningSession {
  runtime: SceneRuntime
  meta: SessionMeta
  scene: CatalogScene
  resumed: boolean
}

interface Deps {
  store: SessionStore
  clock: SessionClock
  appVersion: string
  timeScale: number
}

/** Creates and stores a new session; it becomes the one the app reopens after a crash. */
export async function createSessionRecord(deps: Deps, scene: CatalogScene, clientCode: string, params: ParamValues, avatar?: AvatarChoices): Promise<SessionMeta> {
  const now = new Date(deps.clock.now()).toISOString()
  const earlier = (await deps.store.listSessions()).filter((s) => s.clientCode === clientCode && s.sceneId === scene.script.id)
  const meta: SessionMeta = {
    id: newSessionId(),
    clientCode,
    sceneId: scene.script.id,
    sceneVersion: scene.script.version,
    scriptHash: scene.hash,
    params,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    eventCount: 0,
    sessionNumber: earlier.length + 1,
    ...(avatar ? { avatar } : {}),
  }
  await deps.store.createSession(meta)
  await deps.store.setSetting('activeSessionId', meta.id)
  return meta
}

export async function startSession(deps: Deps, scene: CatalogScene, clientCode: string, params: ParamValues, avatar?: AvatarChoices): Promise<RunningSession> {
  const meta = await createSessionRecord(deps, scene, clientCode, params, avatar)
  const runtime = runtimeFor(deps, scene, meta)
  await runtime.start()
  return { runtime, meta, scene, resumed: false }
}

export type ResumeResult = RunningSession | { closed: true; reason: string; meta?: SessionMeta }

/**
 * Reopens a session at the beat it was in. If its snapshot no longer fits the scene (the scene changed, or the
 * snapshot format did), the session is closed with a logged reason: what was recorded stays, nothing is guessed.
 */
export async function resumeSession(deps: Deps, sessionId: string, scenes: CatalogScene[]): Promise<ResumeResult> {
  const meta = await deps.store.getSession(sessionId)
  if (!meta) return { closed: true, reason: 'session not found on this device' }
  if (meta.status !== 'active') return { closed: true, reason: `session is already ${meta.status}`, meta }
  const scene = scenes.find((s) => s.script.id === meta.sceneId)
  const envelope = await deps.store.loadSnapshot(sessionId)
  const check = !scene
    ? { ok: false as const, reason: `scene "${meta.sceneId}" is no longer in this app` }
    : !envelope
      ? { ok: false as const, reason: 'no saved state was found for this session' }
      : checkEnvelope(envelope, { sceneId: scene.script.id, scriptHash: scene.hash })
  if (!check.ok || !scene) {
    const reason = check.ok ? 'scene missing' : check.reason
    await closeWithReason(deps.store, deps.clock, meta, reason)
    return { closed: true, reason, meta }
  }
  const runtime = runtimeFor(deps, scene, meta, envelope)
  await runtime.start()
  return { runtime, meta, scene, resumed: true }
}

function runtimeFor(deps: Deps, scene: CatalogScene, meta: SessionMeta, resumeFrom?: Awaited<ReturnType<SessionStore['loadSnapshot']>>) {
  return createSceneRuntime({
    machine: machineFor(scene.script, scene.hash),
    sceneId: scene.script.id,
    scriptHash: scene.hash,
    appVersion: deps.appVersion,
    sessionId: meta.id,
    params: meta.params,
    timeScale: deps.timeScale,
    persistence: deps.store,
    clock: deps.clock,
    resumeFrom,
  })
}
