import type { ScenarioScript, ParamValues, Item } from '../../src/script/schema.ts'
import { transitionsOf } from '../../src/script/schema.ts'
import type { SceneEvent } from '../../src/engine/sceneTypes.ts'

/** Every combination of the scene's parameters (enum values, both booleans, number min/default/max). */
export function paramCombinations(script: ScenarioScript): ParamValues[] {
  let combos: ParamValues[] = [{}]
  for (const [key, p] of Object.entries(script.params)) {
    const values = p.type === 'enum' ? p.values : p.type === 'boolean' ? [true, false] : [...new Set([p.min, p.default, p.max])]
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })))
  }
  return combos
}

/** Numbers a guard compares against, plus the item's ends, so every branch gets an answer that takes it. */
function answersFor(script: ScenarioScript, itemId: string, item: Item): (string | number | null)[] {
  const thresholds = script.beats.flatMap((b) =>
    transitionsOf(b)
      .map((t) => t.if?.params)
      .filter((p): p is Record<string, unknown> => !!p && p.item === itemId && typeof p.value !== 'undefined')
      .map((p) => p.value as string | number),
  )
  switch (item.type) {
    case 'choice':
      return item.options.map((o) => o.value)
    case 'likert':
      return Array.from({ length: item.points }, (_, i) => i + 1)
    case 'slider':
      return [...new Set([item.min, item.max, ...thresholds.flatMap((v) => (typeof v === 'number' ? [v - item.step, v, v + item.step] : []))])].filter(
        (v) => v >= item.min && v <= item.max,
      )
    case 'text':
      return ['een antwoord', null]
    case 'spoken':
      return ['spoken', ...item.options.map((o) => o.value)]
    case 'circles':
      return Array.from({ length: item.points }, (_, i) => i + 1)
    case 'date':
      return ['2025-05-12']
  }
}

/** The inputs a person (or the clock) could give in the beat a snapshot is in. */
export function sampleEvents(script: ScenarioScript, beatId: string): SceneEvent[] {
  const beat = script.beats.find((b) => b.id === beatId)
  if (!beat || beat.end) return []
  // Inputs happen at time 0, so deadlines are armed near 0; the deadline event comes far past any of them.
  const at = 0
  if (beat.ask) {
    const item = script.items[beat.ask]!
    return answersFor(script, beat.ask, item).map((value) => ({ type: 'answered', beat: beat.id, item: beat.ask!, value, latencyMs: 1000, at }))
  }
  if (beat.wait !== undefined) return [{ type: 'deadline', at: Number.MAX_SAFE_INTEGER }]
  const played = beat.do.find((a) => a.type === 'play' || a.type === 'playRecording')
  if (played) return [{ type: 'cue-ended', beat: beat.id, line: String(played.params.line ?? played.params.of), at }]
  if (beat.say) return [{ type: 'continue', beat: beat.id, at }]
  return []
}
