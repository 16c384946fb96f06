import { withMicrophoneRefused } from './fakeMicrophone.ts'
import { test } from './fixtures.ts'
import { lookThroughFutureSelf } from './lookFlow.ts'

// The tests that look (see vrLook.spec.ts), for the meeting's other set of parameters, with the microphone refused
// (Chromium's prompt dismissed): it says so plainly, every spoken answer becomes a choice, nothing is recorded.
// Launch options belong to a whole file, hence a file of its own.
test.use({ viewport: { width: 1024, height: 768 }, launchOptions: withMicrophoneRefused() })

test('future self (future-self-20y-unchanged-no-microphone): every beat from the eye, choices only, nothing hides a choice', async ({ page }) => {
  test.setTimeout(420_000)
  await lookThroughFutureSelf(page, { name: 'future-self-20y-unchanged-no-microphone', years: '20', future: 'Als er niets verandert', microphone: 'refused' })
})
