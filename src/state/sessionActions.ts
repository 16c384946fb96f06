/** Starting, resuming and leaving a scene: the running session in the store follows the runtime's view. */
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { realClock, timeScaleFrom } from '../engine/clock.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import type { ParamValues } from '../script/schema.ts'
import { describeStorageFailure } from '../storage/indexedDbStore.ts'
import { go, refreshSessions, useApp } from './appStore.ts'
import { createSessionRecord, resumeSession, startSession, type RunningSession } from './sessionController.ts'

const set = useApp.setState
const get = useApp.getState

const deps = () => ({
  store: get().store!,
  clock: realClock,
  appVersion: __APP_VERSION__,
  timeScale: timeScaleFrom(location.search, __TEST_MODE__),
})

function attach(running: RunningSession) {
  get().running?.runtime.stop()
  set({ running, view: running.runtime.getView(), screen: { name: 'session' } })
  running.runtime.subscribe((view) => {
    set({ view })
    if (view.status === 'completed') void get().store?.setSetting('activeSessionId', null).then(refreshSessions)
  })
}

/** The drill runs on its own small page (no 3D or React code on a phone); the session is handed over by id. */
export function drillPageUrl(sessionId: string): string {
  const query = new URLSearchParams({ session: sessionId })
  if (useLanguage.getState().language === 'en') query.set('lang', 'en')
  const speed = new URLSearchParams(location.search).get('speed')
  if (speed && __TEST_MODE__) query.set('speed', speed)
  return `./drill.html?${query}`
}

export async function beginScene(sceneId: string, params: ParamValues, avatar?: AvatarChoices) {
  const scene = get().scenes.find((s) => s.script.id === sceneId)
  const code = get().clientCode
  if (!scene || !code) return
  // A scene with an avatar first lets the client make (or check) theirs.
  if (scene.script.vr?.avatar && !avatar) {
    go({ name: 'avatar', sceneId, params })
    return
  }
  try {
    if (scene.script.kind === 'drill') {
      const meta = await createSessionRecord(deps(), scene, code, params)
      location.assign(drillPageUrl(meta.id))
      return
    }
    attach(await startSession(deps(), scene, code, params, avatar))
    set({ notice: null })
    await refreshSessions()
  } catch (cause) {
    set({ error: describeStorageFailure(cause).message })
  }
}

export async function openSession(sessionId: string) {
  const meta = await get().store?.getSession(sessionId)
  if (meta?.status === 'active' && get().scenes.find((s) => s.script.id === meta.sceneId)?.script.kind === 'drill') {
    location.assign(drillPageUrl(sessionId))
    return
  }
  const result = await resumeSession(deps(), sessionId, get().scenes)
  await refreshSessions()
  if ('closed' in result) {
    set({ clientCode: result.meta?.clientCode ?? get().clientCode, notice: result.meta ? `closed:${result.reason}` : null, screen: { name: get().clientCode || result.meta ? 'choose' : 'code' } })
    return
  }
  set({ clientCode: result.meta.clientCode, notice: 'resumed' })
  attach(result)
}

export async function leaveSession() {
  get().running?.runtime.stop()
  set({ running: null, view: null, notice: null, screen: { name: 'choose' } })
  await refreshSessions()
}
