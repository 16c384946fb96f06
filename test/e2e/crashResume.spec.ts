import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumArgs } from '../../scripts/browser/chromium.ts'
import { answerChoice, currentBeat, expect, startCheckIn, storedEvents, test, watchOrigins, type StoredEvent } from './fixtures.ts'

function assertNoDuplicates(events: StoredEvent[]) {
  const keys = events.map((e) => `${e.sessionId}:${e.seq}`)
  expect(new Set(keys).size).toBe(keys.length)
  const seqs = events.map((e) => e.seq).sort((a, b) => a - b)
  expect(seqs).toEqual(seqs.map((_, i) => i + 1))
}

test('a crashed tab resumes at the same beat with every committed event and no duplicate', async ({ context, page }) => {
  await startCheckIn(page)
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-mood')
  await answerChoice(page, /^4$/, 'ask-sleep')
  await answerChoice(page, 'Slecht', 'ask-hard-part')
  const before = await storedEvents(page)
  expect(before.filter((e) => e.type === 'answer.given').map((e) => e.data.value)).toEqual([4, 'bad'])

  const cdp = await context.newCDPSession(page)
  const crashed = page.waitForEvent('crash')
  cdp.send('Page.crash').catch(() => {}) // never answers: the renderer is gone
  await crashed

  const reopened = await context.newPage()
  await reopened.goto('/')
  await expect(reopened.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-hard-part')
  await expect(reopened.getByTestId('resumed-notice')).toBeVisible()
  const after = await storedEvents(reopened)
  expect(after).toEqual(before)
  assertNoDuplicates(after)

  // The resumed session goes on numbering where it left off.
  await reopened.getByRole('textbox').fill('Thuis blijven')
  await reopened.getByRole('button', { name: 'Verder' }).click()
  await expect(reopened.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-stress')
  const later = await storedEvents(reopened)
  assertNoDuplicates(later)
  expect(later.slice(0, before.length)).toEqual(before)
  expect(later.find((e) => e.type === 'answer.given' && e.data.item === 'hard-part')?.data.value).toBe('Thuis blijven')
})

test('closing and relaunching the browser with the same profile resumes the session', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'perspectief-profile-'))
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: test.info().project.use.launchOptions?.executablePath,
      args: chromiumArgs,
      baseURL: test.info().project.use.baseURL,
    })
    return { context, foreign: watchOrigins(context) }
  }
  try {
    const first = await launch()
    const page = first.context.pages()[0] ?? (await first.context.newPage())
    await startCheckIn(page, 'CD34')
    await page.getByRole('button', { name: 'Verder' }).click()
    await answerChoice(page, /^2$/, 'ask-sleep')
    await answerChoice(page, 'Goed', 'ask-hard-part')
    const before = await storedEvents(page)
    const beat = await currentBeat(page)
    await first.context.close()
    expect(first.foreign).toEqual([])

    const second = await launch()
    const again = second.context.pages()[0] ?? (await second.context.newPage())
    await again.goto('/')
    await expect(again.getByTestId('beat')).toHaveAttribute('data-beat', beat!)
    const after = await storedEvents(again)
    expect(after).toEqual(before)
    assertNoDuplicates(after)
    await second.context.close()
    expect(second.foreign).toEqual([])
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
