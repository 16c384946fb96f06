import { isForHome } from '../script/place.ts'
import type { CatalogScene } from './sceneCatalog.ts'

/**
 * Where the lobby runs. By default it is a client's own phone at home and lists only the scenes meant for home; the
 * trainer's link (`?setting=supervision`) lists every lobby scene, for a supervision session with the trainer there.
 */
export type LobbySetting = 'home' | 'supervision'

/** Kept for the browser tab only, so going to the drill page and back to the lobby keeps the mode, and a new tab starts at home. */
export const lobbySettingKey = 'perspectief.setting'

type TabStorage = Pick<Storage, 'getItem' | 'setItem'>

function tabStorage(): TabStorage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

/** A `?setting=` in the address wins and is remembered for the tab; then what the tab remembered; then home. */
export function startLobbySetting(search: string, storage: TabStorage | undefined = tabStorage()): LobbySetting {
  const asked = new URLSearchParams(search).get('setting')
  if (asked === 'supervision' || asked === 'home') {
    try {
      storage?.setItem(lobbySettingKey, asked)
    } catch {
      // Storage refused (private mode, full): the mode holds while the address carries it.
    }
    return asked
  }
  try {
    return storage?.getItem(lobbySettingKey) === 'supervision' ? 'supervision' : 'home'
  } catch {
    return 'home'
  }
}

/** The scenes the lobby lists in a setting: at home only those for home (or both), in supervision all of them. */
export function scenesForSetting(scenes: CatalogScene[], setting: LobbySetting): CatalogScene[] {
  return setting === 'supervision' ? scenes : scenes.filter((scene) => isForHome(scene.script))
}
