import { z } from './zod.ts'

/**
 * The closed set of behaviour a scene may name. Scenes reference actions and guards by `type` with `params`;
 * the engine's registry implements exactly these names (its types are checked against this file), and the
 * validator rejects anything else, because XState skips unknown actions without a word.
 */

const Id = z.string().min(1)

/** Faces a figure can show (the `face` of a `pose` action): readable from a few metres, one per beat. */
export const expressionNames = ['calm', 'angry', 'afraid', 'sad'] as const
export type ExpressionName = (typeof expressionNames)[number]

export const actionParams = {
  /** Writes a named marker into the research log, e.g. to mark the start of a block. */
  mark: z.object({ label: Id }).strict(),
  /** Sets a scene flag that later guards can test. */
  setFlag: z.object({ flag: Id, value: z.boolean().default(true) }).strict(),
  /**
   * Plays a line (its recorded or placeholder voice) from a sound source of the scene's `vr.sources`; the beat
   * then waits for `cue-ended`. In 2D the line is shown instead.
   */
  play: z.object({ line: Id, from: Id.optional() }).strict(),
  /**
   * Moves a figure of the scene's `vr.figures` into a named pose (see `poseNames`), eased over a few hundred ms.
   * `face` (see `expressionNames`) sets the face it shows from this beat on; left out, the face stays as it was
   * (a figure starts calm).
   */
  pose: z.object({ figure: Id, pose: Id, face: z.enum(expressionNames).optional() }).strict(),
  /**
   * Puts a figure at one of the scene's `vr.places`, or `away` (not home: not drawn at all), walking there from
   * where it was over `walkMs` (default 0: at once). A figure that no `place` action has moved stands at its
   * environment's own spot. Coming from away, it walks in from the environment's entrance.
   */
  place: z.object({ figure: Id, at: Id, walkMs: z.number().int().min(0).max(30000).default(0) }).strict(),
  /**
   * Plays a pose once (see `poseNames`), for example the blow: the figure moves into it quickly, holds it for
   * `holdMs` (default 600), and eases back to its pose. It is seen only where the figure can be seen: at intensity
   * "heard" the parents stand behind the wall, so the blow is only heard.
   */
  gesture: z.object({ figure: Id, gesture: Id, holdMs: z.number().int().min(0).max(10000).default(600) }).strict(),
  /** Shows or hides a prop of the scene's `vr.props` (e.g. the mirror of the future-self scene). */
  prop: z.object({ prop: Id, shown: z.boolean().default(true) }).strict(),
  /**
   * Puts the client in a body: `present` (their own avatar) or `future` (the aged avatar in the other chair). The
   * view fades, and the client sits in that chair. The perspective swap of the future-self scene.
   */
  seat: z.object({ as: z.enum(['present', 'future']) }).strict(),
  /**
   * Plays back the client's own spoken answer to the `spoken` item `of`, from sound source `from`; the beat then
   * waits for `cue-ended`. The recording lives in memory only; where there is none (choices only, or discarded by a
   * pause) the chosen answer is shown instead. `pitchSemitones` (default 0) lowers the voice, e.g. -3 for an older self.
   */
  playRecording: z.object({ of: Id, from: Id.optional(), pitchSemitones: z.number().min(-12).max(12).default(0) }).strict(),
} as const

/** Poses every figure renderer implements (src/xr/figures/poses.ts is checked against this list). */
export const poseNames = [
  'stand',
  'enter',
  'arms-crossed',
  'point',
  'shout',
  'hands-up',
  'threaten',
  'strike',
  'cower',
  'hold-face',
  'kneel',
  'comfort',
  'sit',
  'sit-floor',
  'hide-head',
  'sit-slumped',
  'sit-upright',
  'wave',
] as const
export type PoseName = (typeof poseNames)[number]


export const guardParams = {
  /** True when the answer to `item` equals `value` (the answer just given counts). */
  answerIs: z.object({ item: Id, value: z.union([z.string(), z.number()]) }).strict(),
  /** True when the numeric answer to `item` is at least `value`. */
  answerAtLeast: z.object({ item: Id, value: z.number() }).strict(),
  /** True when the numeric answer to `item` is at most `value`. */
  answerAtMost: z.object({ item: Id, value: z.number() }).strict(),
  /** True when the trainer's lobby parameter `param` equals `value`. */
  paramIs: z.object({ param: Id, value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  /** True when `flag` was set to `value` (unset flags are false). */
  flagIs: z.object({ flag: Id, value: z.boolean().default(true) }).strict(),
} as const

export type ActionName = keyof typeof actionParams
export type GuardName = keyof typeof guardParams
export type ActionParams<N extends ActionName> = z.infer<(typeof actionParams)[N]>
export type GuardParams<N extends GuardName> = z.infer<(typeof guardParams)[N]>

export const actionNames = Object.keys(actionParams) as ActionName[]
export const guardNames = Object.keys(guardParams) as GuardName[]

/** Events a beat can wait for. Which one a beat may use depends on what the beat does (see `eventsForBeat`). */
export const beatEvents = ['continue', 'answered', 'deadline', 'cue-ended'] as const
export type BeatEvent = (typeof beatEvents)[number]
