/**
 * `npm run bench`: the numbers we quote, measured the same way every time on whatever machine runs it.
 * Where absolute times mislead (shared, noisy machines), it reports counts, bytes, errors against injected
 * truth, and ratios to a baseline loaded the same way.
 *
 * Writes test/bench/results.json (the project's top level is fixed, so results live under test/).
 */
import { chromium, devices, type Page } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromiumArgs, chromiumPath } from '../test/e2e/browser.ts'
import { exportDrill, parseCsv, playDrill, startDrill } from '../test/e2e/drillFlow.ts'
import { truthSeries } from '../test/e2e/touch.ts'
import { repoRoot } from './sceneFiles.ts'

const port = Number(process.env.PERSPECTIEF_BENCH_PORT ?? 4329)
const origin = `http://localhost:${port}`
const dist = join(repoRoot, '.test-output/bench-dist')
const results: Record<string, unknown> = {}

function build() {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, PERSPECTIEF_TEST_MODE: '1' } })
  if (r.status !== 0) throw new Error('build failed')
  // The baseline for load times: an empty page served by the same server, loaded the same way.
  writeFileSync(join(dist, 'empty.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>leeg</title></head><body></body></html>')
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
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { cwd: repoRoot, stdio: 'ignore', detached: true })
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
  const files = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(dist, f)), { level: 9 }).length }))
  return { files: sizes, jsGzip: sizes.filter((s) => s.file.endsWith('.js')).reduce((n, s) => n + s.gzip, 0), cssGzip: sizes.filter((s) => s.file.endsWith('.css')).reduce((n, s) => n + s.gzip, 0) }
}

async function phone() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const { defaultBrowserType: _b, ...pixel7 } = devices['Pixel 7']
  const context = await browser.newContext({ ...pixel7, baseURL: origin })
  return { browser, context, page: await context.newPage() }
}

async function drillTiming() {
  const { browser, context, page } = await phone()
  await startDrill(page, { code: 'BENCH1', assessmentBlock: false })
  const truth = truthSeries(2026)
  const played = await playDrill(page, await context.newCDPSession(page), ({ category }) => ({ direction: category === 'alcohol' ? 'push' : 'pull', rtMs: truth() }))
  const rows = parseCsv((await exportDrill(page)).csv)
  const errors = rows.map((r, i) => Math.abs(Number(r.rt_initiation_ms) - played[i]!.rtMs!))
  const completionErrors = rows.map((r, i) => Math.abs(Number(r.rt_completion_ms) - played[i]!.completionMs!))
  await browser.close()
  return {
    trials: rows.length,
    rtInitiationErrorMs: { mean: errors.reduce((a, b) => a + b, 0) / errors.length, max: Math.max(...errors) },
    rtCompletionErrorMs: { mean: completionErrors.reduce((a, b) => a + b, 0) / completionErrors.length, max: Math.max(...completionErrors) },
    frameIntervalMsMedian: rows.map((r) => Number(r.frame_interval_ms)).sort((a, b) => a - b)[Math.floor(rows.length / 2)],
  }
}

/** Time from navigation to the first trial being ready (pictures decoded, start button shown), throttled. */
async function drillLoad() {
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
  const measure = async (url: string, ready: (p: Page) => Promise<void>) => {
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      const start = Date.now()
      await page.goto(url)
      await ready(page)
      runs.push(Date.now() - start)
    }
    return runs.sort((a, b) => a - b)[1]!
  }
  const firstTrialMs = await measure(sessionUrl, async (p) => {
    await p.getByRole('button', { name: 'Begin' }).waitFor()
  })
  const emptyMs = await measure(`${origin}/empty.html`, async (p) => {
    await p.waitForLoadState('load')
  })
  await browser.close()
  return { network: 'latency 150 ms, 1.6 Mbit/s down, CPU x4, no cache', firstTrialMs, emptyPageMs: emptyMs, ratio: firstTrialMs / emptyMs }
}

/**
 * CPU per frame of what the VR scene does every frame besides drawing: head-direction dwell against four targets
 * and the pause/safety check. Counted in node over many frames (an instruction count would be steadier, but this
 * is far below the 1 ms budget on any machine).
 */
async function vrFrameCpu() {
  const { createDwellTracker } = await import('../src/xr/headDirectionDwell.ts')
  const tracker = createDwellTracker({ parents: [-0.9, 1.5, -3], door: [-0.9, 1.1, -1.8], room: [1, 1, 1.2], window: [1.6, 1.3, -0.2] }, 18)
  const frames = 200_000
  let paused = false
  const start = performance.now()
  for (let i = 0; i < frames; i++) {
    const yaw = Math.sin(i / 500)
    tracker.sample(i * 13.9, [0, 1, 0.2], [-Math.sin(yaw), 0, -Math.cos(yaw)], paused)
    paused = i % 1000 === 0 ? !paused : paused
  }
  const perFrameMs = (performance.now() - start) / frames
  return { frames, perFrameUs: perFrameMs * 1000, budgetShare: perFrameMs / 1 }
}

function table(rows: [string, string][]) {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')
}

const server = await (async () => {
  build()
  return serve()
})()
try {
  const drillEntry = entryBytes('drill.html')
  const lobbyEntry = entryBytes('index.html')
  results.machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() }
  results.bundles = { drill: drillEntry, lobby: lobbyEntry }
  results.drillTiming = await drillTiming()
  results.drillLoad = await drillLoad()
  results.vrFrameCpu = await vrFrameCpu()
} finally {
  stop(server)
}

const t = results.drillTiming as Awaited<ReturnType<typeof drillTiming>>
const l = results.drillLoad as Awaited<ReturnType<typeof drillLoad>>
const b = results.bundles as { drill: ReturnType<typeof entryBytes>; lobby: ReturnType<typeof entryBytes> }
console.log(
  '\n' +
    table([
      ['drill RT error (initiation), mean / max', `${t.rtInitiationErrorMs.mean.toFixed(3)} / ${t.rtInitiationErrorMs.max.toFixed(3)} ms over ${t.trials} trials`],
      ['drill RT error (completion), mean / max', `${t.rtCompletionErrorMs.mean.toFixed(3)} / ${t.rtCompletionErrorMs.max.toFixed(3)} ms`],
      ['drill entry JS, gzipped', `${(b.drill.jsGzip / 1024).toFixed(1)} KiB (+ ${(b.drill.cssGzip / 1024).toFixed(1)} KiB CSS)`],
      ['lobby entry JS, gzipped', `${(b.lobby.jsGzip / 1024).toFixed(1)} KiB`],
      ['drill time to first trial (throttled)', `${l.firstTrialMs} ms = ${l.ratio.toFixed(2)} x empty page (${l.emptyPageMs} ms)`],
      ['VR head tracking + safety check per frame', `${(results.vrFrameCpu as { perFrameUs: number }).perFrameUs.toFixed(2)} µs (budget 1 ms)`],
    ]),
)
mkdirSync(join(repoRoot, 'test/bench'), { recursive: true })
writeFileSync(join(repoRoot, 'test/bench/results.json'), JSON.stringify(results, null, 2) + '\n')
console.log('\nwrote test/bench/results.json')
