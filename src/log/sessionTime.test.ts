import { describe, expect, it } from 'vitest'
import { activeDurationMs, beatSpans, pauseSpans, resumeCount, resumeMarks, sessionTimes } from './sessionTime.ts'

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

describe('session time across page loads', () => {
  // A session resumed twice. Page 1: perf clock 1000 → 9000. Page 2 (reload): 300 → 2300. Page 3: 50 → 1050.
  // Session time: page 1 runs 0–8000, page 2 8000–10000, page 3 10000–11000.
  const event = (t: number, type: string, data: Record<string, unknown> = {}) => ({ t, type, data })
  const events = [
    event(1000, 'beat.entered', { beat: 'intro' }),
    event(4000, 'beat.entered', { beat: 'fight' }),
    event(5000, 'safety.paused', { beat: 'fight', reason: 'trainer' }),
    event(6500, 'safety.resumed', { beat: 'fight', pausedMs: 1500 }),
    event(9000, 'beat.entered', { beat: 'ask' }),
    // reload: the page clock starts again, the beat "ask" is entered again on the new page
    event(300, 'beat.entered', { beat: 'ask' }),
    event(2300, 'beat.entered', { beat: 'thanks' }),
    // reload again, mid "thanks"
    event(50, 'beat.entered', { beat: 'thanks' }),
    event(1050, 'session.completed', { beat: 'thanks' }),
  ]

  it('adds each page to the ones before it, so time never goes back', () => {
    expect(sessionTimes(events)).toEqual([0, 3000, 4000, 5500, 8000, 8000, 10000, 10000, 11000])
    expect(sessionTimes(events).at(-1)).toBe(activeDurationMs(events))
  })

  it('marks each resume where it happened on session time', () => {
    expect(resumeMarks(events)).toEqual([8000, 10000])
  })

  it('gives beats that start at 0 or later and never overlap the next, the last one ending with the session; a beat entered again after a reload is one bar', () => {
    const spans = beatSpans(events)
    expect(spans).toEqual([
      { beat: 'intro', fromMs: 0, toMs: 3000 },
      { beat: 'fight', fromMs: 3000, toMs: 8000 },
      { beat: 'ask', fromMs: 8000, toMs: 10000 },
      { beat: 'thanks', fromMs: 10000, toMs: 11000 },
    ])
    for (const [i, s] of spans.entries()) {
      expect(s.fromMs).toBeGreaterThanOrEqual(0)
      expect(s.toMs).toBeGreaterThanOrEqual(s.fromMs)
      if (spans[i + 1]) expect(s.toMs).toBeLessThanOrEqual(spans[i + 1]!.fromMs)
    }
  })

  it('puts a safety pause from its start to its resume on session time', () => {
    expect(pauseSpans(events)).toEqual([{ beat: 'fight', fromMs: 4000, toMs: 5500 }])
    // A pause that never went on lasts to the session's end.
    expect(pauseSpans(events.slice(0, 3))).toEqual([{ beat: 'fight', fromMs: 4000, toMs: 4000 }])
  })
})
