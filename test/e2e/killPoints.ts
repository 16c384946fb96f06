import { chromium, expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { seededRandom } from '../../src/engine/drill/seededRandom.ts'
import { chromiumArgs, chromiumPath, headsetViewport, port } from '../../scripts/browser/chromium.ts'
import { followRule, playDrill, startDrill } from '../../scripts/browser/drillFlow.ts'
import { nextDrillScreen } from '../../scripts/browser/touch.ts'
import { storedEvents, trainerLink, watchOrigins, type StoredEvent } from './fixtures.ts'
import { enterHeadset } from './vrFlow.ts'

/**
 * Kill tests: a scene is run in a real browser profile and killed at seeded random points, either by crashing
 * the page's renderer (CDP Page.crash) or by crashing the whole browser (CDP Browser.crash) and launching it
 * again on the same profile. After each reopening, every event committed before the kill must still be there,
 * once, in the same order, and the scene must go on.
 *
 * A scene is one KillTarget; a new scene (the future-self scene) is one more target and its list of positions.
 */
export interface KillTarget {
  name: string
  /** The drill runs on a phone; the VR scenes on a laptop window with an emulated headset. */
  device: 'phone' | 'laptop'
  /** Where a kill may follow, in the order the scene reaches them (trial numbers, beat ids). */
  positions: string[]
  /** From a fresh profile to the running scene. */
  start(page: Page): Promise<void>
  /** Plays on until `position` is reached or passed. The page may have just been reopened. */
  advanceTo(page: Page, position: string, cdp: CDPSession): Promise<void>
  /** After a reopening: gets the scene running again where it was. */
  resume(page: Page): Promise<void>
}

export type KillHow = 'page-crash' | 'browser-crash'
export interface KillPoint {
  position: string
  /** How long the scene runs on by itself after reaching the position, before the kill. */
  delayMs: number
  how: KillHow
}

/** `count` distinct positions in scene order, each with a seeded delay and way of killing. */
export function killPlan(seed: number, count: number, positions: readonly string[], maxDelayMs = 900): KillPoint[] {
  const random = seededRandom(seed)
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, positions.length)) chosen.add(Math.floor(random() * positions.length))
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => ({ position: positions[i]!, delayMs: Math.round(random() * maxDelayMs), how: random() < 0.5 ? 'page-crash' : 'browser-crash' }))
}

/** No event lost, none twice, numbered without a gap. */
export function expectNothingLost(after: StoredEvent[], before: StoredEvent[], where: string) {
  expect(after.slice(0, before.length), `${where}: committed events changed`).toEqual(before)
  const keys = after.map((e) => `${e.sessionId}:${e.seq}`)
  expect(new Set(keys).size, `${where}: duplicate events`).toBe(keys.length)
  const bySession = new Map<string, number[]>()
  for (const e of after) bySession.set(e.sessionId, [...(bySession.get(e.sessionId) ?? []), e.seq])
  for (const [session, seqs] of bySession) expect(seqs, `${where}: gap in ${session}`).toEqual(seqs.map((_, i) => i + 1))
}

/** One browser on one profile, with every request checked against the app's origin. */
export async function launchProfile(profile: string, device: KillTarget['device']) {
  const screen =
    device === 'phone'
      ? { viewport: { width: 412, height: 839 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true }
      : // The emulated headset draws into the window with software GL: a small one keeps the frame rate usable.
        { viewport: headsetViewport, deviceScaleFactor: 1 }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL: `http://localhost:${port}`,
    ...screen,
  })
  const foreign = watchOrigins(context)
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page, foreign }
}

/** Kills as `how` says and returns a live page on the same profile (a new browser for a browser crash). */
export async function kill(how: KillHow, context: BrowserContext, page: Page, relaunch: () => Promise<{ context: BrowserContext; page: Page; foreign: string[] }>) {
  const cdp = await context.newCDPSession(page)
  if (how === 'page-crash') {
    const crashed = page.waitForEvent('crash')
    cdp.send('Page.crash').catch(() => {}) // never answers: the renderer is gone
    await crashed
    return { context, page: await context.newPage(), relaunched: null }
  }
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()))
  cdp.send('Browser.crash').catch(() => {}) // the whole browser process goes, as when a phone kills it
  await closed
  const next = await relaunch()
  return { context: next.context, page: next.page, relaunched: next }
}

// ---- The scenes ----

const drillTrials = 28

async function trialsStored(page: Page) {
  return (await storedEvents(page)).filter((e) => e.type === 'drill.trial').length
}

