/**
 * Scoring by design: bias only from the assessment block (each category assigned to both moves), training
 * measures for training blocks, and statistics that one absurd RT cannot poison. Every expected value below is
 * worked out by hand in the comments, not taken from the code under test.
 */
import { describe, expect, it } from 'vitest'
import { aatCells, scoreAatSession, type AatCell } from './aatScore.ts'
import type { DrillMove, DrillTrialRow } from './drillTrial.ts'

function row(cell: AatCell, trial: number, rt: number | null, extra: Partial<DrillTrialRow> = {}): DrillTrialRow {
  const [category, required] = cell.split('-') as [DrillTrialRow['category'], DrillMove]
  const onset = 10_000 + trial * 3000
  return {
    subject: 'AB12', session: 1, task: 'alcohol-aat', mode: 'training', block: 'assessment', trial, attempt: 1,
    stimulus: `${category}-${trial}`, category, required, response: rt === null ? 'none' : required, correct: rt !== null,
    onset_ms: onset, touchdown_ms: rt === null ? null : onset + rt - 40, initiation_ms: rt === null ? null : onset + rt,
    completion_ms: rt === null ? null : onset + rt + 150, rt_initiation_ms: rt, rt_completion_ms: rt === null ? null : rt + 150, frame_interval_ms: 16.7, painted_ms: null,
    ...extra,
  }
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (value && typeof value === 'object') return Object.values(value).some(hasNonFinite)
  return false
}

/*
 * Assessment block (8 first attempts, all correct):
 *   alcohol-push 600, 700 → mean 650, median 650
 *   alcohol-pull 500, 600 → mean 550, median 550
 *   soft-push    640, 660 → mean 650, median 650
 *   soft-pull    620, 680 → mean 650, median 650
 *   alcohol bias 650 − 550 = 100; soft bias 650 − 650 = 0; DD = 100 (means and medians alike).
 *   All 8: sum 5000, mean 625; squared deviations 625, 5625, 15625, 625, 225, 1225, 25, 3025 = 27000
 *   SD = √(27000 / 7) = √3857.143 = 62.1059 → D(mean) = 100 / 62.1059 = 1.61015
 *   sorted 500 600 600 620 | 640 660 680 700 → median 630; |x − 630| sorted 10 10 30 30 | 30 50 70 130 → MAD 30
 *   scaled MAD 30 × 1.4826 = 44.478 → D(median) = 100 / 44.478 = 2.24830
 *
 * Training block (6 first attempts, 100% contingent: alcohol pushed, soft pulled), in this order:
 *   t1 alcohol-push 300 · t2 soft-pull 310 · t3 alcohol-push wrong · t4 alcohol-push 320 · t5 soft-pull 330 · t6 alcohol-push 340
 *   accuracy 5 / 6; median alcohol-push (300, 320, 340) = 320, soft-pull (310, 330) = 320.
 *   Were they scored, alcohol-push would hold 5 RTs with mean (600 + 700 + 300 + 320 + 340) / 5 = 452 and the DD
 *   would swing to a large "avoidance" of alcohol made by the training alone.
 *   Speed in quarters of 6 first attempts: cuts at ⌊6k/4⌋ = 0, 1, 3, 4, 6 →
 *   part 1 = t1 (300) → 300; part 2 = t2, t3 (310, error) → 310, n 1; part 3 = t4 → 320; part 4 = t5, t6 → (330 + 340) / 2 = 335.
 */
const assessment = (): DrillTrialRow[] => [
  row('alcohol-push', 1, 600), row('soft-pull', 2, 620), row('alcohol-pull', 3, 500), row('soft-push', 4, 640),
  row('alcohol-push', 5, 700), row('soft-pull', 6, 680), row('alcohol-pull', 7, 600), row('soft-push', 8, 660),
]
const training = (): DrillTrialRow[] => {
  const t = { block: 'training' as const }
  return [
    row('alcohol-push', 1, 300, t),
    row('soft-pull', 2, 310, t),
    row('alcohol-push', 3, 420, { ...t, response: 'pull', correct: false }),
    row('alcohol-push', 3, 290, { ...t, attempt: 2 }),
    row('alcohol-push', 4, 320, t),
    row('soft-pull', 5, 330, t),
    row('alcohol-push', 6, 340, t),
  ]
}

