import { describe, expect, it } from 'vitest'
import type { DrillMove, DrillTrialRow } from './drillTrial.ts'
import {
  aatCells,
  bootstrapMeanCi,
  preprocessAatSession,
  scoreAatSession,
  type AatCell,
} from './aatScore.ts'
import { singleSessionReliabilityNote, splitHalfReliability } from './aatReliability.ts'
import { mulberry32, type Rng } from './stats.ts'

// ---------------------------------------------------------------------------------------------------------------
// Row builders

type Extra = Partial<DrillTrialRow>

function splitCell(cell: AatCell): Pick<DrillTrialRow, 'category' | 'required'> {
  const [category, required] = cell.split('-') as [DrillTrialRow['category'], DrillMove]
  return { category, required }
}

const opposite = (move: DrillMove): DrillMove => (move === 'push' ? 'pull' : 'push')

let trialNumber = 0
function baseRow(cell: AatCell, extra: Extra): DrillTrialRow {
  const { category, required } = splitCell(cell)
  trialNumber++
  const onset = 10_000 + trialNumber * 3000
  const rt = extra.rt_initiation_ms === undefined ? 500 : extra.rt_initiation_ms
  return {
    subject: 'AB12',
    session: 1,
    task: 'alcohol-aat',
    mode: 'assessment',
    block: 'assessment',
    trial: trialNumber,
    attempt: 1,
    stimulus: `${category}-${trialNumber}.webp`,
    category,
    required,
    response: required,
    correct: true,
    onset_ms: onset,
    touchdown_ms: rt === null ? null : onset + rt - 40,
    initiation_ms: rt === null ? null : onset + rt,
    completion_ms: rt === null ? null : onset + rt + 150,
    rt_initiation_ms: rt,
    rt_completion_ms: rt === null ? null : rt + 150,
    frame_interval_ms: 16.7,
    painted_ms: null,
    ...extra,
  }
}

/** A correct first attempt with this initiation RT. */
const ok = (cell: AatCell, rt: number, extra: Extra = {}) => baseRow(cell, { rt_initiation_ms: rt, ...extra })
/** The wrong move, made in time. */
const wrong = (cell: AatCell, rt: number, extra: Extra = {}) =>
  baseRow(cell, { rt_initiation_ms: rt, response: opposite(splitCell(cell).required), correct: false, ...extra })
/** No move before the deadline. */
const timeout = (cell: AatCell, extra: Extra = {}) =>
  baseRow(cell, { rt_initiation_ms: null, response: 'none', correct: false, ...extra })
/** The repeat the drill shows after an error: correct, fast (the user now knows the answer), attempt 2. */
const repeat = (cell: AatCell, rt: number) => ok(cell, rt, { attempt: 2 })

const cellRows = (cell: AatCell, rts: readonly number[]) => rts.map((rt) => ok(cell, rt))

/**
 * Bias is scored only when the assessment rows assign each category to both moves. Tests about one or two cells
 * add one timed-out trial to every cell they do not use: the cell is assigned (so the session is balanced) but
 * holds no RT, and its timeout is counted as an error like any other.
 */
const balanced = (rows: DrillTrialRow[]): DrillTrialRow[] => {
  const used = new Set(rows.filter((r) => r.block === 'assessment').map((r) => `${r.category}-${r.required}`))
  return [...rows, ...aatCells.filter((cell) => !used.has(cell)).map((cell) => timeout(cell))]
}

/** True when some value anywhere in the object is NaN or ±Infinity. */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (value && typeof value === 'object') return Object.values(value).some(hasNonFinite)
  return false
}

// ---------------------------------------------------------------------------------------------------------------
// The hand-computed fixture

