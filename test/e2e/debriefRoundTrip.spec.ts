/**
 * Must-show 1: sessions made in the app, sent as encrypted files with their one-time passphrases, opened in a
 * fresh browser by the trainer; the debrief shows the same numbers as each session's own summary.
 */
import { devices, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { exportDrill, openMore, playDrill, ruleFor, startDrill } from '../../scripts/browser/drillFlow.ts'
import { jsonUpload, messageFor, openDebrief, shownValue, unlock, upload } from './debriefFiles.ts'
import { answerChoice, expect, startCheckIn, test, watchOrigins } from './fixtures.ts'
import { truthSeries } from '../../scripts/browser/touch.ts'
import { checkPsychDsZip } from '../psychds/checkPsychDs.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']

interface SentFile {
  name: string
  bytes: Buffer
  passphrase: string
}

/** "Stuur naar mijn begeleider", the one button on every done screen: the file arrives as a download (no share sheet here) and the passphrase is shown once. */
async function sendEncrypted(page: Page): Promise<SentFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stuur naar mijn begeleider' }).click()])
  const passphrase = (await page.getByTestId('passphrase').innerText()).trim()
  expect(passphrase.split(' ')).toHaveLength(6)
  await page.getByRole('button', { name: 'Ik heb de woorden opgeschreven' }).click()
  await expect(page.getByTestId('passphrase')).toHaveCount(0)
  await expect(page.getByText('De woorden zijn weg van het scherm.')).toBeVisible()
  const name = download.suggestedFilename()
  expect(name).toMatch(/^perspectief_[A-Z0-9]+_[a-z-]+_[\d-]+\.perspectief$/)
  const bytes = readFileSync((await download.path())!)
  expect(bytes.toString('utf8')).not.toContain('answer.given')
  return { name, bytes, passphrase }
}

/** The Psych-DS zip, checked against the Psych-DS rules by the project's own checker. */
async function checkedPsychDs(page: Page, dataFile: RegExp): Promise<number> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar map voor onderzoek (zip)' }).click()])
  expect(download.suggestedFilename()).toMatch(/_psychds\.zip$/)
  const report = checkPsychDsZip(new Uint8Array(readFileSync((await download.path())!)))
  expect(report.problems).toEqual([])
  expect(report.dataFiles).toHaveLength(1)
  expect(report.dataFiles[0]).toMatch(dataFile)
  return report.rows
}

