import { describe, expect, it } from 'vitest'
import { createJawFollower } from './jawFollower.ts'

const steps = (jaw: ReturnType<typeof createJawFollower>, loudness: number, seconds: number, fps = 90) => {
  for (let i = 0; i < seconds * fps; i++) jaw.step(loudness, 1 / fps)
  return jaw.value
}

describe('jaw follower', () => {
  it('stays closed without a voice', () => {
    expect(steps(createJawFollower(), 0, 2)).toBe(0)
  })

  it('opens fast (attack 30 ms) and closes in about 100 ms (release)', () => {
    const jaw = createJawFollower()
    expect(steps(jaw, 0.8, 0.09)).toBeGreaterThan(0.9) // three attack time constants
    expect(steps(jaw, 0.8, 1)).toBeCloseTo(1, 6)
    expect(steps(jaw, 0, 0.1)).toBeGreaterThan(0.3) // one release time constant leaves about 37 %
    expect(jaw.value).toBeLessThan(0.45)
    expect(steps(jaw, 0, 0.3)).toBeLessThan(0.03)
  })

  it('opens in proportion to the loudness, fully at 0.8, and ignores nonsense', () => {
    expect(steps(createJawFollower(), 0.4, 1)).toBeCloseTo(0.5, 6)
    expect(steps(createJawFollower(), 3, 1)).toBeCloseTo(1, 6)
    expect(steps(createJawFollower(), Number.NaN, 1)).toBe(0)
  })
})