describe('a session with one assessment and one training block', () => {
  const score = scoreAatSession([...assessment(), ...training()])

  it('scores bias on the assessment trials only', () => {
    expect(score.scoredBlocks).toEqual(['assessment'])
    expect(score.biasReason).toBeNull()
    expect(score.cells['alcohol-push']).toMatchObject({ n: 2, mean: 650, median: 650 })
    expect(score.cells['alcohol-pull']).toMatchObject({ n: 2, mean: 550, median: 550 })
    expect(score.cells['soft-push']).toMatchObject({ n: 2, mean: 650, median: 650 })
    expect(score.cells['soft-pull']).toMatchObject({ n: 2, mean: 650, median: 650 })
    expect(score.bias.alcohol).toEqual({ mean: 100, median: 100 })
    expect(score.bias.soft).toEqual({ mean: 0, median: 0 })
    expect(score.doubleDifference).toEqual({ mean: 100, median: 100 })
    expect(score.spread.sd).toBeCloseTo(62.1059, 4)
    expect(score.spread.mad).toBeCloseTo(44.478, 9)
    expect(score.dScore.mean).toBeCloseTo(1.61015, 5)
    expect(score.dScore.median).toBeCloseTo(2.2483, 4)
  })

  it('names the trials it scored and why the others were left out', () => {
    // 8 assessment + 7 training rows (6 first attempts and 1 repeat) = 15.
    expect(score.trials).toEqual({ total: 15, practice: 0, training: 7, repeats: 0, firstAttempts: 8, errors: 0, timeouts: 0, missingRt: 0, outOfRange: 0, belowFloor: 0, outliers: 0, scored: 8 })
    expect(score.errorRate).toBe(0)
  })

  it('reports the training block as training: accuracy, median RT per cell, speed over the session', () => {
    expect(score.training).toEqual({
      blocks: ['training'],
      trials: 7,
      firstAttempts: 6,
      correct: 5,
      accuracy: 5 / 6,
      excluded: { errors: 1, missingRt: 0, outOfRange: 0, belowFloor: 0 },
      medianRtByCell: {
        'alcohol-push': { n: 3, median: 320 },
        'alcohol-pull': { n: 0, median: null },
        'soft-push': { n: 0, median: null },
        'soft-pull': { n: 2, median: 320 },
      },
      speed: [
        { part: 1, fromTrial: 1, toTrial: 1, n: 1, median: 300 },
        { part: 2, fromTrial: 2, toTrial: 3, n: 1, median: 310 },
        { part: 3, fromTrial: 4, toTrial: 4, n: 1, median: 320 },
        { part: 4, fromTrial: 5, toTrial: 6, n: 2, median: 335 },
      ],
    })
  })
})

describe('a training-only session', () => {
  const score = scoreAatSession(training())

  it('has no bias score, and says why', () => {
    expect(score.biasReason?.code).toBe('training-only')
    expect(score.biasReason?.message).toMatch(/training-only session has no bias score/)
    expect(score.scoredBlocks).toEqual([])
    expect(score.doubleDifference).toEqual({ mean: null, median: null })
    expect(score.dScore).toEqual({ mean: null, median: null })
    expect(score.bias).toEqual({ alcohol: { mean: null, median: null }, soft: { mean: null, median: null } })
    for (const cell of aatCells) expect(score.cells[cell].n).toBe(0)
    expect(score.trials).toMatchObject({ total: 7, training: 7, firstAttempts: 0, scored: 0 })
    expect(score.errorRate).toBeNull()
  })

  it('still reports accuracy and speed', () => {
    expect(score.training?.accuracy).toBe(5 / 6)
    expect(score.training?.speed.map((p) => p.median)).toEqual([300, 310, 320, 335])
  })
})

