/**
 * Scores of the alcohol approach-avoidance swipe drill, as defined in src/log/README.md (after Kahveci et al. 2023).
 *
 * Notation: M(move, cat) is the mean or median initiation RT of the kept correct trials in one cell, with move
 * push (away, avoid) or pull (towards, approach) and cat alcohol or soft. Pure functions over the trial rows of
 * the Psych-DS CSV; nothing here reads the clock, storage or Math.random.
 */
import type { DrillCategory, DrillMove, DrillTrialRow } from './drillTrial.ts'
import { mad, mean, median, sampleSd } from './stats.ts'

export { bootstrapMeanCi, type BootstrapMeanCi, type BootstrapOptions } from './stats.ts'

// ---------------------------------------------------------------------------------------------------------------
// Cells and options

/** The four cells, each scored on its own (Kahveci et al. 2023). */
export const aatCells = ['alcohol-push', 'alcohol-pull', 'soft-push', 'soft-pull'] as const
export type AatCell = `${DrillCategory}-${DrillMove}`
export type PerCell<T> = Record<AatCell, T>

export interface AatScoreOptions {
  /** RTs below this (ms) are dropped before anything else: faster than a real reaction (anticipation, a stray touch). Default 200. */
  floorMs?: number
  /** Within each cell, RTs further than this many sample SDs from the cell mean are dropped. Default 3. */
  outlierSd?: number
  /** A cell with fewer kept trials than this gets a warning (it is scored anyway). Default 10. */
  minCellTrials?: number
}

export type ResolvedAatScoreOptions = Required<AatScoreOptions>

export const defaultAatScoreOptions: ResolvedAatScoreOptions = { floorMs: 200, outlierSd: 3, minCellTrials: 10 }

function resolveOptions(options: AatScoreOptions = {}): ResolvedAatScoreOptions {
  const resolved = { ...defaultAatScoreOptions, ...stripUndefined(options) }
  if (!(Number.isFinite(resolved.floorMs) && resolved.floorMs >= 0)) throw new RangeError(`floorMs must be 0 or more, got ${resolved.floorMs}`)
  if (!(Number.isFinite(resolved.outlierSd) && resolved.outlierSd > 0)) throw new RangeError(`outlierSd must be above 0, got ${resolved.outlierSd}`)
  if (!(Number.isInteger(resolved.minCellTrials) && resolved.minCellTrials >= 0)) throw new RangeError(`minCellTrials must be a whole number, got ${resolved.minCellTrials}`)
  return resolved
}

/** `{ floorMs: undefined }` must mean "use the default", not "overwrite the default with undefined". */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function perCell<T>(make: (cell: AatCell) => T): PerCell<T> {
  return Object.fromEntries(aatCells.map((cell) => [cell, make(cell)])) as PerCell<T>
}

/** A trial's cell is set by the move the instruction required, so an error (wrong move) still counts against its own cell. */
export function cellOf(row: Pick<DrillTrialRow, 'category' | 'required'>): AatCell {
  return `${row.category}-${row.required}`
}

// ---------------------------------------------------------------------------------------------------------------
// Trial selection and exclusions

/**
 * Only first attempts outside practice can count. Practice is for learning the gesture. A repeat after an error
 * or a timeout follows the error feedback and the user already knows the right move, so its RT is contaminated.
 */
export function isFirstTestAttempt(row: DrillTrialRow): boolean {
  return row.block !== 'practice' && row.attempt === 1
}

/**
 * Counts of every trial and of every reason it was left out. They add up:
 * total = practice + repeats + firstAttempts, and firstAttempts = errors + missingRt + belowFloor + outliers + scored.
 */
export interface AatTrialCounts {
  /** All rows given. */
  total: number
  /** Rows of the practice block (any attempt). */
  practice: number
  /** Non-practice rows with attempt > 1. */
  repeats: number
  /** Non-practice rows with attempt 1: the base of the error rate. */
  firstAttempts: number
  /** First attempts that were wrong, timeouts included. */
  errors: number
  /** The errors that were timeouts (response 'none'). */
  timeouts: number
  /** Correct first attempts without an initiation RT (should not happen; counted so nothing disappears silently). */
  missingRt: number
  /** Correct first attempts with an RT below the floor. */
  belowFloor: number
  /** Correct first attempts dropped by the per-cell SD rule. */
  outliers: number
  /** Trials that enter the scores. */
  scored: number
}

