import type { Page } from '@playwright/test'
import { expect, trainerLink, type StoredEvent } from './fixtures.ts'
import { beatIs, selectButton, type Xyz } from './vrFlow.ts'

/** Steps of the future-self scene, as a client takes them, and the checks that no voice recording is ever kept. */
export interface VoiceProbe {
  playing: boolean
  level: number
  hz: number
  position: Xyz | null
  recordings: number
  recording: boolean
}

export async function voice(page: Page): Promise<VoiceProbe> {
  return page.evaluate(() => {
    const v = (window as unknown as { __perspectiefVr: { voice: { playing(): boolean; level(): number; dominantHz(): number; position(): Xyz | null; recordings(): number; recording(): boolean } } }).__perspectiefVr.voice
    return { playing: v.playing(), level: v.level(), hz: v.dominantHz(), position: v.position() as Xyz | null, recordings: v.recordings(), recording: v.recording() }
  })
}

/** Listens to the playback chain until it hears the recording: loud enough, at the expected pitch. */
export async function hearRecording(page: Page, expectedHz: number): Promise<VoiceProbe> {
  let heard: VoiceProbe | null = null
  await expect
    .poll(
      async () => {
        const v = await voice(page)
        if (v.playing && v.level > 0.02 && Math.abs(v.hz - expectedHz) < 30) heard = v
        return heard !== null
      },
      { timeout: 15_000, intervals: [50] },
    )
    .toBe(true)
  return heard!
}

/** From the trainer's link: the meeting is for supervision, so a lobby at home does not list it. */
export async function startFutureSelf(page: Page, code: string) {
  await page.goto(trainerLink('/?speed=10&xr=emulate'))
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /^Ontmoet jezelf, later/ }).click()
  await page.getByRole('group', { name: 'Hoeveel jaar later?' }).getByRole('button', { name: '20', exact: true }).click()
  await page.getByRole('group', { name: 'Welke toekomst?' }).getByRole('button', { name: 'Als er niets verandert' }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
}

/** The avatar builder: a few big taps, each shown at once in the preview. */
export async function buildAvatar(page: Page) {
  await expect(page.getByRole('heading', { name: 'Maak je poppetje', level: 1 })).toBeVisible()
  await expect(page.getByTestId('avatar-canvas')).toBeVisible()
  for (const choice of ['body-broad', 'hair-short', 'hairColour-black', 'beard-stubble', 'skin-tone-4', 'colour-red', 'clothing-sporty', 'age-25-34']) {
    await page.getByTestId(`avatar-${choice}`).click()
    await expect(page.getByTestId(`avatar-${choice}`)).toHaveAttribute('aria-pressed', 'true')
  }
  await page.getByRole('button', { name: 'Klaar, begin' }).click()
}

export async function answerMeasures(page: Page, when: 'before' | 'after', values: [number, number, number, number, number]) {
  const items = ['vivid', 'similar', 'connected', 'liking', 'circles']
  for (const [i, item] of items.entries()) {
    await beatIs(page, `${item}-${when}`)
    // A person presses again when nothing happened (see selectButton); the last answer leads to different beats.
    const next = items[i + 1]
    await selectButton(page, `${item}-${when}:${values[i]}`, next ? { thenBeat: `${next}-${when}` } : {})
  }
}

/** Says an answer into the (fake) microphone for a moment, then presses "done talking". */
export async function speak(page: Page, beat: string, item: string) {
  await beatIs(page, beat)
  await expect.poll(async () => (await voice(page)).recording).toBe(true)
  await page.waitForTimeout(1500)
  await selectButton(page, `${item}:done-talking`)
}

/** Every value in every store of every IndexedDB database of the origin, flattened to a description per value. */
export async function everythingStored(page: Page): Promise<{ blobs: number; binary: number; text: string }> {
  return page.evaluate(async () => {
    const out = { blobs: 0, binary: 0, text: '' }
    const visit = (v: unknown) => {
      if (v instanceof Blob) out.blobs++
      else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) out.binary++
      else if (typeof v === 'string') out.text += `${v}\n`
      else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x)
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll()
          r.onsuccess = () => resolve(r.result)
          r.onerror = () => reject(r.error)
        })
        all.forEach(visit)
        out.text += `${JSON.stringify(all)}\n`
      }
      db.close()
    }
    return out
  })
}

/** No audio anywhere: no blobs or bytes, no audio URL or container signature, voice events carry durations only. */
export function expectNoAudioIn(text: string) {
  for (const sign of ['data:audio', 'blob:', 'audio/webm', 'audio/ogg', 'OggS', 'webm', 'opus', 'GkXf']) expect(text, `"${sign}" found`).not.toContain(sign)
  expect(text).not.toMatch(/[A-Za-z0-9+/]{400,}/) // no long base64 run
}

export function voiceEventsCarryOnlyDurations(events: Pick<StoredEvent, 'type' | 'data'>[]) {
  for (const e of events.filter((x) => x.type.startsWith('voice.'))) {
    expect(Object.keys(e.data).sort()).toEqual(e.type === 'voice.missing' ? ['beat', 'item', 'reason'] : e.type === 'voice.played' ? ['beat', 'durationMs', 'item', 'pitchSemitones'] : ['beat', 'durationMs', 'item'])
  }
}

