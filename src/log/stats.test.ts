import { describe, expect, it } from 'vitest'
import { bootstrapMeanCi, mad, madNormalScale, mean, median, mulberry32, pearson, percentile, sampleSd, shuffled, spearmanBrown } from './stats.ts'

describe('descriptive statistics', () => {
  it('mean and median, with null for no data', () => {
    expect(mean([600, 700, 800])).toBe(700)
    expect(mean([])).toBeNull()
    expect(median([800, 600, 700])).toBe(700)
    // Even count: (500 + 550) / 2 = 525; the input order does not matter.
    expect(median([700, 450, 550, 500])).toBe(525)
    expect(median([])).toBeNull()
  })

  it('sample SD divides by n − 1, and one value has no SD', () => {
    // Deviations from 700: −100, 0, 100; squares 20000; / (3 − 1) = 10000; √ = 100.
    expect(sampleSd([600, 700, 800])).toBe(100)
    // Deviations from 5: −3, −1, 1, 3; squares 20; / 3 = 6.667; √ = 2.582 (the population SD would be √5 = 2.236).
    expect(sampleSd([2, 4, 6, 8])).toBeCloseTo(Math.sqrt(20 / 3), 12)
    expect(sampleSd([700])).toBeNull()
    expect(sampleSd([])).toBeNull()
    expect(sampleSd([5, 5, 5])).toBe(0)
  })

  it('MAD: raw median absolute deviation, and scaled by 1.4826 by default', () => {
    // Median 3; absolute deviations 2, 1, 0, 1, 6 → sorted 0, 1, 1, 2, 6 → median 1.
    expect(mad([1, 2, 3, 4, 9], { scaled: false })).toBe(1)
    expect(mad([1, 2, 3, 4, 9])).toBeCloseTo(1.4826, 12)
    expect(madNormalScale).toBe(1.4826)
    expect(mad([])).toBeNull()
  })

  it('Pearson r, null when undefined', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12)
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12)
    // x deviations −1, 0, 1; y = 1, 3, 2 → deviations −1, 1, 0. Sxy = 1, Sxx = 2, Syy = 2 → r = 1 / 2 = 0.5.
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12)
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull()
    expect(pearson([1, 2], [1, 2])).toBeNull()
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError)
  })

  it('Spearman-Brown steps a half-length r up to full length', () => {
    // 2 × 0.5 / 1.5 = 0.6667
    expect(spearmanBrown(0.5)).toBeCloseTo(2 / 3, 12)
    // 2 × 0.8 / 1.8 = 0.8889
    expect(spearmanBrown(0.8)).toBeCloseTo(0.8889, 4)
    expect(spearmanBrown(0)).toBe(0)
    expect(spearmanBrown(1)).toBe(1)
    // Negative r gets more negative: 2 × −0.2 / 0.8 = −0.5.
    expect(spearmanBrown(-0.2)).toBeCloseTo(-0.5, 12)
    expect(spearmanBrown(-1)).toBeNull()
  })

  it('percentile interpolates like R type 7', () => {
    // Positions 0..4; p = 0.25 → position 1 → 20; p = 0.1 → position 0.4 → 10 + 0.4 × 10 = 14.
    expect(percentile([50, 10, 40, 20, 30], 0.25)).toBe(20)
    expect(percentile([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14, 12)
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10)
    expect(percentile([10, 20, 30, 40, 50], 1)).toBe(50)
    expect(percentile([], 0.5)).toBeNull()
    expect(() => percentile([1], 1.5)).toThrow(RangeError)
  })
})

describe('seeded randomness', () => {
  it('mulberry32 repeats for a seed, differs between seeds and stays in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const fromA = Array.from({ length: 1000 }, () => a())
    const fromB = Array.from({ length: 1000 }, () => b())
    const fromC = Array.from({ length: 1000 }, () => c())
    expect(fromA).toEqual(fromB)
    expect(fromA).not.toEqual(fromC)
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true)
    // Uniform on [0, 1): mean 0.5, SD of the mean of 1000 draws ≈ 0.009.
    expect(mean(fromA)).toBeGreaterThan(0.46)
    expect(mean(fromA)).toBeLessThan(0.54)
  })

  it('shuffled returns a permutation of a copy', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8]
    const out = shuffled(input, mulberry32(7))
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect([...out].sort((x, y) => x - y)).toEqual(input)
    expect(shuffled(input, mulberry32(7))).toEqual(out)
  })
})

describe('bootstrapMeanCi', () => {
  const dScores = [0.1, 0.4, 0.35, 0.2, 0.6, 0.3, 0.45, 0.25]

  it('is deterministic for a seed and brackets the mean', () => {
    const first = bootstrapMeanCi(dScores, { iterations: 2000, seed: 11 })
    const again = bootstrapMeanCi(dScores, { iterations: 2000, seed: 11 })
    const other = bootstrapMeanCi(dScores, { iterations: 2000, seed: 12 })
    expect(again).toEqual(first)
    expect(other.lower).not.toBe(first.lower)
    // Mean = 2.65 / 8 = 0.33125.
    expect(first.mean).toBeCloseTo(0.33125, 12)
    expect(first.n).toBe(8)
    expect(first.lower as number).toBeLessThan(first.mean as number)
    expect(first.upper as number).toBeGreaterThan(first.mean as number)
    // Normal approximation: sample SD 0.1557, SE = 0.1557 / √8 = 0.055, so the 95% CI is about 0.33 ± 0.108; allow slack.
    expect(first.lower as number).toBeGreaterThan(0.18)
    expect(first.upper as number).toBeLessThan(0.48)
  })

  it('a wider level gives a wider interval', () => {
    const ci90 = bootstrapMeanCi(dScores, { seed: 3, level: 0.9 })
    const ci99 = bootstrapMeanCi(dScores, { seed: 3, level: 0.99 })
    expect((ci99.upper as number) - (ci99.lower as number)).toBeGreaterThan((ci90.upper as number) - (ci90.lower as number))
  })

  it('leaves out nulls and gives no interval for fewer than 2 values', () => {
    expect(bootstrapMeanCi([0.3, null, 0.5], { seed: 1 }).n).toBe(2)
    expect(bootstrapMeanCi([0.4, null])).toMatchObject({ n: 1, mean: 0.4, lower: null, upper: null })
    expect(bootstrapMeanCi([])).toMatchObject({ n: 0, mean: null, lower: null, upper: null })
    expect(bootstrapMeanCi([2, 2, 2, 2])).toMatchObject({ mean: 2, lower: 2, upper: 2 })
  })

  it('rejects nonsense options', () => {
    expect(() => bootstrapMeanCi([1, 2], { level: 1 })).toThrow(RangeError)
    expect(() => bootstrapMeanCi([1, 2], { iterations: 0 })).toThrow(RangeError)
  })
})
