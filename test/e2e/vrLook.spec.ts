import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { buildAvatar } from './futureSelfFlow.ts'
import { enterHeadset, hook, pageErrors, remote, toReference, type Xyz } from './vrFlow.ts'

/*
 * Tests that look: both VR scenes, every beat, from the emulated headset's real eye pose, with the default
 * parameters and one other set. For every beat the scene recorded (src/xr/lookRecorder.ts, test builds only):
 * - rays from the eye to each corner of every button shown meet that button first (nothing hides a choice);
 * - no figure mesh comes within 0.45 m of the eyes;
 * - in first person, nothing of the client's own body (its head and hair are hidden) is above the chin.
 * Each beat's picture goes to the gallery, .test-output/gallery/ (index.html lists them by scene and beat).
 */
test.use({ viewport: { width: 1024, height: 768 } })

const gallery = join(import.meta.dirname, '../../.test-output/gallery')
const nearest = 0.45

interface BeatLook {
  occluded: { button: string; hit: string }[]
  buttons: number
  closest: { figure: string; distance: number } | null
  ownBodyAboveChin: number | null
  shot: string | null
}

async function openScene(page: Page, code: string, scene: RegExp, choices: [group: string | RegExp, button: string | RegExp][]) {
  await page.goto('/?speed=2&xr=emulate')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: scene }).click()
  for (const [group, button] of choices) await page.getByRole('group', { name: group }).getByRole('button', { name: button, exact: typeof button === 'string' }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
}

/** Plays the scene to its end as a client would, answering every question with its first choice (after a look). */
async function playThrough(page: Page): Promise<string[]> {
  const beats: string[] = []
  const answered = new Map<string, number>()
  const done = page.getByTestId('vr-done')
  const deadline = Date.now() + 540_000
  while (!(await done.isVisible())) {
    expect(Date.now(), 'the scene ends').toBeLessThan(deadline)
    const { beat } = await hook(page)
    if (beats.at(-1) !== beat) {
      beats.push(beat)
      console.log(`${Math.round((Date.now() - deadline + 540_000) / 1000)} s: ${beat}`)
    }
    const buttons = await page.evaluate(() => (window as unknown as { __perspectiefVr: { buttons(): Record<string, Xyz> } }).__perspectiefVr.buttons())
    const choice = Object.keys(buttons).find((id) => !id.endsWith(':done-talking') && id !== 'resume' && id !== 'stop')
    // Aim and pull the trigger; again after a while if the beat did not move on (a busy machine drops a select).
    if (choice && (answered.get(beat) ?? 0) < Date.now() - 4000) {
      answered.set(beat, Date.now())
      await page.waitForTimeout(1000) // let the look recorder see the panel settled
      await remote(page, 'look_at', { device: 'controller-right', target: await toReference(page, buttons[choice]!) })
      await remote(page, 'select', { device: 'controller-right' })
    }
    await page.waitForTimeout(50)
  }
  return beats
}

