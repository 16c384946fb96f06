import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { chromium, type CDPSession, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath, headsetViewport } from '../browser/chromium.ts'
import { repoRoot } from '../sceneFiles.ts'
import { cpuInSource, mainThreadCpuMs, type CpuWindow } from './cpuInSource.ts'

/**
 * The console's pose stream between two real pages: an emulated headset (IWER, test build) and the trainer's console,
 * paired by code through the relay of the server the bench runs.
 *
 * - **Pose to console latency.** Truth: the browser's own clocks at the two ends, not the app's. The headset page's
 *   `WebSocket.prototype.send` is wrapped to note when each pose frame is handed to the socket, and the console page's
 *   socket messages are stamped as they arrive (both `performance.timeOrigin + performance.now()`, one machine clock).
 *   Pose frames are matched by their own `t` field, which differs for every frame.
 * - **The headset's extra CPU per frame for streaming.** Truth: V8's sampling profiler on the headset page
 *   (cpuInSource.ts), not the app's counter. Over 30 s with a console paired, then 30 s after it has left, the
 *   samples with the pose hook (`RoomPose` in src/xr/roomLink.tsx, found through the build's source maps) on the
 *   stack, times the mean interval between samples, per frame drawn (the frame count is the hook's own); the
 *   difference, per pose sent. Pre-empted time yields no samples, so the figure is work on a CPU; it errs high
 *   (the bench's own wrapper of `WebSocket.send`, above, runs inside the hook and is counted too).
 *   - While it is timed, the console page is frozen (Chromium's page lifecycle: no script, no rendering; it stays
 *     paired, so the headset keeps streaming): on the headset the console is another computer.
 *   - The browser's GPU process (here a software renderer at raised priority) is moved to the last core
 *     (`pinGpuApart`, Linux `taskset`), so that the headset page draws frames at a steady rate in both windows.
 *   - The hook's own wall-clock counter (test builds only) is reported beside it: on this 2-core machine it counts
 *     every pre-emption that falls inside the callback, and says several times more.
 *   - The state frames sent on every change and twice a second are timers, not per-frame work, and are not in it.
 */
