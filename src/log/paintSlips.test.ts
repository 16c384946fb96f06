import { describe, expect, it } from 'vitest'
import type { DrillTrialRow } from './drillTrial.ts'
import { paintSlips } from './paintSlips.ts'

const row = (onset: number, painted: number | null, frame: number | null = 16.7): DrillTrialRow => ({
  subject: 'T1', session: 1, task: 'alcohol-aat', mode: 'training', block: 'training', trial: 1, attempt: 1, stimulus: 'a', category: 'alcohol', required: 'push',
  response: 'push', correct: true, onset_ms: onset, touchdown_ms: onset + 400, initiation_ms: onset + 450, completion_ms: onset + 600,
  rt_initiation_ms: 450, rt_completion_ms: 600, frame_interval_ms: frame, painted_ms: painted,
})

describe('paintSlips', () => {
  it('counts pictures painted a frame or more later than the session usually takes', () => {
    // Delays 10, 11, 12, 12, 40 ms: the median is 12; only 40 − 12 = 28 ≥ 16.7 is late. 12 + 16.6 = 28.6 would not be.
    const rows = [row(1000, 1010), row(2000, 2011), row(3000, 3012), row(4000, 4012), row(5000, 5040)]
    expect(paintSlips(rows)).toEqual({ reported: 5, usualDelayMs: 12, late: 1 })
    expect(paintSlips([...rows.slice(0, 4), row(5000, 5028.6)]).late).toBe(0)
  })

  it('uses each trial’s own frame interval (a 30 Hz phone has 33 ms frames)', () => {
    const rows = [row(0, 20, 33.3), row(100, 120, 33.3), row(200, 250, 33.3)]
    // Median delay 20; 50 − 20 = 30 < 33.3: not late.
    expect(paintSlips(rows).late).toBe(0)
  })

  it('reports nothing where the browser gave no paint times, and ignores rows without one', () => {
    expect(paintSlips([row(0, null), row(100, null)])).toEqual({ reported: 0, usualDelayMs: null, late: 0 })
    expect(paintSlips([row(0, null), row(100, 110)])).toEqual({ reported: 1, usualDelayMs: 10, late: 0 })
  })
})