export const drillTarget: KillTarget = {
  name: 'drill',
  device: 'phone',
  positions: Array.from({ length: drillTrials - 1 }, (_, i) => String(i + 1)),
  async start(page) {
    await startDrill(page, { code: 'KD77', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
  },
  async advanceTo(page, position, cdp) {
    while ((await trialsStored(page)) < Number(position)) await playDrill(page, cdp, followRule, 1)
  },
  async resume(page) {
    await page.goto('/?speed=3')
    await page.waitForURL(/drill\.html/)
    await nextDrillScreen(page, null)
  },
}

type VrHook = { beat: string }

/** Lets a VR scene run until it is at or past `position` in `order`, answering each question it waits on (`answerFor` gives the button). */
async function playVrUntil(page: Page, order: readonly string[], position: string, answerFor: (beat: string) => string | null) {
  const target = order.indexOf(position)
  await expect
    .poll(
      async () => {
        const beat = (await vrBeat(page)) ?? ''
        if (order.indexOf(beat) >= target) return true
        const answer = answerFor(beat)
        if (answer) await selectVrButton(page, answer)
        return false
      },
      { timeout: 90_000, intervals: [120] },
    )
    .toBe(true)
}
const vrBeat = (page: Page) => page.evaluate(() => (window as unknown as { __perspectiefVr?: VrHook }).__perspectiefVr?.beat ?? null)

/** Consent, client code and the scene's button in the lobby: how a run of a VR scene begins. */
/** A VR scene from the trainer's link: the VR scenes are for supervision, so a lobby at home does not list them. */
async function openScene(page: Page, code: string, scene: RegExp) {
  await page.goto(trainerLink('/?speed=10&xr=emulate'))
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: scene }).click()
}

/** The beats of the child's-eye scene in order: most go on by themselves, the three questions are answered. */
const childEyeBeats = ['intro', 'father-home', 'mother-confronts', 'father-answers', 'mother-smells-drink', 'baby-cries', 'threat-to-leave', 'father-threatens', 'glass-breaks', 'the-blow', 'silence', 'mother-comes-in', 'reflect-intro', 'ask-feeling', 'ask-harm-child', 'ask-harm-mother']
const childEyeAnswers: Record<string, string> = { 'ask-feeling': 'feeling:sad', 'ask-harm-child': 'harm-child:4', 'ask-harm-mother': 'harm-mother:4' }

export const childEyeTarget: KillTarget = {
  name: "child's eye (VR)",
  device: 'laptop',
  positions: childEyeBeats.slice(0, -1),
  async start(page) {
    await openScene(page, 'KV88', /^Door de ogen van Joris/)
    await page.getByRole('group', { name: 'Hoeveel zie je?' }).getByRole('button', { name: /^Alles/ }).click()
    await page.getByRole('button', { name: 'Begin' }).click()
    await enterHeadset(page)
  },
  advanceTo: (page, position) => playVrUntil(page, [...childEyeBeats, 'thanks'], position, (beat) => childEyeAnswers[beat] ?? null),
  async resume(page) {
    await page.goto('/?speed=10&xr=emulate')
    await expect(page.getByTestId('beat')).toBeVisible()
    await enterHeadset(page)
  },
}

/**
 * The future-self meeting with one round, answered by choices (a kill browser has no microphone). The positions are
 * the beats in the order a run reaches them; advancing answers whatever the beat asks with the first option.
 */
const futureSelfBeats = [
  'welcome', 'mirror-move', 'before-questions', 'vivid-before', 'similar-before', 'connected-before', 'liking-before', 'circles-before',
  'meet', 'greet-changed', 'choose-theme', 'ask-1-money', 'answer-1', 'swap-1', 'hear-answer-1', 'reply-1', 'swap-back-1', 'hear-reply-1',
  'choose-message', 'message-keep-going', 'after-questions', 'vivid-after', 'similar-after', 'connected-after', 'liking-after', 'circles-after',
]
const futureSelfAnswers: Record<string, string> = {
  'choose-theme': 'theme:money',
  'answer-1': 'answer-1:so-so',
  'reply-1': 'reply-1:small-steps',
  'choose-message': 'message:keep-going',
}

async function selectVrButton(page: Page, id: string) {
  const at = await page.evaluate((b) => (window as unknown as { __perspectiefVr: { buttons(): Record<string, [number, number, number]> } }).__perspectiefVr.buttons()[b] ?? null, id)
  if (!at) return false
  const target = await page.evaluate((p) => (window as unknown as { __perspectiefVr: { toReference(p: [number, number, number]): [number, number, number] } }).__perspectiefVr.toReference(p), at)
  await page.evaluate(
    async ([t]) => {
      const remote = (window as unknown as { __iwer: { remote: { dispatch(a: string, p: unknown): Promise<unknown> } } }).__iwer.remote
      await remote.dispatch('look_at', { device: 'controller-right', target: { x: t[0], y: t[1], z: t[2] } })
      await remote.dispatch('select', { device: 'controller-right' })
    },
    [target] as const,
  )
  return true
}

export const futureSelfTarget: KillTarget = {
  name: 'future self (VR)',
  device: 'laptop',
  positions: futureSelfBeats.slice(0, -1),
  async start(page) {
    await openScene(page, 'KF99', /^Ontmoet jezelf, later/)
    await page.getByRole('group', { name: 'Aantal rondes' }).getByRole('button', { name: '1', exact: true }).click()
    await page.getByRole('button', { name: 'Begin' }).click()
    await page.getByRole('button', { name: 'Klaar, begin' }).click()
    await enterHeadset(page)
  },
  advanceTo: (page, position) => playVrUntil(page, [...futureSelfBeats, 'thanks'], position, (beat) => futureSelfAnswers[beat] ?? (/-(before|after)$/.test(beat) ? `${beat}:4` : null)),
  async resume(page) {
    await page.goto('/?speed=10&xr=emulate')
    await expect(page.getByTestId('beat')).toBeVisible()
    await enterHeadset(page)
  },
}
