import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PlannedTrial } from '../engine/drill/trialList.ts'
import { checkLogData } from '../engine/logEvents.ts'
import type { BundledScene, BundledStimulus } from '../script/bundledScene.ts'
import { parseScene } from '../script/parse.ts'
import { resolveParams } from '../script/params.ts'
import type { ParamValues } from '../script/schema.ts'
import { blocksFor, drillInputFor, type DrillPlanArgs, type OwnPhotoRef } from './drillPlan.ts'

const file = 'scenes/alcohol-aat/scene.yaml'
const parsed = parseScene(readFileSync(new URL('../../scenes/alcohol-aat/scene.yaml', import.meta.url), 'utf8'), file)
if (!parsed.ok) throw new Error(`alcohol-aat scene does not parse: ${JSON.stringify(parsed.errors)}`)
const script = parsed.script

const picture = (id: string, category: 'alcohol' | 'soft'): BundledStimulus => ({
  id,
  category,
  kind: category === 'alcohol' ? 'beer' : 'cola',
  label: { nl: id, en: id },
  url: `/assets/${id}.webp`,
  width: 512,
  height: 512,
})

const scene: BundledScene = {
  script,
  hash: 'test',
  file,
  stimulusSets: {
    'generated-v1': [
      ...Array.from({ length: 20 }, (_, i) => picture(`alc-${i}`, 'alcohol')),
      ...Array.from({ length: 20 }, (_, i) => picture(`soft-${i}`, 'soft')),
    ],
  },
}

const ownPhotos: OwnPhotoRef[] = [
  { id: 'own-1', category: 'alcohol' },
  { id: 'own-2', category: 'alcohol' },
  { id: 'own-3', category: 'soft' },
  { id: 'own-4', category: 'soft' },
]

/** The scene's defaults with some choices, checked the way the app checks a trainer's choices. */
function params(chosen: Record<string, unknown> = {}): ParamValues {
  const resolved = resolveParams(script, chosen)
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors))
  return resolved.values
}

function input(chosen: Record<string, unknown> = {}, args: Partial<DrillPlanArgs> = {}) {
  return drillInputFor({
    scene,
    params: params(chosen),
    clientCode: 'AB12',
    sessionId: 'session-1',
    ownPhotos,
    seed: 12345,
    startedAt: 1_700_000_000_000,
    timeScale: 1,
    ...args,
  })
}

const inBlock = (trials: PlannedTrial[], block: string) => trials.filter((t) => t.block === block)
const cell = (trials: PlannedTrial[], category: string, required: string) => trials.filter((t) => t.category === category && t.required === required).length

describe('blocksFor', () => {
  const modes = ['training', 'assessment'] as const
  const instructions = ['content-relevant', 'content-irrelevant'] as const
  const cases = modes.flatMap((mode) =>
    [true, false].flatMap((assessmentBlock) =>
      instructions.flatMap((instruction) => [true, false].map((standardFirst) => ({ mode, assessmentBlock, instruction, standardFirst }))),
    ),
  )

  it.each(cases)('mode $mode, assessmentBlock $assessmentBlock, $instruction, standardFirst $standardFirst', ({ mode, assessmentBlock, instruction, standardFirst }) => {
    const p = params({ mode, assessmentBlock, instruction, trainingTrials: 120, assessmentTrials: 64, contingency: 90 })
    const blocks = blocksFor(p, 8, standardFirst)
    const relevant = instruction === 'content-relevant'

    // Practice always first, teaching the rule as stated (relevant) or balanced (tilt rule).
    expect(blocks[0]).toEqual({ block: 'practice', count: 8, contingency: relevant ? 1 : 0.5 })

    const assessment = blocks.filter((b) => b.block === 'assessment')
    if (mode === 'assessment' || assessmentBlock) {
      if (relevant) {
        const standard = { block: 'assessment', count: 32, contingency: 1, rule: 'standard' }
        const reversed = { block: 'assessment', count: 32, contingency: 0, rule: 'reversed' }
        expect(assessment).toEqual(standardFirst ? [standard, reversed] : [reversed, standard])
      } else {
        expect(assessment).toEqual([{ block: 'assessment', count: 64, contingency: 0.5 }])
      }
    } else {
      expect(assessment).toEqual([])
    }

    const training = blocks.filter((b) => b.block === 'training')
    if (mode === 'training') {
      expect(training).toEqual([{ block: 'training', count: 120, contingency: 0.9 }])
      // Training comes last, after any assessment.
      expect(blocks.at(-1)!.block).toBe('training')
    } else {
      expect(training).toEqual([])
    }

    // Nothing else: practice, then assessment, then training.
    expect(blocks).toHaveLength(1 + assessment.length + training.length)
    expect(blocks.map((b) => b.block)).toEqual(['practice', ...assessment.map(() => 'assessment'), ...training.map(() => 'training')])
  })

  it('leaves the practice block out when the scene asks for no practice trials', () => {
    const blocks = blocksFor(params({ mode: 'training', assessmentBlock: false }), 0, true)
    expect(blocks).toEqual([{ block: 'training', count: 100, contingency: 1 }])
  })

  it('turns the contingency percentage into a fraction', () => {
    for (const percent of [50, 75, 100]) {
      const training = blocksFor(params({ contingency: percent }), 8, true).find((b) => b.block === 'training')!
      expect(training.contingency).toBeCloseTo(percent / 100, 12)
    }
  })
})

