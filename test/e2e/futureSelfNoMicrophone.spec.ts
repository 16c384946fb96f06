import { expect, storedEvents, test } from './fixtures.ts'
import { withMicrophoneRefused } from './fakeMicrophone.ts'
import { answerMeasures, buildAvatar, startFutureSelf, voice } from './futureSelfFlow.ts'
import { beatIs, enterHeadset, selectButton } from './vrFlow.ts'

// A microphone exists, but the permission prompt refuses it (no fake-UI flag: Chromium's prompt is dismissed).
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withMicrophoneRefused() })

test('the same meeting completes with choices only, and says so plainly', async ({ page }) => {
  test.setTimeout(240_000)
  await startFutureSelf(page, 'FS33')
  await buildAvatar(page)
  await expect(page.getByTestId('microphone-state')).toContainText('De microfoon mag niet worden gebruikt')
  await enterHeadset(page)
  await answerMeasures(page, 'before', [2, 2, 2, 2, 2])
  await beatIs(page, 'choose-theme')
  await selectButton(page, 'theme:alcohol-drugs')
  for (const round of [1, 2]) {
    await beatIs(page, `answer-${round}`)
    expect((await voice(page)).recording).toBe(false)
    await selectButton(page, `answer-${round}:bad`)
    await beatIs(page, `reply-${round}`)
    await selectButton(page, `reply-${round}:get-help`)
  }
  await beatIs(page, 'choose-message')
  await selectButton(page, 'message:keep-going')
  await answerMeasures(page, 'after', [3, 3, 3, 3, 3])
  await expect(page.getByTestId('vr-done')).toBeVisible({ timeout: 30_000 })
  const events = await storedEvents(page)
  expect(events.filter((e) => e.type === 'voice.recorded')).toHaveLength(0)
  expect(events.filter((e) => e.type === 'voice.missing').map((e) => e.data.reason)).toEqual(['answered-by-choice', 'answered-by-choice', 'answered-by-choice', 'answered-by-choice'])
  expect(events.filter((e) => e.type === 'session.completed')).toHaveLength(1)
})