/** The plain file for the trainer, under "Meer" on the done screen. */
async function downloadJson(page: Page): Promise<Record<string, any>> {
  await openMore(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  return JSON.parse(readFileSync((await download.path())!, 'utf8'))
}

const nl = (value: number, digits = 0) => value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const hostile = '<img src=x onerror="window.__pwned=1">ruzie, thuis'

test('drill and questionnaire sessions survive encrypted transfer; the debrief shows their own summaries', async ({ browser }, testInfo) => {
  test.setTimeout(300_000)
  const baseURL = testInfo.project.use.baseURL
  const foreign: string[][] = []

  // 1. A mixed drill on a phone: a measurement block of 40 pictures, then 20 training pictures.
  const phone = await browser.newContext({ ...pixel7, baseURL })
  foreign.push(watchOrigins(phone))
  const drillPage = await phone.newPage()
  await startDrill(drillPage, { code: 'RT01', query: '?speed=3', mode: 'Training', assessmentBlock: true, assessmentTrials: 40, trainingTrials: 20 })
  const cdp = await phone.newCDPSession(drillPage)
  const truth = truthSeries(11)
  await playDrill(drillPage, cdp, (trial) => ({ direction: ruleFor(trial), rtMs: truth() }))
  const { bundle: drillBundle } = await exportDrill(drillPage)
  // Against what the test asked for and the log's own rows: 40 measurement pictures as first attempts, the 20 training
  // pictures (and their repeats) counted as training and left out, and bias scored on the measurement block only.
  const counts = drillBundle.summary.drill.trials
  const rows = drillBundle.events.filter((e: { type: string }) => e.type === 'drill.trial').map((e: { data: { block: string; attempt: number } }) => e.data)
  expect(rows.filter((r: { block: string; attempt: number }) => r.block === 'assessment' && r.attempt === 1)).toHaveLength(40)
  expect(rows.filter((r: { block: string; attempt: number }) => r.block === 'training' && r.attempt === 1)).toHaveLength(20)
  expect(counts.firstAttempts).toBe(40)
  expect(counts.training).toBe(rows.filter((r: { block: string }) => r.block === 'training').length)
  expect(counts.total).toBe(rows.length)
  expect(drillBundle.summary.drill.scoredBlocks).toEqual(['assessment'])
  expect(await checkedPsychDs(drillPage, /^data\/subject-RT01_session-1_task-alcohol-aat_data\.csv$/)).toBe(drillBundle.summary.drill.trials.total)
  const drillFile = await sendEncrypted(drillPage)
  await phone.close()

  // 2. A questionnaire on a laptop, with a free-text answer that is hostile markup.
  const laptop = await browser.newContext({ baseURL })
  foreign.push(watchOrigins(laptop))
  const page = await laptop.newPage()
  await startCheckIn(page, 'RT02')
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, /^2$/, 'ask-sleep')
  await answerChoice(page, 'Gaat wel', 'ask-hard-part')
  await page.getByRole('textbox').fill(hostile)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('slider').fill('8')
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-talk')
  await answerChoice(page, 'Ja', 'thanks')
  const questionnaireBundle = await downloadJson(page)
  expect(await checkedPsychDs(page, /^data\/subject-RT02_session-1_task-check-in_data\.csv$/)).toBe(questionnaireBundle.events.length)
  const questionnaireFile = await sendEncrypted(page)
  await laptop.close()

  // 3. The trainer opens both in a fresh browser, with the passphrases.
  const trainer = await browser.newContext({ baseURL })
  foreign.push(watchOrigins(trainer))
  const debrief = await trainer.newPage()
  await openDebrief(debrief)
  await upload(debrief, [
    { name: drillFile.name, mimeType: 'application/octet-stream', buffer: drillFile.bytes },
    { name: questionnaireFile.name, mimeType: 'application/octet-stream', buffer: questionnaireFile.bytes },
  ])
  await unlock(debrief, drillFile.name, drillFile.passphrase)
  await messageFor(debrief, drillFile.name, 'added')
  // Typed by hand: capitals and extra spaces do not matter.
  await unlock(debrief, questionnaireFile.name, `  ${questionnaireFile.passphrase.toUpperCase()} `)
  await messageFor(debrief, questionnaireFile.name, 'added')
  await expect(debrief.getByTestId('client-report')).toHaveCount(2)

  // Drill: the debrief's numbers are the session's own summary.
  const drillId = drillBundle.session.id as string
  const summary = drillBundle.summary.drill
  expect(await shownValue(debrief, drillId, 'trials-total')).toBe(summary.trials.total)
  expect(await shownValue(debrief, drillId, 'trials-scored')).toBe(summary.trials.scored)
  expect(await shownValue(debrief, drillId, 'accuracy')).toBeCloseTo(1 - summary.errorRate, 9)
  expect(await shownValue(debrief, drillId, 'dd-mean')).toBeCloseTo(summary.doubleDifference.mean, 6)
  expect(await shownValue(debrief, drillId, 'd-score')).toBeCloseTo(summary.dScore.mean, 6)
  const drillReport = debrief.locator(`[data-session="${drillId}"]`)
  await expect(drillReport.getByTestId('dd-mean')).toHaveText(`${nl(summary.doubleDifference.mean)} ms`)
  await expect(drillReport.getByTestId('d-score')).toHaveText(nl(summary.dScore.mean, 2))
  await expect(drillReport.getByTestId('trials-scored')).toHaveText(String(summary.trials.scored))
  // The line under the bias score names the block and the count it was computed on, and the training left out.
  const scoredLine = drillReport.getByTestId('scored-line').first()
  await expect(scoredLine).toContainText(`Berekend op: blok meetblok, ${summary.trials.scored} plaatjes.`)
  await expect(scoredLine).toContainText(`training: ${summary.trials.training}`)
  console.log(`drill RT01: ${summary.trials.total} trials, ${summary.trials.scored} scored, DD ${summary.doubleDifference.mean.toFixed(1)} ms, D ${summary.dScore.mean.toFixed(3)}`)

  // Questionnaire: beats, answers, pauses and duration as its summary says; the free text verbatim, as text.
  const questionnaireId = questionnaireBundle.session.id as string
  const scene = questionnaireBundle.summary.scene
  expect(await shownValue(debrief, questionnaireId, 'beats')).toBe(scene.beats.length)
  expect(await shownValue(debrief, questionnaireId, 'answers')).toBe(scene.answers.length)
  expect(await shownValue(debrief, questionnaireId, 'pauses')).toBe(scene.pauses.length)
  expect(await shownValue(debrief, questionnaireId, 'duration')).toBe(scene.durationMs)
  expect(await shownValue(debrief, questionnaireId, 'resumed')).toBe(scene.resumed)
  expect(scene.answers).toHaveLength(5)
  await expect(debrief.locator(`[data-session="${questionnaireId}"]`).getByTestId('reflection')).toHaveText(hostile)
  expect(await debrief.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()

  // The same session as a plain JSON file is recognised as already open.
  await upload(debrief, [jsonUpload('again.json', questionnaireBundle)])
  await expect(await messageFor(debrief, 'again.json', 'refused')).toContainText('deze sessie is al geopend')
  await trainer.close()
  for (const list of foreign) expect(list, 'requests to other origins').toEqual([])
})