export async function consoleStreaming({ origin, dist, seconds, costSeconds }: { origin: string; dist: string; seconds: number; costSeconds: number }) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    const headsetContext = await browser.newContext({ viewport: { width: 1024, height: 768 } })
    const headset = await headsetContext.newPage()
    await headset.addInitScript(() => {
      const w = window as unknown as { __poseSentAt: Record<string, number> }
      w.__poseSentAt = {}
      const send = WebSocket.prototype.send
      WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
        const at = performance.timeOrigin + performance.now()
        if (typeof data === 'string' && data.includes('"type":"pose"')) {
          const t = /"t":(\d+(?:\.\d+)?)/.exec(data)?.[1]
          if (t) w.__poseSentAt[t] = at
        }
        return send.call(this, data)
      }
    })
    await headset.goto(`${origin}/?xr=emulate&setting=supervision`)
    await headset.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
    await headset.getByLabel('Code').fill('BENCH4')
    await headset.getByRole('button', { name: 'Verder' }).click()
    await headset.getByRole('button', { name: /^Door de ogen van Joris/ }).click()
    await headset.getByRole('button', { name: 'Begin' }).click()
    await headset.getByTestId('pairing-code').filter({ hasText: /^\d{6}$/ }).waitFor()
    const code = (await headset.getByTestId('pairing-code').textContent())!
    // Before the console opens: the headset page's renderer is one of these (a spare renderer may idle among them).
    const headsetRenderers = renderers()

    const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const trainer = await consoleContext.newPage()
    await trainer.addInitScript(() => {
      const w = window as unknown as { __poseReceivedAt: Record<string, number> }
      w.__poseReceivedAt = {}
      const property = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!
      Object.defineProperty(WebSocket.prototype, 'onmessage', {
        ...property,
        set(this: WebSocket, handler: ((e: MessageEvent) => void) | null) {
          property.set!.call(
            this,
            handler &&
              ((e: MessageEvent) => {
                const at = performance.timeOrigin + performance.now()
                const data = String(e.data)
                if (data.includes('"type":"pose"')) {
                  const t = /"t":(\d+(?:\.\d+)?)/.exec(data)?.[1]
                  if (t) w.__poseReceivedAt[t] = at
                }
                handler.call(this, e)
              }),
          )
        },
      })
    })
    await trainer.goto(`${origin}/console.html`)
    await trainer.getByLabel('Code uit de bril').fill(code)
    await trainer.getByRole('button', { name: 'Koppel' }).click()
    await trainer.getByTestId('console-headset').filter({ hasText: 'Bril verbonden' }).waitFor()

    await headset.setViewportSize(headsetViewport)
    await headset.getByRole('button', { name: 'Start in de VR-bril' }).click()
    await headset.waitForFunction(() => (window as unknown as { __perspectiefRoomCost?: unknown }).__perspectiefRoomCost !== undefined)
    await headset.waitForTimeout(2000) // the scene's first frames (shader compiles) are not streaming cost

    const costOver = async (page: Page, cdp: CDPSession, rendererPid: number | null) => {
      const read = () => page.evaluate(() => ({ ...(window as unknown as { __perspectiefRoomCost: { frames: number; totalMs: number; sent: number } }).__perspectiefRoomCost }))
      const before = await read()
      const wait = () => page.waitForTimeout(costSeconds * 1000)
      const cpu: CpuWindow = await cpuInSource(cdp, rendererPid, dist, roomPoseLines(), wait)
      const after = await read()
      const frames = after.frames - before.frames
      return { frames, sent: after.sent - before.sent, perFrameMs: (after.totalMs - before.totalMs) / Math.max(1, frames), cpu, cpuPerFrameMs: cpu.insideCpuMs / Math.max(1, frames) }
    }
    // Latency over the measured window only: the first poses after entering VR meet the console's first render of
    // the scene (shader compiles), a one-off a trainer sees once per session.
    const windowStart = (await headset.evaluate(() => performance.timeOrigin + performance.now())) as number
    await headset.waitForTimeout(seconds * 1000)
    const sentAt = (await headset.evaluate('window.__poseSentAt')) as Record<string, number>
    const receivedAt = (await trainer.evaluate('window.__poseReceivedAt')) as Record<string, number>
    // The cost: with the console still paired but frozen (Chromium's page lifecycle: no script, no rendering), so
    // that its software-rendered mirror does not compete for this machine's two cores while the headset's frame
    // callback is timed. In the room the console is another computer. Then without a console: the same counter
    // over the same time, as the base.
    const cdp = await consoleContext.newCDPSession(trainer)
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })
    const undoPin = pinGpuApart()
    const rendererPid = await busiestRenderer(headsetRenderers, () => headset.waitForTimeout(1000))
    const headsetCdp = await headsetContext.newCDPSession(headset)
    const live = await costOver(headset, headsetCdp, rendererPid)
    await consoleContext.close() // the console leaves; the headset's link is no longer live
    await headset.waitForTimeout(1000)
    const alone = await costOver(headset, headsetCdp, rendererPid)
    undoPin?.()
    const isolated = await headset.evaluate(() => crossOriginIsolated)

    // An extra cost per frame drawn with a console, as a cost per pose sent.
    const perSend = (extraPerFrameMs: number) => (extraPerFrameMs * live.frames) / Math.max(1, live.sent)
    const latencies = Object.entries(sentAt)
      .filter(([t, at]) => at >= windowStart && receivedAt[t] !== undefined)
      .map(([t, at]) => receivedAt[t]! - at)
      .sort((a, b) => a - b)
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
    return {
      seconds,
      posesSent: Object.values(sentAt).filter((at) => at >= windowStart).length,
      posesMatched: latencies.length,
      latencyP50Ms: at(0.5),
      latencyP95Ms: at(0.95),
      latencyMaxMs: latencies.at(-1) ?? NaN,
      live,
      alone,
      // The figure: V8's samples inside the pose hook × their mean interval, per pose sent.
      cpuExtraPerSendMs: perSend(live.cpuPerFrameMs - alone.cpuPerFrameMs),
      cpuExtraPerFrameAt72HzMs: perSend(live.cpuPerFrameMs - alone.cpuPerFrameMs) * (30 / 72),
      // The hook's own wall-clock counter, for comparison: it includes pre-emptions that fall inside the callback.
      extraPerFrameMs: live.perFrameMs - alone.perFrameMs,
      // The emulated headset draws far fewer frames a second than a Quest (software WebGL), and sends a pose on
      // nearly every one; on the headset 30 of its 72 frames a second send. So: the extra cost of one sending frame,
      // and what that averages to per frame at 72 Hz.
      extraPerSendMs: perSend(live.perFrameMs - alone.perFrameMs),
      extraPerFrameAt72HzMs: perSend(live.perFrameMs - alone.perFrameMs) * (30 / 72),
      // Without cross-origin isolation Chromium coarsens performance.now() to 100 µs; averages over many frames
      // still come out unbiased, single frames do not.
      timerResolutionUs: isolated ? 5 : 100,
      gpuOnItsOwnCore: undoPin !== null,
    }
  } finally {
    await browser.close()
  }
}

