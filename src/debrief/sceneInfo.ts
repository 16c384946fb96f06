import type { Language, Localized } from '../script/localized.ts'
import type { Beat, ScenarioScript } from '../script/schema.ts'
import { checkInInfoOf, type AllianceSceneInfo } from './alliance/checkInInfo.ts'

/** One questionnaire item as the debrief shows it: its prompt, its options' labels and its scale's range. */
export interface ItemInfo {
  type: string
  prompt: Localized
  /** Option labels by value (choice and spoken items). */
  options?: Record<string, Localized>
  /** The full range of a numeric item (likert and circles from 1 to points, a slider from min to max). */
  scale?: { min: number; max: number }
}

/** What the debrief knows about a scene from the app's own catalogue: the names of everything a session logs by id. */
export interface SceneInfo {
  kind: string
  title: Localized
  /** Items in the scene file's order (an object keeps the order its keys were written in). */
  items: Record<string, ItemInfo>
  /** A name for each beat, in the scene's order; null where the beat says and asks nothing (see `beatLabelOf`). */
  beats?: Record<string, Localized | null>
  /** The scene's names for its dwell targets (`vr.targetLabels`). */
  targets?: Record<string, Localized>
  /** Set for a check-in scene: its side, its statements' parts and its context questions. */
  alliance?: AllianceSceneInfo
}

export type SceneLookup = (sceneId: string) => SceneInfo | undefined

/** A follow-up questionnaire is named after the scene it follows: `child-eye-followup` follows `child-eye`. */
export function baseSceneOf(sceneId: string): string | null {
  const match = /^(.+)-followup$/.exec(sceneId)
  return match ? match[1]! : null
}

/** The first sentence of a text, at most `max` characters: short enough for a chart's row name. */
export function firstSentence(text: string, max = 48): string {
  const trimmed = text.trim()
  // A sound described in brackets, "(Een klap. Dan is het stil.)", is kept whole up to its closing bracket.
  const bracketed = trimmed.startsWith('(') && trimmed.includes(')') ? trimmed.slice(0, trimmed.indexOf(')') + 1) : null
  const sentence = bracketed ?? /^.*?[.!?](?=\s|$)/.exec(trimmed)?.[0] ?? trimmed
  if (sentence.length <= max) return sentence
  // Cut between words where there is a space in the second half, so no word is left half (a cut "later" reads "late").
  const cut = sentence.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/**
 * A beat has no name of its own in the scene format, but it has what the client met in it: the question it asks,
 * else the line it shows or plays. Its first sentence names the beat in both languages ("Je ruikt naar drank." for
 * `mother-smells-drink`). A beat that only waits or moves a figure has none; the debrief numbers it instead.
 */
export function beatLabelOf(script: ScenarioScript, beat: Beat): Localized | null {
  const short = (text: Localized): Localized => ({ nl: firstSentence(text.nl), en: firstSentence(text.en) })
  if (beat.ask && script.items[beat.ask]) return short(script.items[beat.ask]!.prompt)
  const lineId = beat.say ?? beat.do.find((a) => a.type === 'play' && typeof a.params.line === 'string')?.params.line
  const line = typeof lineId === 'string' ? script.lines[lineId] : undefined
  return line ? short({ nl: line.nl, en: line.en }) : null
}

function itemInfoOf(item: ScenarioScript['items'][string]): ItemInfo {
  const info: ItemInfo = { type: item.type, prompt: item.prompt }
  if (item.type === 'choice' || item.type === 'spoken') info.options = Object.fromEntries(item.options.map((o) => [o.value, o.label]))
  if (item.type === 'likert' || item.type === 'circles') info.scale = { min: 1, max: item.points }
  if (item.type === 'slider') info.scale = { min: item.min, max: item.max }
  return info
}

/** The debrief's view of a scene file. */
export function sceneInfoOf(script: ScenarioScript): SceneInfo {
  return {
    kind: script.kind,
    title: script.title,
    items: Object.fromEntries(Object.entries(script.items).map(([id, item]) => [id, itemInfoOf(item)])),
    beats: Object.fromEntries(script.beats.map((b) => [b.id, beatLabelOf(script, b)])),
    targets: script.vr?.targetLabels ?? {},
    alliance: checkInInfoOf(script),
  }
}

/**
 * Names for what a session logs by id, in the report's language. Every name comes from the scene file; where the
 * file has none (or the scene is not in this app's catalogue) the name is a neutral, numbered one from the string
 * table, never the id: ids are for the CSV.
 */
export interface SceneNames {
  item(id: string): string
  /** An answer as the client saw it: the option's label, a number, the client's own text. */
  answer(item: string, value: string | number | null): string
  beat(id: string): string
  target(id: string): string
  /** A before/after measure (`vivid` of `vivid-before`): the prompt of its before item. */
  measure(id: string): string
}

/** The neutral words for a thing without a name, from the string table. */
export interface UnnamedWords {
  item(n: number): string
  beat(n: number): string
  target(n: number): string
  /** The value of a spoken item's answer given aloud. */
  spoken: string
}

export function sceneNames(info: SceneInfo | undefined, language: Language, unnamed: UnnamedWords): SceneNames {
  // Numbers for unnamed things, in the scene's order where the scene is known, else in the order first asked for.
  const numbered = (known: readonly string[]) => {
    const order = [...known]
    return (id: string) => {
      if (!order.includes(id)) order.push(id)
      return order.indexOf(id) + 1
    }
  }
  const itemNumber = numbered(Object.keys(info?.items ?? {}))
  const beatNumber = numbered(Object.keys(info?.beats ?? {}))
  const targetNumber = numbered(Object.keys(info?.targets ?? {}))
  const item = (id: string) => info?.items[id]?.prompt[language] ?? unnamed.item(itemNumber(id))
  return {
    item,
    answer(itemId, value) {
      if (value === null) return '–'
      const option = typeof value === 'string' ? info?.items[itemId]?.options?.[value] : undefined
      if (option) return option[language]
      if (value === 'spoken' && info?.items[itemId]?.type === 'spoken') return unnamed.spoken
      return String(value)
    },
    beat: (id) => info?.beats?.[id]?.[language] ?? unnamed.beat(beatNumber(id)),
    target: (id) => info?.targets?.[id]?.[language] ?? unnamed.target(targetNumber(id)),
    measure: (id) => (info?.items[`${id}-before`] ? item(`${id}-before`) : unnamed.item(itemNumber(`${id}-before`))),
  }
}

/** The neutral words for unnamed things, in one language, from the string table. */
export function unnamedWordsIn(t: (key: 'unnamedItem' | 'unnamedBeat' | 'unnamedTarget' | 'answerSpoken', vars?: Record<string, string | number>) => string): UnnamedWords {
  return { item: (n) => t('unnamedItem', { n }), beat: (n) => t('unnamedBeat', { n }), target: (n) => t('unnamedTarget', { n }), spoken: t('answerSpoken') }
}
