import { readFileSync } from 'node:fs'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, storedEvents, test, type StoredEvent } from './fixtures.ts'
import { openMore } from '../../scripts/browser/drillFlow.ts'
import { fakeVoiceHz, withFakeMicrophone } from './fakeMicrophone.ts'
import { answerMeasures, buildAvatar, everythingStored, expectNoAudioIn, hearRecording, speak, startFutureSelf, voice, voiceEventsCarryOnlyDurations } from './futureSelfFlow.ts'
import { installPlaybackTap, listen, playedSounds, recordedSounds } from './playbackTap.ts'
import { beatIs, crashPage, enterHeadset, expectWithinBudget, eyeShot, hook, pageErrors, pressB, selectButton, type Xyz } from './vrFlow.ts'

// Chromium's microphone is a fake one that "says" a 440 Hz tone, allowed without a prompt (fakeMicrophone.ts).
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withFakeMicrophone() })

test('a full meeting with two rounds: avatar, mirror, spoken answers heard back from the other chair, measures before and after', async ({ page }) => {
  test.setTimeout(240_000)
  const errors = pageErrors(page)
  await installPlaybackTap(page)
  await startFutureSelf(page, 'FS11')
  await buildAvatar(page)
  await expect(page.getByTestId('microphone-state')).toContainText('De microfoon staat aan')
  await enterHeadset(page)

  await beatIs(page, 'mirror-move')
  await eyeShot(page, 'future-self-mirror.png')
  await answerMeasures(page, 'before', [3, 4, 3, 4, 2])

  await beatIs(page, 'greet-unchanged')
  await eyeShot(page, 'future-self-meets.png')
  await beatIs(page, 'choose-theme')
  await selectButton(page, 'theme:money')

  // Round 1: both answers spoken.
  await speak(page, 'answer-1', 'answer-1')
  await beatIs(page, 'hear-answer-1')
  expect((await hook(page)).seat).toBe('future')
  const targets = (await hook(page)).targets
  const own = await hearRecording(page, fakeVoiceHz)
  // The client's own answer comes from the chair they just left.
  expect(own.position).toEqual([targets['present-self']!.x, targets['present-self']!.y, targets['present-self']!.z])
  const camera = await page.evaluate(() => (window as unknown as { __perspectiefVr: { camera(): Xyz } }).__perspectiefVr.camera())
  expect(camera[2]).toBeLessThan(-0.5) // sitting in the future self's chair now
  await eyeShot(page, 'future-self-swapped.png')

  await speak(page, 'reply-1', 'reply-1')
  await beatIs(page, 'hear-reply-1')
  expect((await hook(page)).seat).toBe('present')
  // The future self's reply, pitched down three semitones, from the future self's chair.
  const reply = await hearRecording(page, fakeVoiceHz * 2 ** (-3 / 12))
  expect(reply.position).toEqual([targets['future-self']!.x, targets['future-self']!.y, targets['future-self']!.z])
  await eyeShot(page, 'future-self-speaks.png')

  // Round 2: the present self answers by choice, the future self by voice.
  await beatIs(page, 'answer-2')
  await selectButton(page, 'answer-2:so-so')
  await speak(page, 'reply-2', 'reply-2')
  await beatIs(page, 'hear-reply-2')
  await hearRecording(page, fakeVoiceHz * 2 ** (-3 / 12))

  await beatIs(page, 'choose-message')
  await selectButton(page, 'message:not-alone')
  await answerMeasures(page, 'after', [5, 5, 6, 5, 5])
  await expect(page.getByTestId('vr-done')).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await voice(page)).recordings).toBe(0)

  const worst = expectWithinBudget((await hook(page)).renderStats)
  console.log(`future-self render budget, worst beat per eye: ${worst.calls} draw calls, ${worst.triangles} triangles`)

  const events = await storedEvents(page)
  const answers = Object.fromEntries(events.filter((e) => e.type === 'answer.given').map((e) => [e.data.item, e.data.value]))
  expect(answers).toMatchObject({ 'vivid-before': 3, 'circles-before': 2, 'vivid-after': 5, 'circles-after': 5, 'liking-after': 5, theme: 'money', 'answer-1': 'spoken', 'reply-1': 'spoken', 'answer-2': 'so-so', 'reply-2': 'spoken', message: 'not-alone' })
  expect(events.filter((e) => e.type === 'answer.given').every((e) => typeof e.data.latencyMs === 'number')).toBe(true)
  expect(events.filter((e) => e.type === 'voice.recorded').map((e) => e.data.item)).toEqual(['answer-1', 'reply-1', 'reply-2'])
  expect(events.filter((e) => e.type === 'voice.recorded').every((e) => (e.data.durationMs as number) > 500)).toBe(true)
  expect(events.filter((e) => e.type === 'voice.played').map((e) => [e.data.item, e.data.pitchSemitones])).toEqual([
    ['answer-1', 0],
    ['reply-1', -3],
    ['reply-2', -3],
  ])
  expect(events.filter((e) => e.type === 'voice.missing').map((e) => [e.data.item, e.data.reason])).toEqual([['answer-2', 'answered-by-choice']])
  expect(events.filter((e) => e.type === 'perspective.seat').map((e) => e.data.as)).toEqual(['present', 'future', 'present', 'future', 'present'])
  voiceEventsCarryOnlyDurations(events)

  // What the client heard, from the audio that reached the speakers (playbackTap.ts), against what the microphone
  // recorded (the recorder's own data, decoded): their own answer at the tone's 440 Hz, the future self's replies
  // 3 semitones lower (440 × 2^(−3/12) = 370 Hz) at the same tempo: as long as the recording, syllables as far apart.
  const played = (await playedSounds(page)).filter((s) => s.beat?.startsWith('hear-'))
  expect(played.map((s) => s.beat)).toEqual(['hear-answer-1', 'hear-reply-1', 'hear-reply-2'])
  // answer-2 was recorded too, then answered by choice; the kept recordings are those of the spoken items.
  const recorded = await recordedSounds(page)
  expect(recorded.map((r) => r.beat)).toEqual(['answer-1', 'reply-1', 'answer-2', 'reply-2'])
  const recordedMs = events.filter((e) => e.type === 'voice.recorded').map((e) => e.data.durationMs as number)
  for (const [i, item, semitones] of [[0, 'answer-1', 0], [1, 'reply-1', -3], [2, 'reply-2', -3]] as const) {
    const said = listen(recorded.find((r) => r.beat === item)!)
    const heard = listen(played[i]!)
    console.log(
      `${item}: recorded ${said.soundingMs} ms at ${said.hz.toFixed(1)} Hz, syllables ${said.syllableMs.toFixed(1)} ms (the app logged ${recordedMs[i]} ms); ` +
        `played ${heard.soundingMs} ms at ${heard.hz.toFixed(1)} Hz, syllables ${heard.syllableMs.toFixed(1)} ms`,
    )
    expect(Math.abs(said.hz / fakeVoiceHz - 1), `${item}: the microphone's tone, ${said.hz} Hz`).toBeLessThan(0.03)
    const expectedHz = fakeVoiceHz * 2 ** (semitones / 12)
    expect(Math.abs(heard.hz / expectedHz - 1), `${item}: heard at ${heard.hz} Hz, expected ${expectedHz}`).toBeLessThan(0.03)
    expect(Math.abs(heard.soundingMs / said.soundingMs - 1), `${item}: heard for ${heard.soundingMs} ms of a ${said.soundingMs} ms recording`).toBeLessThan(0.05)
    expect(Math.abs(heard.syllableMs / said.syllableMs - 1), `${item}: syllables ${heard.syllableMs} ms apart, recorded ${said.syllableMs}`).toBeLessThan(0.05)
  }

  const stored = await everythingStored(page)
  expect(stored.blobs).toBe(0)
  expect(stored.binary).toBe(0)
  expectNoAudioIn(stored.text)

  await openMore(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  const bundleText = readFileSync((await download.path())!, 'utf8')
  expectNoAudioIn(bundleText)
  const bundle = JSON.parse(bundleText) as { events: StoredEvent[] }
  voiceEventsCarryOnlyDurations(bundle.events)
  const bundled = Object.fromEntries(bundle.events.filter((e) => e.type === 'answer.given').map((e) => [e.data.item, e.data.value]))
  expect(bundled).toMatchObject({ 'vivid-before': 3, 'vivid-after': 5, 'similar-before': 4, 'similar-after': 5, 'connected-before': 3, 'connected-after': 6, 'circles-before': 2, 'circles-after': 5 })
  expect(bundleText).not.toContain('avatar')
  expect(errors).toEqual([])

  // The trainer's debrief shows the measures before and after side by side, and what happened to the spoken answers.
  await openDebrief(page)
  await upload(page, [jsonUpload('future-self.json', bundle)])
  await messageFor(page, 'future-self.json', 'added')
  await expect(page.getByTestId('chart-before-after')).toBeVisible()
  await expect(page.getByTestId('spoken-answers')).toContainText('3 opgenomen')
  await expect(page.getByTestId('spoken-answers')).toContainText('1 keer gekozen')
})