interface CellTrials {
  firstAttempts: number
  errors: number
  /** Initiation RTs (ms) of the kept trials, in trial order. */
  kept: number[]
}

export interface AatPreprocessed {
  counts: AatTrialCounts
  cells: PerCell<CellTrials>
}

/**
 * Drops RTs more than `limit` sample SDs from the cell's mean, in one pass. The mean and SD include the extreme
 * value itself, as in the usual AAT pipelines, and the rule is not repeated on what is left (repeating it would
 * keep trimming the tails of a skewed RT distribution). Note: with n values no value can lie more than
 * (n − 1)/√n sample SDs from their mean, so a 3-SD rule can only remove anything once a cell has 11 or more trials.
 */
function dropCellOutliers(rts: readonly number[], limit: number): { kept: number[]; dropped: number } {
  const m = mean(rts)
  const sd = sampleSd(rts)
  if (m === null || sd === null || sd === 0) return { kept: [...rts], dropped: 0 }
  const kept = rts.filter((rt) => Math.abs(rt - m) <= limit * sd)
  return { kept, dropped: rts.length - kept.length }
}

/**
 * Applies the exclusions in the order Kahveci et al. (2023) recommend (src/log/README.md):
 * 1. practice trials and repeat attempts are left out;
 * 2. error trials (wrong move or timeout) are removed, with no penalty added;
 * 3. RTs below the fixed floor are dropped;
 * 4. per cell, RTs more than `outlierSd` SD from that cell's mean (of the floor-filtered trials) are dropped.
 */
export function preprocessAatSession(rows: readonly DrillTrialRow[], options: AatScoreOptions = {}): AatPreprocessed {
  const { floorMs, outlierSd } = resolveOptions(options)
  const counts: AatTrialCounts = { total: rows.length, practice: 0, repeats: 0, firstAttempts: 0, errors: 0, timeouts: 0, missingRt: 0, belowFloor: 0, outliers: 0, scored: 0 }
  const aboveFloor = perCell<number[]>(() => [])
  const tallies = perCell(() => ({ firstAttempts: 0, errors: 0 }))

  for (const row of rows) {
    if (row.block === 'practice') counts.practice++
    else if (row.attempt !== 1) counts.repeats++
    if (!isFirstTestAttempt(row)) continue
    const cell = cellOf(row)
    counts.firstAttempts++
    tallies[cell].firstAttempts++
    if (!row.correct) {
      counts.errors++
      tallies[cell].errors++
      if (row.response === 'none') counts.timeouts++
    } else if (row.rt_initiation_ms === null) counts.missingRt++
    else if (row.rt_initiation_ms < floorMs) counts.belowFloor++
    else aboveFloor[cell].push(row.rt_initiation_ms)
  }

  const cells = perCell<CellTrials>((cell) => {
    const { kept, dropped } = dropCellOutliers(aboveFloor[cell], outlierSd)
    counts.outliers += dropped
    counts.scored += kept.length
    return { ...tallies[cell], kept }
  })
  return { counts, cells }
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

export interface AatCellScore {
  n: number
  mean: number | null
  median: number | null
  /** Sample SD (n − 1). */
  sd: number | null
}

export interface MeanAndMedian {
  mean: number | null
  median: number | null
}

export interface AatSessionScore {
  trials: AatTrialCounts
  /** Share of first attempts (outside practice) that were wrong or timed out; null without first attempts. */
  errorRate: number | null
  errorRateByCell: PerCell<number | null>
  cells: PerCell<AatCellScore>
  /** M(push, cat) − M(pull, cat). Positive: that category is pulled faster, an approach bias. */
  bias: { alcohol: MeanAndMedian; soft: MeanAndMedian }
  /** Alcohol bias − soft bias. Positive: a stronger approach bias for alcohol than for soft drinks. */
  doubleDifference: MeanAndMedian
  /** mean: DD(means) / SD of all kept RTs; median: DD(medians) / scaled MAD of all kept RTs. */
  dScore: MeanAndMedian
  /** The D-score denominators: sample SD and MAD × 1.4826 of all kept RTs pooled over the four cells. */
  spread: { sd: number | null; mad: number | null }
  /** Plain-language reasons to read the scores with care. */
  warnings: string[]
  options: ResolvedAatScoreOptions
}

/** Share, or null when there is nothing to share out (never 0/0 = NaN). */
function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b
}

