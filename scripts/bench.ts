/**
 * `npm run bench`: the numbers we quote, measured the same way every time on whatever machine runs it.
 * Where absolute times mislead (shared, noisy machines), it reports counts, bytes, errors against injected
 * truth, and ratios to a baseline loaded the same way.
 *
 * Writes test/bench/results.json (the project's top level is fixed, so results live under test/).
 */
import { chromium, devices, type Page } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build as viteBuild } from 'vite'
import { chromiumArgs, chromiumPath } from './browser/chromium.ts'
import { exportDrill, parseCsv, startDrill } from './browser/drillFlow.ts'
import { dispatchTouches, nthPaint, observePaints, type TouchStep } from './browser/paintTruth.ts'
import { nextDrillScreen, truthSeries } from './browser/touch.ts'
import { repoRoot } from './sceneFiles.ts'
import { consoleStreaming } from './bench/consoleStreaming.ts'
import { roomLoad } from './bench/roomLoad.ts'
import { figureAnimation } from './bench/figureAnimation.ts'
import { enterVrScene, playVrSceneToTheEnd, renderBudget } from './bench/vrHeadsetPage.ts'

const port = Number(process.env.PERSPECTIEF_BENCH_PORT ?? 4329)
const origin = `http://localhost:${port}`
const dist = join(repoRoot, '.test-output/bench-dist')
const results: Record<string, unknown> = {}

async function build() {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, PERSPECTIEF_TEST_MODE: '1' } })
  if (r.status !== 0) throw new Error('build failed')
  // The baseline for load times: an empty page served by the same server, loaded the same way.
  writeFileSync(join(dist, 'empty.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>leeg</title></head><body></body></html>')

  // The jsPsych baseline has its own dependencies, kept out of the app's. --ignore-scripts: the swipe plugin
  // declares node-canvas (a native module for its own Node tests, never loaded in a browser) as a dependency,
  // and canvas would try to download a prebuilt binary.
  const baseline = join(repoRoot, 'scripts/bench/jspsychBaseline')
  if (!existsSync(join(baseline, 'node_modules/jspsych'))) {
    const install = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: baseline, stdio: 'inherit' })
    if (install.status !== 0) throw new Error('could not install the jsPsych baseline')
  }
  const page = (root: string, outDir: string) =>
    viteBuild({ configFile: false, root, base: './', logLevel: 'warn', build: { outDir: join(dist, outDir), emptyOutDir: true, assetsInlineLimit: 0, target: 'es2022' } })
  await page(baseline, 'jspsych')
  // The app's own storage and export code on a page of its own, to time them in the browser.
  await page(join(repoRoot, 'scripts/bench/storePage'), 'bench-store')
}

function stop(server: ReturnType<typeof spawn>) {
  try {
    process.kill(-server.pid!, 'SIGTERM')
  } catch {
    server.kill()
  }
}

async function serve() {
  // Its own process group, so stopping it also stops the vite child that npx starts.
  // --bypass-lock: Vite allows one preview server per project; the bench serves its own build on its own port, so
  // it may run beside another (the e2e suite's, when `npm test` runs the bench's smoke mode).
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort', '--bypass-lock'], { cwd: repoRoot, stdio: 'ignore', detached: true })
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return server
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  stop(server)
  throw new Error('preview server did not start')
}

/** Gzipped bytes of the JavaScript and CSS a page loads: its own script tags and the chunks they preload. */
function entryBytes(html: string) {
  const page = readFileSync(join(dist, html), 'utf8')
  const base = dirname(join(dist, html))
  const files = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(base, f)), { level: 9 }).length }))
  return { files: sizes, jsGzip: sizes.filter((s) => s.file.endsWith('.js')).reduce((n, s) => n + s.gzip, 0), cssGzip: sizes.filter((s) => s.file.endsWith('.css')).reduce((n, s) => n + s.gzip, 0) }
}

async function phone() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const { defaultBrowserType: _b, ...pixel7 } = devices['Pixel 7']
  const context = await browser.newContext({ ...pixel7, baseURL: origin })
  return { browser, context, page: await context.newPage() }
}

/** What a real drill session left in IndexedDB: templates for the storage and export figures. */
interface SessionSample {
  meta: Record<string, unknown> & { id: string }
  trial: Record<string, unknown>
  envelope: Record<string, unknown>
}