/*
 * Scored (correct, first attempt, not practice, ≥ 200 ms) RTs per cell, with values worked out by hand:
 *
 *   alcohol-push  600, 700, 800        n 3  mean 2100/3 = 700   median 700
 *                 deviations −100, 0, 100 → SS 20000 → var 20000/2 = 10000 → SD 100
 *   alcohol-pull  450, 500, 550, 700   n 4  mean 2200/4 = 550   median (500+550)/2 = 525
 *                 deviations −100, −50, 0, 150 → SS 10000+2500+0+22500 = 35000 → var 35000/3 = 11666.67 → SD 108.0123
 *   soft-push     620, 640, 660        n 3  mean 1920/3 = 640   median 640
 *                 deviations −20, 0, 20 → SS 800 → var 400 → SD 20
 *   soft-pull     560, 600, 640, 660   n 4  mean 2460/4 = 615   median (600+640)/2 = 620
 *                 deviations −55, −15, 25, 45 → SS 3025+225+625+2025 = 5900 → var 1966.67 → SD 44.3471
 *
 * Bias = M(push) − M(pull):
 *   alcohol  mean 700 − 550 = 150    median 700 − 525 = 175
 *   soft     mean 640 − 615 = 25     median 640 − 620 = 20
 * DD:        mean 150 − 25 = 125     median 175 − 20 = 155
 *
 * All 14 kept RTs: sum 2100 + 2200 + 1920 + 2460 = 8680, mean 620.
 *   SS about 620: alc-push 400+6400+32400 = 39200; alc-pull 28900+14400+4900+6400 = 54600;
 *                 soft-push 0+400+1600 = 2000; soft-pull 3600+400+400+1600 = 6000 → total 101800
 *   SD = √(101800/13) = √7830.769 = 88.4916 → D(mean) = 125 / 88.4916 = 1.41256
 *   sorted: 450 500 550 560 600 600 620 | 640 640 660 660 700 700 800 → median (620+640)/2 = 630
 *   |x − 630| sorted: 10 10 10 30 30 30 30 | 70 70 70 80 130 170 180 → raw MAD (30+70)/2 = 50
 *   scaled MAD 50 × 1.4826 = 74.13 → D(median) = 155 / 74.13 = 2.09092
 *
 * Left out:
 *   practice: 3 rows (two correct with extreme RTs, one error) — not even first attempts
 *   repeats: 3 rows (attempt 2, each after an error, fast 300 ms) — would pull their cells' means down
 *   errors: 3 first attempts — alcohol-push wrong move, alcohol-pull wrong move, soft-push timeout (1 timeout)
 *   below floor: 1 — alcohol-push 150 ms
 *   3-SD outliers: 0 — cells of 3–4 trials cannot hold one (the max is (n−1)/√n = 1.15 and 1.5 SD)
 * First attempts: 14 kept + 1 below floor + 3 errors = 18 → error rate 3/18 = 0.1667
 *   alcohol-push 1 error / (3 + 1 floor + 1 error = 5) = 0.2
 *   alcohol-pull 1 / (4 + 1) = 0.2
 *   soft-push    1 / (3 + 1) = 0.25
 *   soft-pull    0 / 4 = 0
 * Total rows: 18 + 3 repeats + 3 practice = 24.
 */
function handFixture(): DrillTrialRow[] {
  return [
    ok('alcohol-pull', 260, { block: 'practice' }),
    ok('soft-push', 2400, { block: 'practice' }),
    wrong('alcohol-push', 420, { block: 'practice' }),
    ...cellRows('alcohol-push', [600, 700]),
    wrong('alcohol-push', 480),
    repeat('alcohol-push', 300),
    ok('alcohol-push', 150),
    ok('alcohol-push', 800),
    ...cellRows('alcohol-pull', [450, 500]),
    wrong('alcohol-pull', 390),
    repeat('alcohol-pull', 300),
    ...cellRows('alcohol-pull', [550, 700]),
    ...cellRows('soft-push', [620, 640]),
    timeout('soft-push'),
    repeat('soft-push', 300),
    ok('soft-push', 660),
    ...cellRows('soft-pull', [560, 600, 640, 660]),
  ]
}

