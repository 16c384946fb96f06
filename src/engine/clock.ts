/** Where the runtime gets time from. Tests pass a manual clock; the app uses the real one. */
export interface SessionClock {
  /** Epoch ms; survives reloads, so absolute deadlines do too. */
  now(): number
  /** High-resolution ms on the same clock as `event.timeStamp` (resets on reload). */
  perf(): number
  /** Calls `fn` after `ms` of this clock's time; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void
}

export const realClock: SessionClock = {
  now: () => Date.now(),
  perf: () => performance.now(),
  schedule(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms))
    return () => clearTimeout(handle)
  },
}

/** A clock tests move by hand: `advance(ms)` fires whatever came due, in order. */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start
  let perf = 0
  const timers: { due: number; fn: () => void; id: number }[] = []
  let nextId = 0
  return {
    now: () => now,
    perf: () => perf,
    schedule(fn: () => void, ms: number) {
      const id = nextId++
      timers.push({ due: now + Math.max(0, ms), fn, id })
      return () => {
        const i = timers.findIndex((t) => t.id === id)
        if (i >= 0) timers.splice(i, 1)
      }
    },
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        timers.sort((a, b) => a.due - b.due)
        const next = timers[0]
        if (!next || next.due > until) break
        timers.shift()
        perf += next.due - now
        now = next.due
        next.fn()
      }
      perf += until - now
      now = until
    },
  } satisfies SessionClock & { advance(ms: number): void }
}

/**
 * Test-mode speed from the page URL (`?speed=20`): scripted waits are divided by it.
 * Only honoured when the app was built or served with test mode on, so a client can never fast-forward a scene.
 */
export function timeScaleFrom(search: string, testMode: boolean): number {
  if (!testMode) return 1
  const speed = Number(new URLSearchParams(search).get('speed'))
  return Number.isFinite(speed) && speed >= 1 && speed <= 1000 ? speed : 1
}
