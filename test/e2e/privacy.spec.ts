import { answerChoice, expect, startCheckIn, storedEvents, test } from './fixtures.ts'

test('nothing is stored before consent, and declining stores nothing', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible()
  await page.getByRole('button', { name: 'Nee, liever niet' }).click()
  await expect(page.getByRole('status')).toContainText('Er is niets bewaard')
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    local: localStorage.length,
  }))
  expect(left).toEqual({ databases: [], caches: [], local: 0 })
})

test('a client code must not be a name', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill('Jan de Vries')
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('alert')).toContainText('minstens één cijfer')
  await expect(page.getByRole('heading', { name: 'Wat is je code?' })).toBeVisible()
})

test('erase removes every store on the device and says what it erased', async ({ page }) => {
  await startCheckIn(page, 'EF56')
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, /^3$/, 'ask-sleep')
  expect((await storedEvents(page)).length).toBeGreaterThan(2)
  // Stand-ins for what a service worker and other code could leave: a cache and web storage.
  await page.evaluate(async () => {
    await (await caches.open('perspectief-assets')).put('/probe', new Response('x'))
    localStorage.setItem('probe', '1')
    sessionStorage.setItem('probe', '1')
  })

  // The offline cache (service worker) is there too once the app has been used.
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(1)
  const before = await page.evaluate(async () => ({ caches: (await caches.keys()).length, workers: (await navigator.serviceWorker.getRegistrations()).length }))
  expect(before.workers).toBe(1)

  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByRole('button', { name: 'Wis alles op dit apparaat' }).click()
  await page.getByRole('button', { name: 'Ja, wis alles' }).click()
  await expect(page.getByTestId('erase-report')).toContainText('1 oefeningen')
  await expect(page.getByTestId('erase-report')).toContainText(`1 opslagplekken, ${before.caches} tijdelijke bestanden en 1 achtergrondhulpjes voor offline gebruik`)
  await expect(page.getByTestId('erase-report')).not.toContainText('service workers')

  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length,
    session: sessionStorage.length,
  }))
  expect(left).toEqual({ databases: [], caches: [], workers: 0, local: 0, session: 0 })

  // A reload finds a fresh device: consent first, no session to resume.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible()
})

test('retention setting purges sessions older than the limit at the next start', async ({ page }) => {
  await startCheckIn(page, 'GH78')
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-mood')
  // Age the session by 40 days, as if the client had not opened the app since.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('perspectief')
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'settings'], 'readwrite')
          const sessions = tx.objectStore('sessions')
          sessions.getAll().onsuccess = (e) => {
            for (const s of (e.target as IDBRequest<{ updatedAt: string }[]>).result) {
              sessions.put({ ...s, updatedAt: new Date(Date.now() - 40 * 864e5).toISOString() })
            }
          }
          tx.objectStore('settings').put({ key: 'activeSessionId', value: null })
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
  )
  await page.goto('/')
  await page.getByLabel('Code').fill('GH78')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await expect(page.getByRole('heading', { name: 'Sessies op dit apparaat: 1' })).toBeVisible()
  await page.getByRole('button', { name: '30 dagen' }).click()
  await expect(page.getByText('Opgeslagen. Oudere gegevens worden gewist.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Sessies op dit apparaat: 0' })).toBeVisible()
  expect(await storedEvents(page)).toEqual([])
})