async function readSession(page: Page): Promise<SessionSample> {
  // Given as text: a function would be transformed by tsx, whose helpers do not exist in the page.
  const stores = (await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('perspectief')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['sessions', 'snapshots', 'events'])
      const out = {}
      for (const name of ['sessions', 'snapshots', 'events']) tx.objectStore(name).getAll().onsuccess = (e) => { out[name] = e.target.result }
      tx.oncomplete = () => { open.result.close(); resolve(out) }
    }
  })`)) as { sessions: SessionSample['meta'][]; snapshots: Record<string, unknown>[]; events: Record<string, unknown>[] }
  const meta = stores.sessions[0]!
  const { sessionId: _s, ...envelope } = stores.snapshots.find((x) => x.sessionId === meta.id)!
  return { meta, envelope, trial: stores.events.find((e) => e.type === 'drill.trial')! }
}

type TouchMode = 'back-dated' | 'real-time'
const stats = (xs: number[]) => {
  const m = mean(xs)
  const sorted = [...xs].sort((a, b) => a - b)
  return { mean: m, median: sorted[Math.floor(sorted.length / 2)]!, sd: Math.sqrt(mean(xs.map((x) => (x - m) ** 2))), maxAbs: Math.max(...xs.map(Math.abs)) }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const fileOf = (url: string) => decodeURIComponent(url.split('/').pop()!.split('?')[0]!)

/**
 * One swipe as a finger makes it, the same for both tools: down at rt − 60, a 4 px move (below either tool's
 * threshold), 12 px at rt (the initiation), four moves every 16 ms, past the end at rt + 90, up at rt + 100.
 * `point(d)` is the spot d px along the swipe's axis and direction.
 */
function swipeSteps(rt: number, point: (d: number) => { x: number; y: number }, moves: number[], end: number): TouchStep[] {
  return [
    { at: rt - 60, type: 'touchStart', ...point(0) },
    { at: rt - 30, type: 'touchMove', ...point(4) },
    { at: rt, type: 'touchMove', ...point(12) },
    ...moves.map((d, i) => ({ at: rt + (i + 1) * 16, type: 'touchMove' as const, ...point(d) })),
    { at: rt + 90, type: 'touchMove', ...point(end) },
    { at: rt + 100, type: 'touchEnd', ...point(end) },
  ]
}

/**
 * The drill's RT error against a truth the app did not produce. Time zero of each trial is the browser's paint time
 * of the picture (Element Timing `renderTime`, see scripts/browser/paintTruth.ts); the swipe goes in through CDP at
 * that time plus a known RT. The recorded RT (from the app's own onset stamp) is compared with that known RT, and
 * the app's onset with the paint. Played once with back-dated and once with real-time touches.
 */
async function drillTiming(mode: TouchMode) {
  const { browser, context, page } = await phone()
  await observePaints(page)
  await startDrill(page, { code: mode === 'back-dated' ? 'BENCH1' : 'BENCH5', assessmentBlock: false })
  const cdp = await context.newCDPSession(page)
  const truth = truthSeries(2026)
  const { timeOrigin, width, height } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, width: innerWidth, height: innerHeight }))
  const trials: { onset: number; paint: number; rtMs: number; completionMs: number; sameFile: boolean }[] = []
  let lastOnset: number | null = null
  for (;;) {
    const screen = await nextDrillScreen(page, lastOnset)
    if (screen.kind === 'done') break
    if (screen.kind !== 'stimulus') {
      const begin = page.getByRole('button', { name: /^(Begin|Start|Ga verder)$/ })
      await begin.click()
      await begin.waitFor({ state: 'detached' })
      continue
    }
    lastOnset = screen.onset
    const paint = await nthPaint(page, trials.length)
    const rt = truth()
    // The drill's rule (alcohol up and away, soft drinks down and towards); thresholds as in src/drill/swipeGesture.ts.
    const sign = screen.category === 'alcohol' ? -1 : 1
    const exit = Math.max(60, height * 0.25)
    const steps = swipeSteps(rt, (d) => ({ x: width / 2, y: height / 2 + sign * d }), [1, 2, 3, 4].map((i) => 12 + (exit * i) / 4), exit + 20)
    const sent = await dispatchTouches(cdp, timeOrigin, paint.renderTime, steps, mode)
    const firstPastExit = steps.findIndex((st) => Math.abs(st.y - height / 2) >= exit)
    trials.push({ onset: screen.onset, paint: paint.renderTime, rtMs: sent[2]! - paint.renderTime, completionMs: sent[firstPastExit]! - paint.renderTime, sameFile: fileOf(paint.url).startsWith(screen.stimulus) })
  }
  const rows = parseCsv((await exportDrill(page)).csv)
  const sample = mode === 'back-dated' ? await readSession(page) : undefined
  await browser.close()
  if (rows.length !== trials.length) throw new Error(`the drill recorded ${rows.length} trials, the bench played ${trials.length}`)
  const intervals = rows.filter((r) => r.frame_interval_ms !== '').map((r) => Number(r.frame_interval_ms)).sort((a, b) => a - b)
  const frame = intervals[Math.floor(intervals.length / 2)]!
  // Paint minus the app's onset stamp: how long after its onset the picture really showed.
  const offsets = trials.map((t) => t.paint - t.onset)
  return {
    figures: {
      mode,
      trials: rows.length,
      paintsMatchingTheirTrial: trials.filter((t) => t.sameFile).length,
      rtInitiationErrorMs: stats(rows.map((r, i) => Number(r.rt_initiation_ms) - trials[i]!.rtMs)),
      rtCompletionErrorMs: stats(rows.map((r, i) => Number(r.rt_completion_ms) - trials[i]!.completionMs)),
      paintAfterOnsetMs: stats(offsets),
      trialsAFrameOrMoreOff: offsets.filter((o) => Math.abs(o) >= frame).length,
      frameIntervalMsMedian: frame,
    },
    sample,
  }
}

/**
 * The same probe and the same injection for jsPsych's swipe plugin (scripts/bench/jspsychBaseline): time zero is the
 * paint of its stimulus picture, the swipe goes sideways (the plugin's axis), and the truth is the release, which is
 * when the plugin records its response. Its RT is counted from its own trial start.
 */
async function jspsychTiming(mode: TouchMode, trials = 40) {
  const { browser, context, page } = await phone()
  await observePaints(page)
  await page.goto(`${origin}/jspsych/index.html?trials=${trials}`)
  const cdp = await context.newCDPSession(page)
  const truth = truthSeries(2026)
  const { timeOrigin, width, height } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, width: innerWidth, height: innerHeight }))
  type Hooks = { __trials: { rt: number | null; swipe: string | null; picture: string }[] }
  const errors: number[] = []
  let wrongDirection = 0
  let sameFile = 0
  for (let i = 0; i < trials; i++) {
    const paint = await nthPaint(page, i)
    const rt = truth()
    const direction = i % 2 === 0 ? 'left' : 'right'
    const sign = direction === 'left' ? -1 : 1
    const steps = swipeSteps(rt, (d) => ({ x: width / 2 + sign * d, y: height / 2 }), [1, 2, 3, 4].map((k) => 12 + k * 30), 160)
    const sent = await dispatchTouches(cdp, timeOrigin, paint.renderTime, steps, mode)
    const recorded = (await (await page.waitForFunction((n) => (window as unknown as Hooks).__trials[n], i)).jsonValue())!
    if (recorded.swipe !== direction) wrongDirection++
    if (fileOf(paint.url) === fileOf(recorded.picture)) sameFile++
    errors.push(recorded.rt! - (sent.at(-1)! - paint.renderTime))
  }
  await browser.close()
  return { mode, trials, paintsMatchingTheirTrial: sameFile, rtReleaseErrorMs: stats(errors), wrongDirection }
}

/** Time from navigation to the first trial being ready, throttled; the drill, the jsPsych baseline and an empty page. */
async function loading() {
  const { browser, context, page } = await phone()
  await startDrill(page, { code: 'BENCH2', assessmentBlock: false })
  const sessionUrl = page.url()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.setBypassServiceWorker', { bypass: true })
  // A slow 4G phone: 150 ms latency, 1.6 Mbit/s down, and a 4x slower CPU.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  // Timed on each page's own clock, from the start of its navigation (performance.now() counts from there) to the
  // moment it is ready, so that no harness polling falls inside the figure: the empty page's load event; the drill's
  // "Begin" button in the page (the bench's own MutationObserver, added before the page's scripts run) and the frame
  // after it; jsPsych's first picture decoded and the frame after it (its page notes the time).
  await page.addInitScript(() => {
    const w = window as unknown as { __beginAt: number | null }
    w.__beginAt = null
    new MutationObserver((_, observer) => {
      for (const b of document.querySelectorAll('button')) {
        if (b.textContent?.trim() !== 'Begin') continue
        observer.disconnect()
        requestAnimationFrame(() => setTimeout(() => (w.__beginAt = performance.now())))
        return
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  const measure = async (url: string, readyAt: (p: Page) => Promise<number>, before?: () => Promise<void>) => {
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      await before?.()
      await page.goto('about:blank')
      await page.goto(url)
      runs.push(await readyAt(page))
    }
    return runs.sort((a, b) => a - b)[1]!
  }
  // Each run is a first start: a drill that has started once opens on "Welkom terug" (no pictures, no timer), so
  // its snapshot and records are taken away before each run and the page plans, loads and shows its first trial.
  const sessionId = new URL(sessionUrl).searchParams.get('session')!
  const firstStart = async () => {
    await page.goto(`${origin}/empty.html`)
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('perspectief')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const tx = open.result.transaction(['snapshots', 'events'], 'readwrite')
        tx.objectStore('snapshots').delete(${JSON.stringify(sessionId)})
        tx.objectStore('events').delete(IDBKeyRange.bound([${JSON.stringify(sessionId)}, -Infinity], [${JSON.stringify(sessionId)}, Infinity]))
        tx.oncomplete = () => { open.result.close(); resolve() }
        tx.onerror = () => reject(tx.error)
      }
    })`)
  }
  // Polled from outside with the DevTools protocol's evaluate (the drill's CSP forbids waitForFunction's eval).
  const pageValue = async (p: Page, expression: string) => {
    let value: unknown = null
    await until(async () => (value = await p.evaluate(expression)) !== null, 120_000)
    return value as number
  }
  const drillMs = await measure(sessionUrl, (p) => pageValue(p, 'window.__beginAt'), firstStart)
  // jsPsych: its pictures preloaded (as its docs advise) and the first one decoded and on screen.
  const jspsychMs = await measure(`${origin}/jspsych/index.html?trials=40`, (p) => pageValue(p, 'window.__firstTrialReadyAt'))
  const emptyMs = await measure(`${origin}/empty.html`, (p) => pageValue(p, "performance.getEntriesByType('navigation')[0]?.loadEventEnd || null"))
  await browser.close()
  return { network: 'latency 150 ms, 1.6 Mbit/s down, CPU x4, no cache', emptyPageMs: emptyMs, drill: { firstTrialMs: drillMs, ratio: drillMs / emptyMs }, jspsych: { firstTrialMs: jspsychMs, ratio: jspsychMs / emptyMs } }
}