/** Category bias M(push, cat) − M(pull, cat): positive when the pull (approach) is faster. */
export function categoryBias(push: number | null, pull: number | null): number | null {
  return difference(push, pull)
}

/** DD = [M(push, alc) − M(pull, alc)] − [M(push, soft) − M(pull, soft)], from one summary value per cell. */
export function doubleDifference(m: PerCell<number | null>): number | null {
  return difference(categoryBias(m['alcohol-push'], m['alcohol-pull']), categoryBias(m['soft-push'], m['soft-pull']))
}

function describeCell(rts: readonly number[]): AatCellScore {
  return { n: rts.length, mean: mean(rts), median: median(rts), sd: sampleSd(rts) }
}

function sessionWarnings(rows: readonly DrillTrialRow[], pre: AatPreprocessed, spread: AatSessionScore['spread'], options: ResolvedAatScoreOptions): string[] {
  const warnings: string[] = []
  if (rows.length === 0) return ['there are no trials to score']
  const sessions = new Set(rows.map((row) => `${row.subject} session ${row.session}`))
  if (sessions.size > 1) warnings.push(`the trials come from more than one session (${[...sessions].join(', ')}); score each session on its own`)
  for (const cell of aatCells) {
    const n = pre.cells[cell].kept.length
    if (n === 0) warnings.push(`no scored trials in ${cell}, so the scores that need this cell are empty`)
    else if (n < options.minCellTrials) warnings.push(`fewer than ${options.minCellTrials} scored trials in ${cell} (${n})`)
  }
  if (pre.counts.missingRt > 0) warnings.push(`${pre.counts.missingRt} correct trial(s) had no reaction time and were left out`)
  if (pre.counts.scored > 0 && spread.sd === 0) warnings.push('all scored reaction times are the same, so the D-score cannot be computed')
  if (pre.counts.scored > 0 && spread.mad === 0) warnings.push('more than half of the scored reaction times are the same, so the median D-score cannot be computed')
  return warnings
}

/**
 * All scores of one session. Every value that cannot be computed (an empty cell, a spread of 0) is null, never
 * NaN, so the result survives JSON and the debrief can say "not enough data". One session's score is not a
 * finding about the person (single-session test-retest ICC < .3): show it as part of a trend over sessions.
 */
export function scoreAatSession(rows: readonly DrillTrialRow[], options: AatScoreOptions = {}): AatSessionScore {
  const resolved = resolveOptions(options)
  const pre = preprocessAatSession(rows, resolved)
  const cells = perCell((cell) => describeCell(pre.cells[cell].kept))
  const means = perCell((cell) => cells[cell].mean)
  const medians = perCell((cell) => cells[cell].median)
  const allKept = aatCells.flatMap((cell) => pre.cells[cell].kept)
  const spread = { sd: sampleSd(allKept), mad: mad(allKept, { scaled: true }) }
  const doubleDiff = { mean: doubleDifference(means), median: doubleDifference(medians) }

  return {
    trials: pre.counts,
    errorRate: rate(pre.counts.errors, pre.counts.firstAttempts),
    errorRateByCell: perCell((cell) => rate(pre.cells[cell].errors, pre.cells[cell].firstAttempts)),
    cells,
    bias: {
      alcohol: { mean: categoryBias(means['alcohol-push'], means['alcohol-pull']), median: categoryBias(medians['alcohol-push'], medians['alcohol-pull']) },
      soft: { mean: categoryBias(means['soft-push'], means['soft-pull']), median: categoryBias(medians['soft-push'], medians['soft-pull']) },
    },
    doubleDifference: doubleDiff,
    // The D-score puts the DD on a per-person scale, so a slow and a fast responder with the same relative bias
    // score alike. The median variant pairs the robust location (median) with the robust spread (MAD).
    dScore: { mean: ratio(doubleDiff.mean, spread.sd), median: ratio(doubleDiff.median, spread.mad) },
    spread,
    warnings: sessionWarnings(rows, pre, spread, resolved),
    options: resolved,
  }
}

