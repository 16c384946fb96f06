import { describe, expect, it } from 'vitest'
import { formatNumber } from './format.ts'

describe('formatNumber', () => {
  it('never shows a negative zero', () => {
    expect(formatNumber(-0, 'nl', 2)).toBe('0,00')
    expect(formatNumber(-0.004, 'nl', 2)).toBe('0,00')
    expect(formatNumber(-0.4, 'en')).toBe('0')
    expect(formatNumber(-0.006, 'en', 2)).toBe('-0.01')
  })

  it('shows a dash for what cannot be a figure, and for absurd magnitudes', () => {
    expect(formatNumber(null, 'nl')).toBe('–')
    expect(formatNumber(Number.NaN, 'nl')).toBe('–')
    expect(formatNumber(Infinity, 'nl')).toBe('–')
    expect(formatNumber(1e300, 'nl')).toBe('–')
    expect(formatNumber(-1e12, 'en', 2)).toBe('–')
  })

  it('formats ordinary values at the requested precision', () => {
    expect(formatNumber(1234.567, 'nl', 1)).toBe('1.234,6')
    expect(formatNumber(1234.567, 'en')).toBe('1,235')
  })
})
