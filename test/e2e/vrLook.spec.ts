import type { Intensity } from '../../src/xr/environments/childEyeLayout.ts'
import { withFakeMicrophone } from './fakeMicrophone.ts'
import { expect, test, trainerLink } from './fixtures.ts'
import { checkChildEyeStaging, checkEveryBeat, lookThroughFutureSelf, playThrough, recordedLooks, sceneScript, writeGallery } from './lookFlow.ts'
import { enterHeadset, expectWithinBudget, hook, pageErrors } from './vrFlow.ts'

/*
 * Tests that look: both VR scenes, every beat, from the emulated headset's real eye pose (the XR camera), with the
 * default parameters and one other set. The scene records each beat as it plays (src/xr/lookRecorder.ts, test
 * builds opened with `?look`). For every beat:
 * - rays from the eye to each corner of every button shown meet that button first (nothing hides a choice);
 * - no figure mesh comes within 0.45 m of the eyes (no beat of these scenes allows a closer one);
 * - in first person, nothing of the client's own body reaches more than 2 cm above the chin (its head and hair are hidden);
 * - child's eye: each figure stands where the script's `place` actions put it, in the pose the script gave it, a
 *   figure the script says is not home is neither drawn nor in sight, and the blow is seen where the parents can be.
 * Each beat's picture goes to the gallery, .test-output/gallery/, with an index.html by scene, parameters and beat.
 * The steps and checks are in lookFlow.ts; the meeting's second set, with the microphone refused, is in
 * vrLookNoMicrophone.spec.ts (launch options belong to a whole file).
 */
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withFakeMicrophone() })

const childEyeBeats = sceneScript('child-eye').beats.map((b) => b.id)

for (const run of [
  { name: 'child-eye-default', intensity: 'seen' as Intensity, age: null, sibling: false },
  { name: 'child-eye-full-age4-sibling', intensity: 'full' as Intensity, age: '4', sibling: true },
]) {
  test(`child's eye (${run.name}): every beat from the eye, nothing hides a choice, no figure in the face, staged as the script says`, async ({ page }) => {
    test.setTimeout(300_000)
    const errors = pageErrors(page)
    await page.goto(trainerLink('/?speed=2&xr=emulate&look'))
    await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
    await page.getByLabel('Code').fill(`LK${run.name.length}`)
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByRole('button', { name: /^Door de ogen van Joris/ }).click()
    if (run.intensity === 'full') await page.getByRole('group', { name: 'Hoeveel zie je?' }).getByRole('button', { name: /^Alles/ }).click()
    if (run.age) await page.getByRole('group', { name: /Leeftijd van het kind/ }).getByRole('button', { name: run.age, exact: true }).click()
    if (run.sibling) await page.getByRole('group', { name: /Oudere zus of broer/ }).getByRole('button', { name: /^Ja/ }).click()
    await page.getByRole('button', { name: 'Begin' }).click()
    await enterHeadset(page)
    const polled = await playThrough(page)
    const looks = await recordedLooks(page)
    // The recorder keeps beats in the order they came, from the first frame (the scene starts as the headset starts).
    const played = Object.keys(looks)
    writeGallery(run.name, looks, played)
    expect(played).toEqual(childEyeBeats)
    checkEveryBeat(run.name, looks, polled)
    for (const ask of ['ask-feeling', 'ask-harm-child', 'ask-harm-mother']) expect(looks[ask]?.buttons, `buttons in ${ask}`).toBeGreaterThan(0)
    checkChildEyeStaging(run.name, looks, run.intensity, run.sibling)
    expectWithinBudget((await hook(page)).renderStats)
    expect(errors).toEqual([])
  })
}


test('future self (future-self-default): every beat from the eye, the own body headless in first person, nothing hides a choice', async ({ page }) => {
  test.setTimeout(420_000)
  await lookThroughFutureSelf(page, { name: 'future-self-default', years: null, future: null, microphone: 'fake' })
})