type BenchApi = { perspectiefBench: { commitLatency(a: unknown): Promise<StorageFigures>; exportTime(a: unknown): ExportFigures } }
interface StorageFigures {
  commits: number
  p50: number
  p99: number
  max: number
  mean: number
  snapshotBytes: number
}
interface ExportFigures {
  trials: number
  medianMs: number
  runs: number[]
  bytes: { json: number; csv: number }
}

/** The app's IndexedDB store, committing a real trial record and snapshot per trial, on the phone profile. */
async function storageLatency(sample: SessionSample) {
  const { browser, page } = await phone()
  await page.goto(`${origin}/bench-store/index.html`)
  await page.waitForFunction(() => 'perspectiefBench' in window)
  const figures = await page.evaluate((s) => (window as unknown as BenchApi).perspectiefBench.commitLatency({ ...s, commits: 500, warmup: 20 }), sample)
  await browser.close()
  return figures
}

/** The JSON bundle and the Psych-DS CSV of a 10,000-trial session, built by the app's export code in the browser. */
async function exportTime(sample: SessionSample) {
  const { browser, page } = await phone()
  await page.goto(`${origin}/bench-store/index.html`)
  await page.waitForFunction(() => 'perspectiefBench' in window)
  const figures = await page.evaluate((s) => (window as unknown as BenchApi).perspectiefBench.exportTime({ meta: s.meta, trial: s.trial, trials: 10_000, runs: 5 }), sample)
  await browser.close()
  return figures
}

