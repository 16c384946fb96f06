/**
 * Deterministic randomness for figure animation: every figure gets its own phases and blink times from a seed, so
 * two figures never breathe or blink in step, and the same figure moves the same way in every run (tests, bench).
 */

/** A 32-bit seed from a string (FNV-1a), e.g. a figure's look as JSON. */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small, fast generator of numbers in [0, 1) with a 32-bit state; the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
