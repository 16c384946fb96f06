import { z } from './zod.ts'
import { Localized } from './localized.ts'
import { beatEvents } from './vocabulary.ts'
import { scenePlaces } from './place.ts'

/**
 * The scene-script format. This file is the single source of the script types; `npm run scenes:schema`
 * writes a JSON Schema from it for editors. Cross-references (targets, lines, items, assets, behaviour names)
 * are checked afterwards by `validate.ts`, which can say which name was wrong and what the known names are.
 */

const idPattern = /^[a-z0-9][a-z0-9-]*$/
export const SceneId = z.string().regex(idPattern, 'use lower-case letters, digits and dashes (e.g. "check-in")')

const Scalar = z.union([z.string(), z.number(), z.boolean()])

export const EnumParam = z
  .object({
    type: z.literal('enum'),
    label: Localized,
    values: z.array(z.union([z.string(), z.number()])).min(1),
    /** Labels per value for the lobby; the raw value is shown where none is given. */
    valueLabels: z.record(z.string(), Localized).optional(),
    default: z.union([z.string(), z.number()]),
  })
  .strict()

export const NumberParam = z
  .object({
    type: z.literal('number'),
    label: Localized,
    min: z.number(),
    max: z.number(),
    step: z.number().positive().default(1),
    default: z.number(),
  })
  .strict()

export const BooleanParam = z.object({ type: z.literal('boolean'), label: Localized, default: z.boolean() }).strict()

export const Param = z.discriminatedUnion('type', [EnumParam, NumberParam, BooleanParam])

const Anchors = z.object({ low: Localized, high: Localized }).strict()

export const LikertItem = z
  .object({
    type: z.literal('likert'),
    prompt: Localized,
    points: z.number().int().min(2).max(11),
    anchors: Anchors,
    /** Part of a check-in this statement belongs to: a built-in part (`checkInParts`) or one of the scene's `parts`. */
    part: z.string().regex(idPattern, 'use lower-case letters, digits and dashes').optional(),
    /** Agreeing means a weaker alliance (e.g. more friction); the debrief reverses it for the overall line. Default false. */
    reverse: z.boolean().optional(),
    /** Shows an agree-scale pictogram on each point (from a frown to a smile). Default false. */
    pictograms: z.boolean().optional(),
  })
  .strict()
export const SliderItem = z
  .object({
    type: z.literal('slider'),
    prompt: Localized,
    min: z.number(),
    max: z.number(),
    step: z.number().positive().default(1),
    anchors: Anchors,
  })
  .strict()
export const ChoiceOption = z.object({ value: z.string().min(1), label: Localized }).strict()
/** What a context question of a check-in stands for, so the debrief can line up both sides of one contact. */
export const contextFields = ['contact-date', 'contact-kind', 'contact-planned'] as const
/** The kinds of contact a `contact-kind` question may offer; the first two are face to face, the rest remote. */
export const contactKinds = ['office', 'home', 'video', 'phone', 'chat'] as const
export const faceToFaceKinds: readonly string[] = ['office', 'home']
/** The answers a `contact-planned` question may offer. */
export const plannedValues = ['yes', 'no'] as const
/** The parts of a working-alliance check-in that need no declaration (Menger 2018): direction, trust, bond, friction. */
export const checkInParts = ['direction', 'trust', 'bond', 'friction'] as const

export const ChoiceItem = z
  .object({
    type: z.literal('choice'),
    prompt: Localized,
    options: z.array(ChoiceOption).min(2),
    /** This question is context of a check-in: `contact-kind` (option values from `contactKinds`) or `contact-planned` (yes, no). */
    context: z.enum(contextFields).optional(),
  })
  .strict()
/** A calendar date (answered as YYYY-MM-DD): today unless the person picks another day, and never a day in the future. */
export const DateItem = z
  .object({
    type: z.literal('date'),
    prompt: Localized,
    /** How far back the date may go, in days. Default 60. */
    maxDaysBack: z.number().int().min(0).max(3660).optional(),
    /** This question is context of a check-in: `contact-date`. */
    context: z.enum(contextFields).optional(),
  })
  .strict()
export const TextItem = z
  .object({
    type: z.literal('text'),
    prompt: Localized,
    maxLength: z.number().int().min(1).max(2000).default(500),
    /** A client may always skip free text: it is the most identifying thing we collect. */
    optional: z.boolean().default(true),
  })
  .strict()

/**
 * An answer said aloud (recorded in memory only, never stored), with choices for when there is no microphone or the
 * client prefers to tap. The answer is "spoken" or the value of the chosen option.
 */
