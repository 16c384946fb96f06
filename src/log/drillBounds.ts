/**
 * What a drill trial's numbers can mean, shared by the importer (which refuses a file that breaks them) and the
 * scorer (which never lets a value outside them into a statistic). See src/log/README.md.
 */

/** The largest response window a scene may set (`drill.timeoutMs` in the scene schema: 500–10 000 ms). */
export const maxSceneTimeoutMs = 10_000

/**
 * How far past its timeout a response may still land. The deadline is armed when the app learns the picture is
 * up (a frame after onset at most) and fires from a timer that a busy phone can run late; a swipe finished in
 * that gap is kept. Half a second covers both with room; anything later cannot come from the drill.
 */
export const timeoutSlackMs = 500

/** Rounding the app applies to every time it logs (1 µs); two rounded times differ from their rounded difference by at most this. */
export const timeRoundingMs = 0.01

/** The longest RT a trial can have: its timeout (or, when the file does not say, the largest any scene allows) plus the slack. */
export function rtLimitMs(timeoutMs: number | null | undefined): number {
  const base = typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.min(timeoutMs, maxSceneTimeoutMs) : maxSceneTimeoutMs
  return base + timeoutSlackMs
}

/** The timeout the drill planned with, where its `drill.planned` event records it (files from before it did not). */
export function plannedTimeoutMs(events: readonly { type: string; data: unknown }[]): number | null {
  const planned = events.find((e) => e.type === 'drill.planned')
  const value = (planned?.data as { timeoutMs?: unknown } | undefined)?.timeoutMs
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null
}