/** The lines of `RoomPose` in src/xr/roomLink.tsx (the pose hook whose per-frame callback streams), read from the source. */
function roomPoseLines() {
  const lines = readFileSync(join(repoRoot, 'src/xr/roomLink.tsx'), 'utf8').split('\n')
  const from = lines.findIndex((l) => l.startsWith('export function RoomPose')) + 1
  const to = lines.findIndex((l, i) => i >= from && l === '}') + 1
  if (from === 0 || to === 0) throw new Error('src/xr/roomLink.tsx: RoomPose not found; the bench looks for it by name')
  return { source: 'xr/roomLink.tsx', from, to }
}

/** This browser's page renderers (not its own WebUI). */
function renderers(): number[] {
  return ourProcesses()
    .filter((r) => r.args.includes('--type=renderer') && !r.args.includes('--top-chrome-webui'))
    .map((r) => r.pid)
}

/** Of `pids`, the renderer whose main thread ran most over `wait`; null where /proc cannot be read. */
async function busiestRenderer(pids: number[], wait: () => Promise<void>): Promise<number | null> {
  const before = new Map(pids.map((pid) => [pid, mainThreadCpuMs(pid)]))
  await wait()
  let best: { pid: number; ran: number } | null = null
  for (const pid of pids) {
    const a = before.get(pid)
    const b = mainThreadCpuMs(pid)
    if (a == null || b === null) continue
    if (!best || b - a > best.ran) best = { pid, ran: b - a }
  }
  return best?.pid ?? null
}

/** This bench's own processes: the browser it launched and its helpers (nothing else runs meanwhile). */
function ourProcesses(): { pid: number; ppid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)
      return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }] : []
    })
  const ours = new Set([process.pid])
  for (let before = 0; before !== ours.size; ) {
    before = ours.size
    for (const r of rows) if (ours.has(r.ppid)) ours.add(r.pid)
  }
  return rows.filter((r) => ours.has(r.pid) && r.pid !== process.pid)
}

/**
 * Puts every thread of this bench's browser's GPU process on the last core, so that its software renderer (raised
 * priority, busy every frame) no longer pre-empts the pages' main threads on the others; on a headset a GPU renders.
 * Returns the undo, or null where it cannot (not Linux, no `taskset`, one core): the frame rate is then less steady,
 * and the wall-clock counter beside the figure counts more pre-emptions.
 */
function pinGpuApart(): (() => void) | null {
  try {
    const cores = availableParallelism()
    if (cores < 2) return null
    const gpu = ourProcesses()
      .filter((r) => r.args.includes('--type=gpu-process'))
      .map((r) => r.pid)
    const pin = (pid: number, list: string) => execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', list, String(pid)], { stdio: 'ignore' })
    if (gpu.length === 0) return null
    for (const pid of gpu) pin(pid, String(cores - 1))
    return () => {
      for (const pid of gpu) {
        try {
          pin(pid, `0-${cores - 1}`)
        } catch {
          // the browser has closed meanwhile
        }
      }
    }
  } catch {
    return null
  }
}
