import { describe, expect, it } from 'vitest'
import { activeDurationMs, resumeCount } from './sessionTime.ts'

const at = (...ts: number[]) => ts.map((t) => ({ t }))

describe('session time', () => {
  it('one page: no resume, duration first to last', () => {
    expect(resumeCount(at(100, 200, 900))).toBe(0)
    expect(activeDurationMs(at(100, 200, 900))).toBe(800)
  })

  it('a clock that starts again marks a resume; the time between pages does not count', () => {
    const events = at(1000, 5000, 9000, 300, 2300, 50, 150)
    expect(resumeCount(events)).toBe(2)
    expect(activeDurationMs(events)).toBe(8000 + 2000 + 100)
  })

  it('an empty log has no time', () => {
    expect(resumeCount([])).toBe(0)
    expect(activeDurationMs([])).toBe(0)
  })
})
