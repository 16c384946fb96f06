/**
 * The jaw with the voice: opens with the loudness of the figure's line, fast on a syllable's onset and closing over
 * about 100 ms after it, as a jaw does; a jaw that followed the raw level would chatter at the frame rate.
 */
export interface JawOptions {
  /** Seconds to go 63 % of the way when the voice gets louder. Default 0.03 (a syllable's onset is sudden). */
  attack?: number
  /** Seconds to go 63 % of the way when it gets quieter. Default 0.1. */
  release?: number
  /** Loudness (0..1) at which the jaw is fully open; louder is clamped. Default 0.8. */
  fullAt?: number
}

export const jawDefaults: Required<JawOptions> = { attack: 0.03, release: 0.1, fullAt: 0.8 }

export interface JawFollower {
  /** Follows `loudness` (0..1) for `delta` seconds; returns the jaw's opening, 0 closed … 1 open. */
  step(loudness: number, delta: number): number
  readonly value: number
}

export function createJawFollower(options: JawOptions = {}): JawFollower {
  const o = { ...jawDefaults, ...options }
  let value = 0
  return {
    get value() {
      return value
    },
    step(loudness, delta) {
      const target = Math.min(1, Math.max(0, (Number.isFinite(loudness) ? loudness : 0) / o.fullAt))
      const tau = target > value ? o.attack : o.release
      value += (target - value) * (1 - Math.exp(-Math.max(0, delta) / Math.max(1e-4, tau)))
      return value
    },
  }
}