export const SpokenItem = z
  .object({
    type: z.literal('spoken'),
    prompt: Localized,
    options: z.array(ChoiceOption).min(2),
    /** The recording stops by itself after this many seconds. Default 30. */
    maxSeconds: z.number().int().min(3).max(120).default(30),
  })
  .strict()
/** The overlapping-circles item (inclusion of the other in the self): pairs of circles from apart (1) to one (points). */
export const CirclesItem = z
  .object({
    type: z.literal('circles'),
    prompt: Localized,
    points: z.number().int().min(5).max(7).default(7),
    /** What the two circles stand for, e.g. "ik nu" and "ik later". */
    circles: z.object({ left: Localized, right: Localized }).strict(),
  })
  .strict()

export const Item = z.discriminatedUnion('type', [LikertItem, SliderItem, ChoiceItem, TextItem, SpokenItem, CirclesItem, DateItem])

/** The value a `spoken` item records when the client answered aloud. */
export const spokenAnswer = 'spoken'

export const Line = z
  .object({
    nl: z.string().trim().min(1),
    en: z.string().trim().min(1),
    /** Who speaks it, for the placeholder voice (scripts/generateVoices.ts); a sound effect has none. */
    voice: z.enum(['father', 'mother', 'child', 'narrator', 'self', 'future-self']).optional(),
    /** A sound effect instead of speech, described for the placeholder generator (e.g. glass breaking). */
    effect: z.enum(['baby-cry', 'glass-break', 'thud', 'door', 'footsteps']).optional(),
    /** Asset ids of recorded audio per language; read-aloud uses the device voice where none is given. */
    audio: z.object({ nl: z.string().optional(), en: z.string().optional() }).strict().optional(),
  })
  .strict()

export const Asset = z.object({ src: z.string().min(1) }).strict()

export const ActionRef = z
  .object({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) })
  .strict()
export const GuardRef = ActionRef

export const Transition = z
  .object({ on: z.enum(beatEvents), to: z.string().min(1), if: GuardRef.optional() })
  .strict()

export const Beat = z
  .object({
    id: z.string().regex(idPattern, 'use lower-case letters, digits and dashes'),
    /** Actions run when the beat starts, in order. */
    do: z.array(ActionRef).default([]),
    /** A line shown (and readable aloud) with a "next" button; the beat then waits for `continue`. */
    say: z.string().optional(),
    /** A questionnaire item; the beat then waits for `answered`. */
    ask: z.string().optional(),
    /** Milliseconds until `deadline` fires; kept as an absolute time so it survives a reload. A `say` line shows meanwhile. */
    wait: z.number().int().positive().optional(),
    next: z.union([Transition, z.array(Transition).min(1)]).optional(),
    /** The scene ends here. */
    end: z.literal(true).optional(),
  })
  .strict()

export const sceneKinds = ['questionnaire', 'drill', 'vr'] as const

// The check-in fields below (and `part`, `reverse`, `pictograms`, `maxDaysBack`) are optional rather than defaulted:
// a default would change the hash of every existing scene and close sessions in progress after an update.

/** A part of a check-in declared by the scene, next to the built-in ones (`checkInParts`). */
export const CheckInPart = z.object({ label: Localized }).strict()

/**
 * Makes a questionnaire a check-in that the debrief lines up with the other side's answers about the same contact
 * (same client code, same contact date). A licensed item set drops in as a scene file with the same declarations.
 */
export const CheckInSettings = z
  .object({
    /** Who answers: the client (on their phone) or the worker (in the debrief). */
    side: z.enum(['client', 'worker']),
  })
  .strict()

/** What a VR scene puts in the world: its environment, its figures, where sounds come from, what dwell is measured on. */
export const VrSettings = z
  .object({
    /** A built-in environment (src/xr/environments). */
    environment: z.enum(['child-bedroom', 'meeting-room']),
    /** The client's own avatar (built in the lobby) is needed: the lobby asks for it before the scene starts. Default false. */
    avatar: z.boolean().default(false),
    figures: z.array(z.string().regex(idPattern)).default([]),
    /** Places the environment knows by name, where `place` actions put figures (`away`, not home, is always allowed). */
    places: z.array(z.string().regex(idPattern)).default([]),
    /** Props the environment can show or hide with the `prop` action; hidden until shown. */
    props: z.array(z.string().regex(idPattern)).default([]),
    /** Sound sources by id; `play` actions name one with `from`. */
    sources: z.array(z.string().regex(idPattern)).default([]),
    /** Head-direction dwell is measured on these targets in every beat. */
    targets: z.array(z.string().regex(idPattern)).default([]),
    /** Half-angle of the cone around a target that counts as looking at it, in degrees (about 15–20: src/xr/README.md). */
    dwellConeDeg: z.number().min(5).max(45).default(18),
    /**
     * A target's own cone half-angle in degrees, where it differs from `dwellConeDeg` (e.g. a small cone for a
     * small target next to a big one). A gaze inside several cones counts for the nearest target only.
     */
    dwellCones: z.record(z.string().regex(idPattern), z.number().min(2).max(45)).default({}),
    /**
     * What the trainer's debrief calls each target, e.g. `mirror: { nl: "spiegel", en: "mirror" }`. Optional (no
     * default) so that scenes without it keep their hash; the debrief shows a neutral name for a target without one.
     */
    targetLabels: z.record(z.string().regex(idPattern), Localized).optional(),
  })
  .strict()