describe('drillInputFor', () => {
  it('plans every block with its trial count, numbered 1..N within the block', () => {
    const { trials } = input({ mode: 'training', assessmentBlock: true, trainingTrials: 100, assessmentTrials: 80 })
    expect(inBlock(trials, 'practice')).toHaveLength(8)
    expect(inBlock(trials, 'assessment')).toHaveLength(80)
    expect(inBlock(trials, 'training')).toHaveLength(100)
    expect(trials).toHaveLength(188)
    for (const block of ['practice', 'assessment', 'training']) {
      const list = inBlock(trials, block)
      expect(list.map((t) => t.trial)).toEqual(list.map((_, i) => i + 1))
    }
    // Blocks run in order, not interleaved.
    const order = trials.map((t) => t.block).filter((b, i, all) => i === 0 || all[i - 1] !== b)
    expect(order).toEqual(['practice', 'assessment', 'training'])
  })

  it('copies the scene timing into the input', () => {
    const drill = input()
    expect(drill.timing).toEqual({ fixationMs: 300, feedbackMs: 1200, timeoutMs: 3000 })
    expect(drill.sessionId).toBe('session-1')
    expect(drill.startedAt).toBe(1_700_000_000_000)
  })

  it.each([
    ['content-relevant', 80],
    ['content-relevant', 40],
    ['content-irrelevant', 80],
    ['content-irrelevant', 56],
  ] as const)('%s assessment (%i trials): each category pushed and pulled equally often over the whole block', (instruction, assessmentTrials) => {
    const { trials } = input({ mode: 'assessment', instruction, assessmentTrials })
    const assessment = inBlock(trials, 'assessment')
    expect(assessment).toHaveLength(assessmentTrials)
    const quarter = assessmentTrials / 4
    expect(cell(assessment, 'alcohol', 'push')).toBe(quarter)
    expect(cell(assessment, 'alcohol', 'pull')).toBe(quarter)
    expect(cell(assessment, 'soft', 'push')).toBe(quarter)
    expect(cell(assessment, 'soft', 'pull')).toBe(quarter)
    expect(inBlock(trials, 'training')).toHaveLength(0)
  })

  it('content-relevant assessment: two halves, each following its own rule, numbered on across both', () => {
    const { trials } = input({ mode: 'assessment', instruction: 'content-relevant', assessmentTrials: 80 })
    const assessment = inBlock(trials, 'assessment')
    const standard = assessment.filter((t) => t.rule === 'standard')
    const reversed = assessment.filter((t) => t.rule === 'reversed')
    expect(standard).toHaveLength(40)
    expect(reversed).toHaveLength(40)
    // Standard rule: alcohol away, soft towards; reversed: the other way round.
    expect(standard.every((t) => t.required === (t.category === 'alcohol' ? 'push' : 'pull'))).toBe(true)
    expect(reversed.every((t) => t.required === (t.category === 'alcohol' ? 'pull' : 'push'))).toBe(true)
    // The halves are contiguous, and trial numbers run 1..80 across them.
    const rules = assessment.map((t) => t.rule)
    expect(rules.slice(0, 40).every((r) => r === rules[0])).toBe(true)
    expect(rules.slice(40).every((r) => r !== rules[0])).toBe(true)
    expect(assessment.map((t) => t.trial)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1))
    // No tilt under a content rule.
    expect(trials.every((t) => t.tilt === undefined)).toBe(true)
  })

  it('content-irrelevant: every trial carries the tilt that gives its direction under the logged mapping', () => {
    const drill = input({ mode: 'training', assessmentBlock: true, instruction: 'content-irrelevant' })
    const leftMeans = drill.plan.leftMeans
    expect(leftMeans === 'push' || leftMeans === 'pull').toBe(true)
    for (const t of drill.trials) {
      expect(t.tilt).toBe(t.required === leftMeans ? 'left' : 'right')
      expect(t.rule).toBeUndefined()
    }
  })

  it('uses own photos only when the ownPhotos parameter is on', () => {
    const on = input({ ownPhotos: true, trainingTrials: 200 })
    const onIds = new Set(on.trials.map((t) => t.stimulus))
    for (const photo of ownPhotos) expect(onIds.has(photo.id)).toBe(true)
    // Own photos keep their category.
    for (const t of on.trials.filter((t) => t.stimulus.startsWith('own-'))) {
      expect(t.category).toBe(ownPhotos.find((p) => p.id === t.stimulus)!.category)
    }
    expect(on.plan.ownPhotos).toBe(4)

    const off = input({ ownPhotos: false, trainingTrials: 200 })
    expect(off.trials.some((t) => t.stimulus.startsWith('own-'))).toBe(false)
    expect(off.plan.ownPhotos).toBe(0)
    // Only the set's pictures otherwise.
    const setIds = new Set(scene.stimulusSets['generated-v1']!.map((p) => p.id))
    expect(off.trials.every((t) => setIds.has(t.stimulus))).toBe(true)
  })

  it.each([
    { mode: 'training', assessmentBlock: false, instruction: 'content-relevant' },
    { mode: 'training', assessmentBlock: true, instruction: 'content-relevant' },
    { mode: 'assessment', assessmentBlock: false, instruction: 'content-relevant' },
    { mode: 'training', assessmentBlock: true, instruction: 'content-irrelevant' },
    { mode: 'assessment', assessmentBlock: false, instruction: 'content-irrelevant' },
  ])('logs a plan record that validates as drill.planned ($mode, assessmentBlock $assessmentBlock, $instruction)', (chosen) => {
    const drill = input(chosen)
    expect(checkLogData('drill.planned', drill.plan)).toBeNull()
    expect(drill.plan.seed).toBe(12345)
    expect(drill.plan.instruction).toBe(chosen.instruction)
    expect(drill.plan.stimulusSet).toBe('generated-v1')
    expect('leftMeans' in drill.plan).toBe(chosen.instruction === 'content-irrelevant')
    const blocks = drill.plan.blocks as { block: string; count: number }[]
    // The plan's block counts add up to the trial list.
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(drill.trials.length)
  })

  describe('counterbalancing', () => {
    const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'AB12', 'XY99']
    const standardFirstOf = (clientCode: string, args: Partial<DrillPlanArgs> = {}) => {
      const drill = input({ mode: 'assessment', instruction: 'content-relevant' }, { clientCode, ...args })
      return (drill.plan.blocks as { rule?: string }[]).find((b) => b.rule)!.rule === 'standard'
    }
    const leftMeansOf = (clientCode: string, args: Partial<DrillPlanArgs> = {}) =>
      input({ mode: 'assessment', instruction: 'content-irrelevant' }, { clientCode, ...args }).plan.leftMeans

    it('differs between client codes', () => {
      expect(new Set(codes.map((c) => standardFirstOf(c)))).toEqual(new Set([true, false]))
      expect(new Set(codes.map((c) => leftMeansOf(c)))).toEqual(new Set(['push', 'pull']))
    })

    it('depends only on the client code, not on seed, session or time', () => {
      const others: Partial<DrillPlanArgs>[] = [
        { seed: 1 },
        { seed: 987654321, sessionId: 'session-2' },
        { startedAt: 1_800_000_000_000, timeScale: 4, sessionId: 'another' },
      ]
      for (const code of codes) {
        const first = standardFirstOf(code)
        const left = leftMeansOf(code)
        for (const args of others) {
          expect(standardFirstOf(code, args)).toBe(first)
          expect(leftMeansOf(code, args)).toBe(left)
        }
      }
    })

    it('agrees with the trial list: the first assessment half follows the logged order', () => {
      for (const code of codes) {
        const drill = input({ mode: 'assessment', instruction: 'content-relevant' }, { clientCode: code })
        const firstRule = inBlock(drill.trials, 'assessment')[0]!.rule
        expect(firstRule).toBe(standardFirstOf(code) ? 'standard' : 'reversed')
      }
    })
  })

  it('gives the same trials for the same seed, and different trials for another seed', () => {
    const chosen = { mode: 'training', assessmentBlock: true }
    const a = input(chosen, { seed: 42 })
    const b = input(chosen, { seed: 42, sessionId: 'other-session', startedAt: 5 })
    expect(b.trials).toEqual(a.trials)
    expect(b.plan).toEqual(a.plan)
    const c = input(chosen, { seed: 43 })
    expect(c.trials.map((t) => t.stimulus)).not.toEqual(a.trials.map((t) => t.stimulus))
  })
})