describe('an assessment block that does not assign both moves', () => {
  it('is not scored: a partial export of the standard half only pushes alcohol and pulls soft drinks', () => {
    const rows = [row('alcohol-push', 1, 600), row('soft-pull', 2, 620), row('alcohol-push', 3, 700), row('soft-pull', 4, 680)]
    const score = scoreAatSession(rows)
    expect(score.biasReason).toMatchObject({ code: 'unbalanced', missing: ['alcohol-pull', 'soft-push'] })
    expect(score.doubleDifference).toEqual({ mean: null, median: null })
    expect(score.errorRateByCell['alcohol-pull']).toBeNull()
  })

  it('practice alone gives no bias score either', () => {
    expect(scoreAatSession([row('alcohol-push', 1, 600, { block: 'practice' })]).biasReason?.code).toBe('no-trials')
  })
})

/*
 * One huge RT in a cell. Eleven ordinary RTs 480, 490, 490, 500, 500, 500, 500, 500, 510, 510, 520 (sum 5500,
 * mean 500, SS 1200) plus one slow 1000 (z 3.167 with n 12, see aatScore.test.ts) in alcohol-pull; the other
 * three cells hold 500 and 600 each.
 *
 * Add 1e308 to the same cell. Without a bound, in plain floating point its squared deviation overflows, the SD
 * becomes Infinity and "3 × Infinity" keeps every trial: the rule is switched off for the whole cell.
 *  - With the default bound (10 500 ms) it is dropped as out of range before any statistic; the cell is then
 *    the 12 above, the 3-SD rule still removes 1000 → n 11, mean 500, SD √(1200 / 10) = 10.954.
 *  - Without a bound (maxRtMs Infinity), the overflow-safe SD of the 13 values is about
 *    1e308 · √(12/13 · 1/12)… ≈ 2.77e307 (mean ≈ 1e308 / 13), so 1e308 lies (12/13 · 1e308) / 2.77e307 = 3.33 SD
 *    out (the largest possible with n 13 is 12/√13 = 3.328) and the rule removes it; 1000 then stays (one pass).
 *    Every figure is finite.
 */
describe('a cell with one huge RT', () => {
  const eleven = [480, 490, 490, 500, 500, 500, 500, 500, 510, 510, 520]
  let trial = 100
  const others = (['alcohol-push', 'soft-push', 'soft-pull'] as const).flatMap((cell) => [row(cell, trial++, 500), row(cell, trial++, 600)])
  const cell = (rts: number[]) => [...rts.map((rt) => row('alcohol-pull', trial++, rt)), ...others]

  it('still trims by the 3-SD rule and stays finite', () => {
    const score = scoreAatSession(cell([...eleven, 1000, 1e308]))
    expect(score.trials).toMatchObject({ outOfRange: 1, outliers: 1, scored: 17 })
    expect(score.cells['alcohol-pull'].n).toBe(11)
    expect(score.cells['alcohol-pull'].mean).toBe(500)
    expect(score.cells['alcohol-pull'].sd).toBeCloseTo(10.954, 3)
    // DD(means): alcohol 550 − 500 = 50; soft 550 − 550 = 0 → 50.
    expect(score.doubleDifference.mean).toBeCloseTo(50, 9)
    expect(hasNonFinite(score)).toBe(false)
    expect(score.warnings.some((w) => w.startsWith('1 correct trial(s) had a reaction time no trial can have'))).toBe(true)
  })

  it('without any bound the 3-SD rule itself removes it: the SD stays finite and does not switch the rule off', () => {
    const score = scoreAatSession(cell([...eleven, 1000, 1e308]), { maxRtMs: Infinity })
    expect(score.trials).toMatchObject({ outOfRange: 0, outliers: 1 })
    expect(score.cells['alcohol-pull'].n).toBe(12)
    // (5500 + 1000) / 12 = 541.667
    expect(score.cells['alcohol-pull'].mean).toBeCloseTo(541.667, 3)
    // Every figure is finite (the options echo the Infinity the test passed in, so they are left aside).
    expect(hasNonFinite({ ...score, options: null })).toBe(false)
  })
})
