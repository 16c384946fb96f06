/**
 * Scores of the alcohol approach-avoidance swipe drill, as defined in src/log/README.md (after Kahveci et al. 2023).
 *
 * Notation: M(move, cat) is the mean or median initiation RT of the kept correct trials in one cell, with move
 * push (away, avoid) or pull (towards, approach) and cat alcohol or soft. Pure functions over the trial rows of
 * the Psych-DS CSV; nothing here reads the clock, storage or Math.random.
 *
 * Which trials measure bias (see src/log/README.md). Bias scores (category biases, the double difference by
 * medians and by means, both D-scores) come only from blocks in which each category is assigned to both moves:
 * the assessment block, balanced at 50% (content-irrelevant) or split into a standard and a reversed half
 * (content-relevant). Training blocks never enter them: at 90–100% contingency they fill two cells only (alcohol
 * push, soft pull) and the training itself shapes those RTs, so adding them would let the training masquerade
 * as a change in bias (Wiers et al. 2011 score bias on separate balanced assessment blocks; Kahveci et al. 2023
 * score each of the four cells of a balanced design).
 *
 * How "both moves" is detected from the data: a row is a bias trial when its `block` is `assessment` (the only
 * block the planner balances) and it is a first attempt; the session is then scored only if, among those rows,
 * each category was asked for both push and pull (the rows' own category × required mapping). A block label alone
 * is not trusted: a partial export taken during the standard half of a content-relevant assessment holds
 * assessment rows that only ever push alcohol, and is not scored. A training block is never scored, even at a
 * contingency below 100% where a few trials go the other way: those few are too few for a cell and follow the
 * training rule. A session without a balanced assessment block reports training measures (accuracy, median RT
 * per cell, speed over the session) and a `biasReason` that says why there is no bias score.
 */
import type { DrillBlock, DrillCategory, DrillMove, DrillTrialRow } from './drillTrial.ts'
import { rtLimitMs } from './drillBounds.ts'
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
  /**
   * RTs above this (ms), and any RT that is not a finite number, are dropped before any statistic: no trial can
   * take longer than its timeout. Default: the largest timeout a scene may set plus the slack (drillBounds.ts).
   */
  maxRtMs?: number
}

export type ResolvedAatScoreOptions = Required<AatScoreOptions>

export const defaultAatScoreOptions: ResolvedAatScoreOptions = { floorMs: 200, outlierSd: 3, minCellTrials: 10, maxRtMs: rtLimitMs(null) }

