import { describe, expect, it } from 'vitest'
import type { ScenarioScript } from '../script/schema.ts'
import type { CatalogScene } from './sceneCatalog.ts'
import { lobbySettingKey, scenesForSetting, startLobbySetting } from './lobbySetting.ts'

function tab(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values }
}

const sceneAt = (id: string, place?: ScenarioScript['place']) => ({ script: { id, place } as ScenarioScript, hash: id, file: `scenes/${id}/scene.yaml`, stimulusSets: {} }) satisfies CatalogScene
const catalog = [sceneAt('drill', 'both'), sceneAt('diary', 'home'), sceneAt('vr', 'supervision'), sceneAt('unsaid')]
const ids = (scenes: CatalogScene[]) => scenes.map((s) => s.script.id)

describe('the lobby on a phone at home and on the trainer’s link', () => {
  it('is a phone at home by default', () => {
    expect(startLobbySetting('', tab())).toBe('home')
    expect(startLobbySetting('?speed=3&xr=emulate', tab())).toBe('home')
  })

  it('lists only scenes for home or both at home; a scene that does not say stays off the phone', () => {
    expect(ids(scenesForSetting(catalog, 'home'))).toEqual(['drill', 'diary'])
  })

  it('lists every lobby scene on the trainer’s link', () => {
    expect(ids(scenesForSetting(catalog, 'supervision'))).toEqual(['drill', 'diary', 'vr', 'unsaid'])
  })

  it('remembers ?setting=supervision for the tab, so the lobby keeps it without the parameter', () => {
    const storage = tab()
    expect(startLobbySetting('?setting=supervision&speed=10', storage)).toBe('supervision')
    expect(storage.values.get(lobbySettingKey)).toBe('supervision')
    expect(startLobbySetting('', storage)).toBe('supervision')
  })

  it('goes back to home with ?setting=home, and ignores a value it does not know', () => {
    const storage = tab({ [lobbySettingKey]: 'supervision' })
    expect(startLobbySetting('?setting=office', storage)).toBe('supervision')
    expect(startLobbySetting('?setting=home', storage)).toBe('home')
    expect(startLobbySetting('', storage)).toBe('home')
  })

  it('still follows the address when the tab refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    }
    expect(startLobbySetting('?setting=supervision', refusing)).toBe('supervision')
    expect(startLobbySetting('', refusing)).toBe('home')
    expect(startLobbySetting('', undefined)).toBe('home')
  })
})
