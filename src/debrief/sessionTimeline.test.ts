/**
 * Must-show 3: a VR session resumed twice, as the debrief reads it. The page clock `t` starts again at each reload,
 * and an older file counted a moment for two targets that lie in one direction (the mirror and the future self).
 */
import { describe, expect, it } from 'vitest'
import { childEyeBundle } from '../../test/fixtures/sampleBundles.ts'
import { sessionFacts } from './sessionFacts.ts'

function resumedTwice() {
  const bundle = childEyeBundle()
  // Page clocks: 1000, 2500, … on page 1; the page reloads before event 4 and before event 9, starting near 0 again.
  const pageT = [1000, 2500, 4000, 5500, 200, 1700, 3200, 4700, 100, 1600, 3100, 4600]
  bundle.events = bundle.events.map((e, i) => ({ ...e, t: pageT[i]! }))
  // The beat "fight" measured in parts across the reload; "father-home" from an app that counted overlapping targets.
  const dwell = bundle.events.filter((e) => e.type === 'head.dwell')
  Object.assign(dwell[0]!.data, { targets: { door: { share: 0.7, firstLookMs: 0, lookAways: 0, peakYawSpeedDegS: 0 }, mother: { share: 0.6, firstLookMs: 0, lookAways: 0, peakYawSpeedDegS: 0 } } })
  Object.assign(dwell[1]!.data, { resumed: true, missingMs: 1200 })
  return bundle
}

describe('the debrief’s time line of a session resumed twice', () => {
  const facts = sessionFacts('k', 'f.json', resumedTwice(), () => undefined, 'nl')

  it('counts both resumes and marks them on session time', () => {
    expect(facts.resumed).toBe(2)
    // Page 1 runs 1000 → 5500 (4500 ms), page 2 200 → 4700 (4500 ms), page 3 100 → 4600.
    expect(facts.timeline!.resumes).toEqual([4500, 9000])
    expect(facts.durationMs).toBe(13500)
  })

  it('has no bar before 0, none past the session’s end, and none overlapping the next', () => {
    const beats = facts.timeline!.beats
    // fight is entered at page-1 t 5500 → 4500; reflect at page-2 t 4700 → 4500 + (4700 − 200) = 9000; the end is 13500.
    expect(beats.map((b) => [b.beat, b.fromMs, b.toMs])).toEqual([
      ['intro', 0, 1500],
      ['father-home', 1500, 4500],
      ['fight', 4500, 9000],
      ['reflect', 9000, 13500],
    ])
    for (const [i, b] of beats.entries()) {
      expect(b.fromMs).toBeGreaterThanOrEqual(0)
      expect(b.toMs).toBeGreaterThanOrEqual(b.fromMs)
      expect(b.toMs).toBeLessThanOrEqual(facts.durationMs)
      if (beats[i + 1]) expect(b.toMs).toBeLessThanOrEqual(beats[i + 1]!.fromMs)
    }
    // The pause (page 2, 200 → 1700) lies within its beat.
    expect(facts.timeline!.pauses).toEqual([{ beat: 'fight', fromMs: 4500, toMs: 6000 }])
  })

  it('gives dwell shares per beat that sum to at most 100%, scaling a file that counted a moment twice', () => {
    for (const beat of facts.dwellBeats) {
      const sum = facts.dwell.filter((r) => r.beat === beat.beat).reduce((total, r) => total + r.share, 0)
      expect(sum).toBeLessThanOrEqual(1 + 1e-9)
    }
    // door 0.7 + mother 0.6 = 1.3 → 0.7/1.3 and 0.6/1.3, nothing left for "none of these".
    const fatherHome = facts.dwell.filter((r) => r.beat === 'father-home').map((r) => r.share)
    expect(fatherHome[0]).toBeCloseTo(0.7 / 1.3, 9)
    expect(fatherHome[1]).toBeCloseTo(0.6 / 1.3, 9)
    expect(fatherHome[2]).toBe(0)
    expect(facts.dwellBeats.map((b) => [b.beat, b.overlapping, b.resumed])).toEqual([
      ['father-home', true, false],
      ['fight', false, true],
    ])
  })
})
