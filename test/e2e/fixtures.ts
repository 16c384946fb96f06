import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { port } from '../../scripts/browser/chromium.ts'

const appOrigin = `http://localhost:${port}`

/** Records every request that is not to the app's own origin (blob: and data: URLs never leave the page). */
export function watchOrigins(context: BrowserContext): string[] {
  const foreign: string[] = []
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('blob:') || url.startsWith('data:')) return
    if (new URL(url).origin !== appOrigin) foreign.push(url)
  })
  return foreign
}

/** Every e2e test fails if the app asked anything of another origin while it ran. */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context }, use) => {
      const foreign = watchOrigins(context)
      await use(foreign)
      expect(foreign, 'requests to other origins').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

export interface StoredEvent {
  sessionId: string
  seq: number
  type: string
  data: Record<string, unknown>
}

/** Reads the research log straight from IndexedDB, the way a crash would leave it. */
export async function storedEvents(page: Page): Promise<StoredEvent[]> {
  return storedRecords<StoredEvent>(page, 'events')
}

/** Every record of one of the app's IndexedDB stores, read straight from the page. */
export async function storedRecords<T>(page: Page, store: 'events' | 'snapshots' | 'sessions'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('perspectief')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const request = db.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result as T[])
          }
          request.onerror = () => reject(request.error)
        }
      }),
    store,
  )
}

/**
 * The trainer's link to the lobby: the same address with `setting=supervision`, which lists the scenes for supervision
 * (the VR scenes and their follow-ups) as well as those for a client's phone at home.
 */
export function trainerLink(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}setting=supervision`
}

/** Consent, client code, scenario: the way a client gets to the first beat. */
export async function startCheckIn(page: Page, code = 'AB12') {
  await page.goto('/?speed=50')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
}

export async function currentBeat(page: Page) {
  return page.getByTestId('beat').getAttribute('data-beat')
}

export async function answerChoice(page: Page, label: string | RegExp, nextBeat: string) {
  await page.getByRole('radio', { name: label }).click()
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', nextBeat)
}
