/**
 * Reliability of the drill's double-difference score (src/log/README.md, "Reliability and trends"): permutation split-half
 * with the Spearman-Brown correction, across sessions. Kept apart from the per-session scores in aatScore.ts.
 */
import { aatCells, doubleDifference, perCell, preprocessAatSession, type AatScoreOptions, type PerCell } from './aatScore.ts'
import type { DrillTrialRow } from './drillTrial.ts'
import { mean, mulberry32, pearson, percentile, shuffled, spearmanBrown, type Rng } from './stats.ts'

/**
 * Shown in the debrief where a one-session reliability might be expected. A split-half correlation correlates
 * the two half-scores across people (or sessions); one session gives one pair of numbers, and one pair has no
 * correlation.
 */
export const singleSessionReliabilityNote =
  'The reliability of one session cannot be computed: a split-half reliability compares half-scores across several sessions or people. ' +
  'One session is an unreliable measure (test-retest below .3); an average over several sessions is about .7. Read the trend, not one session.'

export interface SplitHalfOptions extends AatScoreOptions {
  /** Number of random splits (default 5000). Fewer make the estimate noisier, not biased. */
  splits?: number
  /** PRNG seed (default 1): the same sessions and seed always give the same estimate. */
  seed?: number
}

export type SplitHalfReliability =
  | {
      /** Mean over splits of the Spearman-Brown corrected correlation r_SB = 2r / (1 + r). */
      mean: number
      /** 2.5th and 97.5th percentile of r_SB over the splits: how much the estimate depends on the split. */
      lower: number
      upper: number
      /** Mean over splits of the uncorrected half-to-half correlation r. */
      meanR: number
      sessions: number
      splits: number
      /** Splits where r was undefined (half-scores without spread) and so left out of the mean. */
      undefinedSplits: number
      seed: number
      reason: null
    }
  | { mean: null; reason: string; sessions: number }

/** Each half of each cell needs two trials: with one, a half-score hangs on a single RT. */
const minTrialsPerHalf = 2

/** DD with means of one half of every cell; the halves are taken from a fresh shuffle of each cell. */
function halfScores(cells: PerCell<readonly number[]>, rng: Rng): [number, number] {
  const meansA = {} as PerCell<number | null>
  const meansB = {} as PerCell<number | null>
  for (const cell of aatCells) {
    // Stratified by cell: each cell is split on its own, so both halves hold all four cells in the same proportions.
    const order = shuffled(cells[cell], rng)
    const half = Math.floor(order.length / 2)
    meansA[cell] = mean(order.slice(0, half))
    meansB[cell] = mean(order.slice(half))
  }
  // The preconditions guarantee every half is non-empty, so both DDs are numbers.
  return [doubleDifference(meansA) as number, doubleDifference(meansB) as number]
}

function describeSession(rows: readonly DrillTrialRow[], index: number): string {
  const first = rows[0]
  return first ? `session ${index + 1} (${first.subject}, session ${first.session})` : `session ${index + 1} (no trials)`
}

/**
 * Permutation split-half reliability of the double difference (means), with the Spearman-Brown correction, over a
 * SET of sessions (of different people, or of one person on different days). This is the standard
 * across-participants split-half of Parsons' `splithalf` R package: for each of `splits` random splits, every
 * session's kept trials are split in two random halves within each cell, each half gives a DD score, the half-A
 * and half-B scores are correlated (Pearson) across sessions, and r is stepped up to full length with
 * r_SB = 2r / (1 + r). The result is the mean r_SB over splits with its 2.5–97.5 percentile range.
 *
 * r_SB is reported as computed, also when negative (as `splithalf` does): a negative value means the score
 * does not rank these sessions consistently at all, i.e. no reliability, not a meaningful negative one.
 *
 * The trials are the ones `scoreAatSession` keeps (same exclusions, applied per session before splitting).
 * A single session has no reliability of its own (see `singleSessionReliabilityNote`): with fewer than 3
 * sessions the correlation is undefined or meaningless, so the result is null with a reason, as it is when a
 * cell of some session has fewer than 4 kept trials (fewer than 2 per half).
 */
export function splitHalfReliability(sessions: ReadonlyArray<readonly DrillTrialRow[]>, options: SplitHalfOptions = {}): SplitHalfReliability {
  const { splits = 5000, seed = 1, ...scoreOptions } = options
  if (!Number.isInteger(splits) || splits < 1) throw new RangeError(`splits must be a positive whole number, got ${splits}`)
  const count = sessions.length
  if (count < 3) {
    return { mean: null, sessions: count, reason: `a split-half reliability needs at least 3 sessions to correlate; there ${count === 1 ? 'is' : 'are'} ${count}. ${singleSessionReliabilityNote}` }
  }

  const kept: PerCell<number[]>[] = []
  for (const [index, rows] of sessions.entries()) {
    const pre = preprocessAatSession(rows, scoreOptions)
    for (const cell of aatCells) {
      const n = pre.cells[cell].kept.length
      if (n < 2 * minTrialsPerHalf) {
        return { mean: null, sessions: count, reason: `${describeSession(rows, index)} has ${n} scored trial(s) in ${cell}; each half needs at least ${minTrialsPerHalf}, so at least ${2 * minTrialsPerHalf}` }
      }
    }
    kept.push(perCell((cell) => pre.cells[cell].kept))
  }

  const rng = mulberry32(seed)
  const corrected: number[] = []
  const raw: number[] = []
  for (let s = 0; s < splits; s++) {
    const halvesA: number[] = []
    const halvesB: number[] = []
    for (const cells of kept) {
      const [a, b] = halfScores(cells, rng)
      halvesA.push(a)
      halvesB.push(b)
    }
    const r = pearson(halvesA, halvesB)
    const rSB = r === null ? null : spearmanBrown(r)
    if (r === null || rSB === null) continue
    raw.push(r)
    corrected.push(rSB)
  }
  if (corrected.length === 0) return { mean: null, sessions: count, reason: 'the half-scores do not differ between sessions in any split, so they cannot be correlated' }

  return {
    mean: mean(corrected) as number,
    lower: percentile(corrected, 0.025) as number,
    upper: percentile(corrected, 0.975) as number,
    meanR: mean(raw) as number,
    sessions: count,
    splits,
    undefinedSplits: splits - corrected.length,
    seed,
    reason: null,
  }
}
