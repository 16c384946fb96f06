import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { loadOrCreateCert } from '../room/cert.ts'
import { createRoomServer } from '../room/server.ts'

/**
 * The room relay under load on loopback: `rooms` headsets each paired with a console by code, every headset sending
 * its pose `hz` times a second for `seconds`, through the real room server (TLS, WebSocket, zod checks). Latency is
 * headset send → console receive, both in this process on one clock. Bounded: it stops by itself after `seconds`.
 */
export async function roomLoad({ rooms, hz, seconds, dist }: { rooms: number; hz: number; seconds: number; dist: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-bench-cert-'))
  const { key, cert } = await loadOrCreateCert(dir)
  const { app, relay } = await createRoomServer({ dist, key, cert })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `wss://127.0.0.1:${(app.server.address() as AddressInfo).port}/room`
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { rejectUnauthorized: false })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })
  const next = (ws: WebSocket, type: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const on = (data: WebSocket.RawData) => {
        const f = JSON.parse(data.toString()) as Record<string, unknown>
        if (f.type === type) {
          ws.off('message', on)
          resolve(f)
        }
      }
      ws.on('message', on)
    })
  const pairs: { headset: WebSocket; console: WebSocket }[] = []
  for (let i = 0; i < rooms; i++) {
    const headset = await open()
    const code = next(headset, 'code')
    headset.send(JSON.stringify({ type: 'hello', role: 'headset' }))
    const console = await open()
    const paired = next(console, 'paired')
    console.send(JSON.stringify({ type: 'join', code: (await code).code }))
    await paired
    pairs.push({ headset, console })
  }
  const latencies: number[] = []
  let received = 0
  for (const { console } of pairs) {
    console.on('message', (data) => {
      const f = JSON.parse(data.toString()) as { type: string; t: number }
      if (f.type !== 'pose') return
      received++
      latencies.push(performance.now() - f.t)
    })
  }
  const heap = () => {
    global.gc?.()
    return process.memoryUsage().heapUsed
  }
  const memory: number[] = []
  let sent = 0
  const started = performance.now()
  const timers = pairs.map(({ headset }, i) =>
    setTimeout(() => {
      const interval = setInterval(() => {
        sent++
        headset.send(JSON.stringify({ type: 'pose', t: performance.now(), p: [0.1 * i, 1.2, 0], q: [0, Math.sin(sent / 50), 0, Math.cos(sent / 50)] }))
      }, 1000 / hz)
      timers2.push(interval)
    }, (i * 1000) / hz / rooms),
  )
  const timers2: ReturnType<typeof setInterval>[] = []
  const sampler = setInterval(() => memory.push(heap()), 5000)
  await new Promise((r) => setTimeout(r, seconds * 1000))
  for (const t of [...timers, ...timers2]) clearTimeout(t)
  clearInterval(sampler)
  const elapsed = (performance.now() - started) / 1000
  await new Promise((r) => setTimeout(r, 300))
  for (const { headset, console } of pairs) {
    headset.close()
    console.close()
  }
  await app.close()
  rmSync(dir, { recursive: true, force: true })
  latencies.sort((a, b) => a - b)
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
  // Memory: the heap in the second half against the first (after warm-up), in MiB.
  const half = Math.floor(memory.length / 2)
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
  return {
    rooms,
    hz,
    seconds: Math.round(elapsed),
    sent,
    received,
    lost: sent - received,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    heapMiB: memory.map((b) => +(b / 2 ** 20).toFixed(1)),
    heapGrowthMiB: +((mean(memory.slice(half)) - mean(memory.slice(1, half))) / 2 ** 20).toFixed(2),
    dropped: relay.stats().dropped,
  }
}
