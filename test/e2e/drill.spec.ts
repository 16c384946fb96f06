import { devices, type Page } from '@playwright/test'
import { expect, storedEvents, storedRecords, test } from './fixtures.ts'
import { exportDrill, followRule, parseCsv, playDrill, ruleFor, startDrill } from '../../scripts/browser/drillFlow.ts'
import { truthSeries } from '../../scripts/browser/touch.ts'
import { observePaints, type PaintEntry } from '../../scripts/browser/paintTruth.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

/** The running drill's machine context, as the snapshot in IndexedDB holds it. */
async function snapshotContext(page: Page): Promise<unknown> {
  const [envelope] = await storedRecords<{ snapshot: { context: unknown } }>(page, 'snapshots')
  return envelope!.snapshot.context
}

const columns =
  'subject,session,task,mode,block,trial,attempt,stimulus,category,required,response,correct,onset_ms,touchdown_ms,initiation_ms,completion_ms,rt_initiation_ms,rt_completion_ms,frame_interval_ms,painted_ms'

// The RT check here is the arithmetic one: touches are injected at times counted from the app's own onset stamp, so
// it proves that RTs are computed from the input events' timestamps, not when the picture reached the screen. That
// truth (the browser's paint time) is the bench's (README, "Measured"); here the paint times are checked as recorded.
test('a full 100-trial training session on a phone: RT arithmetic against injected swipes, and each picture’s paint time recorded', async ({ page, context }) => {
  test.setTimeout(240_000)
  await observePaints(page)
  const pictureRequests: string[] = []
  page.on('request', (r) => {
    if (page.url().includes('drill.html') && r.url().endsWith('.webp')) pictureRequests.push(r.url().replace(/^.*\/([a-z-]+)-[\w-]{8}\.webp$/, '$1'))
  })
  // Speed 2 halves the fixation and pauses (the deadline, 1.5 s, stays above every injected RT); RTs are the events' own.
  await startDrill(page, { code: 'TT11', query: '?speed=2', assessmentBlock: false })
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible()
  // The first trials' pictures are asked for first; the rest stream in behind them.
  const order = [...new Set(((await snapshotContext(page)) as { trials: { stimulus: string }[] }).trials.map((t) => t.stimulus))]
  expect(pictureRequests.slice(0, 3)).toEqual(order.slice(0, 3))
  const cdp = await context.newCDPSession(page)
  const truth = truthSeries(2026)
  const played = await playDrill(page, cdp, ({ category }) => ({ direction: category === 'alcohol' ? 'push' : 'pull', rtMs: truth() }))
  const { bundle, csv } = await exportDrill(page)

  expect(csv.split('\r\n')[0]).toBe(columns)
  const rows = parseCsv(csv)
  const training = rows.filter((r) => r.block === 'training')
  expect(training).toHaveLength(100)
  expect(rows.filter((r) => r.block === 'practice')).toHaveLength(8)
  expect(training.filter((r) => r.category === 'alcohol' && r.required === 'push')).toHaveLength(50)
  expect(training.filter((r) => r.category === 'soft' && r.required === 'pull')).toHaveLength(50)
  expect(rows.every((r) => r.correct === 'true' && r.attempt === '1')).toBe(true)

  // Row i of the CSV is attempt i of the session: compare its RT with what was injected.
  expect(rows).toHaveLength(played.length)
  const errors = rows.map((r, i) => Math.abs(Number(r.rt_initiation_ms) - played[i]!.rtMs!))
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length
  const max = Math.max(...errors)
  console.log(`RT error over ${errors.length} trials: mean ${mean.toFixed(3)} ms, max ${max.toFixed(3)} ms`)
  expect(mean).toBeLessThanOrEqual(1)
  expect(max).toBeLessThanOrEqual(3)
  const completionErrors = rows.map((r, i) => Math.abs(Number(r.rt_completion_ms) - played[i]!.completionMs!))
  expect(Math.max(...completionErrors)).toBeLessThanOrEqual(3)
  for (const r of rows) {
    // Empty when the browser stamped two frames alike (no interval to give); never 0 or less.
    if (r.frame_interval_ms !== '') expect(Number(r.frame_interval_ms)).toBeGreaterThan(0)
    expect(Number(r.touchdown_ms)).toBeLessThan(Number(r.initiation_ms))
    expect(Number(r.initiation_ms)).toBeLessThan(Number(r.completion_ms))
  }
  // Chromium reports each picture's paint (Element Timing): the row holds the paint of its own picture, as the
  // test's own observer saw it, never before the onset frame began.
  const paints = (await page.evaluate('window.__paints')) as PaintEntry[]
  expect(paints).toHaveLength(rows.length)
  rows.forEach((r, i) => {
    expect(Number(r.painted_ms)).toBeCloseTo(paints[i]!.renderTime, 2)
    expect(Number(r.painted_ms)).toBeGreaterThanOrEqual(Number(r.onset_ms))
    expect(decodeURIComponent(paints[i]!.url)).toContain(`/${r.stimulus}-`)
  })
  // A training-only session measures training, not bias: no bias score, and the reason says why.
  expect(bundle.summary.drill.biasReason.code).toBe('training-only')
  expect(bundle.summary.drill.trials.scored).toBe(0)
  expect(bundle.summary.drill.doubleDifference).toEqual({ mean: null, median: null })
  expect(bundle.summary.drill.training).toMatchObject({ blocks: ['training'], firstAttempts: 100, correct: 100, accuracy: 1 })
  expect(bundle.summary.drill.training.medianRtByCell['alcohol-push'].n + bundle.summary.drill.training.medianRtByCell['soft-pull'].n).toBeGreaterThan(90)
  expect(bundle.events.filter((e: { type: string }) => e.type === 'drill.trial')).toHaveLength(108)
})

