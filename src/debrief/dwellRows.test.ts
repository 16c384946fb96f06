import { describe, expect, it } from 'vitest'
import { dwellOf, noneTarget } from './sessionFacts.ts'

const record = (beat: string, durationMs: number, shares: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  type: 'head.dwell',
  data: { beat, durationMs, peakYawSpeedDegS: 0, targets: Object.fromEntries(Object.entries(shares).map(([k, share]) => [k, { share, firstLookMs: null, lookAways: 0, peakYawSpeedDegS: 0 }])), ...extra },
})

describe('the debrief’s dwell rows', () => {
  it('give every beat a row that sums to 100% with "none of these" as the rest', () => {
    const { rows, beats } = dwellOf([record('a', 1000, { door: 0.25, parents: 0.5 }, { noneShare: 0.25, missingMs: 0 })])
    expect(rows).toEqual([
      { beat: 'a', target: 'door', share: 0.25 },
      { beat: 'a', target: 'parents', share: 0.5 },
      { beat: 'a', target: noneTarget, share: 0.25 },
    ])
    expect(beats).toEqual([{ beat: 'a', measuredMs: 1000, missingMs: 0, resumed: false, overlapping: false }])
  })

  it('show a beat that spans a reload once, with its time not measured', () => {
    const { rows, beats } = dwellOf([record('a', 3000, { door: 1 }, { missingMs: 2500, resumed: true }), record('b', 1000, { door: 0 })])
    expect(beats.filter((b) => b.beat === 'a')).toEqual([{ beat: 'a', measuredMs: 3000, missingMs: 2500, resumed: true, overlapping: false }])
    expect(rows.filter((r) => r.beat === 'a')).toHaveLength(2)
  })

  it('join the parts of a beat logged as separate records into one beat, shares weighted by measured time, marked as cut', () => {
    const { rows, beats } = dwellOf([record('a', 1000, { door: 1 }), record('a', 3000, { door: 0 })])
    expect(beats).toEqual([{ beat: 'a', measuredMs: 4000, missingMs: 0, resumed: true, overlapping: false }])
    expect(rows).toEqual([
      { beat: 'a', target: 'door', share: 0.25 },
      { beat: 'a', target: noneTarget, share: 0.75 },
    ])
  })
})

describe('dwell shares logged to three decimals', () => {
  it('scale a row that rounding took just over 100% back to 100%, without calling it overlapping', () => {
    // 0.4375 and 0.5625 are logged as 0.438 and 0.563: 100.1% between them.
    const { rows, beats } = dwellOf([record('a', 1600, { door: 0.438, parents: 0.563 })])
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12)
    expect(rows.at(-1)).toEqual({ beat: 'a', target: noneTarget, share: 0 })
    expect(beats[0]!.overlapping).toBe(false)
  })
})