test('a crash mid-meeting drops the recordings, loses no event, and leaves no trace of the audio', async ({ page, context }) => {
  test.setTimeout(180_000)
  await startFutureSelf(page, 'FS22')
  await buildAvatar(page)
  await enterHeadset(page)
  await answerMeasures(page, 'before', [4, 4, 4, 4, 4])
  await beatIs(page, 'choose-theme')
  await selectButton(page, 'theme:work')
  await speak(page, 'answer-1', 'answer-1')
  await beatIs(page, 'reply-1', 60_000)
  expect((await voice(page)).recordings).toBe(1)
  const before = await storedEvents(page)
  await crashPage(context, page)

  const reopened = await context.newPage()
  await reopened.goto('/?speed=10&xr=emulate')
  await expect(reopened.getByTestId('beat')).toHaveAttribute('data-beat', 'reply-1')
  expect(await storedEvents(reopened)).toEqual(before)
  const stored = await everythingStored(reopened)
  expect(stored.blobs).toBe(0)
  expect(stored.binary).toBe(0)
  expectNoAudioIn(stored.text)
  voiceEventsCarryOnlyDurations(before)
  expect(before.filter((e) => e.type === 'voice.recorded')).toHaveLength(1)

  // The same figure comes back, in the future self's chair, and nothing of the recording survived.
  await enterHeadset(reopened)
  expect((await hook(reopened)).seat).toBe('future')
  expect((await voice(reopened)).recordings).toBe(0)
  // The client pauses and stops in the headset; the export of the stopped session holds no trace of the audio either.
  await pressB(reopened)
  await selectButton(reopened, 'stop')
  await expect(reopened.getByTestId('vr-done')).toBeVisible()
  await openMore(reopened)
  const [download] = await Promise.all([reopened.waitForEvent('download'), reopened.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  const bundleText = readFileSync((await download.path())!, 'utf8')
  expectNoAudioIn(bundleText)
  voiceEventsCarryOnlyDurations((JSON.parse(bundleText) as { events: StoredEvent[] }).events)
})
