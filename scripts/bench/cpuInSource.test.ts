import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CDPSession } from '@playwright/test'
import { SourceMapGenerator } from 'source-map-js'
import { describe, expect, it } from 'vitest'
import { cpuInSource } from './cpuInSource.ts'

/** A build folder with one chunk whose map puts column 10 in roomLink.tsx line 170 and column 50 in another file. */
function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'cpu-in-source-'))
  const map = new SourceMapGenerator({ file: 'chunk.js' })
  map.addMapping({ generated: { line: 1, column: 10 }, original: { line: 170, column: 2 }, source: '../../src/xr/roomLink.tsx' })
  map.addMapping({ generated: { line: 1, column: 50 }, original: { line: 5, column: 0 }, source: '../../src/other.ts' })
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'assets/chunk.js.map'), map.toString())
  return dist
}

const frame = (functionName: string, url: string, columnNumber: number) => ({ functionName, url, lineNumber: 0, columnNumber, scriptId: '1' })

/** A CDP session that answers Profiler.stop with a fixed profile and everything else with nothing. */
function fakeCdp(profile: object): CDPSession {
  return { send: async (method: string) => (method === 'Profiler.stop' ? { profile } : {}) } as unknown as CDPSession
}

describe('cpuInSource', () => {
  it('counts the samples with the part on the stack, natives called from it included, times the mean interval', async () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1), children: [2, 4, 5, 6] },
        { id: 2, callFrame: frame('', 'http://localhost/assets/chunk.js', 10), children: [3] }, // the hook
        { id: 3, callFrame: frame('send', '', -1) }, // a native it calls
        { id: 4, callFrame: frame('render', 'http://localhost/assets/chunk.js', 50) }, // elsewhere
        { id: 5, callFrame: frame('(idle)', '', -1) },
        { id: 6, callFrame: { ...frame('(anon)', 'http://localhost/assets/chunk.js', 0), lineNumber: -1 } }, // no place
      ],
      // 10 samples over 10 ms: 4 with the hook on the stack (3, 3, 2, 2).
      samples: [3, 3, 2, 4, 5, 5, 6, 5, 4, 2],
      startTime: 0,
      endTime: 10_000,
    }
    const window = await cpuInSource(fakeCdp(profile), null, fakeDist(), { source: 'xr/roomLink.tsx', from: 160, to: 200 }, async () => {})
    expect(window).toEqual({ windowMs: 10, samples: 10, insideSamples: 4, insideCpuMs: 4, threadCpuMs: null })
  })

  it('does not count a function of the same file outside the lines asked for', async () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1), children: [2] },
        { id: 2, callFrame: frame('', 'http://localhost/assets/chunk.js', 10) },
      ],
      samples: [2, 2],
      startTime: 0,
      endTime: 2_000,
    }
    const window = await cpuInSource(fakeCdp(profile), null, fakeDist(), { source: 'xr/roomLink.tsx', from: 1, to: 100 }, async () => {})
    expect(window.insideSamples).toBe(0)
    expect(window.insideCpuMs).toBe(0)
  })

  it('counts a sample once when any of several parts is on its stack', async () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1), children: [2, 4] },
        { id: 2, callFrame: frame('', 'http://localhost/assets/chunk.js', 10), children: [3] }, // roomLink.tsx:170
        { id: 3, callFrame: frame('inner', 'http://localhost/assets/chunk.js', 50) }, // other.ts:5, called from it
        { id: 4, callFrame: frame('render', 'http://localhost/assets/chunk.js', 50) }, // other.ts:5 alone
      ],
      samples: [3, 3, 4, 1],
      startTime: 0,
      endTime: 4_000,
    }
    const parts = [
      { source: 'xr/roomLink.tsx', from: 160, to: 200 },
      { source: 'src/other.ts', from: 1, to: 10 },
    ]
    const window = await cpuInSource(fakeCdp(profile), null, fakeDist(), parts, async () => {})
    expect(window.insideSamples).toBe(3)
  })
})