function resolveOptions(options: AatScoreOptions = {}): ResolvedAatScoreOptions {
  const resolved = { ...defaultAatScoreOptions, ...stripUndefined(options) }
  if (!(Number.isFinite(resolved.floorMs) && resolved.floorMs >= 0)) throw new RangeError(`floorMs must be 0 or more, got ${resolved.floorMs}`)
  if (!(Number.isFinite(resolved.outlierSd) && resolved.outlierSd > 0)) throw new RangeError(`outlierSd must be above 0, got ${resolved.outlierSd}`)
  if (!(Number.isInteger(resolved.minCellTrials) && resolved.minCellTrials >= 0)) throw new RangeError(`minCellTrials must be a whole number, got ${resolved.minCellTrials}`)
  // Infinity is allowed (no bound), for tests of the statistics themselves; NaN is not.
  if (!(resolved.maxRtMs > resolved.floorMs)) throw new RangeError(`maxRtMs must be a number above floorMs, got ${resolved.maxRtMs}`)
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
 * A first attempt outside practice: the base of the training measures (accuracy and speed) and of the end
 * screen's feedback. Practice is for learning the gesture. A repeat after an error or a timeout follows the error
 * feedback and the user already knows the right move, so its RT is contaminated. NOT the bias selection: see
 * `isBiasTrial`.
 */
export function isFirstTestAttempt(row: DrillTrialRow): boolean {
  return row.block !== 'practice' && row.attempt === 1
}

/**
 * A trial that can enter the bias scores: a first attempt in the assessment block, the block in which each
 * category is assigned to both moves. Whether the session's assessment rows really hold both moves for each
 * category is checked once per session (`biasReasonOf`); training and practice rows never count.
 */
export function isBiasTrial(row: DrillTrialRow): boolean {
  return row.block === 'assessment' && row.attempt === 1
}

/** The blocks bias is scored on. */
export const biasBlocks = ['assessment'] as const satisfies readonly DrillBlock[]

/** Why a session has no bias score. `message` is plain English for files and logs; the debrief translates `code`. */
export type AatBiasReason =
  | { code: 'no-trials'; message: string }
  | { code: 'training-only'; message: string }
  | { code: 'no-assessment'; message: string }
  | { code: 'unbalanced'; missing: AatCell[]; message: string }

/** The reason a session's rows cannot give a bias score, or null when they can. */
export function biasReasonOf(rows: readonly DrillTrialRow[]): AatBiasReason | null {
  const test = rows.filter((row) => row.block !== 'practice')
  if (test.length === 0) return { code: 'no-trials', message: 'there are no trials outside practice, so there is nothing to score' }
  const assessment = rows.filter(isBiasTrial)
  if (assessment.length === 0) {
    return test.some((row) => row.block === 'training')
      ? { code: 'training-only', message: 'a training-only session has no bias score: training trials follow a fixed rule (alcohol away, soft drinks towards), so they fill two of the four cells and are shaped by the training itself. Bias is scored only on an assessment block, where each drink is both pushed and pulled.' }
      : { code: 'no-assessment', message: 'there is no assessment block, so there is no bias score' }
  }
  const assigned = new Set(assessment.map(cellOf))
  const missing = aatCells.filter((cell) => !assigned.has(cell))
  if (missing.length > 0) {
    return { code: 'unbalanced', missing, message: `the assessment block never asked for ${missing.join(', ')} (an unfinished block?), so each drink was not both pushed and pulled and there is no bias score` }
  }
  return null
}

/**
 * Counts of every trial and of every reason it was left out of the bias scores. They add up:
 * total = practice + training + repeats + firstAttempts, and
 * firstAttempts = errors + missingRt + outOfRange + belowFloor + outliers + scored.
 */
export interface AatTrialCounts {
  /** All rows given. */
  total: number
  /** Rows of the practice block (any attempt). */
  practice: number
  /** Rows of training blocks (any attempt): never in the bias scores. */
  training: number
  /** Assessment rows with attempt > 1. */
  repeats: number
  /** Assessment rows with attempt 1: the base of the error rate. */
  firstAttempts: number
  /** First attempts that were wrong, timeouts included. */
  errors: number
  /** The errors that were timeouts (response 'none'). */
  timeouts: number
  /** Correct first attempts without an initiation RT (should not happen; counted so nothing disappears silently). */
  missingRt: number
  /** Correct first attempts whose RT is no finite number, is negative, or is longer than a trial can last (`maxRtMs`). */
  outOfRange: number
  /** Correct first attempts with an RT below the floor. */
  belowFloor: number
  /** Correct first attempts dropped by the per-cell SD rule. */
  outliers: number
  /** Trials that enter the scores (0 when the session has a `biasReason`). */
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
  /** Null when the rows give a bias score; otherwise why not (and every cell's `kept` is empty). */
  biasReason: AatBiasReason | null
}

/**
 * Drops RTs more than `limit` sample SDs from the cell's mean, in one pass. The mean and SD include the extreme
 * value itself, as in the usual AAT pipelines, and the rule is not repeated on what is left (repeating it would
 * keep trimming the tails of a skewed RT distribution). Note: with n values no value can lie more than
 * (n − 1)/√n sample SDs from their mean, so a 3-SD rule can only remove anything once a cell has 11 or more trials.
 * The RTs reaching this are bounded (`maxRtMs`), and the statistics are overflow-safe, so one extreme value
 * cannot make the SD infinite and switch the rule off for the whole cell.
 */
function dropCellOutliers(rts: readonly number[], limit: number): { kept: number[]; dropped: number } {
  const m = mean(rts)
  const sd = sampleSd(rts)
  if (m === null || sd === null || sd === 0) return { kept: [...rts], dropped: 0 }
  const kept = rts.filter((rt) => Math.abs(rt - m) <= limit * sd)
  return { kept, dropped: rts.length - kept.length }
}

/** A correct trial's RT is usable when it is a finite number between 0 and the longest a trial can last. */
function inRange(rt: number, maxRtMs: number): boolean {
  return Number.isFinite(rt) && rt >= 0 && rt <= maxRtMs
}

/**
 * Applies the exclusions in the order Kahveci et al. (2023) recommend (src/log/README.md):
 * 1. practice trials, training trials and repeat attempts are left out (only assessment first attempts count);
 * 2. error trials (wrong move or timeout) are removed, with no penalty added;
 * 3. RTs that no trial can have (not finite, negative, beyond the timeout) are dropped;
 * 4. RTs below the fixed floor are dropped;
 * 5. per cell, RTs more than `outlierSd` SD from that cell's mean (of the trials left) are dropped.
 * When the assessment rows do not assign each category to both moves, nothing is kept and `biasReason` says why.
 */
export function preprocessAatSession(rows: readonly DrillTrialRow[], options: AatScoreOptions = {}): AatPreprocessed {
  const { floorMs, outlierSd, maxRtMs } = resolveOptions(options)
  const counts: AatTrialCounts = { total: rows.length, practice: 0, training: 0, repeats: 0, firstAttempts: 0, errors: 0, timeouts: 0, missingRt: 0, outOfRange: 0, belowFloor: 0, outliers: 0, scored: 0 }
  const aboveFloor = perCell<number[]>(() => [])
  const tallies = perCell(() => ({ firstAttempts: 0, errors: 0 }))
  const biasReason = biasReasonOf(rows)

  for (const row of rows) {
    if (row.block === 'practice') counts.practice++
    else if (row.block === 'training') counts.training++
    else if (row.attempt !== 1) counts.repeats++
    if (!isBiasTrial(row)) continue
    const cell = cellOf(row)
    counts.firstAttempts++
    tallies[cell].firstAttempts++
    if (!row.correct) {
      counts.errors++
      tallies[cell].errors++
      if (row.response === 'none') counts.timeouts++
    } else if (row.rt_initiation_ms === null) counts.missingRt++
    else if (!inRange(row.rt_initiation_ms, maxRtMs)) counts.outOfRange++
    else if (row.rt_initiation_ms < floorMs) counts.belowFloor++
    else aboveFloor[cell].push(row.rt_initiation_ms)
  }

  const cells = perCell<CellTrials>((cell) => {
    if (biasReason) return { ...tallies[cell], kept: [] }
    const { kept, dropped } = dropCellOutliers(aboveFloor[cell], outlierSd)
    counts.outliers += dropped
    counts.scored += kept.length
    return { ...tallies[cell], kept }
  })
  return { counts, cells, biasReason }
}

// ---------------------------------------------------------------------------------------------------------------
// Training measures

export interface AatSpeedPart {
  /** 1-based part of the session (quarters of the training first attempts, in order). */
  part: number
  /** Trial numbers (within the training block) the part runs from and to. */
  fromTrial: number
  toTrial: number
  /** Correct first attempts with a usable RT in this part. */
  n: number
  median: number | null
}

/**
 * What a training block measures: whether the client swipes the right way, and how fast. No 3-SD trimming here:
 * the median is robust on its own. Correct first attempts with an RT below the floor, beyond `maxRtMs` or without
 * an RT are left out of the medians and counted.
 */
export interface AatTrainingMeasures {
  blocks: DrillBlock[]
  /** All rows of training blocks (any attempt). */
  trials: number
  firstAttempts: number
  correct: number
  /** correct / firstAttempts; null without first attempts. */
  accuracy: number | null
  excluded: { errors: number; missingRt: number; outOfRange: number; belowFloor: number }
  /** Median initiation RT of the used trials per cell; a cell the training never asks for has n 0. */
  medianRtByCell: PerCell<{ n: number; median: number | null }>
  /** Median RT over the session, in up to four consecutive parts: does the client get faster? */
  speed: AatSpeedPart[]
}

export function trainingMeasures(rows: readonly DrillTrialRow[], options: AatScoreOptions = {}): AatTrainingMeasures | null {
  const { floorMs, maxRtMs } = resolveOptions(options)
  const training = rows.filter((row) => row.block === 'training')
  if (training.length === 0) return null
  const first = training.filter((row) => row.attempt === 1)
  const excluded = { errors: 0, missingRt: 0, outOfRange: 0, belowFloor: 0 }
  const used: { row: DrillTrialRow; rt: number }[] = []
  const usable = (row: DrillTrialRow): number | null => {
    if (!row.correct) return (excluded.errors++, null)
    if (row.rt_initiation_ms === null) return (excluded.missingRt++, null)
    if (!inRange(row.rt_initiation_ms, maxRtMs)) return (excluded.outOfRange++, null)
    if (row.rt_initiation_ms < floorMs) return (excluded.belowFloor++, null)
    return row.rt_initiation_ms
  }
  const usableByIndex = first.map((row) => {
    const rt = usable(row)
    if (rt !== null) used.push({ row, rt })
    return rt
  })
  const correct = first.filter((row) => row.correct).length
  const parts = Math.min(4, first.length)
  const speed: AatSpeedPart[] = Array.from({ length: parts }, (_, k) => {
    const from = Math.floor((k * first.length) / parts)
    const to = Math.floor(((k + 1) * first.length) / parts)
    const rts = usableByIndex.slice(from, to).filter((rt): rt is number => rt !== null)
    return { part: k + 1, fromTrial: first[from]!.trial, toTrial: first[to - 1]!.trial, n: rts.length, median: median(rts) }
  })
  return {
    blocks: ['training'],
    trials: training.length,
    firstAttempts: first.length,
    correct,
    accuracy: rate(correct, first.length),
    excluded,
    medianRtByCell: perCell((cell) => {
      const rts = used.filter((u) => cellOf(u.row) === cell).map((u) => u.rt)
      return { n: rts.length, median: median(rts) }
    }),
    speed,
  }
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
  /** The bias scores' trial accounting: every row, and why each one left out was left out. */
  trials: AatTrialCounts
  /** The blocks the bias scores come from: `['assessment']`, or empty when there is no bias score. */
  scoredBlocks: DrillBlock[]
  /** Null when the session has bias scores; otherwise why it has none (then every bias score is null). */
  biasReason: AatBiasReason | null
  /** Share of the assessment first attempts that were wrong or timed out; null without any. */
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
  /** Accuracy and speed of the training block(s); null when the session had none. */
  training: AatTrainingMeasures | null
  /** Plain-language reasons to read the scores with care, in English (for the CSV and older readers). */
  warnings: string[]
  /** The same reasons as codes and numbers, which the debrief translates. */
  warningFacts: AatWarning[]
  options: ResolvedAatScoreOptions
}

/** Share, or null when there is nothing to share out (never 0/0 = NaN). */
function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** A finite result or null: a difference or ratio too large for a double is "cannot be computed", never Infinity. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null)

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : finiteOrNull(a - b)
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : finiteOrNull(a / b)
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

