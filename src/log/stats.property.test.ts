/**
 * Property: for any finite input, every statistic and every score is finite or null (never NaN or Infinity), so
 * one value can never poison a cell, a session or the debrief.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bootstrapDoubleDifference } from './aatBootstrap.ts'
import { aatCells, scoreAatSession } from './aatScore.ts'
import type { DrillTrialRow } from './drillTrial.ts'
import { mad, mean, median, pearson, percentile, sampleSd } from './stats.ts'

const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
const finiteOrNull = (value: number | null) => value === null || Number.isFinite(value)

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (value && typeof value === 'object') return Object.values(value).some(hasNonFinite)
  return false
}

describe('statistics stay finite for any finite input', () => {
  it('mean, median, SD, MAD and percentiles', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        expect(finiteOrNull(mean(values))).toBe(true)
        expect(finiteOrNull(median(values))).toBe(true)
        expect(finiteOrNull(sampleSd(values))).toBe(true)
        expect(finiteOrNull(mad(values))).toBe(true)
        expect(finiteOrNull(percentile(values, p))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('Pearson r is within [−1, 1] or null', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { maxLength: 20 }), (pairs) => {
        const r = pearson(pairs.map((p) => p[0]), pairs.map((p) => p[1]))
        expect(r === null || (r >= -1 && r <= 1)).toBe(true)
      }),
    )
  })

  it('one huge value among ordinary ones leaves a finite mean and SD', () => {
    expect(mean([1e308, 1e308, 1e308])).toBe(1e308)
    expect(sampleSd([500, 1e308])).toBeGreaterThan(0)
    expect(Number.isFinite(sampleSd([-1.7e308, 1.7e308, 0]) ?? 0)).toBe(true)
  })
})

const rowArb: fc.Arbitrary<DrillTrialRow> = fc
  .record({
    block: fc.constantFrom('practice' as const, 'assessment' as const, 'training' as const),
    attempt: fc.integer({ min: 1, max: 3 }),
    cell: fc.constantFrom(...aatCells),
    correct: fc.boolean(),
    rt: fc.option(finite, { nil: null }),
    trial: fc.integer({ min: 1, max: 200 }),
  })
  .map(({ block, attempt, cell, correct, rt, trial }) => {
    const [category, required] = cell.split('-') as ['alcohol' | 'soft', 'push' | 'pull']
    return {
      subject: 'AB12', session: 1, task: 'alcohol-aat', mode: 'training', block, trial, attempt, stimulus: 's', category, required,
      response: correct ? required : 'none', correct, onset_ms: 0, touchdown_ms: rt, initiation_ms: rt, completion_ms: rt,
      rt_initiation_ms: rt, rt_completion_ms: rt, frame_interval_ms: 16.7, painted_ms: null,
    }
  })

describe('the session scores stay finite for any finite RTs', () => {
  it('scoreAatSession and the DD bootstrap', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        expect(hasNonFinite(scoreAatSession(rows))).toBe(false)
        expect(hasNonFinite(scoreAatSession(rows, { maxRtMs: Infinity, floorMs: 0 }).cells)).toBe(false)
        expect(hasNonFinite(bootstrapDoubleDifference(rows, { iterations: 50 }))).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})
