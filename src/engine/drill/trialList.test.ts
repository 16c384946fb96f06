import { describe, expect, it } from 'vitest'
import { planTrials, type PlannedTrial, type StimulusRef } from './trialList.ts'

const stimuli: StimulusRef[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `alc-${i}`, category: 'alcohol' as const })),
  ...Array.from({ length: 20 }, (_, i) => ({ id: `soft-${i}`, category: 'soft' as const })),
]

function longestRun(trials: PlannedTrial[], key: (t: PlannedTrial) => unknown): number {
  let best = 0
  let run = 0
  trials.forEach((t, i) => {
    run = i > 0 && key(trials[i - 1]!) === key(t) ? run + 1 : 1
    best = Math.max(best, run)
  })
  return best
}

const count = (trials: PlannedTrial[], category: string, required: string) => trials.filter((t) => t.category === category && t.required === required).length

describe('planTrials', () => {
  it('makes a 100-trial training block: 50 alcohol pushed, 50 soft pulled at 100% contingency', () => {
    const trials = planTrials({ blocks: [{ block: 'training', count: 100, contingency: 1 }], stimuli, seed: 7, maxRunLength: 3 })
    expect(trials).toHaveLength(100)
    expect(count(trials, 'alcohol', 'push')).toBe(50)
    expect(count(trials, 'soft', 'pull')).toBe(50)
    expect(trials.map((t) => t.trial)).toEqual(trials.map((_, i) => i + 1))
    // Each picture shown 2 or 3 times: equally often within rounding.
    const shown = new Map<string, number>()
    for (const t of trials) shown.set(t.stimulus, (shown.get(t.stimulus) ?? 0) + 1)
    expect(Math.max(...shown.values()) - Math.min(...shown.values())).toBeLessThanOrEqual(1)
  })

  it('honours a lower contingency for training', () => {
    const trials = planTrials({ blocks: [{ block: 'training', count: 100, contingency: 0.9 }], stimuli, seed: 7, maxRunLength: 3 })
    expect(count(trials, 'alcohol', 'push')).toBe(45)
    expect(count(trials, 'alcohol', 'pull')).toBe(5)
    expect(count(trials, 'soft', 'pull')).toBe(45)
  })

  it('balances an assessment block: each category pushed and pulled equally often', () => {
    const trials = planTrials({ blocks: [{ block: 'assessment', count: 80, contingency: 0.5 }], stimuli, seed: 3, maxRunLength: 3 })
    for (const c of ['alcohol', 'soft']) for (const m of ['push', 'pull']) expect(count(trials, c, m)).toBe(20)
  })

  it('keeps runs of category and direction at or under the limit, and never repeats a picture back to back', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const trials = planTrials({ blocks: [{ block: 'assessment', count: 80, contingency: 0.5 }, { block: 'training', count: 100, contingency: 1 }], stimuli, seed, maxRunLength: 3 })
      for (const block of ['assessment', 'training']) {
        const list = trials.filter((t) => t.block === block)
        expect(longestRun(list, (t) => t.category)).toBeLessThanOrEqual(3)
        expect(longestRun(list, (t) => t.required)).toBeLessThanOrEqual(3)
        expect(list.every((t, i) => i === 0 || list[i - 1]!.stimulus !== t.stimulus)).toBe(true)
      }
    }
  })

  it('gives the same list for the same seed and a different one for another seed', () => {
    const options = { blocks: [{ block: 'training' as const, count: 40, contingency: 1 }], stimuli, maxRunLength: 3 }
    expect(planTrials({ ...options, seed: 11 })).toEqual(planTrials({ ...options, seed: 11 }))
    expect(planTrials({ ...options, seed: 11 })).not.toEqual(planTrials({ ...options, seed: 12 }))
  })

  it('ties the tilt to the direction for content-irrelevant instructions, in the counterbalanced mapping', () => {
    for (const leftMeans of ['push', 'pull'] as const) {
      const trials = planTrials({ blocks: [{ block: 'assessment', count: 40, contingency: 0.5 }], stimuli, seed: 5, maxRunLength: 3, irrelevant: { leftMeans } })
      expect(trials.every((t) => (t.tilt === 'left') === (t.required === leftMeans))).toBe(true)
      expect(longestRun(trials, (t) => t.tilt)).toBeLessThanOrEqual(3)
    }
  })

  it('refuses to plan without pictures of a category', () => {
    expect(() => planTrials({ blocks: [{ block: 'training', count: 10, contingency: 1 }], stimuli: stimuli.slice(0, 20), seed: 1, maxRunLength: 3 })).toThrow(/no "soft" pictures/)
  })
})
