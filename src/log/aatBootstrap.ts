/**
 * Uncertainty of one session's double difference: a percentile bootstrap that resamples the kept RTs within each
 * cell (the cells are scored separately, so they are resampled separately). It says how much the score would move
 * with other trials of the same session; it is not a test-retest reliability, which one session cannot give.
 *
 * Seeded (mulberry32, seed 1, as `mulberry32` in stats.ts) and exact: every resample draws every kept trial of every cell, so the interval of
 * a 50,000-trial file is as sound as that of a 100-trial one. The loop is written for speed (typed arrays, no
 * array or object per resample) but draws the same numbers in the same order and sums them in the same order as
 * the plain form (`Array.from` + `mean` per cell), so it gives bit for bit the same interval (aatBootstrap.test.ts).
 * The debrief runs it in its import worker, off the page's main thread (src/debrief/README.md).
 */
import { aatCells, doubleDifference, preprocessAatSession, type AatCell, type AatScoreOptions, type PerCell } from './aatScore.ts'
import type { DrillTrialRow } from './drillTrial.ts'
import { mean, percentile } from './stats.ts'

export interface DdInterval {
  lower: number
  upper: number
  level: number
  iterations: number
}

export interface DdBootstrapOptions {
  iterations?: number
  seed?: number
  level?: number
}

/** The bootstrap on the kept RTs per cell (as `preprocessAatSession` gives them); null when a cell has fewer than two. */
export function bootstrapKeptDoubleDifference(kept: PerCell<readonly number[]>, options: DdBootstrapOptions = {}): DdInterval | null {
  const { iterations = 2000, seed = 1, level = 0.95 } = options
  // Two kept trials per cell at least: with one, every resample of that cell is the same number.
  if (aatCells.some((cell) => kept[cell].length < 2)) return null
  // mulberry32 (engine/drill/seededRandom.ts), written out in the loop: the same numbers, a quarter faster.
  let state = seed >>> 0
  const values = aatCells.map((cell) => Float64Array.from(kept[cell]))
  const longest = Math.max(...values.map((v) => v.length))
  // The indices drawn for the current cell, kept only for the rare resample whose plain sum overflows.
  const drawn = new Int32Array(longest)
  const means = { 'alcohol-push': 0, 'alcohol-pull': 0, 'soft-push': 0, 'soft-pull': 0 } as Record<AatCell, number | null>
  const scores: number[] = new Array<number>(iterations)
  for (let i = 0; i < iterations; i++) {
    for (let c = 0; c < aatCells.length; c++) {
      const cell = values[c]!
      const n = cell.length
      let total = 0
      for (let j = 0; j < n; j++) {
        state = (state + 0x6d2b79f5) >>> 0
        let t = state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        const k = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
        drawn[j] = k
        total += cell[k]!
      }
      // `mean` sums in the same order; it only differs where the plain sum overflows, and then it is used itself.
      means[aatCells[c]!] = Number.isFinite(total) ? total / n : mean(Array.from(drawn.subarray(0, n), (k) => cell[k]!))
    }
    scores[i] = doubleDifference(means)!
  }
  const tail = (1 - level) / 2
  return { lower: percentile(scores, tail)!, upper: percentile(scores, 1 - tail)!, level, iterations }
}

export function bootstrapDoubleDifference(rows: readonly DrillTrialRow[], options: AatScoreOptions & DdBootstrapOptions = {}): DdInterval | null {
  const { cells } = preprocessAatSession(rows, options)
  return bootstrapKeptDoubleDifference({ 'alcohol-push': cells['alcohol-push'].kept, 'alcohol-pull': cells['alcohol-pull'].kept, 'soft-push': cells['soft-push'].kept, 'soft-pull': cells['soft-pull'].kept }, options)
}
