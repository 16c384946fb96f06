import { seededRandom as mulberry32, shuffled } from '../engine/drill/seededRandom.ts'

/**
 * Small descriptive statistics for the drill scores. Every function returns `null` instead of NaN or Infinity
 * when its value is undefined (no data, zero spread), so results stay JSON-serialisable and the debrief can
 * show "not enough data" instead of a meaningless number.
 */

/** A source of uniform numbers in [0, 1); seeded so that every score that draws random numbers is reproducible. */
export type Rng = () => number

/** Scale that makes the MAD a consistent estimator of the SD for normal data (1 / Φ⁻¹(3/4)). */
export const madNormalScale = 1.4826

export function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}

/**
 * A finite value, or null where the true value is too large for a double. Every statistic below is computed
 * plainly first (so ordinary data give the ordinary, hand-checkable result) and only on overflow again on values
 * divided by their largest magnitude: mean, median, SD and MAD all scale with their input, f(x / c) · c = f(x).
 * So one absurd value (say 1e308) can never turn a statistic into Infinity or NaN.
 */
function finiteOrScaled(values: readonly number[], plain: (xs: readonly number[]) => number): number | null {
  const direct = plain(values)
  if (Number.isFinite(direct)) return direct
  if (values.some((v) => !Number.isFinite(v))) return null
  let largest = 0
  for (const value of values) largest = Math.max(largest, Math.abs(value))
  if (largest === 0) return null
  const scaled = plain(values.map((v) => v / largest)) * largest
  return Number.isFinite(scaled) ? scaled : null
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : finiteOrScaled(values, (xs) => sum(xs) / xs.length)
}

/** Middle value; for an even count the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] as number
  if (sorted.length % 2 === 1) return Number.isFinite(upper) ? upper : null
  const lower = sorted[mid - 1] as number
  const middle = (lower + upper) / 2
  // Two huge middle values of one sign overflow when added; halving first cannot.
  return Number.isFinite(middle) ? middle : Number.isFinite(lower / 2 + upper / 2) ? lower / 2 + upper / 2 : null
}

/**
 * Sample SD (n − 1 in the denominator). The AAT literature (and the D-score of Greenwald et al. 2003) treats a
 * participant's trials as a sample of their possible responses, so the unbiased-variance form is the convention.
 * One value has no spread to estimate: null.
 */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null
  return finiteOrScaled(values, (xs) => {
    const m = sum(xs) / xs.length
    let squares = 0
    for (const value of xs) squares += (value - m) ** 2
    return Math.sqrt(squares / (xs.length - 1))
  })
}

/**
 * Median absolute deviation from the median. `scaled` (the default) multiplies by 1.4826 so the MAD is on the
 * same scale as an SD for normal data; that is what the median D-score divides by, so it stays comparable with
 * the mean D-score. Same as R's `mad()` with its default constant.
 */
export function mad(values: readonly number[], { scaled = true }: { scaled?: boolean } = {}): number | null {
  if (values.length === 0) return null
  const raw = finiteOrScaled(values, (xs) => {
    const centre = median(xs)
    if (centre === null) return NaN
    return median(xs.map((value) => Math.abs(value - centre))) ?? NaN
  })
  if (raw === null) return null
  const result = scaled ? raw * madNormalScale : raw
  return Number.isFinite(result) ? result : null
}

/** Pearson correlation; null when fewer than 3 pairs or either side has no spread (the correlation is undefined). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearson: ${xs.length} x values but ${ys.length} y values`)
  if (xs.length < 3) return null
  if (![...xs, ...ys].every(Number.isFinite)) return null
  // r does not change when either side is divided by a constant: dividing by the largest magnitude keeps every
  // product below overflow.
  const unit = (vs: readonly number[]) => {
    const largest = vs.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    return largest === 0 ? vs : vs.map((v) => v / largest)
  }
  const plain = pearsonPlain(xs, ys)
  return plain === null || Number.isFinite(plain) ? plain : pearsonPlain(unit(xs), unit(ys))
}

function pearsonPlain(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs) as number
  const my = mean(ys) as number
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx
    const dy = (ys[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (![sxy, sxx, syy].every(Number.isFinite)) return NaN
  if (sxx === 0 || syy === 0) return null
  // Rounding can push |r| a hair past 1 for perfectly collinear data; clamp so Spearman-Brown stays sane.
  return Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))))
}

/**
 * Spearman-Brown prophecy for doubling the test length: r_SB = 2r / (1 + r). A split-half correlation is the
 * reliability of half the trials; this estimates it for all of them. r = −1 has no finite value: null.
 */
export function spearmanBrown(r: number): number | null {
  return r === -1 ? null : (2 * r) / (1 + r)
}

/**
 * Percentile p (0–1) by linear interpolation between order statistics (R's default, type 7), so results can be
 * checked against R.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError(`percentile: p must be in [0, 1], got ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const lower = sorted[below] as number
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number
  const fraction = position - below
  if (fraction === 0) return lower
  const value = lower + (upper - lower) * fraction
  // upper − lower overflows only for values near ±1.8e308; interpolate between the halves instead.
  return Number.isFinite(value) ? value : (lower / 2 + (upper / 2 - lower / 2) * fraction) * 2
}

/**
 * The engine's seeded generator (mulberry32) and shuffle: reproducible across browsers and Node, so a re-run of
 * a reliability estimate on the same data gives the same number.
 */
export { mulberry32, shuffled }

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}


export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  iterations?: number
  /** PRNG seed (default 1), so the same data always give the same interval. */
  seed?: number
  /** Coverage of the interval, between 0 and 1 exclusive (default 0.95). */
  level?: number
}

export interface BootstrapMeanCi {
  /** Number of values used (nulls are left out). */
  n: number
  mean: number | null
  lower: number | null
  upper: number | null
  level: number
  iterations: number
  seed: number
}

/**
 * Percentile bootstrap CI of a mean, e.g. of a client's D-scores over sessions. The debrief must show a trend
 * with its uncertainty, never one session's score as a finding about the person. Nulls (sessions that could not
 * be scored) are left out rather than treated as zero. With fewer than 2 values every resample is the same
 * value, which says nothing about uncertainty, so the interval is null.
 */
export function bootstrapMeanCi(values: ReadonlyArray<number | null>, options: BootstrapOptions = {}): BootstrapMeanCi {
  const { iterations = 2000, seed = 1, level = 0.95 } = options
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`bootstrap: iterations must be a positive integer, got ${iterations}`)
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must be between 0 and 1, got ${level}`)
  const data = values.filter((value): value is number => value !== null && Number.isFinite(value))
  const base = { n: data.length, mean: mean(data), level, iterations, seed }
  if (data.length < 2) return { ...base, lower: null, upper: null }
  const rng = mulberry32(seed)
  const means: number[] = []
  for (let i = 0; i < iterations; i++) {
    let total = 0
    for (let j = 0; j < data.length; j++) total += data[randomInt(rng, data.length)] as number
    means.push(total / data.length)
  }
  const tail = (1 - level) / 2
  return { ...base, lower: percentile(means, tail), upper: percentile(means, 1 - tail) }
}