describe('scoreAatSession on the hand-computed fixture', () => {
  const score = scoreAatSession(handFixture())

  it('counts every trial and every exclusion reason', () => {
    expect(score.trials).toEqual({
      total: 24,
      practice: 3,
      training: 0,
      repeats: 3,
      firstAttempts: 18,
      errors: 3,
      timeouts: 1,
      missingRt: 0,
      outOfRange: 0,
      belowFloor: 1,
      outliers: 0,
      scored: 14,
    })
  })

  it('error rate overall and per cell (timeouts count as errors)', () => {
    expect(score.errorRate).toBeCloseTo(3 / 18, 12)
    expect(score.errorRateByCell).toEqual({ 'alcohol-push': 0.2, 'alcohol-pull': 0.2, 'soft-push': 0.25, 'soft-pull': 0 })
  })

  it('cell n, mean, median and sample SD', () => {
    expect(score.cells['alcohol-push']).toEqual({ n: 3, mean: 700, median: 700, sd: 100 })
    expect(score.cells['alcohol-pull']).toMatchObject({ n: 4, mean: 550, median: 525 })
    expect(score.cells['alcohol-pull'].sd).toBeCloseTo(108.0123, 4)
    expect(score.cells['soft-push'].n).toBe(3)
    expect(score.cells['soft-push'].mean).toBeCloseTo(640, 10)
    expect(score.cells['soft-push'].median).toBe(640)
    expect(score.cells['soft-push'].sd).toBeCloseTo(20, 10)
    expect(score.cells['soft-pull']).toMatchObject({ n: 4, mean: 615, median: 620 })
    expect(score.cells['soft-pull'].sd).toBeCloseTo(44.3471, 4)
  })

  it('category biases, double difference and D-scores, with means and with medians', () => {
    expect(score.bias.alcohol.mean).toBeCloseTo(150, 10)
    expect(score.bias.alcohol.median).toBe(175)
    expect(score.bias.soft.mean).toBeCloseTo(25, 10)
    expect(score.bias.soft.median).toBe(20)
    expect(score.doubleDifference.mean).toBeCloseTo(125, 10)
    expect(score.doubleDifference.median).toBe(155)
    expect(score.spread.sd).toBeCloseTo(88.4916, 4)
    expect(score.spread.mad).toBeCloseTo(74.13, 10)
    expect(score.dScore.mean).toBeCloseTo(1.41256, 5)
    expect(score.dScore.median).toBeCloseTo(2.09092, 5)
  })

  it('warns in plain words about thin cells and reports the options used', () => {
    expect(score.warnings).toEqual([
      'fewer than 10 scored trials in alcohol-push (3)',
      'fewer than 10 scored trials in alcohol-pull (4)',
      'fewer than 10 scored trials in soft-push (3)',
      'fewer than 10 scored trials in soft-pull (4)',
    ])
    // maxRtMs: the largest timeout a scene may set (10 000 ms) plus the 500 ms slack.
    expect(score.options).toEqual({ floorMs: 200, outlierSd: 3, minCellTrials: 10, maxRtMs: 10_500 })
    expect(score.scoredBlocks).toEqual(['assessment'])
    expect(score.biasReason).toBeNull()
    expect(score.training).toBeNull()
  })

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(score))).toEqual(score)
    expect(hasNonFinite(score)).toBe(false)
  })
})

