import { describe, expect, it } from 'vitest'
import { blinkShape, createIdleLife, idleDefaults } from './idleLife.ts'

/** Runs an idle life at 90 Hz for `seconds`, returning its samples with their times. */
function run(seed: number, seconds: number, fps = 90) {
  const idle = createIdleLife(seed)
  const out: { t: number; breath: number; sway: number; blink: number }[] = []
  for (let i = 1; i <= seconds * fps; i++) out.push({ t: i / fps, ...idle.step(1 / fps) })
  return out
}

/** The blinks in a run: [start, end] of each stretch with the lids moving. */
function blinks(samples: ReturnType<typeof run>) {
  const list: [number, number][] = []
  for (const s of samples) {
    if (s.blink <= 0) continue
    const last = list.at(-1)
    if (last && s.t - last[1] < 0.05) last[1] = s.t
    else list.push([s.t, s.t])
  }
  return list
}

describe('idle life', () => {
  it('blinks every 2–6 s, each blink shutting the lids fully within about 150 ms', () => {
    const samples = run(7, 120)
    const list = blinks(samples)
    expect(list.length).toBeGreaterThanOrEqual(120 / 6.2)
    expect(list.length).toBeLessThanOrEqual(120 / 2 + 1)
    expect(list[0]![0]).toBeLessThan(6.2)
    for (let i = 1; i < list.length; i++) {
      const gap = list[i]![0] - list[i - 1]![0]
      expect(gap).toBeGreaterThanOrEqual(2)
      expect(gap).toBeLessThanOrEqual(6.2)
    }
    for (const [start, end] of list) {
      expect(end - start).toBeLessThanOrEqual(0.15)
      const peak = Math.max(...samples.filter((s) => s.t >= start && s.t <= end).map((s) => s.blink))
      expect(peak).toBeGreaterThan(0.9)
    }
  })

  it('shuts fully at 40 % of the blink and is open before and after it', () => {
    expect(blinkShape(-0.01, 0.15)).toBe(0)
    expect(blinkShape(0.06, 0.15)).toBeCloseTo(1, 10)
    expect(blinkShape(0.15, 0.15)).toBe(0)
    expect(blinkShape(0.03, 0.15)).toBeGreaterThan(0)
  })

  it('breathes at about 0.25 Hz and shifts its weight slowly, both within −1..1', () => {
    const samples = run(3, 60)
    // Upward zero crossings of the breath: about 15 in 60 s (±10 % per figure).
    let crossings = 0
    for (let i = 1; i < samples.length; i++) if (samples[i - 1]!.breath < 0 && samples[i]!.breath >= 0) crossings++
    expect(crossings).toBeGreaterThanOrEqual(13)
    expect(crossings).toBeLessThanOrEqual(17)
    for (const s of samples) {
      expect(Math.abs(s.breath)).toBeLessThanOrEqual(1)
      expect(Math.abs(s.sway)).toBeLessThanOrEqual(1)
    }
    // No faster than the breath: the sway changes little from one frame to the next.
    for (let i = 1; i < samples.length; i++) expect(Math.abs(samples[i]!.sway - samples[i - 1]!.sway)).toBeLessThan(0.02)
  })

  it('is deterministic per seed, and two seeds do not move in step', () => {
    expect(run(11, 5)).toEqual(run(11, 5))
    const a = run(11, 20)
    const b = run(12, 20)
    const differ = a.filter((s, i) => Math.abs(s.breath - b[i]!.breath) > 0.3).length
    expect(differ).toBeGreaterThan(a.length / 4)
    expect(blinks(a)[0]![0]).not.toBeCloseTo(blinks(b)[0]![0], 2)
  })

  it('keeps its defaults as documented', () => {
    expect(idleDefaults).toEqual({ breathHz: 0.25, breathAngle: 0.03, swaySeconds: 9, swayAngle: 0.035, blinkInterval: [2, 6], blinkSeconds: 0.15 })
  })
})
