import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { parseScene } from '../../src/script/parse.ts'
import type { ScenarioScript } from '../../src/script/schema.ts'
import { placeSpot, type FigureRole, type Intensity } from '../../src/xr/environments/childEyeLayout.ts'
import type { BeatLook } from '../../src/xr/lookRecorder.ts'
import { expect, storedEvents, trainerLink } from './fixtures.ts'
import { buildAvatar } from './futureSelfFlow.ts'
import { enterHeadset, expectWithinBudget, hook, pageErrors, pullTrigger, remote, toReference, type Xyz } from './vrFlow.ts'

/** The steps and checks of the tests that look (vrLook.spec.ts, vrLookNoMicrophone.spec.ts); see vrLook.spec.ts. */

export const gallery = join(import.meta.dirname, '../../.test-output/gallery')
export const nearestMetres = 0.45

export function sceneScript(id: string): ScenarioScript {
  const file = `scenes/${id}/scene.yaml`
  const parsed = parseScene(readFileSync(join(import.meta.dirname, '../..', file), 'utf8'), file)
  if (!parsed.ok) throw new Error(`${file} does not parse`)
  return parsed.script
}

/**
 * Plays the scene to its end as a client would: each question answered with its first choice after a look, each
 * spoken answer given for a moment. Returns the beats it saw (polled, so a short beat can slip by).
 */
export async function playThrough(page: Page): Promise<string[]> {
  const beats: string[] = []
  const tried = new Map<string, number>()
  const done = page.getByTestId('vr-done')
  const started = Date.now()
  while (!(await done.isVisible())) {
    expect(Date.now() - started, 'the scene ends within 8 minutes').toBeLessThan(480_000)
    const { beat } = await hook(page)
    if (beats.at(-1) !== beat) beats.push(beat)
    const buttons = await page.evaluate(() => (window as unknown as { __perspectiefVr: { buttons(): Record<string, Xyz> } }).__perspectiefVr.buttons())
    const ids = Object.keys(buttons).filter((id) => id !== 'resume' && id !== 'stop')
    const choice = ids.find((id) => !id.endsWith(':done-talking')) ?? ids[0]
    // Read first, then aim and pull the trigger; again after a while if the beat did not move on (a busy machine drops a select).
    if (choice && (tried.get(beat) ?? 0) < Date.now() - 5000) {
      tried.set(beat, Date.now())
      await page.waitForTimeout(choice.endsWith(':done-talking') ? 1500 : 1000)
      await remote(page, 'look_at', { device: 'controller-right', target: await toReference(page, buttons[choice]!) })
      await pullTrigger(page)
    }
    await page.waitForTimeout(50)
  }
  return beats
}

export async function recordedLooks(page: Page): Promise<Record<string, BeatLook>> {
  return page.evaluate(() => (window as unknown as { __perspectiefVr: { looks(): Record<string, BeatLook> } }).__perspectiefVr.looks())
}

