/**
 * The lobby's state: one zustand store, in a small module of its own. Components select what they show with
 * `useApp(selector)`. What changes the state are plain functions next to it: lobbyActions.ts (start, consent, client
 * code), sessionActions.ts (start, resume, leave a scene), exportActions.ts (a session's files) and deviceActions.ts
 * (retention, erase), plus `go` and `refreshSessions` here, which they all use.
 */
import { create } from 'zustand'
import type { RuntimeView } from '../engine/runtime.ts'
import type { ParamValues } from '../script/schema.ts'
import type { EraseReport } from '../storage/eraseDevice.ts'
import type { StorageUnavailableError } from '../storage/indexedDbStore.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'
import type { CatalogScene } from './sceneCatalog.ts'
import type { LobbySetting } from './lobbySetting.ts'
import type { RunningSession } from './sessionController.ts'

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

export interface AppState {
  screen: Screen
  store: SessionStore | null
  /** Nothing is written to the device (storage refused); exports are the only copy. */
  memoryOnly: boolean
  /** Every scene a lobby may start or resume; the list shown is narrowed by `lobbySetting`. */
  scenes: CatalogScene[]
  /** A client's phone at home, or the trainer's supervision link (lobbySetting.ts). */
  lobbySetting: LobbySetting
  clientCode: string | null
  sessions: SessionMeta[]
  running: RunningSession | null
  view: RuntimeView | null
  notice: string | null
  error: string | null
  /** Set when a new version is ready; applied only from the lobby, between sessions. */
  applyUpdate: (() => void) | null
}

export const initialAppState: AppState = {
  screen: { name: 'loading' },
  store: null,
  memoryOnly: false,
  scenes: [],
  lobbySetting: 'home',
  clientCode: null,
  sessions: [],
  running: null,
  view: null,
  notice: null,
  error: null,
  applyUpdate: null,
}

export const useApp = create<AppState>(() => initialAppState)
const set = useApp.setState
const get = useApp.getState

export async function refreshSessions() {
  const store = get().store
  if (store) set({ sessions: await store.listSessions() })
}

export function go(screen: Screen) {
  set({ screen, error: null, notice: screen.name === 'session' ? get().notice : null })
}