describe('trial selection', () => {
  it('ignores practice trials and repeat attempts entirely', () => {
    const plain = balanced([...cellRows('alcohol-push', [600, 700, 800]), ...cellRows('alcohol-pull', [500, 550])])
    const noisy = [
      ...plain,
      ok('alcohol-push', 5000, { block: 'practice' }),
      ok('alcohol-pull', 250, { block: 'practice', attempt: 2 }),
      ok('alcohol-push', 250, { attempt: 2 }),
      ok('alcohol-pull', 4000, { attempt: 3 }),
    ]
    const a = scoreAatSession(plain)
    const b = scoreAatSession(noisy)
    expect(b.cells).toEqual(a.cells)
    expect(b.errorRate).toBe(a.errorRate)
    // 5 scored + 2 balancing timeouts (soft-push, soft-pull) = 7 first attempts; 7 + 2 practice + 2 repeats = 11.
    expect(b.trials).toMatchObject({ total: 11, practice: 2, repeats: 2, firstAttempts: 7, scored: 5 })
  })

  it('a correct repeat does not undo the error of the first attempt', () => {
    const score = scoreAatSession(balanced([wrong('soft-pull', 450), repeat('soft-pull', 400), ok('soft-pull', 600)]))
    // First attempts in soft-pull: the wrong one and the 600 ms one → 1 error of 2.
    expect(score.errorRateByCell['soft-pull']).toBe(0.5)
    expect(score.cells['soft-pull']).toEqual({ n: 1, mean: 600, median: 600, sd: null })
  })

  it('a training block never enters the bias cells', () => {
    const score = scoreAatSession(balanced([ok('soft-push', 600, { block: 'training', mode: 'training' }), ok('soft-push', 700)]))
    expect(score.cells['soft-push']).toEqual({ n: 1, mean: 700, median: 700, sd: null })
    expect(score.trials).toMatchObject({ total: 5, training: 1, firstAttempts: 4, scored: 1 })
  })

  it('timeouts count as errors (and as timeouts), with no RT penalty', () => {
    const score = scoreAatSession(balanced([timeout('alcohol-pull'), timeout('alcohol-pull'), wrong('alcohol-pull', 500), ok('alcohol-pull', 640)]))
    // 4 alcohol-pull first attempts + 3 balancing timeouts.
    expect(score.trials).toMatchObject({ firstAttempts: 7, errors: 6, timeouts: 5, scored: 1 })
    expect(score.errorRateByCell['alcohol-pull']).toBe(0.75)
    expect(score.errorRateByCell['alcohol-push']).toBe(1)
    // The error trials leave no trace in the RTs: the cell mean is the one correct RT.
    expect(score.cells['alcohol-pull'].mean).toBe(640)
  })

  it('counts a correct first attempt without an RT as missing and warns about it', () => {
    const score = scoreAatSession(balanced([ok('soft-pull', 600), baseRow('soft-pull', { rt_initiation_ms: null })]))
    expect(score.trials).toMatchObject({ firstAttempts: 5, errors: 3, missingRt: 1, scored: 1 })
    expect(score.warnings).toContain('1 correct trial(s) had no reaction time and were left out')
  })
})