/** A reason to read the scores with care, as a code and its numbers, so the debrief can say it in its own language. */
export type AatWarning =
  | { code: 'no-trials' }
  | { code: 'several-sessions'; sessions: string[] }
  | { code: 'out-of-range'; n: number; maxRtMs: number }
  | { code: 'empty-cell'; cell: AatCell }
  | { code: 'few-trials'; cell: AatCell; n: number; min: number }
  | { code: 'missing-rt'; n: number }
  | { code: 'same-rts' }
  | { code: 'same-median-rts' }

/** The English sentence of a warning, as the score has always carried it (older files hold only these). */
export function warningSentence(w: AatWarning): string {
  switch (w.code) {
    case 'no-trials':
      return 'there are no trials to score'
    case 'several-sessions':
      return `the trials come from more than one session (${w.sessions.join(', ')}); score each session on its own`
    case 'out-of-range':
      return `${w.n} correct trial(s) had a reaction time no trial can have (beyond ${w.maxRtMs} ms, negative or not a number) and were left out`
    case 'empty-cell':
      return `no scored trials in ${w.cell}, so the scores that need this cell are empty`
    case 'few-trials':
      return `fewer than ${w.min} scored trials in ${w.cell} (${w.n})`
    case 'missing-rt':
      return `${w.n} correct trial(s) had no reaction time and were left out`
    case 'same-rts':
      return 'all scored reaction times are the same, so the D-score cannot be computed'
    case 'same-median-rts':
      return 'more than half of the scored reaction times are the same, so the median D-score cannot be computed'
  }
}

