import { describe, expect, it } from 'vitest'
import { circlesOffset } from './circlesPair.ts'

describe('circlesOffset', () => {
  it('goes from apart (no overlap) to almost one circle, a step at a time', () => {
    const offsets = [1, 2, 3, 4, 5, 6, 7].map((s) => circlesOffset(s, 7))
    expect(offsets[0]).toBeGreaterThan(1) // centres more than one radius from the middle: the circles do not touch
    expect(offsets[6]).toBeLessThan(0.2)
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeLessThan(offsets[i - 1]!)
  })
})