describe('RT exclusions', () => {
  it('drops RTs below the floor, and the floor is an option', () => {
    const rows = balanced(cellRows('soft-push', [150, 199, 200, 600]))
    expect(scoreAatSession(rows).trials).toMatchObject({ belowFloor: 2, scored: 2 })
    // 200 itself is not below a 200 ms floor: kept.
    expect(scoreAatSession(rows).cells['soft-push'].mean).toBe(400)
    expect(scoreAatSession(rows, { floorMs: 0 }).trials).toMatchObject({ belowFloor: 0, scored: 4 })
    expect(scoreAatSession(rows, { floorMs: 180 }).trials).toMatchObject({ belowFloor: 1, scored: 3 })
  })

  /*
   * 3-SD outlier, by hand. Eleven ordinary RTs: 480, 490, 490, 500, 500, 500, 500, 500, 510, 510, 520
   *   sum 5500, mean 500; SS about 500 = 400+100+100+0·5+100+100+400 = 1200.
   * Add one slow RT of 1000 → 12 values, sum 6500, mean 541.667.
   *   SS of all 12 = 1200 + (11·1/12)·(1000 − 500)² = 1200 + 229166.67 = 230366.67 (within + between parts)
   *   SD = √(230366.67 / 11) = √20942.42 = 144.715; 3 SD = 434.15.
   *   |1000 − 541.667| = 458.33 > 434.15 → removed (z = 3.167; the largest z possible with n = 12 is 11/√12 = 3.175).
   *   The furthest ordinary RT: |480 − 541.667| = 61.67 → kept.
   * After removal: n 11, mean 500, median 500, SD √(1200/10) = 10.954 (one pass: not recomputed and re-applied).
   */
  const eleven = [480, 490, 490, 500, 500, 500, 500, 500, 510, 510, 520]

  it('removes an RT more than 3 SD from its cell mean (the mean and SD include that RT)', () => {
    const rows = balanced([...cellRows('alcohol-pull', [...eleven, 1000]), ...cellRows('alcohol-push', eleven)])
    const score = scoreAatSession(rows)
    expect(score.trials).toMatchObject({ outliers: 1, scored: 22 })
    expect(score.cells['alcohol-pull'].n).toBe(11)
    expect(score.cells['alcohol-pull'].mean).toBe(500)
    expect(score.cells['alcohol-pull'].median).toBe(500)
    expect(score.cells['alcohol-pull'].sd).toBeCloseTo(10.954, 3)
    // The same value in another cell is judged against that cell only: alcohol-push keeps all eleven.
    expect(score.cells['alcohol-push'].n).toBe(11)
  })

  it('the SD limit is an option: at 3.2 SD the same RT stays', () => {
    const score = scoreAatSession(balanced(cellRows('alcohol-pull', [...eleven, 1000])), { outlierSd: 3.2 })
    expect(score.trials.outliers).toBe(0)
    expect(score.cells['alcohol-pull'].n).toBe(12)
  })

  it('with 10 trials in a cell a 3-SD outlier is out of reach, however extreme', () => {
    // Nine times 500 and one 10000: z = (n − 1)/√n = 9/√10 = 2.846 < 3, so nothing can be removed.
    const score = scoreAatSession(balanced(cellRows('soft-pull', [...Array<number>(9).fill(500), 10_000])))
    expect(score.trials.outliers).toBe(0)
    expect(score.cells['soft-pull'].n).toBe(10)
  })

  it('the SD rule runs on the floor-filtered cell', () => {
    // Without the 100 ms RT dropped first, the cell SD would be larger and 1000 would stay.
    const rows = balanced(cellRows('alcohol-pull', [...eleven, 1000, 100]))
    const score = scoreAatSession(rows)
    expect(score.trials).toMatchObject({ belowFloor: 1, outliers: 1, scored: 11 })
    expect(scoreAatSession(rows, { floorMs: 0 }).trials.outliers).toBe(0)
  })
})

describe('empty and degenerate data give null, never NaN', () => {
  it('an empty cell empties what needs it and nothing else', () => {
    // soft-pull is asked for once and timed out: assigned (so the session is balanced) but without an RT.
    const rows = balanced([...cellRows('alcohol-push', [600, 700]), ...cellRows('alcohol-pull', [500, 600]), ...cellRows('soft-push', [600, 640])])
    const score = scoreAatSession(rows)
    expect(score.cells['soft-pull']).toEqual({ n: 0, mean: null, median: null, sd: null })
    expect(score.errorRateByCell['soft-pull']).toBe(1)
    // alcohol bias: 650 − 550 = 100 (both ways); the soft bias, DD and D need soft-pull.
    expect(score.bias.alcohol).toEqual({ mean: 100, median: 100 })
    expect(score.bias.soft).toEqual({ mean: null, median: null })
    expect(score.doubleDifference).toEqual({ mean: null, median: null })
    expect(score.dScore).toEqual({ mean: null, median: null })
    expect(score.warnings).toContain('no scored trials in soft-pull, so the scores that need this cell are empty')
    expect(hasNonFinite(score)).toBe(false)
  })

  it('no rows at all', () => {
    const score = scoreAatSession([])
    expect(score.errorRate).toBeNull()
    expect(score.spread).toEqual({ sd: null, mad: null })
    expect(score.warnings).toEqual(['there are no trials to score'])
    expect(hasNonFinite(score)).toBe(false)
    expect(JSON.parse(JSON.stringify(score))).toEqual(score)
  })

  it('only errors: error rate 1, everything else empty', () => {
    const score = scoreAatSession(aatCells.map((cell) => timeout(cell)))
    expect(score.errorRate).toBe(1)
    expect(score.trials.scored).toBe(0)
    expect(hasNonFinite(score)).toBe(false)
  })

  it('an SD or MAD of 0 gives a null D-score and a warning', () => {
    const rows = aatCells.flatMap((cell) => cellRows(cell, [500, 500]))
    const score = scoreAatSession(rows)
    expect(score.doubleDifference).toEqual({ mean: 0, median: 0 })
    expect(score.spread).toEqual({ sd: 0, mad: 0 })
    expect(score.dScore).toEqual({ mean: null, median: null })
    expect(score.warnings).toContain('all scored reaction times are the same, so the D-score cannot be computed')
    expect(hasNonFinite(score)).toBe(false)
  })
})

