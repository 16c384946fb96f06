/** Starting the app, consent, and the client code: from the first screen to the scene list. */
import { databaseName, describeStorageFailure, openIndexedDbStore } from '../storage/indexedDbStore.ts'
import { createMemoryStore } from '../storage/memoryStore.ts'
import { purgeExpiredSessions } from '../storage/retention.ts'
import { consentTextVersion, refreshSessions, useApp, type Screen } from './appStore.ts'
import { loadLobbyCatalog } from './sceneCatalog.ts'
import { startLobbySetting } from './lobbySetting.ts'
import { openSession } from './sessionActions.ts'

const set = useApp.setState
const get = useApp.getState

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

/**
 * Registers the offline cache and reports a waiting update. The composition root passes the service worker's
 * registration to `boot` (the state layer does not know about the build's PWA plugin); without one, nothing is cached.
 */
export type OfflineRegistration = (onUpdateReady: (apply: () => void) => void) => void
let registerOffline: OfflineRegistration = () => {}

export async function boot(offline?: OfflineRegistration): Promise<void> {
  if (offline) registerOffline = offline
  set({ screen: { name: 'loading' } })
  set({ scenes: loadLobbyCatalog(), lobbySetting: startLobbySetting(location.search) })
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
    // "Later" on the drill's welcome-back screen: the unfinished drill waits, the rest of the app is open.
    if (active && new URLSearchParams(location.search).has('later')) {
      const meta = await store.getSession(active)
      set({ clientCode: meta?.clientCode ?? null, screen: { name: meta ? 'choose' : 'code' } })
      return
    }
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
  registerOffline((apply) => set({ applyUpdate: apply }))
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

export function setClientCode(code: string) {
  set({ clientCode: code, screen: { name: 'choose' } })
}
