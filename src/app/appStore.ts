import type { AvatarChoices } from '../xr/figures/avatarLook.ts'
import { create } from 'zustand'
import { realClock, timeScaleFrom } from '../engine/clock.ts'
import type { RuntimeView } from '../engine/runtime.ts'
import { downloadFile } from '../export/downloadFile.ts'
import { shareOrDownload } from '../export/shareFile.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import type { ParamValues } from '../script/schema.ts'
import { eraseDevice, type EraseReport } from '../storage/eraseDevice.ts'
import { databaseName, describeStorageFailure, openIndexedDbStore, type StorageUnavailableError } from '../storage/indexedDbStore.ts'
import { createMemoryStore } from '../storage/memoryStore.ts'
import { purgeExpiredSessions } from '../storage/retention.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'
import { loadLobbyCatalog, type CatalogScene } from './sceneCatalog.ts'
import { registerServiceWorker } from './serviceWorker.ts'
import { collectBundle, encryptedTransferFile, jsonFile, psychDsFile } from './sessionExports.ts'
import { createSessionRecord, resumeSession, startSession, type RunningSession } from './sessionController.ts'
import { useLanguage } from '../i18n/languageStore.ts'

export type Screen =
  | { name: 'loading' }
  | { name: 'storage-problem'; reason: string; kind: StorageUnavailableError['reason'] }
  | { name: 'consent' }
  | { name: 'declined' }
  | { name: 'code' }
  | { name: 'choose' }
  | { name: 'params'; sceneId: string }
  | { name: 'avatar'; sceneId: string; params: ParamValues }
  | { name: 'session' }
  | { name: 'settings' }
  | { name: 'own-photos' }
  | { name: 'erased'; report: EraseReport & { sessions: number; events: number } }

/** Version of the consent text; a new text asks for consent again. */
export const consentTextVersion = 2

interface AppState {
  screen: Screen
  store: SessionStore | null
  /** Nothing is written to the device (storage refused); exports are the only copy. */
  memoryOnly: boolean
  scenes: CatalogScene[]
  clientCode: string | null
  sessions: SessionMeta[]
  running: RunningSession | null
  view: RuntimeView | null
  notice: string | null
  error: string | null
  /** Set when a new version is ready; applied only from the lobby, between sessions. */
  applyUpdate: (() => void) | null
}

const initial: AppState = {
  screen: { name: 'loading' },
  store: null,
  memoryOnly: false,
  scenes: [],
  clientCode: null,
  sessions: [],
  running: null,
  view: null,
  notice: null,
  error: null,
  applyUpdate: null,
}

export const useApp = create<AppState>(() => initial)
const set = useApp.setState
const get = useApp.getState

const deps = () => ({
  store: get().store!,
  clock: realClock,
  appVersion: __APP_VERSION__,
  timeScale: timeScaleFrom(location.search, __TEST_MODE__),
})

/** Does this device already hold our database? Asked without opening it, so nothing is created before consent. */
async function databaseExists(): Promise<boolean> {
  if (!globalThis.indexedDB) return false
  if (typeof indexedDB.databases !== 'function') return true
  try {
    return (await indexedDB.databases()).some((d) => d.name === databaseName)
  } catch {
    return true
  }
}

function storageProblem(cause: unknown): Screen {
  const failure = describeStorageFailure(cause)
  return { name: 'storage-problem', reason: failure.message, kind: failure.reason }
}

export async function boot(): Promise<void> {
  set({ screen: { name: 'loading' } })
  set({ scenes: loadLobbyCatalog() })
  let exists: boolean
  try {
    exists = await databaseExists()
  } catch (cause) {
    set({ screen: storageProblem(cause) })
    return
  }
  if (!exists) {
    set({ screen: { name: 'consent' } })
    return
  }
  try {
    const store = await openIndexedDbStore()
    set({ store })
    const consent = await store.getSetting('consent')
    if (!consent || consent.textVersion !== consentTextVersion) {
      set({ screen: { name: 'consent' } })
      return
    }
    offerOffline()
    await purgeExpiredSessions(store)
    await refreshSessions()
    const active = await store.getSetting('activeSessionId')
    if (active) {
      await openSession(active)
      return
    }
    set({ screen: { name: 'code' } })
  } catch (cause) {
    set({ screen: storageProblem(cause) })
  }
}

/** The offline cache is storage too, so it starts only once the client has agreed. */
function offerOffline() {
  registerServiceWorker((apply) => set({ applyUpdate: apply }))
}

export async function giveConsent(): Promise<void> {
  try {
    const store = get().store ?? (await openIndexedDbStore())
    await store.setSetting('consent', { given: true, at: new Date().toISOString(), textVersion: consentTextVersion })
    // Ask the browser not to evict the data under storage pressure; a refusal is not an error.
    await navigator.storage?.persist?.().catch(() => false)
    offerOffline()
    set({ store, screen: { name: 'code' } })
    await refreshSessions()
  } catch (cause) {
    set({ screen: storageProblem(cause) })
  }
}

export function declineConsent() {
  set({ screen: { name: 'declined' } })
}

export function continueWithoutStorage() {
  set({ store: createMemoryStore(), memoryOnly: true, screen: { name: 'code' } })
}

export async function refreshSessions() {
  const store = get().store
  if (store) set({ sessions: await store.listSessions() })
}

export function go(screen: Screen) {
  set({ screen, error: null, notice: screen.name === 'session' ? get().notice : null })
}

export function setClientCode(code: string) {
  set({ clientCode: code, screen: { name: 'choose' } })
}

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

/** A session's bundle with its summary, including records that storage refused (so nothing recorded is lost). */
async function sessionBundle(sessionId: string): Promise<SessionBundle | null> {
  const { store, running } = get()
  if (!store) return null
  const meta = (await store.getSession(sessionId)) ?? (running?.meta.id === sessionId ? running.meta : undefined)
  if (!meta) return null
  const unsaved = running?.meta.id === sessionId ? running.runtime.unsavedRecords() : []
  return collectBundle(store, meta, unsaved)
}

/** Downloads a session's JSON bundle. */
export async function exportSession(sessionId: string) {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return
  const file = jsonFile(bundle)
  downloadFile(file.name, file.content, file.type)
}

/** Downloads the session as a Psych-DS dataset (zip). */
export async function exportDataset(sessionId: string) {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return
  const file = psychDsFile(bundle, get().scenes.find((s) => s.script.id === bundle.scene.id)?.script)
  downloadFile(file.name, file.content, file.type)
}

/** Encrypts the session with a fresh passphrase, shares or downloads it, and returns the passphrase to show once. */
export async function exportEncrypted(sessionId: string): Promise<string | null> {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return null
  const { file, passphrase } = await encryptedTransferFile(bundle)
  void shareOrDownload(file.name, file.content, file.type)
  return passphrase
}

export async function setRetentionDays(days: number) {
  const store = get().store
  if (!store) return
  await store.setSetting('retentionDays', days)
  await purgeExpiredSessions(store)
  await refreshSessions()
}

export async function eraseEverything() {
  const { store, running } = get()
  running?.runtime.stop()
  let sessions = 0
  let events = 0
  if (store) {
    const all = await store.listSessions()
    sessions = all.length
    events = all.reduce((n, s) => n + s.eventCount, 0)
    store.close()
  }
  try {
    const report = await eraseDevice()
    useApp.setState({ ...initial, scenes: get().scenes, screen: { name: 'erased', report: { ...report, sessions, events } } })
  } catch (cause) {
    set({ error: cause instanceof Error ? cause.message : String(cause) })
  }
}