/**
 * CPU per frame of what the VR scene does every frame besides drawing: head-direction dwell against four targets
 * and the pause/safety check. Counted in node over many frames (an instruction count would be steadier, but this
 * is far below the 1 ms budget on any machine).
 */
async function vrFrameCpu() {
  const { headSample } = await import('../src/xr/headDirectionDwell.ts')
  const { createDwellRecorder } = await import('../src/engine/headDwell.ts')
  const targets = { parents: [-0.9, 1.5, -3], door: [-0.9, 1.1, -1.8], room: [1, 1, 1.2], window: [1.6, 1.3, -0.2] } as const
  const recorder = createDwellRecorder()
  recorder.start('bench', 0)
  const frames = 200_000
  let paused = false
  const start = performance.now()
  for (let i = 0; i < frames; i++) {
    const yaw = Math.sin(i / 500)
    recorder.sample(headSample(i * 13.9, [0, 1, 0.2], [-Math.sin(yaw), 0, -Math.cos(yaw)], targets, 18))
    if (i % 1000 === 0) {
      if (paused) recorder.resume(i * 13.9)
      else recorder.pause(i * 13.9)
      paused = !paused
    }
  }
  const perFrameMs = (performance.now() - start) / frames
  return { frames, perFrameUs: perFrameMs * 1000, budgetShare: perFrameMs / 1 }
}

/**
 * Draw calls and triangles per beat of a VR scene, as the left eye sees it in an emulated Quest 3 (IWER, test build),
 * played through by an autoplayer that picks the first button of every question. The scene's own counts (the
 * renderer's info after each frame, per eye) are read from the test hook at the end.
 */
async function vrScene(scene: RegExp, setup: (p: Page) => Promise<void>) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
  await enterVrScene(page, { origin, scene, code: 'BENCH3', setup })
  await playVrSceneToTheEnd(page, 180_000)
  const budget = await renderBudget(page)
  await browser.close()
  return budget
}

