import { csvRecords } from './csv.ts'
import { expect, type CDPSession, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { injectSwipe, nextDrillScreen, type Direction } from './touch.ts'

export interface DrillSetup {
  code: string
  /** Query for the lobby, e.g. '?speed=4' (test builds only). */
  query?: string
  mode?: 'Training' | 'Alleen meten'
  assessmentBlock?: boolean
  trainingTrials?: number
  assessmentTrials?: number
  consent?: boolean
}

/** Lobby → drill page → first intro, the way a client and trainer click through it. */
export async function startDrill(page: Page, setup: DrillSetup): Promise<void> {
  await page.goto(`/${setup.query ?? ''}`)
  if (setup.consent !== false) await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(setup.code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /Drank wegvegen/ }).click()
  if (setup.mode) await page.getByRole('group', { name: 'Soort sessie' }).getByRole('button', { name: setup.mode }).click()
  if (setup.assessmentBlock !== undefined) {
    await page.getByRole('group', { name: /Eerst een meetblok/ }).getByRole('button', { name: setup.assessmentBlock ? 'Ja' : 'Nee' }).click()
  }
  if (setup.trainingTrials) await page.getByRole('spinbutton', { name: 'Aantal plaatjes training' }).fill(String(setup.trainingTrials))
  if (setup.assessmentTrials) await page.getByRole('spinbutton', { name: 'Aantal plaatjes meetblok' }).fill(String(setup.assessmentTrials))
  await page.getByRole('button', { name: 'Begin' }).click()
  await page.waitForURL(/drill\.html/)
}

export interface PlayedTrial {
  stimulus: string
  category: 'alcohol' | 'soft'
  direction: Direction | 'none'
  rtMs: number | null
  /** Injected completion time after onset, where a swipe was made. */
  completionMs: number | null
}

export interface ShownTrial {
  index: number
  stimulus: string
  category: 'alcohol' | 'soft'
  tilt: string | null
  /** The last intro said to do it the other way round ("Nu andersom!"). */
  reversed: boolean
}
export type Decide = (trial: ShownTrial) => { direction: Direction | 'none'; rtMs: number }

/** The move the instructions ask for: alcohol away, soft drinks towards; the other way round after "andersom". */
export function ruleFor(trial: ShownTrial): Direction {
  const away = trial.category === 'alcohol' ? 'push' : 'pull'
  return trial.reversed ? (away === 'push' ? 'pull' : 'push') : away
}

export const followRule: Decide = (trial) => ({ direction: ruleFor(trial), rtMs: 500 })

/** What a client remembers across a closed page: the last rule they were told. */
export interface ClientMemory {
  reversed: boolean
  /** Every instruction screen seen, in order: its words and its rule pictures (what, and which way). */
  intros?: { text: string; rules: { rule: string; move: string }[] }[]
  /**
   * The onset of the last picture played. A later `playDrill` with the same memory waits for a new picture: the one
   * just swiped can still be on screen when the next call starts, and would be swiped twice.
   */
  lastOnset?: number | null
}

/**
 * Plays until the end screen or until `stopAfter` pictures: taps "Begin" on each intro (and "Ga verder" on coming back), swipes each picture as
 * `decide` says, or lets it time out ('none').
 */
export async function playDrill(page: Page, cdp: CDPSession, decide: Decide, stopAfter = Infinity, memory: ClientMemory = { reversed: false }): Promise<PlayedTrial[]> {
  const played: PlayedTrial[] = []
  let lastOnset: number | null = memory.lastOnset ?? null
  for (;;) {
    if (played.length >= stopAfter) return played
    const screen = await nextDrillScreen(page, lastOnset)
    if (screen.kind === 'done') return played
    if (screen.kind === 'welcome') {
      // Back after a stop or a closed page: the client taps to go on when ready.
      const goOn = page.getByRole('button', { name: /^(Ga verder|Go on)$/ })
      await goOn.click()
      await goOn.waitFor({ state: 'detached' })
      continue
    }
    if (screen.kind === 'intro') {
      const text = await page.locator('.drill-message').innerText()
      memory.reversed = /andersom/.test(text)
      const rules = await page.locator('[data-testid="drill-rule"] li').evaluateAll((items) => items.map((li) => ({ rule: (li as HTMLElement).dataset.rule!, move: (li as HTMLElement).dataset.move! })))
      memory.intros?.push({ text, rules })
      const begin = page.getByRole('button', { name: /^(Begin|Start)$/ })
      await begin.click()
      // The intro stays until the tap is committed; do not mistake it for the next one.
      await begin.waitFor({ state: 'detached' })
      continue
    }
    lastOnset = screen.onset
    memory.lastOnset = lastOnset
    const choice = decide({ index: played.length, stimulus: screen.stimulus, category: screen.category, tilt: screen.tilt, reversed: memory.reversed })
    const truth = choice.direction === 'none' ? null : await injectSwipe(page, cdp, screen.onset, { direction: choice.direction, rtMs: choice.rtMs })
    played.push({ stimulus: screen.stimulus, category: screen.category, direction: choice.direction, rtMs: truth?.rtInitiationMs ?? null, completionMs: truth?.rtCompletionMs ?? null })
  }
}

/** Opens "Meer" on a done screen (the other formats: the drill's, a questionnaire's or a VR scene's), once. */
export async function openMore(page: Page): Promise<void> {
  const more = page.locator('details.more')
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator('summary').click()
}

/** Both files a trainer gets: the JSON bundle and the Psych-DS CSV. */
export async function exportDrill(page: Page): Promise<{ bundle: Record<string, any>; csv: string }> {
  await expect(page.getByTestId('drill-done')).toBeVisible()
  // The files for trainers and researchers sit under "Meer"; the client's one button is "Stuur naar mijn begeleider".
  await openMore(page)
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar tabel (CSV)' }).click()])
  return { bundle: JSON.parse(readFileSync((await json.path())!, 'utf8')), csv: readFileSync((await table.path())!, 'utf8') }
}

/** CSV rows as records by header, read by the tests' own RFC 4180 reader (independent of the app's writer). */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = csvRecords(text)
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])))
}
