/** What "erase everything" removed, so the confirmation can say it in plain numbers. */
export interface EraseReport {
  databases: string[]
  caches: string[]
  serviceWorkers: number
  localStorageKeys: number
  sessionStorageKeys: number
}

/**
 * Removes every trace the app left on this device: all IndexedDB databases of this origin, Cache Storage,
 * service workers and web storage. The caller must close its own database connection first, or the delete waits.
 */
export async function eraseDevice(scope: typeof globalThis = globalThis): Promise<EraseReport> {
  const report: EraseReport = { databases: [], caches: [], serviceWorkers: 0, localStorageKeys: 0, sessionStorageKeys: 0 }
  const idb = scope.indexedDB
  if (idb) {
    const names = typeof idb.databases === 'function' ? (await idb.databases()).map((d) => d.name).filter((n): n is string => !!n) : ['perspectief']
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const request = idb.deleteDatabase(name)
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error ?? new Error(`could not delete database ${name}`))
        request.onblocked = () => reject(new Error(`database ${name} is still open in another tab; close it and try again`))
      })
      report.databases.push(name)
    }
  }
  // Service workers first: one still installing would otherwise write its cache again after we deleted it.
  if (scope.navigator?.serviceWorker) {
    for (const registration of await scope.navigator.serviceWorker.getRegistrations()) {
      const installing = registration.installing
      if (await registration.unregister()) report.serviceWorkers++
      if (installing) await settled(installing)
    }
  }
  if (scope.caches) {
    // Twice: a write that was in flight during the first pass is gone after the second.
    for (let pass = 0; pass < 2; pass++) {
      for (const key of await scope.caches.keys()) {
        await scope.caches.delete(key)
        if (!report.caches.includes(key)) report.caches.push(key)
      }
    }
  }
  if (scope.localStorage) {
    report.localStorageKeys = scope.localStorage.length
    scope.localStorage.clear()
  }
  if (scope.sessionStorage) {
    report.sessionStorageKeys = scope.sessionStorage.length
    scope.sessionStorage.clear()
  }
  return report
}

/** Resolves once an installing worker has finished installing or been thrown away (at most 10 s). */
function settled(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => ['installed', 'activating', 'activated', 'redundant'].includes(worker.state)
    if (done()) return resolve()
    const timer = setTimeout(resolve, 10_000)
    worker.addEventListener('statechange', () => {
      if (done()) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}