/**
 * Fixed settings of an approach-avoidance swipe drill. The trial loop itself is code (src/engine/drill);
 * what a trainer may change per session goes in `params`.
 */
export const DrillSettings = z
  .object({
    /** Stimulus sets by id → manifest path (relative to the repository root). A `stimulusSet` param picks one. */
    stimulusSets: z.record(z.string().regex(idPattern, 'use lower-case letters, digits and dashes'), z.string().min(1)),
    /** Practice trials before every session (balanced, not scored). */
    practiceTrials: z.number().int().min(0).max(40).default(8),
    /** The pause between pictures, in ms. Kept short: Brein de Baas users asked for shorter pauses. */
    fixationMs: z.number().int().min(100).max(3000).default(300),
    /** How long the kind feedback after a wrong swipe or a timeout stays, in ms. */
    feedbackMs: z.number().int().min(300).max(5000).default(1200),
    /** No response within this many ms after onset is logged as "none" and the trial repeats. */
    timeoutMs: z.number().int().min(500).max(10000).default(3000),
    /** Movement along the swipe axis, in CSS px, that counts as initiation (about 10: src/drill/README.md). */
    initiationPx: z.number().min(2).max(60).default(10),
    /** Share of the screen height the finger travels to complete a swipe. */
    exitFraction: z.number().min(0.1).max(0.6).default(0.25),
    /** No more than this many trials in a row with the same category, or with the same required move. */
    maxRunLength: z.number().int().min(2).max(10).default(3),
  })
  .strict()

export const ScenarioScript = z
  .object({
    $schema: z.string().optional(),
    id: SceneId,
    version: z.number().int().positive(),
    kind: z.enum(sceneKinds),
    title: Localized,
    description: Localized.optional(),
    params: z.record(z.string(), Param).default({}),
    items: z.record(z.string(), Item).default({}),
    lines: z.record(z.string(), Line).default({}),
    assets: z.record(z.string(), Asset).default({}),
    /** The scene's flow. Required for questionnaires; a drill's flow is its trial loop. */
    beats: z.array(Beat).default([]),
    drill: DrillSettings.optional(),
    vr: VrSettings.optional(),
    /** Where the scene is offered: the client's lobby, or the trainer's debrief page only. Default lobby. */
    runsIn: z.enum(['lobby', 'debrief']).optional(),
    /**
     * Where the scene is for: a client's own phone at home, a supervision session with the trainer, or both.
     * Default supervision (see place.ts): a scene reaches a client's phone only when its author says so.
     */
    place: z
      .enum(scenePlaces)
      .optional()
      .describe("Where the scene is for: 'home' (a client's own phone), 'supervision' (with the trainer), or 'both'. Default supervision: a scene reaches a client's phone only when its author says so."),
    checkIn: CheckInSettings.optional(),
    /** Parts of a check-in beyond the built-in direction, trust, bond and friction, with their labels. */
    parts: z.record(z.string().regex(idPattern, 'use lower-case letters, digits and dashes'), CheckInPart).optional(),
  })
  .strict()

export type ScenarioScript = z.infer<typeof ScenarioScript>
export type ScenarioInput = z.input<typeof ScenarioScript>
export type Beat = z.infer<typeof Beat>
export type Transition = z.infer<typeof Transition>
export type Item = z.infer<typeof Item>
export type Param = z.infer<typeof Param>
export type Line = z.infer<typeof Line>
export type DrillSettings = z.infer<typeof DrillSettings>
export type VrSettings = z.infer<typeof VrSettings>
export type ParamValue = z.infer<typeof Scalar>
export type ParamValues = Record<string, ParamValue>

export function transitionsOf(beat: Beat): Transition[] {
  if (!beat.next) return []
  return Array.isArray(beat.next) ? beat.next : [beat.next]
}