describe('options and input checks', () => {
  it('undefined options fall back to the defaults; nonsense is rejected', () => {
    expect(scoreAatSession([], { floorMs: undefined }).options.floorMs).toBe(200)
    expect(() => scoreAatSession([], { floorMs: -1 })).toThrow(RangeError)
    expect(() => scoreAatSession([], { outlierSd: 0 })).toThrow(RangeError)
    expect(() => scoreAatSession([], { minCellTrials: 2.5 })).toThrow(RangeError)
  })

  it('warns when the rows mix sessions', () => {
    const score = scoreAatSession([ok('soft-pull', 600), ok('soft-pull', 600, { session: 2 })])
    expect(score.warnings.some((w) => w.startsWith('the trials come from more than one session'))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Reliability

/** Standard normal draw (Box-Muller) from the seeded PRNG. */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
}

/**
 * One synthetic session: soft cells at 600 ms, alcohol cells 600 ± alcoholBias/2 (so its true DD is alcoholBias),
 * plus Gaussian noise on every trial.
 */
function syntheticSession(subject: string, alcoholBias: number, noiseSd: number, perCell: number, rng: Rng): DrillTrialRow[] {
  const centre: Record<AatCell, number> = { 'alcohol-push': 600 + alcoholBias / 2, 'alcohol-pull': 600 - alcoholBias / 2, 'soft-push': 600, 'soft-pull': 600 }
  return aatCells.flatMap((cell) => Array.from({ length: perCell }, () => ok(cell, Math.round(centre[cell] + noiseSd * normal(rng)), { subject })))
}

function syntheticSessions(count: number, biasSpread: number, noiseSd: number, seed: number): DrillTrialRow[][] {
  const rng = mulberry32(seed)
  return Array.from({ length: count }, (_, i) => syntheticSession(`S${i}`, biasSpread * (2 * rng() - 1), noiseSd, 12, rng))
}

describe('splitHalfReliability', () => {
  it('cannot be computed for one session (or two): null with the note the debrief shows', () => {
    const rng = mulberry32(1)
    const one = splitHalfReliability([syntheticSession('S1', 100, 30, 12, rng)])
    expect(one.mean).toBeNull()
    expect(one.reason).toContain(singleSessionReliabilityNote)
    expect(one.sessions).toBe(1)
    expect(splitHalfReliability([]).mean).toBeNull()
    expect(splitHalfReliability(syntheticSessions(2, 100, 30, 2)).reason).toContain('at least 3 sessions')
  })

  it('needs at least 2 kept trials per cell half', () => {
    const sessions = syntheticSessions(4, 100, 30, 3)
    // Session 3 keeps only 3 alcohol-pull trials (its others become errors).
    const third = sessions[2] as DrillTrialRow[]
    let pulls = 0
    sessions[2] = third.map((row) => (row.category === 'alcohol' && row.required === 'pull' && ++pulls > 3 ? { ...row, correct: false, response: 'push' } : row))
    const result = splitHalfReliability(sessions, { splits: 10 })
    expect(result.mean).toBeNull()
    expect(result.reason).toBe('session 3 (S2, session 1) has 3 scored trial(s) in alcohol-pull; each half needs at least 2, so at least 4')
  })

  it('by hand: sessions whose cells hold identical RTs split into identical halves, so r = 1 and r_SB = 1', () => {
    // Each half's DD equals the session's DD (0, 100 and 250 here), so the halves correlate perfectly in every split.
    const session = (subject: string, dd: number) => [
      ...Array.from({ length: 4 }, () => ok('alcohol-push', 600 + dd, { subject })),
      ...Array.from({ length: 4 }, () => ok('alcohol-pull', 600, { subject })),
      ...Array.from({ length: 4 }, () => ok('soft-push', 600, { subject })),
      ...Array.from({ length: 4 }, () => ok('soft-pull', 600, { subject })),
    ]
    const result = splitHalfReliability([session('A', 0), session('B', 100), session('C', 250)], { splits: 20 })
    expect(result).toMatchObject({ sessions: 3, splits: 20, undefinedSplits: 0, reason: null })
    expect(result.mean).toBeCloseTo(1, 12)
    if (result.reason === null) {
      expect(result.meanR).toBeCloseTo(1, 12)
      expect(result.lower).toBeCloseTo(1, 12)
      expect(result.upper).toBeCloseTo(1, 12)
    }
  })

  it('is deterministic for a seed, and the seed matters', () => {
    const sessions = syntheticSessions(10, 150, 40, 4)
    const a = splitHalfReliability(sessions, { splits: 100, seed: 9 })
    const b = splitHalfReliability(sessions, { splits: 100, seed: 9 })
    const c = splitHalfReliability(sessions, { splits: 100, seed: 10 })
    expect(b).toEqual(a)
    expect(c.mean).not.toBe(a.mean)
  })

  it('is high when sessions differ in true bias far more than the trial noise', () => {
    // True DDs spread uniformly over ±150 ms (SD ≈ 87); noise SD 30 ms with 6 trials per half-cell gives a
    // half-DD error SD of about 2·30/√6 ≈ 24.5 → expected half r ≈ 87²/(87² + 24.5²) ≈ .93, r_SB ≈ .96.
    const result = splitHalfReliability(syntheticSessions(30, 150, 30, 5), { splits: 200, seed: 1 })
    expect(result.reason).toBeNull()
    expect(result.mean as number).toBeGreaterThan(0.8)
    expect(result.mean as number).toBeLessThanOrEqual(1)
    if (result.reason === null) {
      expect(result.lower).toBeLessThanOrEqual(result.mean)
      expect(result.upper).toBeGreaterThanOrEqual(result.mean)
    }
  })

  it('is near 0 when the sessions differ only by noise', () => {
    // With no true differences the half-scores share nothing but the session's own sampling noise, which the two
    // halves split between them: E[r] = 0. For one data set r still wanders (about ±0.15 with 40 sessions), and
    // Spearman-Brown stretches negative r further from 0 (r = −0.2 → −0.5), so the bounds are loose but far
    // from the > 0.8 of real differences.
    const result = splitHalfReliability(syntheticSessions(40, 0, 50, 6), { splits: 200, seed: 1 })
    expect(result.reason).toBeNull()
    if (result.reason === null) expect(Math.abs(result.meanR)).toBeLessThan(0.3)
    expect(result.mean as number).toBeLessThan(0.5)
    expect(result.mean as number).toBeGreaterThan(-0.8)
  })

  it('rejects a split count that is not a positive whole number', () => {
    expect(() => splitHalfReliability(syntheticSessions(3, 100, 30, 7), { splits: 0 })).toThrow(RangeError)
  })

  it('uses the same kept trials as scoreAatSession', () => {
    const rows = handFixture()
    const pre = preprocessAatSession(rows)
    const score = scoreAatSession(rows)
    for (const cell of aatCells) expect(pre.cells[cell].kept.length).toBe(score.cells[cell].n)
  })
})

describe('bootstrapMeanCi over session scores', () => {
  it('gives a seeded, repeatable interval for a trend of D-scores, skipping unscorable sessions', () => {
    const dScores = [0.42, 0.31, null, 0.18, 0.25, 0.1]
    const ci = bootstrapMeanCi(dScores, { iterations: 1000, seed: 5, level: 0.95 })
    expect(ci).toEqual(bootstrapMeanCi(dScores, { iterations: 1000, seed: 5, level: 0.95 }))
    // Mean of the five numbers: 1.26 / 5 = 0.252.
    expect(ci.n).toBe(5)
    expect(ci.mean).toBeCloseTo(0.252, 12)
    expect(ci.lower as number).toBeLessThan(0.252)
    expect(ci.upper as number).toBeGreaterThan(0.252)
  })
})
