import { describe, expect, it } from 'vitest'
import { loudnessAt, loudnessDefaults, loudnessEnvelope, loudnessFromRms, rms } from './loudness.ts'

const sine = (amplitude: number, seconds: number, rate = 24000, hz = 150) => Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate))

describe('loudness', () => {
  it('takes the RMS of samples: a sine of amplitude a has RMS a/√2, silence 0', () => {
    expect(rms(sine(0.5, 1))).toBeCloseTo(0.5 / Math.SQRT2, 4)
    expect(rms(new Float32Array(100))).toBe(0)
    expect(rms([1, -1, 1, -1], 0, 0)).toBe(0)
    expect(rms([3, 4], -5, 10)).toBeCloseTo(Math.sqrt(12.5), 12)
  })

  it('maps RMS to 0..1 linearly in decibels: −50 dBFS and below is 0, −15 dBFS and above is 1', () => {
    expect(loudnessDefaults).toEqual({ floorDb: -50, fullDb: -15 })
    const at = (db: number) => loudnessFromRms(10 ** (db / 20))
    expect(at(-50)).toBeCloseTo(0, 12)
    expect(at(-60)).toBe(0)
    expect(at(-15)).toBeCloseTo(1, 12)
    expect(at(-3)).toBe(1)
    expect(at(-32.5)).toBeCloseTo(0.5, 12)
    expect(loudnessFromRms(0)).toBe(0)
    expect(loudnessFromRms(Number.NaN)).toBe(0)
    expect(loudnessFromRms(10 ** (-30 / 20), { floorDb: -40, fullDb: -20 })).toBeCloseTo(0.5, 12)
  })

  it('follows a line over time: a syllable is loud where it is and silent around it', () => {
    const rate = 24000
    // 200 ms silence, 250 ms of a loud vowel (RMS −13 dBFS), 200 ms silence.
    const line = new Float32Array(Math.round(0.65 * rate))
    line.set(sine(0.32, 0.25, rate), Math.round(0.2 * rate))
    const envelope = loudnessEnvelope(line, rate)
    expect(envelope.hopSeconds).toBeCloseTo(0.01, 12)
    expect(loudnessAt(envelope, 0.1)).toBe(0)
    expect(loudnessAt(envelope, 0.3)).toBe(1)
    expect(loudnessAt(envelope, 0.55)).toBe(0)
    // Within a window's half-width of the onset it rises, not before.
    expect(loudnessAt(envelope, 0.18)).toBe(0)
    expect(loudnessAt(envelope, 0.2)).toBeGreaterThan(0.5)
    expect(loudnessAt(envelope, -1)).toBe(0)
    expect(loudnessAt(envelope, 5)).toBe(0)
  })
})
