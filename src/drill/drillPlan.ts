import type { DrillInput } from '../engine/drill/drillMachine.ts'
import { hashToUint32 } from '../engine/drill/seededRandom.ts'
import { planTrials, type BlockSpec, type StimulusRef } from '../engine/drill/trialList.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { ParamValues } from '../script/schema.ts'

export interface OwnPhotoRef {
  /** `own-…`: the only trace of a personal photo in any log or export. */
  id: string
  category: StimulusRef['category']
}

export interface DrillPlanArgs {
  scene: BundledScene
  params: ParamValues
  clientCode: string
  sessionId: string
  ownPhotos: OwnPhotoRef[]
  seed: number
  startedAt: number
  timeScale: number
}

/** The session's blocks from the trainer's parameters (see scenes/alcohol-aat/scene.yaml). */
export function blocksFor(params: ParamValues, practiceTrials: number, standardFirst: boolean): BlockSpec[] {
  const relevant = params.instruction !== 'content-irrelevant'
  const blocks: BlockSpec[] = []
  // Practice teaches the rule as stated; a tilt rule is practised balanced.
  if (practiceTrials > 0) blocks.push({ block: 'practice', count: practiceTrials, contingency: relevant ? 1 : 0.5 })
  if (params.mode === 'assessment' || params.assessmentBlock === true) {
    const count = Number(params.assessmentTrials)
    if (relevant) {
      // Balanced with a content rule means half the block under the reversed rule; the order is counterbalanced.
      const halves: BlockSpec[] = [
        { block: 'assessment', count: count / 2, contingency: 1, rule: 'standard' },
        { block: 'assessment', count: count / 2, contingency: 0, rule: 'reversed' },
      ]
      blocks.push(...(standardFirst ? halves : halves.reverse()))
    } else blocks.push({ block: 'assessment', count, contingency: 0.5 })
  }
  if (params.mode !== 'assessment') blocks.push({ block: 'training', count: Number(params.trainingTrials), contingency: Number(params.contingency) / 100 })
  return blocks
}

/** Everything the drill machine starts from; stored with the session, so a resume replays nothing. */
export function drillInputFor(args: DrillPlanArgs): DrillInput {
  const { scene, params } = args
  const settings = scene.script.drill!
  const setId = String(params.stimulusSet)
  const pictures = scene.stimulusSets[setId] ?? []
  const stimuli: StimulusRef[] = [...pictures.map((p) => ({ id: p.id, category: p.category })), ...(params.ownPhotos === true ? args.ownPhotos : [])]
  // Counterbalancing by client code keeps one client's sessions comparable with each other.
  const balance = hashToUint32(args.clientCode)
  const relevant = params.instruction !== 'content-irrelevant'
  const leftMeans = balance & 2 ? 'pull' : 'push'
  const blocks = blocksFor(params, settings.practiceTrials, (balance & 1) === 0)
  const trials = planTrials({ blocks, stimuli, seed: args.seed, maxRunLength: settings.maxRunLength, ...(relevant ? {} : { irrelevant: { leftMeans } }) })
  return {
    sessionId: args.sessionId,
    startedAt: args.startedAt,
    timeScale: args.timeScale,
    trials,
    timing: { fixationMs: settings.fixationMs, feedbackMs: settings.feedbackMs, timeoutMs: settings.timeoutMs },
    plan: {
      seed: args.seed,
      instruction: relevant ? 'content-relevant' : 'content-irrelevant',
      ...(relevant ? {} : { leftMeans }),
      blocks: blocks.map((b) => ({ block: b.block, count: b.count, contingency: b.contingency, ...(b.rule ? { rule: b.rule } : {}) })),
      stimulusSet: setId,
      ownPhotos: params.ownPhotos === true ? args.ownPhotos.length : 0,
      // The response window, so the debrief can bound every RT by it (src/log/drillBounds.ts).
      timeoutMs: settings.timeoutMs,
    },
  }
}