function writeGallery(run: string, looks: Record<string, BeatLook>, order: string[]) {
  const dir = join(gallery, run)
  mkdirSync(dir, { recursive: true })
  order.forEach((beat, i) => {
    const shot = looks[beat]?.shot
    if (shot) writeFileSync(join(dir, `${String(i + 1).padStart(2, '0')}-${beat}.png`), Buffer.from(shot.replace(/^data:image\/png;base64,/, ''), 'base64'))
  })
  // The index lists every run written so far (each test adds its own), by scene and parameter set, then beat.
  const runs = readdirSync(gallery, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  const sections = runs.map((r) => {
    const images = readdirSync(join(gallery, r)).filter((f) => f.endsWith('.png')).sort()
    const figures = images.map((f) => `<figure><img src="${r}/${f}" alt="${r} ${f}" width="480"><figcaption>${f.replace(/\.png$/, '')}</figcaption></figure>`).join('\n')
    return `<section><h2>${r}</h2>\n${figures}\n</section>`
  })
  writeFileSync(
    join(gallery, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Perspectief VR gallery</title><style>body{font-family:sans-serif}figure{display:inline-block;margin:6px}figcaption{font-size:13px}</style><h1>Every beat, as the client's left eye sees it</h1><p>Written by test/e2e/vrLook.spec.ts (npm test). Scene and parameter set, then beat in the order played.</p>\n${sections.join('\n')}\n</html>\n`,
  )
}

async function checkLooks(page: Page, run: string, beats: string[], sceneBeats: string[]) {
  const looks = await page.evaluate(() => (window as unknown as { __perspectiefVr: { looks(): Record<string, BeatLook> } }).__perspectiefVr.looks())
  // In the order played (the recorder keeps beats as they came).
  writeGallery(run, looks, Object.keys(looks))
  // Every beat the scene played was looked at (a beat too short to catch would escape the checks).
  for (const beat of [...beats, ...sceneBeats]) expect(Object.keys(looks), `beat ${beat} looked at`).toContain(beat)
  for (const [beat, look] of Object.entries(looks)) {
    expect.soft(look.occluded, `buttons hidden from the eye in ${run} ${beat}`).toEqual([])
    if (look.closest) expect.soft(look.closest.distance, `${look.closest.figure} near the eyes in ${run} ${beat}`).toBeGreaterThanOrEqual(nearest)
    expect.soft(look.ownBodyAboveChin, `own body above the chin in ${run} ${beat}`).toBeNull()
  }
  const asked = Object.entries(looks).filter(([, l]) => l.buttons > 0)
  expect(asked.length, 'beats with buttons were checked').toBeGreaterThan(0)
  return looks
}

const childEyeBeats = ['intro', 'father-home', 'mother-confronts', 'father-answers', 'mother-smells-drink', 'baby-cries', 'threat-to-leave', 'father-threatens', 'glass-breaks', 'the-blow', 'silence', 'mother-comes-in', 'reflect-intro', 'ask-feeling', 'ask-harm-child', 'ask-harm-mother', 'thanks']

for (const [run, choices] of [
  ['child-eye-default', []],
  ['child-eye-full-age4-sibling', [['Hoeveel zie je?', /^Alles/], [/Leeftijd van het kind/, '4'], [/Oudere zus of broer/, /^Ja/]]],
] as [string, [string | RegExp, string | RegExp][]][]) {
  test(`child's eye (${run}): every beat seen from the eye, nothing hides a choice, no figure in the face`, async ({ page }) => {
    test.setTimeout(600_000)
    const errors = pageErrors(page)
    await openScene(page, `LK${run.length}${choices.length}`, /^Door de ogen van Joris/, choices)
    await enterHeadset(page)
    const beats = await playThrough(page)
    expect(beats).toContain('ask-feeling')
    const looks = await checkLooks(page, run, beats, childEyeBeats)
    for (const ask of ['ask-feeling', 'ask-harm-child', 'ask-harm-mother']) expect(looks[ask]?.buttons, ask).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
}

for (const [run, choices] of [
  ['future-self-default', [['Aantal rondes', '1']]],
  ['future-self-20y-unchanged', [['Aantal rondes', '1'], ['Hoeveel jaar later?', '20'], ['Welke toekomst?', 'Als er niets verandert']]],
] as [string, [string | RegExp, string | RegExp][]][]) {
  test(`future self (${run}): every beat seen from the eye, the own body headless in first person, nothing hides a choice`, async ({ page }) => {
    test.setTimeout(600_000)
    const errors = pageErrors(page)
    await openScene(page, `LF${run.length}${choices.length}`, /^Ontmoet jezelf, later/, choices)
    await buildAvatar(page)
    await enterHeadset(page)
    const beats = await playThrough(page)
    const seats = await page.evaluate(() => (window as unknown as { __perspectiefVr: { seat?: string } }).__perspectiefVr.seat)
    expect(seats).toBeDefined()
    await checkLooks(page, run, beats, [])
    expect(errors).toEqual([])
  })
}
