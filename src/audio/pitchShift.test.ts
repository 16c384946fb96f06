import { describe, expect, it } from 'vitest'
import { shiftPitch } from './pitchShift.ts'

const rate = 48_000

/** The fake microphone's voice: a 440 Hz tone that swells and fades four times a second, like syllables. */
function syllables(seconds: number, hz = 440): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate))
  for (let i = 0; i < out.length; i++) {
    const t = i / rate
    out[i] = (0.35 + 0.3 * Math.sin(2 * Math.PI * 4 * t)) * Math.sin(2 * Math.PI * hz * t)
  }
  return out
}

/** Frequency from upward zero crossings, each placed between its two samples by linear interpolation. */
function zeroCrossingHz(x: Float32Array, from: number, to: number): number {
  const crossings: number[] = []
  for (let i = Math.round(from * rate); i < Math.round(to * rate); i++) {
    const a = x[i - 1]!
    const b = x[i]!
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b))
  }
  return ((crossings.length - 1) * rate) / (crossings.at(-1)! - crossings[0]!)
}

/** The period of the loudness (1 ms RMS) between `from` and `to` seconds, by autocorrelation: the syllable length. */
function syllableMs(x: Float32Array, from: number, to: number): number {
  const window = rate / 1000
  const rms: number[] = []
  for (let start = Math.round(from * rate); start + window <= to * rate; start += window) {
    let sum = 0
    for (let i = start; i < start + window; i++) sum += x[i]! ** 2
    rms.push(Math.sqrt(sum / window))
  }
  const mean = rms.reduce((a, b) => a + b, 0) / rms.length
  const centred = rms.map((r) => r - mean)
  let best = 0
  let bestLag = 0
  for (let lag = 150; lag <= 400; lag++) {
    let sum = 0
    for (let i = 0; i + lag < centred.length; i++) sum += centred[i]! * centred[i + lag]!
    if (sum > best) [best, bestLag] = [sum, lag]
  }
  return bestLag
}

describe('shiftPitch', () => {
  const voice = syllables(3)
  const [lowered] = shiftPitch([voice], rate, -3)

  it('lowers 440 Hz by 3 semitones to 370 Hz (440 × 2^(−3/12) = 369.99 Hz)', () => {
    expect(zeroCrossingHz(voice, 0.5, 2.5)).toBeCloseTo(440, 0)
    expect(Math.abs(zeroCrossingHz(lowered!, 0.5, 2.5) - 369.99)).toBeLessThan(1.5)
  })

  it('keeps the tempo: syllables of 250 ms before and after (a playback-rate change would stretch them to 297 ms)', () => {
    expect(Math.abs(syllableMs(voice, 0.3, 2.7) - 250)).toBeLessThanOrEqual(2)
    expect(Math.abs(syllableMs(lowered!, 0.3, 2.7) - 250)).toBeLessThanOrEqual(5)
  })

  it('keeps the length and the loudness', () => {
    expect(lowered!.length).toBe(voice.length)
    const rms = (x: Float32Array) => Math.sqrt(x.subarray(rate / 2, rate * 2.5).reduce((n, s) => n + s * s, 0) / (rate * 2))
    expect(rms(lowered!) / rms(voice)).toBeGreaterThan(0.8)
    expect(rms(lowered!) / rms(voice)).toBeLessThan(1.2)
  })

  it('keeps stereo as two channels and returns a copy for 0 semitones', () => {
    const stereo = shiftPitch([voice, voice], rate, -3)
    expect(stereo).toHaveLength(2)
    const same = shiftPitch([voice], rate, 0)[0]!
    expect(same).not.toBe(voice)
    expect([...same.subarray(0, 100)]).toEqual([...voice.subarray(0, 100)])
  })
})

describe('shiftPitch keeps the end of what was said', () => {
  it.each([2, 3.42, 5.16])('a %s s voice, lowered 3 semitones, still sounds in its last 10 ms', (seconds) => {
    const voice = syllables(seconds)
    const [out] = shiftPitch([voice], rate, -3)
    expect(out!.length).toBe(voice.length)
    let last = out!.length - 1
    while (last > 0 && Math.abs(out![last]!) < 0.003) last--
    expect((out!.length - 1 - last) / rate).toBeLessThan(0.01)
  })
})