test('wrong swipes and timeouts are logged and repeated; the summary matches an independent computation', async ({ page, context }) => {
  test.setTimeout(180_000)
  // Test-build clock at 2x: pauses and the timeout take half as long (timeout 1.5 s, above every injected RT).
  await startDrill(page, { code: 'WT22', query: '?speed=2', mode: 'Alleen meten', assessmentTrials: 40 })
  const cdp = await context.newCDPSession(page)
  const truth = truthSeries(7)
  // Every 7th picture is swiped the wrong way, every 11th is left to time out; repeats are then done right.
  let intendedErrors = 0
  const played = await playDrill(page, cdp, (trial) => {
    const right = ruleFor(trial)
    if (trial.index % 11 === 10) return intendedErrors++, { direction: 'none', rtMs: 0 }
    if (trial.index % 7 === 6) return intendedErrors++, { direction: right === 'push' ? 'pull' : 'push', rtMs: 400 }
    return { direction: right, rtMs: truth() }
  })
  const { bundle, csv } = await exportDrill(page)
  const rows = parseCsv(csv)
  expect(rows).toHaveLength(played.length)
  const wrong = rows.filter((r) => r.correct === 'false')
  expect(wrong.length).toBe(intendedErrors)
  expect(intendedErrors).toBeGreaterThan(5)
  // Each error is followed by the same picture again, one attempt later.
  for (const w of wrong) {
    const next = rows[rows.indexOf(w) + 1]!
    expect([next.block, next.trial, next.stimulus, Number(next.attempt)]).toEqual([w.block, w.trial, w.stimulus, Number(w.attempt) + 1])
  }
  expect(rows.filter((r) => r.response === 'none').every((r) => r.rt_initiation_ms === '' && r.touchdown_ms === '')).toBe(true)

  // Independent scoring of the assessment block (src/log/README.md: first attempts, errors out, 200 ms floor, 3 SD per cell).
  const first = rows.filter((r) => r.block === 'assessment' && r.attempt === '1')
  const errorRate = first.filter((r) => r.correct === 'false').length / first.length
  const cell = (category: string, move: string) => {
    const rts = first.filter((r) => r.correct === 'true' && r.category === category && r.required === move).map((r) => Number(r.rt_initiation_ms)).filter((v) => v >= 200)
    const m = rts.reduce((a, b) => a + b, 0) / rts.length
    const sd = Math.sqrt(rts.reduce((a, b) => a + (b - m) ** 2, 0) / (rts.length - 1))
    const kept = rts.filter((v) => Math.abs(v - m) <= 3 * sd)
    const sorted = [...kept].sort((a, b) => a - b)
    const mid = sorted.length / 2
    return { mean: kept.reduce((a, b) => a + b, 0) / kept.length, median: sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2 }
  }
  const ap = cell('alcohol', 'push'), al = cell('alcohol', 'pull'), sp = cell('soft', 'push'), sl = cell('soft', 'pull')
  const summary = bundle.summary.drill
  expect(summary.errorRate).toBeCloseTo(errorRate, 9)
  expect(summary.doubleDifference.mean).toBeCloseTo(ap.mean - al.mean - (sp.mean - sl.mean), 6)
  expect(summary.doubleDifference.median).toBeCloseTo(ap.median - al.median - (sp.median - sl.median), 6)
  expect(summary.bias.alcohol.mean).toBeCloseTo(ap.mean - al.mean, 6)
  expect(summary.bias.soft.median).toBeCloseTo(sp.median - sl.median, 6)
})

test('closing the page at three points of an assessment loses no committed trial and resumes the same list', async ({ page, context }) => {
  test.setTimeout(180_000)
  await startDrill(page, { code: 'KL33', query: '?speed=3', mode: 'Alleen meten', assessmentTrials: 40 })
  const listOf = async (p: typeof page) => ((await snapshotContext(p)) as { trials: unknown }).trials
  let current = page
  let list: unknown = null
  const memory = { reversed: false }
  for (const stopAfter of [5, 17, 31]) {
    const cdp = await context.newCDPSession(current)
    const done = await playDrill(current, cdp, followRule, stopAfter - (await storedEvents(current)).filter((e) => e.type === 'drill.trial').length, memory)
    expect(done.length).toBeGreaterThan(0)
    // Wait until the last swipe is committed, then close the page as a client would.
    await expect.poll(async () => (await storedEvents(current)).filter((e) => e.type === 'drill.trial').length).toBe(stopAfter)
    const before = await storedEvents(current)
    list ??= await listOf(current)
    await current.close()
    current = await context.newPage()
    await current.goto('/')
    await current.waitForURL(/drill\.html/)
    const after = await storedEvents(current)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(new Set(after.map((e) => e.seq)).size).toBe(after.length)
    expect(await listOf(current)).toEqual(list)
  }
  const cdp = await context.newCDPSession(current)
  await playDrill(current, cdp, followRule, Infinity, memory)
  const { csv } = await exportDrill(current)
  const rows = parseCsv(csv).filter((r) => r.block === 'assessment')
  expect(rows.map((r) => Number(r.trial))).toEqual(rows.map((_, i) => i + 1))
  expect(rows).toHaveLength(40)
})
