import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from '@playwright/test'
import { SourceMapConsumer } from 'source-map-js'

/**
 * CPU time a page's main thread spends inside one part of the app's source, over a window, measured by V8's
 * sampling profiler (through CDP), not by the app.
 *
 * Why not the time between two `performance.now()` calls around the part: that is wall time, and on a loaded
 * machine a pre-emption that falls between them counts as the part's work. V8's sampler interrupts the thread with a
 * signal at a fixed interval; a thread that is waiting pre-empted takes at most one pending signal, so pre-empted
 * time yields (nearly) no samples. Samples inside the part × the mean interval between samples is then the part's
 * time on a CPU. It errs high, never low: pre-emptions thin the samples and so lengthen the mean interval. The
 * kernel's count of the thread's CPU time (Linux schedstat) is kept beside it for scale.
 */
export interface CpuWindow {
  /** Wall time the profiler ran, ms. */
  windowMs: number
  /** All samples taken (idle ones too). */
  samples: number
  /** Samples with the part of the source on the stack. */
  insideSamples: number
  /** insideSamples × windowMs / samples. */
  insideCpuMs: number
  /** The thread's whole CPU time over the window, ms, from the kernel; null where /proc is not readable. */
  threadCpuMs: number | null
}

/** The main thread's CPU time, ms, from the kernel's scheduler statistics; null where unreadable (not Linux). */
export function mainThreadCpuMs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
  } catch {
    return null
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

/** Lines `from`..`to` (1-based, inclusive) of a source file named by a path ending, e.g. `xr/roomLink.tsx`. */
export interface SourcePart {
  source: string
  from: number
  to: number
}

/**
 * Samples the page while `wait` runs and counts the samples that have a function of `part.source` (a path ending,
 * e.g. `xr/roomLink.tsx`) between lines `from` and `to` on their stack (of any of the parts, where several are
 * given), found through the build's source maps in `dist`; the kernel's CPU count is read for `rendererPid` where
 * given.
 */
export async function cpuInSource(
  cdp: CDPSession,
  rendererPid: number | null,
  dist: string,
  part: SourcePart | readonly SourcePart[],
  wait: () => Promise<void>,
): Promise<CpuWindow> {
  const parts: readonly SourcePart[] = Array.isArray(part) ? part : [part as SourcePart]
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const before = rendererPid === null ? null : mainThreadCpuMs(rendererPid)
  await wait()
  const after = rendererPid === null ? null : mainThreadCpuMs(rendererPid)
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.send('Profiler.disable')

  const maps = new Map<string, SourceMapConsumer | null>()
  const mapOf = (url: string) => {
    const file = url.split('/').pop() ?? ''
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMapConsumer(JSON.parse(readFileSync(join(dist, 'assets', `${file}.map`), 'utf8'))))
      } catch {
        maps.set(file, null)
      }
    }
    return maps.get(file) ?? null
  }
  const nodes = new Map<number, ProfileNode>((profile.nodes as ProfileNode[]).map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id)
  const inPart = new Map<number, boolean>()
  const isPart = (n: ProfileNode) => {
    // Frames without a place in a file (natives, the profiler's own entries) have line -1.
    const map = n.callFrame.url.endsWith('.js') && n.callFrame.lineNumber >= 0 ? mapOf(n.callFrame.url) : null
    if (!map) return false
    const at = map.originalPositionFor({ line: n.callFrame.lineNumber + 1, column: n.callFrame.columnNumber })
    return parts.some((p) => at.source?.endsWith(p.source) === true && at.line >= p.from && at.line <= p.to)
  }
  const under = (id: number): boolean => {
    const known = inPart.get(id)
    if (known !== undefined) return known
    const n = nodes.get(id)!
    const p = parent.get(id)
    const result = isPart(n) || (p !== undefined && under(p))
    inPart.set(id, result)
    return result
  }
  const samples = profile.samples ?? []
  const insideSamples = samples.filter(under).length
  const windowMs = (profile.endTime - profile.startTime) / 1000
  return {
    windowMs,
    samples: samples.length,
    insideSamples,
    insideCpuMs: samples.length === 0 ? 0 : (insideSamples * windowMs) / samples.length,
    threadCpuMs: before === null || after === null ? null : after - before,
  }
}
