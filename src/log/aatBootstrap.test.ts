import { describe, expect, it } from 'vitest'
import { drillRows } from './drillRows.ts'
import { aatCells, doubleDifference, perCell, preprocessAatSession, scoreAatSession, type PerCell } from './aatScore.ts'
import { bootstrapDoubleDifference, bootstrapKeptDoubleDifference } from './aatBootstrap.ts'
import { mean, mulberry32, percentile, randomInt } from './stats.ts'
import { drillBundle } from '../../test/fixtures/sampleBundles.ts'

const rowsOf = (trials: number, alcoholPullShift = 0) => drillRows(drillBundle({ trials, alcoholPullShift }).events, { clientCode: 'AB12', sessionNumber: 1, sceneId: 'alcohol-aat', mode: 'assessment' })

/** The bootstrap as it was first written (one array and one object per resample): the fast loop must match it bit for bit. */
function plainBootstrap(kept: PerCell<readonly number[]>, iterations: number, seed: number, level = 0.95) {
  const rng = mulberry32(seed)
  const scores: number[] = []
  for (let i = 0; i < iterations; i++) {
    const means = perCell((cell) => mean(Array.from({ length: kept[cell].length }, () => kept[cell][randomInt(rng, kept[cell].length)]!)))
    scores.push(doubleDifference(means)!)
  }
  const tail = (1 - level) / 2
  return { lower: percentile(scores, tail)!, upper: percentile(scores, 1 - tail)!, level, iterations }
}

describe('bootstrap interval of one session’s double difference', () => {
  it('holds the session’s own DD, and is the same for the same seed', () => {
    const rows = rowsOf(80)
    const dd = scoreAatSession(rows).doubleDifference.mean!
    const ci = bootstrapDoubleDifference(rows)!
    expect(ci.lower).toBeLessThanOrEqual(dd)
    expect(ci.upper).toBeGreaterThanOrEqual(dd)
    expect(ci.upper).toBeGreaterThan(ci.lower)
    expect(bootstrapDoubleDifference(rows)).toEqual(ci)
  })

  it('is null when a cell has fewer than two kept trials', () => {
    expect(bootstrapDoubleDifference(rowsOf(4))).toBeNull()
  })

  it('gives bit for bit the interval of the plain resampling loop, for any seed and size', () => {
    for (const [trials, seed, iterations] of [[40, 1, 2000], [100, 7, 500], [1000, 12345, 300], [4003, 2 ** 31, 50]] as const) {
      const rows = rowsOf(trials, 25)
      const { cells } = preprocessAatSession(rows)
      const kept = perCell((cell) => cells[cell].kept)
      expect(bootstrapDoubleDifference(rows, { seed, iterations })).toEqual(plainBootstrap(kept, iterations, seed))
    }
  })

  it('matches the plain loop where a cell’s sum overflows a double', () => {
    const kept = perCell((cell) => (cell === 'alcohol-pull' ? [1e308, 1.5e308, 1.7e308] : [400, 500, 600, 700]))
    expect(bootstrapKeptDoubleDifference(kept, { iterations: 200, seed: 3 })).toEqual(plainBootstrap(kept, 200, 3))
    expect(aatCells.length).toBe(4)
  })
})