export function writeGallery(run: string, looks: Record<string, BeatLook>, order: string[]) {
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
    const figures = images.map((f) => `<figure><img src="${r}/${f}" alt="${r}, beat ${f.replace(/\.png$/, '')}" width="480"><figcaption>${f.replace(/\.png$/, '')}</figcaption></figure>`).join('\n')
    return `<section><h2>${r}</h2>\n${figures}\n</section>`
  })
  writeFileSync(
    join(gallery, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Perspectief VR gallery</title><style>body{font-family:sans-serif}figure{display:inline-block;margin:6px}figcaption{font-size:13px}</style><h1>Every beat, as the client's left eye sees it</h1><p>Written by test/e2e/vrLook.spec.ts during npm test. Scene and parameter set, then the beats in the order played; each picture is taken once the beat's poses have settled.</p>\n${sections.join('\n')}\n</html>\n`,
  )
}

/** The checks every beat must pass, whatever the scene. */
export function checkEveryBeat(run: string, looks: Record<string, BeatLook>, played: string[]) {
  for (const beat of played) expect.soft(Object.keys(looks), `beat ${beat} looked at`).toContain(beat)
  for (const [beat, look] of Object.entries(looks)) {
    expect.soft(look.occluded, `buttons hidden from the eye in ${run}, beat ${beat}`).toEqual([])
    if (look.closest) expect.soft(look.closest.distance, `${look.closest.figure} near the eyes in ${run}, beat ${beat}`).toBeGreaterThanOrEqual(nearestMetres)
    // The collar rises to the chin line with each breath (a fraction of a millimetre was seen); a head left shown
    // reaches about 0.26 m above it (seen before the head was hidden ahead of the first frame after the swap).
    expect.soft(look.ownBodyAboveChin ?? 0, `metres of the own body above the chin in ${run}, beat ${beat}`).toBeLessThan(0.02)
    expect.soft(look.shot, `picture of ${run}, beat ${beat}`).toMatch(/^data:image\/png;base64,/)
  }
  expect(Object.values(looks).filter((l) => l.buttons > 0).length, 'beats with buttons were checked').toBeGreaterThan(0)
}

/** Where each figure is and which pose it has at the end of each beat, by the script (defaults: the room's own spot, standing). */
export function childEyeStaging(script: ScenarioScript) {
  const place: Record<string, { at: string; since: number }> = {}
  const pose: Record<string, string> = { father: 'stand', mother: 'stand', sibling: 'sit-floor' }
  return script.beats.map((beat, index) => {
    const gestured: Record<string, string> = {}
    for (const a of beat.do ?? []) {
      const figure = String(a.params?.figure)
      if (a.type === 'place') place[figure] = { at: String(a.params?.at), since: index }
      if (a.type === 'pose') pose[figure] = String(a.params?.pose)
      if (a.type === 'gesture') gestured[figure] = String(a.params?.gesture)
    }
    return { beat: beat.id, index, place: { ...place }, pose: { ...pose }, gestured }
  })
}

export function checkChildEyeStaging(run: string, looks: Record<string, BeatLook>, intensity: Intensity, sibling: boolean) {
  const figures: FigureRole[] = ['father', 'mother', ...(sibling ? (['sibling'] as const) : [])]
  for (const expected of childEyeStaging(sceneScript('child-eye'))) {
    const look = looks[expected.beat]
    if (!look) continue
    for (const who of figures) {
      const seen = look.figures[who]
      expect.soft(seen, `${who} drawn in ${run}, beat ${expected.beat}`).toBeDefined()
      if (!seen) continue
      const placed = expected.place[who]
      const spot = placeSpot(placed?.at ?? 'hallway', who, intensity)
      if (spot === null) {
        expect.soft(seen.shown, `${who} is not home in ${run}, beat ${expected.beat}, so not drawn`).toBe(false)
        expect.soft(seen.inSight, `${who} is not home in ${run}, beat ${expected.beat}, so not in sight`).toBe(false)
        continue
      }
      expect.soft(seen.shown, `${who} drawn in ${run}, beat ${expected.beat}`).toBe(true)
      // A walk the script started in this very beat may still be under way at its end.
      if (!placed || placed.since < expected.index) {
        const off = Math.hypot(seen.position[0] - spot.position[0], seen.position[2] - spot.position[2])
        expect.soft(off, `${who} at "${placed?.at ?? 'own spot'}" in ${run}, beat ${expected.beat}`).toBeLessThan(0.05)
      }
      // A one-shot gesture may still be playing when a short beat ends.
      expect.soft([expected.pose[who], expected.gestured[who]], `${who}'s pose at the end of ${run}, beat ${expected.beat}`).toContain(seen.pose)
      if (expected.gestured[who]) expect.soft(seen.poses, `${who}'s gesture in ${run}, beat ${expected.beat}`).toContain(expected.gestured[who])
    }
  }
  // The blow is seen where the parents can be seen, and only heard behind the wall.
  const blow = looks['the-blow']!.figures.father!
  if (intensity === 'full') expect.soft(blow.inSight, `the father in sight at the blow (${run})`).toBe(true)
  if (intensity === 'heard') expect.soft(blow.inSight, `the father out of sight at the blow (${run})`).toBe(false)
}


export interface FutureSelfLookRun {
  name: string
  years: string | null
  future: string | null
  /** How the browser answers the microphone prompt (set by the spec file's launch options). */
  microphone: 'fake' | 'refused'
}

/** The meeting, one round, played through from the eye with every beat checked (see vrLook.spec.ts). */
export async function lookThroughFutureSelf(page: Page, run: FutureSelfLookRun) {
  const errors = pageErrors(page)
  await page.goto(trainerLink('/?speed=2&xr=emulate&look'))
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(`LF${run.name.length}`)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /^Ontmoet jezelf, later/ }).click()
  await page.getByRole('group', { name: 'Aantal rondes' }).getByRole('button', { name: '1', exact: true }).click()
  if (run.years) await page.getByRole('group', { name: 'Hoeveel jaar later?' }).getByRole('button', { name: run.years, exact: true }).click()
  if (run.future) await page.getByRole('group', { name: 'Welke toekomst?' }).getByRole('button', { name: run.future }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await buildAvatar(page)
  if (run.microphone === 'refused') await expect(page.getByTestId('microphone-state')).toContainText('De microfoon mag niet worden gebruikt')
  await enterHeadset(page)
  const polled = await playThrough(page)
  const looks = await recordedLooks(page)
  const played = Object.keys(looks)
  writeGallery(run.name, looks, played)
  checkEveryBeat(run.name, looks, polled)
  // The swap happened: beats were seen from both chairs, each time from inside a body with its head hidden (above).
  expect(new Set(Object.values(looks).map((l) => l.seenFrom))).toEqual(new Set(['present-self', 'future-self']))
  expectWithinBudget((await hook(page)).renderStats)
  const events = await storedEvents(page)
  expect(events.filter((e) => e.type === 'session.completed')).toHaveLength(1)
  if (run.microphone === 'refused') {
    // Choices only, and said so: nothing recorded, every spoken item answered by a choice.
    expect(events.filter((e) => e.type === 'voice.recorded')).toHaveLength(0)
    expect(events.filter((e) => e.type === 'voice.missing').map((e) => e.data.reason)).toEqual(['answered-by-choice', 'answered-by-choice'])
  }
  expect(errors).toEqual([])
}
