/**
 * Uncertainty of one session's double difference: a percentile bootstrap that resamples the kept RTs within each
 * cell (the cells are scored separately, so they are resampled separately). It says how much the score would move
 * with other trials of the same session; it is not a test-retest reliability, which one session cannot give.
 */
import { aatCells, doubleDifference, perCell, preprocessAatSession, type AatScoreOptions, type PerCell } from './aatScore.ts'
import type { DrillTrialRow } from './drillTrial.ts'
import { mean, mulberry32, percentile, randomInt } from './stats.ts'

export interface DdInterval {
  lower: number
  upper: number
  level: number
  iterations: number
}

export function bootstrapDoubleDifference(rows: readonly DrillTrialRow[], options: AatScoreOptions & { iterations?: number; seed?: number; level?: number } = {}): DdInterval | null {
  const { iterations = 2000, seed = 1, level = 0.95 } = options
  const { cells } = preprocessAatSession(rows, options)
  // Two kept trials per cell at least: with one, every resample of that cell is the same number.
  if (aatCells.some((cell) => cells[cell].kept.length < 2)) return null
  const rng = mulberry32(seed)
  const scores: number[] = []
  for (let i = 0; i < iterations; i++) {
    const means: PerCell<number | null> = perCell((cell) => {
      const kept = cells[cell].kept
      return mean(Array.from({ length: kept.length }, () => kept[randomInt(rng, kept.length)]!))
    })
    scores.push(doubleDifference(means)!)
  }
  const tail = (1 - level) / 2
  return { lower: percentile(scores, tail)!, upper: percentile(scores, 1 - tail)!, level, iterations }
}