function sessionWarnings(rows: readonly DrillTrialRow[], pre: AatPreprocessed, spread: AatSessionScore['spread'], options: ResolvedAatScoreOptions): AatWarning[] {
  const warnings: AatWarning[] = []
  if (rows.length === 0) return [{ code: 'no-trials' }]
  const sessions = new Set(rows.map((row) => `${row.subject} session ${row.session}`))
  if (sessions.size > 1) warnings.push({ code: 'several-sessions', sessions: [...sessions] })
  if (pre.counts.outOfRange > 0) warnings.push({ code: 'out-of-range', n: pre.counts.outOfRange, maxRtMs: options.maxRtMs })
  if (pre.biasReason) return warnings
  for (const cell of aatCells) {
    const n = pre.cells[cell].kept.length
    if (n === 0) warnings.push({ code: 'empty-cell', cell })
    else if (n < options.minCellTrials) warnings.push({ code: 'few-trials', cell, n, min: options.minCellTrials })
  }
  if (pre.counts.missingRt > 0) warnings.push({ code: 'missing-rt', n: pre.counts.missingRt })
  if (pre.counts.scored > 0 && spread.sd === 0) warnings.push({ code: 'same-rts' })
  if (pre.counts.scored > 0 && spread.mad === 0) warnings.push({ code: 'same-median-rts' })
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
  // With a bias reason every cell's kept list is empty, so every score below is null.
  const cells = perCell((cell) => describeCell(pre.cells[cell].kept))
  const means = perCell((cell) => cells[cell].mean)
  const medians = perCell((cell) => cells[cell].median)
  const allKept = aatCells.flatMap((cell) => pre.cells[cell].kept)
  const spread = { sd: sampleSd(allKept), mad: mad(allKept, { scaled: true }) }
  const doubleDiff = { mean: doubleDifference(means), median: doubleDifference(medians) }
  const warningFacts = sessionWarnings(rows, pre, spread, resolved)

  return {
    trials: pre.counts,
    scoredBlocks: pre.biasReason ? [] : [...biasBlocks],
    biasReason: pre.biasReason,
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
    training: trainingMeasures(rows, resolved),
    warnings: warningFacts.map(warningSentence),
    warningFacts,
    options: resolved,
  }
}

