import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { eraseDevice } from './eraseDevice.ts'
import { openIndexedDbStore } from './indexedDbStore.ts'

/** Cache Storage in a Map: enough of the API for eraseDevice and for the test to look inside. */
class FakeCacheStorage {
  readonly entries = new Map<string, Map<string, string>>()
  async open(name: string) {
    let cache = this.entries.get(name)
    if (!cache) this.entries.set(name, (cache = new Map()))
    return { put: async (url: string, body: string) => void cache.set(url, body) }
  }
  async has(name: string) {
    return this.entries.has(name)
  }
  async keys() {
    return [...this.entries.keys()]
  }
  async delete(name: string) {
    return this.entries.delete(name)
  }
}

/** Service worker registrations that really go away when unregistered. */
class FakeServiceWorkerContainer {
  readonly registrations: { scope: string; unregister(): Promise<boolean> }[] = []
  register(scope: string) {
    const registration = {
      scope,
      unregister: async () => {
        const i = this.registrations.indexOf(registration)
        if (i < 0) return false
        this.registrations.splice(i, 1)
        return true
      },
    }
    this.registrations.push(registration)
  }
  async getRegistrations() {
    return [...this.registrations]
  }
}

/** Web Storage over a Map. */
class FakeStorage {
  readonly #items = new Map<string, string>()
  get length() {
    return this.#items.size
  }
  key(i: number) {
    return [...this.#items.keys()][i] ?? null
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value))
  }
  removeItem(key: string) {
    this.#items.delete(key)
  }
  clear() {
    this.#items.clear()
  }
}

function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1)
    request.onupgradeneeded = () => request.result.createObjectStore('things')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function deviceWithEverything() {
  const indexedDB = new IDBFactory()
  const store = await openIndexedDbStore(indexedDB)
  await store.setSetting('retentionDays', 30)
  store.close()
  ;(await openRaw(indexedDB, 'perspectief-cache-index')).close()

  const caches = new FakeCacheStorage()
  await (await caches.open('perspectief-assets-v1')).put('/audio/welcome.mp3', 'bytes')
  await (await caches.open('perspectief-shell-v1')).put('/index.html', '<html>')

  const serviceWorker = new FakeServiceWorkerContainer()
  serviceWorker.register('/')

  const localStorage = new FakeStorage()
  localStorage.setItem('language', 'nl')
  localStorage.setItem('lastClient', 'AB12')
  const sessionStorage = new FakeStorage()
  sessionStorage.setItem('screen', 'session')

  const scope = { indexedDB, caches, navigator: { serviceWorker }, localStorage, sessionStorage }
  return { scope, asGlobal: scope as unknown as typeof globalThis }
}

describe('eraseDevice', () => {
  it('removes every database, cache, service worker and web storage entry, and says what it removed', async () => {
    const { scope, asGlobal } = await deviceWithEverything()
    expect((await scope.indexedDB.databases()).map((d) => d.name).sort()).toEqual(['perspectief', 'perspectief-cache-index'])

    const report = await eraseDevice(asGlobal)

    expect(await scope.indexedDB.databases()).toEqual([])
    expect(await scope.caches.keys()).toEqual([])
    expect(await scope.caches.has('perspectief-assets-v1')).toBe(false)
    expect(await scope.navigator.serviceWorker.getRegistrations()).toEqual([])
    expect(scope.localStorage.length).toBe(0)
    expect(scope.localStorage.getItem('lastClient')).toBeNull()
    expect(scope.sessionStorage.length).toBe(0)

    expect({ ...report, databases: [...report.databases].sort(), caches: [...report.caches].sort() }).toEqual({
      databases: ['perspectief', 'perspectief-cache-index'],
      caches: ['perspectief-assets-v1', 'perspectief-shell-v1'],
      serviceWorkers: 1,
      localStorageKeys: 2,
      sessionStorageKeys: 1,
    })
  })

  it('really deletes the data: a reopened store starts empty', async () => {
    const { scope, asGlobal } = await deviceWithEverything()
    await eraseDevice(asGlobal)
    const reopened = await openIndexedDbStore(scope.indexedDB)
    expect(await reopened.getSetting('retentionDays')).toBeUndefined()
    expect(await reopened.listSessions()).toEqual([])
    reopened.close()
  })

  it('reports nothing on a device that holds nothing, and copes with missing APIs', async () => {
    const empty = { indexedDB: new IDBFactory(), caches: new FakeCacheStorage(), navigator: { serviceWorker: new FakeServiceWorkerContainer() }, localStorage: new FakeStorage(), sessionStorage: new FakeStorage() }
    expect(await eraseDevice(empty as unknown as typeof globalThis)).toEqual({ databases: [], caches: [], serviceWorkers: 0, localStorageKeys: 0, sessionStorageKeys: 0 })
    expect(await eraseDevice({ navigator: {} } as unknown as typeof globalThis)).toEqual({ databases: [], caches: [], serviceWorkers: 0, localStorageKeys: 0, sessionStorageKeys: 0 })
  })

  it('deletes the app database by name where the browser cannot list databases', async () => {
    const factory = new IDBFactory()
    ;(await openRaw(factory, 'perspectief')).close()
    const withoutListing = { deleteDatabase: (name: string) => factory.deleteDatabase(name) }
    const report = await eraseDevice({ indexedDB: withoutListing } as unknown as typeof globalThis)
    expect(report.databases).toEqual(['perspectief'])
    expect(await factory.databases()).toEqual([])
  })

  it('rejects, naming the database, when an open connection blocks the delete', async () => {
    const { scope, asGlobal } = await deviceWithEverything()
    // Another tab: keeps its connection and does not close on versionchange.
    const other = await openRaw(scope.indexedDB, 'perspectief-cache-index')
    await expect(eraseDevice(asGlobal)).rejects.toThrow(/database perspectief-cache-index is still open/)
    // Once the other tab lets go, the delete that was waiting goes through.
    other.close()
    await new Promise((r) => setTimeout(r, 20))
    expect((await scope.indexedDB.databases()).map((d) => d.name)).not.toContain('perspectief-cache-index')
  })
})