async function until(done: () => Promise<boolean>, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * The debrief importing 200 session files at once (20 clients × 10 drill sessions of 100 trials), until all are shown.
 * The files are on disk and picked as a trainer picks them (Chromium sets the input's files natively), so no harness
 * work of copying them into the page falls inside the measured time. Truth is the page's own clock, as for the large
 * file below: a capturing `change` listener on the window stamps performance.now() before the app sees the files; a
 * MutationObserver stamps the 200th session report being in the page, and the frame after it (requestAnimationFrame,
 * then a task) as "on screen"; a PerformanceObserver collects every long task in between.
 */
async function debriefImport() {
  const { drillBundle } = await import('../test/fixtures/sampleBundles.ts')
  const folder = join(repoRoot, '.test-output/bench-files/import-200')
  mkdirSync(folder, { recursive: true })
  let bytes = 0
  const paths = Array.from({ length: 200 }, (_, i) => {
    const bundle = drillBundle({ trials: 100, session: (i % 10) + 1, clientCode: `DB${String(Math.floor(i / 10)).padStart(2, '0')}`, alcoholPullShift: (i % 7) * 5 })
    const text = JSON.stringify(bundle)
    bytes += Buffer.byteLength(text)
    const path = join(folder, `session-${i}.json`)
    writeFileSync(path, text)
    return path
  })
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const runs: { shownMs: number; paintedMs: number; longestTaskMs: number; longTasks: number }[] = []
  for (let run = 0; run < 3; run++) {
    await page.goto(`${origin}/debrief.html`)
    await page.getByTestId('import-input').waitFor({ state: 'attached' })
    // Given as text (see debriefLargeFile).
    await page.evaluate(`(() => {
      const b = (window.__bench = { change: null, shown: null, painted: null, tasks: [] })
      new PerformanceObserver((list) => { for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask' })
      window.addEventListener('change', () => { if (b.change === null) b.change = performance.now() }, { capture: true })
      new MutationObserver(() => {
        if (b.shown === null && document.querySelectorAll('[data-testid="session-report"]').length >= ${paths.length}) {
          b.shown = performance.now()
          requestAnimationFrame(() => setTimeout(() => { b.painted = performance.now() }))
        }
      }).observe(document.body, { childList: true, subtree: true })
    })()`)
    await page.getByTestId('import-input').setInputFiles(paths)
    // Polled from outside: the page's CSP forbids the eval that waitForFunction would need.
    await until(async () => (await page.evaluate('window.__bench.painted')) !== null, 60_000)
    await page.waitForTimeout(300) // long tasks are reported after they end
    const refused = await page.locator('[data-testid="file-messages"] li[data-outcome="refused"]').allTextContents()
    if (refused.length > 0) throw new Error(`the debrief refused ${refused.length} files: ${refused[0]}`)
    const b = (await page.evaluate('window.__bench')) as { change: number; shown: number; painted: number; tasks: { start: number; duration: number }[] }
    const during = b.tasks.filter((t) => t.start + t.duration > b.change && t.start < b.painted)
    runs.push({ shownMs: b.shown - b.change, paintedMs: b.painted - b.change, longestTaskMs: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length })
  }
  await browser.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return {
    files: paths.length,
    megabytes: bytes / 2 ** 20,
    shownMs: median(runs.map((r) => r.shownMs)),
    paintedMs: median(runs.map((r) => r.paintedMs)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    runs,
  }
}

/**
 * One drill file at the debrief's size cap (20 MB, about 50,000 trials), made by the app's own bundle code
 * (test/fixtures/sampleBundles.ts, as debriefImport), imported through the page's file input. Truth is the page's
 * own clock: a capturing `change` listener on the window stamps performance.now() before the app sees the files; a
 * MutationObserver stamps the report's figures (the DD and the D-score of the session report) being in the page,
 * and the frame after it (requestAnimationFrame, then a task) as "on screen"; a PerformanceObserver collects every
 * long task in between. The interval arrives later from the import worker and is timed the same way.
 */
async function debriefLargeFile() {
  const { drillBundle } = await import('../test/fixtures/sampleBundles.ts')
  const limit = 20 * 1024 * 1024
  // Trials scale the file: size it to just under the cap.
  const probe = JSON.stringify(drillBundle({ trials: 1000, alcoholPullShift: 20 })).length
  let trials = Math.floor((1000 * limit) / probe)
  let buffer = Buffer.from(JSON.stringify(drillBundle({ trials, alcoholPullShift: 20 })))
  while (buffer.length > limit) {
    trials -= 200
    buffer = Buffer.from(JSON.stringify(drillBundle({ trials, alcoholPullShift: 20 })))
  }
  // From a file on disk, as a trainer picks it: Chromium sets the input's files natively (DOM.setFileInputFiles), so
  // no harness work of copying 20 MB into the page falls inside the measured time.
  const path = join(repoRoot, '.test-output/bench-files/large-drill.json')
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, buffer)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  type Run = { figuresMs: number; paintedMs: number; intervalMs: number; longestTaskMs: number; longTasks: number; longTasksUntilInterval: number; longestUntilIntervalMs: number }
  const runs: Run[] = []
  for (let run = 0; run < 3; run++) {
    await page.goto(`${origin}/debrief.html`)
    await page.getByTestId('import-input').waitFor({ state: 'attached' })
    // Given as text: a function would be transformed by tsx, whose helpers do not exist in the page. page.evaluate
    // runs through the DevTools protocol, which the page's CSP does not govern (waitForFunction would need eval).
    await page.evaluate(`(() => {
      const b = (window.__bench = { change: null, figures: null, painted: null, interval: null, tasks: [] })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask' })
      window.addEventListener('change', () => { if (b.change === null) b.change = performance.now() }, { capture: true })
      new MutationObserver(() => {
        if (b.figures === null && document.querySelector('[data-testid="dd-mean"]') && document.querySelector('[data-testid="d-score"]')) {
          b.figures = performance.now()
          requestAnimationFrame(() => setTimeout(() => { b.painted = performance.now() }))
        }
        if (b.interval === null && document.querySelector('[data-testid="dd-interval"]')) b.interval = performance.now()
      }).observe(document.body, { childList: true, subtree: true })
    })()`)
    await page.getByTestId('import-input').setInputFiles(path)
    await until(async () => (await page.evaluate('window.__bench.interval')) !== null, 120_000)
    await until(async () => (await page.evaluate('window.__bench.painted')) !== null, 10_000)
    // Long tasks are reported after they end: give the observer a moment.
    await page.waitForTimeout(300)
    const b = (await page.evaluate('window.__bench')) as { change: number; figures: number; painted: number; interval: number; tasks: { start: number; duration: number }[] }
    const refused = await page.locator('[data-testid="file-messages"] li[data-outcome="refused"]').allTextContents()
    if (refused.length > 0) throw new Error(`the debrief refused the large file: ${refused[0]}`)
    // Long tasks from the change on (the task that dispatched it is the browser's setting of the files).
    const during = (end: number) => b.tasks.filter((t) => t.start + t.duration > b.change && t.start < end)
    const untilFigures = during(b.painted)
    const untilInterval = during(b.interval)
    runs.push({
      figuresMs: b.figures - b.change,
      paintedMs: b.painted - b.change,
      intervalMs: b.interval - b.change,
      longestTaskMs: Math.max(0, ...untilFigures.map((t) => t.duration)),
      longTasks: untilFigures.length,
      longestUntilIntervalMs: Math.max(0, ...untilInterval.map((t) => t.duration)),
      longTasksUntilInterval: untilInterval.length,
    })
  }
  await browser.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return {
    trials,
    megabytes: buffer.length / 2 ** 20,
    paintedMs: median(runs.map((r) => r.paintedMs)),
    intervalMs: median(runs.map((r) => r.intervalMs)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    longestUntilIntervalMs: Math.max(...runs.map((r) => r.longestUntilIntervalMs)),
    runs,
  }
}

function table(rows: [string, string][]) {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')
}

/**
 * The bench, one measure after another. Each measure stores its figures under `key` in results.json and
 * gives its rows of the printed table; a new figure (VR draw calls per beat of another scene, the debrief's
 * import time) is one more entry. Measures run in order and may read what earlier ones stored.
 */
interface Measure {
  key: string
  run(): Promise<unknown> | unknown
  rows(figures: any): [string, string][]
}
const ms = (n: number, digits = 1) => `${n.toFixed(digits)} ms`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
let sample: SessionSample | undefined

/** The two VR scenes as the bench plays them: key, name, the lobby's button, and the choices before the start. */
const vrScenes = [
  ['vrChildEye', "child's-eye", /^Door de ogen van Joris/, async (p: Page) => {
    await p.getByRole('group', { name: 'Hoeveel zie je?' }).getByRole('button', { name: /^Alles/ }).click()
    await p.getByRole('group', { name: /Oudere zus of broer/ }).getByRole('button', { name: 'Ja' }).click()
    await p.getByRole('button', { name: 'Begin' }).click()
  }],
  ['vrFutureSelf', 'future-self', /^Ontmoet jezelf, later/, async (p: Page) => {
    await p.getByRole('group', { name: 'Aantal rondes' }).getByRole('button', { name: '3', exact: true }).click()
    await p.getByRole('button', { name: 'Begin' }).click()
    await p.getByRole('button', { name: 'Klaar, begin' }).click()
  }],
] as const

const measures: Measure[] = [
  {
    key: 'machine',
    run: () => ({ cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() }),
    rows: (m) => [['machine', `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 10)}`]],
  },
  {
    key: 'bundles',
    run: () => ({ drill: entryBytes('drill.html'), lobby: entryBytes('index.html'), jspsych: entryBytes('jspsych/index.html') }),
    rows: (b) => [
      ['drill entry JS, gzipped', `${kib(b.drill.jsGzip)} (+ ${kib(b.drill.cssGzip)} CSS)`],
      ['  jsPsych baseline entry JS, gzipped', `${kib(b.jspsych.jsGzip)} (+ ${kib(b.jspsych.cssGzip)} CSS)`],
      ['lobby entry JS, gzipped', kib(b.lobby.jsGzip)],
    ],
  },
  ...(['back-dated', 'real-time'] as const).map(
    (mode): Measure => ({
      key: mode === 'back-dated' ? 'drillTiming' : 'drillTimingRealTime',
      run: async () => {
        const { figures, sample: s } = await drillTiming(mode)
        sample ??= s
        return figures
      },
      rows: (t) => [
        [`drill RT error vs paint truth, ${t.mode} touches (initiation), mean / median / max abs`, `${ms(t.rtInitiationErrorMs.mean, 2)} / ${ms(t.rtInitiationErrorMs.median, 2)} / ${ms(t.rtInitiationErrorMs.maxAbs, 2)} over ${t.trials} trials (${t.paintsMatchingTheirTrial} paints matched their picture)`],
        [`  completion, mean / median / max abs`, `${ms(t.rtCompletionErrorMs.mean, 2)} / ${ms(t.rtCompletionErrorMs.median, 2)} / ${ms(t.rtCompletionErrorMs.maxAbs, 2)}`],
        [`  paint after the app's onset, mean ± sd (max)`, `${ms(t.paintAfterOnsetMs.mean, 2)} ± ${ms(t.paintAfterOnsetMs.sd, 2)} (${ms(t.paintAfterOnsetMs.maxAbs, 1)}); ${t.trialsAFrameOrMoreOff} trials a frame (${ms(t.frameIntervalMsMedian, 1)}) or more off`],
      ],
    }),
  ),
  ...(['back-dated', 'real-time'] as const).map(
    (mode): Measure => ({
      key: mode === 'back-dated' ? 'jspsychTiming' : 'jspsychTimingRealTime',
      run: () => jspsychTiming(mode),
      rows: (j) => [[`  jsPsych RT error vs paint truth, ${j.mode} touches (release), mean / median / max abs`, `${ms(j.rtReleaseErrorMs.mean, 2)} / ${ms(j.rtReleaseErrorMs.median, 2)} / ${ms(j.rtReleaseErrorMs.maxAbs, 2)} over ${j.trials} trials (${j.paintsMatchingTheirTrial} paints matched)${j.wrongDirection ? `, ${j.wrongDirection} read the wrong way` : ''}`]],
    }),
  ),
  {
    key: 'loading',
    run: () => loading(),
    rows: (l) => [
      ['drill time to first trial (throttled, each page\'s own clock)', `${ms(l.drill.firstTrialMs, 0)} = ${l.drill.ratio.toFixed(2)} x empty page (${ms(l.emptyPageMs, 0)})`],
      ['  jsPsych baseline time to first trial (throttled)', `${ms(l.jspsych.firstTrialMs, 0)} = ${l.jspsych.ratio.toFixed(2)} x empty page`],
    ],
  },
  {
    key: 'storage',
    run: () => storageLatency(sample!),
    rows: (s) => [['IndexedDB commit per trial, p50 / p99', `${ms(s.p50, 2)} / ${ms(s.p99, 2)} over ${s.commits} commits (snapshot ${kib(s.snapshotBytes)})`]],
  },
  {
    key: 'export',
    run: () => exportTime(sample!),
    rows: (e) => [['export of a 10,000-trial session (JSON + CSV)', `${ms(e.medianMs, 0)} (median of ${e.runs.length}; ${(e.bytes.json / 2 ** 20).toFixed(1)} MiB JSON, ${(e.bytes.csv / 2 ** 20).toFixed(1)} MiB CSV)`]],
  },
  {
    key: 'debriefImport',
    run: () => debriefImport(),
    rows: (d) => [
      [`debrief import of 200 session files (${d.megabytes.toFixed(1)} MiB), change → all 200 reports on screen`, `${ms(d.paintedMs, 0)} (in the page ${ms(d.shownMs, 0)}; median of ${d.runs.length}); longest long task meanwhile ${ms(d.longestTaskMs, 0)}; goal < 2 s`],
    ],
  },
  {
    key: 'debriefLargeFile',
    run: () => debriefLargeFile(),
    rows: (d) => [
      [`debrief: one ${d.megabytes.toFixed(1)} MiB drill file (${d.trials.toLocaleString('en')} trials), change → figures on screen`, `${ms(d.paintedMs, 0)} (median of ${d.runs.length}); longest long task meanwhile ${ms(d.longestTaskMs, 0)} (worst run)`],
      ['  … → its 95% interval on screen', `${ms(d.intervalMs, 0)}; longest long task until then ${ms(d.longestUntilIntervalMs, 0)}`],
    ],
  },
  ...vrScenes.map(
    ([key, name, scene, setup]): Measure => ({
      key,
      run: () => vrScene(scene, setup),
      rows: (v) => [[`VR ${name}: draw calls / triangles, worst beat per eye`, `${v.worst.calls} / ${v.worst.triangles.toLocaleString('en')} (${v.worst.beat}); max triangles ${v.maxTriangles.toLocaleString('en')}; ${v.beatCount} beats, ${v.withinBudget ? 'all' : 'NOT all'} within 60 / 100k`]],
    }),
  ),
  {
    key: 'figureAnimation',
    run: async () => {
      const scenes: Record<string, Awaited<ReturnType<typeof figureAnimation>>> = {}
      for (const [key, , scene, setup] of vrScenes) scenes[key] = await figureAnimation({ origin, dist, scene, setup })
      return scenes
    },
    rows: (f: Record<string, Awaited<ReturnType<typeof figureAnimation>>>) =>
      vrScenes.map(([key, name]) => {
        const a = f[key]!
        return [
          `VR ${name}: figure animation CPU per frame (V8 samples), whole scene`,
          `${ms(a.msPerFrame, 3)} (±${Math.round((a.relativeError ?? 1) * 100)}%; ${a.cpu.insideSamples} of ${a.cpu.samples} samples in ${a.frames} frames); worst beat ${a.worst.calls} calls / ${a.worst.triangles.toLocaleString('en')} triangles (${a.worst.beat}), ${a.withinBudget ? 'all' : 'NOT all'} ${a.beatCount} beats within 60 / 100k`,
        ] as [string, string]
      }),
  },
  {
    key: 'vrFrameCpu',
    run: () => vrFrameCpu(),
    rows: (v) => [['VR head tracking + safety check per frame', `${v.perFrameUs.toFixed(2)} µs (budget 1 ms)`]],
  },
  {
    key: 'consoleStreaming',
    // The software-rendered headset draws 3–4 frames a second while timed; 30 s gives about 100 poses a window.
    run: () => consoleStreaming({ origin, dist, seconds: 10, costSeconds: 30 }),
    rows: (c) => [
      ['console: pose to console, headset page → console page, loopback, p50 / p95', `${ms(c.latencyP50Ms, 2)} / ${ms(c.latencyP95Ms, 2)} over ${c.posesMatched} of ${c.posesSent} poses (max ${ms(c.latencyMaxMs, 1)})`],
      [
        '  headset extra CPU per frame for streaming, at 72 Hz (goal < 0.2 ms)',
        `${ms(c.cpuExtraPerFrameAt72HzMs, 3)} (${ms(c.cpuExtraPerSendMs, 3)} CPU per pose sent; ${c.live.sent} sent in ${c.live.frames} frames; V8 samples in the pose hook ${c.live.cpu.insideSamples} of ${c.live.cpu.samples} with a console, ${c.alone.cpu.insideSamples} of ${c.alone.cpu.samples} without; the hook's own wall clock says ${ms(c.extraPerSendMs, 3)} per pose, pre-emptions included; GPU process ${c.gpuOnItsOwnCore ? 'on a core of its own' : 'NOT on a core of its own'})`,
      ],
    ],
  },
  {
    key: 'consoleRelayLoad',
    run: () => roomLoad({ rooms: 25, hz: 30, seconds: Number(process.env.PERSPECTIEF_BENCH_ROOM_SECONDS ?? 60), dist }),
    rows: (r) => [
      [`console relay: ${r.rooms} rooms at ${r.hz} Hz for ${r.seconds} s, p50 / p95 / p99`, `${ms(r.p50Ms, 2)} / ${ms(r.p95Ms, 2)} / ${ms(r.p99Ms, 2)} over ${r.received} poses (${r.lost} lost; goal p95 < 20 ms)`],
      ['  relay heap, first half → second half', `${r.heapGrowthMiB >= 0 ? '+' : ''}${r.heapGrowthMiB} MiB (samples ${r.heapMiB.join(', ')} MiB)`],
    ],
  },
]

// PERSPECTIEF_BENCH_ONLY=key,key runs some measures (while working on one); only a full run writes results.json.
const only = process.env.PERSPECTIEF_BENCH_ONLY?.split(',')
await build()
const server = await serve()
const printed: [string, string][] = []
try {
  for (const m of measures.filter((x) => !only || only.includes(x.key))) {
    console.log(`measuring ${m.key}…`)
    results[m.key] = await m.run()
    printed.push(...m.rows(results[m.key]))
  }
} finally {
  stop(server)
}

console.log('\n' + table(printed))
if (only) process.exit(0)
mkdirSync(join(repoRoot, 'test/bench'), { recursive: true })
writeFileSync(join(repoRoot, 'test/bench/results.json'), JSON.stringify(results, null, 2) + '\n')
console.log('\nwrote test/bench/results.json')
