import type { DrillBlock, DrillCategory, DrillMove } from './drillTypes.ts'
import { seededRandom, shuffled } from './seededRandom.ts'

export interface StimulusRef {
  id: string
  category: DrillCategory
}

export type Tilt = 'left' | 'right'

/** One planned trial. Stored in the session at the start, so a resumed session continues the same list. */
export interface PlannedTrial {
  block: DrillBlock
  /** 1-based within the block. */
  trial: number
  stimulus: string
  category: DrillCategory
  required: DrillMove
  /** Content-irrelevant instruction only: the tilt that tells the direction. */
  tilt?: Tilt
  /** Content-relevant assessment only: 'reversed' when the client is told to pull alcohol and push soft drinks. */
  rule?: 'standard' | 'reversed'
}

export interface BlockSpec {
  block: DrillBlock
  count: number
  /**
   * Share (0.5–1) of alcohol trials to push and of soft trials to pull. 1 = pure training; 0.5 = balanced
   * (assessment: each category pushed and pulled equally often).
   */
  contingency: number
  /**
   * With content-relevant instructions a balanced block needs the rule turned round for half of it
   * ("pull alcohol, push soft"); each half is a spec of its own with its own intro.
   */
  rule?: 'standard' | 'reversed'
}

export interface PlanOptions {
  blocks: BlockSpec[]
  stimuli: StimulusRef[]
  seed: number
  maxRunLength: number
  /** content-irrelevant: the picture's tilt tells the direction, with this mapping for a left tilt. */
  irrelevant?: { leftMeans: DrillMove }
}

/** Builds every block's trial list from the seed. Same options, same list: that is what makes resume exact. */
export function planTrials(options: PlanOptions): PlannedTrial[] {
  const random = seededRandom(options.seed)
  const numbered = new Map<DrillBlock, number>()
  return options.blocks.flatMap((spec) =>
    planBlock(spec, options, random).map((t) => {
      // Trials count on across the halves of a block: `trial` is the position within the block.
      const n = (numbered.get(t.block) ?? 0) + 1
      numbered.set(t.block, n)
      return { ...t, trial: n }
    }),
  )
}

function planBlock(spec: BlockSpec, options: PlanOptions, random: () => number): PlannedTrial[] {
  const byCategory = (c: DrillCategory) => options.stimuli.filter((s) => s.category === c)
  const draft: Omit<PlannedTrial, 'trial'>[] = []
  const perCategory = { alcohol: Math.ceil(spec.count / 2), soft: Math.floor(spec.count / 2) }
  for (const category of ['alcohol', 'soft'] as const) {
    const n = perCategory[category]
    const contingent: DrillMove = category === 'alcohol' ? 'push' : 'pull'
    const other: DrillMove = contingent === 'push' ? 'pull' : 'push'
    const nContingent = Math.round(n * spec.contingency)
    const moves = [...Array<DrillMove>(nContingent).fill(contingent), ...Array<DrillMove>(n - nContingent).fill(other)]
    // Every picture appears about equally often, and in balanced blocks each picture is pushed and pulled.
    const pool = byCategory(category)
    if (pool.length === 0) throw new Error(`no "${category}" pictures to plan a drill with`)
    const pictures: string[] = []
    while (pictures.length < n) pictures.push(...shuffled(pool, random).map((s) => s.id))
    const pairs = shuffled(moves, random).map((required, i) => ({ required, stimulus: pictures[i]! }))
    for (const { required, stimulus } of pairs) {
      draft.push({ block: spec.block, stimulus, category, required, ...tiltFor(required, options), ...(spec.rule ? { rule: spec.rule } : {}) })
    }
  }
  return orderWithRunLimit(draft, options.maxRunLength, random).map((t, i) => ({ ...t, trial: i + 1 }))
}

function tiltFor(required: DrillMove, options: PlanOptions): { tilt?: Tilt } {
  if (!options.irrelevant) return {}
  const left = options.irrelevant.leftMeans
  return { tilt: required === left ? 'left' : 'right' }
}

type Draft = Omit<PlannedTrial, 'trial'>

/**
 * Random order in which no category, no required move and no tilt runs longer than `maxRun`, and no picture
 * follows itself. Greedy random picks with restarts find one quickly for any realistic list.
 */
export function orderWithRunLimit(trials: Draft[], maxRun: number, random: () => number): Draft[] {
  for (let attempt = 0; attempt < 200; attempt++) {
    const left = shuffled(trials, random)
    const out: Draft[] = []
    while (left.length > 0) {
      const candidates = left.map((_, i) => i).filter((i) => fits(out, left[i]!, maxRun))
      if (candidates.length === 0) break
      const pick = candidates[Math.floor(random() * candidates.length)]!
      out.push(left.splice(pick, 1)[0]!)
    }
    if (out.length === trials.length) return out
  }
  throw new Error(`could not order ${trials.length} trials with runs of at most ${maxRun}; raise maxRunLength`)
}

function fits(sequence: Draft[], next: Draft, maxRun: number): boolean {
  const last = sequence.at(-1)
  if (last && last.stimulus === next.stimulus) return false
  const run = (key: (t: Draft) => unknown) => {
    let n = 0
    for (let i = sequence.length - 1; i >= 0 && key(sequence[i]!) === key(next); i--) n++
    return n
  }
  return run((t) => t.category) < maxRun && run((t) => t.required) < maxRun && (next.tilt === undefined || run((t) => t.tilt) < maxRun)
}
