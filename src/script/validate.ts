import type { DwellGeometry } from './dwellOverlap.ts'
import type { z } from 'zod'
import { checkInParts, contactKinds, plannedValues, transitionsOf, type Item, type ScenarioScript } from './schema.ts'
import { knownNamesHint, type SceneError } from './sceneError.ts'
import { drillLineIds } from './drillLines.ts'
import { eventForBeat } from './beatEvent.ts'
import { actionNames, actionParams, guardNames, guardParams, poseNames } from './vocabulary.ts'

export { eventForBeat }

export interface ValidateOptions {
  /** Checks that an asset's file exists (the CLI passes one; the browser cannot list files). */
  assetExists?: (src: string) => boolean
  /** Where the built-in environments put targets and eyes, for the cone-overlap warnings. Default none (no warnings). */
  dwellGeometry?: DwellGeometry
}

type Path = (string | number)[]

/** Checks every cross-reference and the shape of the flow. Returns all errors, not just the first. */
export function validateScript(script: ScenarioScript, file: string, options: ValidateOptions = {}): SceneError[] {
  const errors: SceneError[] = []
  const add = (path: Path, message: string, hint?: string) => errors.push({ file, path, message, hint })

  // Sets, not lists: a scene near the size limit has thousands of beats and lookups must not go quadratic.
  const beatIds = new Set(script.beats.map((b) => b.id))
  const askedItems = new Set(script.beats.flatMap((b) => (b.ask === undefined ? [] : [b.ask])))
  const lineIds = Object.keys(script.lines)
  const itemIds = Object.keys(script.items)
  const assetIds = Object.keys(script.assets)
  const flagsSet = new Set<string>()

  checkParams(script, add)
  checkItems(script, add)
  checkCheckIn(script, add)

  for (const [id, asset] of Object.entries(script.assets)) {
    if (options.assetExists && !options.assetExists(asset.src)) {
      add(['assets', id, 'src'], `asset file "${asset.src}" does not exist`, 'paths are relative to the repository root, e.g. assets/voice/nl/hello.ogg')
    }
  }
  for (const [id, line] of Object.entries(script.lines)) {
    for (const [lang, assetId] of Object.entries(line.audio ?? {})) {
      if (assetId !== undefined && !script.assets[assetId]) {
        add(['lines', id, 'audio', lang], `unknown asset "${assetId}"`, knownNamesHint(assetId, assetIds, 'assets'))
      }
    }
  }

  const seen = new Map<string, number>()
  script.beats.forEach((beat, i) => {
    const at: Path = ['beats', i]
    const first = seen.get(beat.id)
    if (first !== undefined) add([...at, 'id'], `beat id "${beat.id}" is used twice`, `beats[${first}] already has it; give each beat its own id`)
    else seen.set(beat.id, i)

    if (beat.ask !== undefined && (beat.say !== undefined || beat.wait !== undefined)) {
      add(at, 'a beat that asks cannot also "say" or "wait"', 'put the line or the pause in a beat of its own before the question')
    }
    if (beat.say !== undefined && !script.lines[beat.say]) add([...at, 'say'], `unknown line "${beat.say}"`, knownNamesHint(beat.say, lineIds, 'lines'))
    if (beat.ask !== undefined && !script.items[beat.ask]) add([...at, 'ask'], `unknown item "${beat.ask}"`, knownNamesHint(beat.ask, itemIds, 'items'))

    beat.do.forEach((action, j) => {
      const path = [...at, 'do', j]
      if (!(actionNames as string[]).includes(action.type)) {
        add([...path, 'type'], `unknown action "${action.type}"`, knownNamesHint(action.type, actionNames, 'actions'))
        return
      }
      const params = checkRefParams(actionParams[action.type as keyof typeof actionParams], action.params, [...path, 'params'], add)
      if (action.type === 'setFlag' && params) flagsSet.add(String(params.flag))
      if (isVrAction(action.type) && params) checkVrAction(script, action.type, params, path, add)
    })

    const transitions = transitionsOf(beat)
    const expected = eventForBeat(beat)
    if (beat.end) {
      if (transitions.length > 0) add([...at, 'next'], 'an end beat cannot have "next"', 'remove "next" or remove "end: true"')
      return
    }
    if (transitions.length === 0) {
      add(at, `beat "${beat.id}" has no way out`, 'add "next: { on: …, to: … }" or "end: true"')
      return
    }
    if (expected === undefined) {
      add(at, `beat "${beat.id}" waits for nothing`, 'give it "say", "ask" or "wait" so something moves it on')
    }
    transitions.forEach((t, j) => {
      const path: Path = Array.isArray(beat.next) ? [...at, 'next', j] : [...at, 'next']
      if (!beatIds.has(t.to)) add([...path, 'to'], `unknown target beat "${t.to}"`, knownNamesHint(t.to, [...beatIds], 'beats'))
      if (expected !== undefined && t.on !== expected) {
        add([...path, 'on'], `this beat never receives "${t.on}"`, `a beat that ${expected === 'answered' ? 'asks' : expected === 'continue' ? 'says' : 'waits'} moves on "${expected}"`)
      }
      if (t.if) checkGuard(script, askedItems, t.if, [...path, 'if'], add)
    })
    if (transitions.every((t) => t.if !== undefined)) {
      add([...at, 'next'], `beat "${beat.id}" can get stuck: every way out has a condition`, 'add a last "next" without "if" as the fallback')
    }
  })

  // flagIs on a flag no beat ever sets is always false: almost certainly a typo.
  script.beats.forEach((beat, i) =>
    transitionsOf(beat).forEach((t, j) => {
      if (t.if?.type === 'flagIs' && typeof t.if.params.flag === 'string' && !flagsSet.has(t.if.params.flag)) {
        const path: Path = Array.isArray(beat.next) ? ['beats', i, 'next', j] : ['beats', i, 'next']
        add([...path, 'if', 'params', 'flag'], `flag "${t.if.params.flag}" is never set`, knownNamesHint(t.if.params.flag, [...flagsSet], 'flags'))
      }
    }),
  )

  if (script.kind === 'drill') checkDrill(script, options, add)
  else if (script.drill) add(['drill'], `a ${script.kind} scene has no drill settings`, 'remove "drill" or set "kind: drill"')
  if (script.kind !== 'drill' && script.beats.length === 0) {
    add(['beats'], `a ${script.kind} scene needs at least one beat`, 'add a list of beats, the first one is where the scene starts')
  }
  if (script.kind === 'vr' && !script.vr) add(['vr'], 'a VR scene needs "vr" settings', 'add "vr: { environment: child-bedroom, figures: [...], sources: [...], targets: [...] }"')
  if (script.kind !== 'vr' && script.vr) add(['vr'], `a ${script.kind} scene has no VR settings`, 'remove "vr" or set "kind: vr"')
  for (const name of Object.keys(script.vr?.dwellCones ?? {})) {
    if (!script.vr!.targets.includes(name)) add(['vr', 'dwellCones', name], `"${name}" is not one of the scene's dwell targets`, knownNamesHint(name, script.vr!.targets, 'targets'))
  }
  for (const name of Object.keys(script.vr?.targetLabels ?? {})) {
    if (!script.vr!.targets.includes(name)) add(['vr', 'targetLabels', name], `"${name}" is not one of the scene's dwell targets`, knownNamesHint(name, script.vr!.targets, 'targets'))
  }
  if (errors.length === 0 && script.beats.length > 0) checkFlow(script, add)
  return errors
}

const vrActions = ['play', 'pose', 'place', 'gesture', 'playRecording', 'seat', 'prop'] as const
type VrAction = (typeof vrActions)[number]
function isVrAction(type: string): type is VrAction {
  return (vrActions as readonly string[]).includes(type)
}

/** VR actions only make sense in VR, and must name a line, a spoken item, a sound source, a figure, a place and a pose that exist. */
function checkVrAction(script: ScenarioScript, type: VrAction, params: Record<string, unknown>, path: Path, add: (path: Path, message: string, hint?: string) => void) {
  if (!script.vr) {
    add([...path, 'type'], `"${type}" needs a VR scene`, 'set "kind: vr" and add "vr" settings, or use "say" in 2D')
    return
  }
  if (type === 'seat') return
  if (type === 'prop') {
    const prop = String(params.prop)
    if (!script.vr.props.includes(prop)) add([...path, 'params', 'prop'], `unknown prop "${prop}"`, knownNamesHint(prop, script.vr.props, 'props'))
    return
  }
  if (type === 'playRecording') {
    const of = String(params.of)
    const item = script.items[of]
    if (!item) add([...path, 'params', 'of'], `unknown item "${of}"`, knownNamesHint(of, Object.keys(script.items), 'items'))
    else if (item.type !== 'spoken') add([...path, 'params', 'of'], `item "${of}" is a ${item.type} item, so nothing was recorded`, 'play back a "spoken" item')
    else if (!script.beats.some((b) => b.ask === of)) add([...path, 'params', 'of'], `item "${of}" is never asked, so there is nothing to play back`, `add a beat with "ask: ${of}" before this one`)
  }
  if (type === 'play' || type === 'playRecording') {
    const line = String(params.line)
    if (type === 'play' && !script.lines[line]) add([...path, 'params', 'line'], `unknown line "${line}"`, knownNamesHint(line, Object.keys(script.lines), 'lines'))
    if (params.from !== undefined && !script.vr.sources.includes(String(params.from))) {
      add([...path, 'params', 'from'], `unknown sound source "${String(params.from)}"`, knownNamesHint(String(params.from), script.vr.sources, 'sound sources'))
    }
  } else {
    const figure = String(params.figure)
    if (!script.vr.figures.includes(figure)) add([...path, 'params', 'figure'], `unknown figure "${figure}"`, knownNamesHint(figure, script.vr.figures, 'figures'))
    if (type === 'place') {
      const at = String(params.at)
      if (at !== 'away' && !script.vr.places.includes(at)) add([...path, 'params', 'at'], `unknown place "${at}"`, knownNamesHint(at, ['away', ...script.vr.places], 'places'))
      return
    }
    const key = type === 'gesture' ? 'gesture' : 'pose'
    const pose = String(params[key])
    if (!(poseNames as readonly string[]).includes(pose)) add([...path, 'params', key], `unknown pose "${pose}"`, knownNamesHint(pose, poseNames, 'poses'))
  }
}

/** The drill's own rules: settings present, and the stimulus-set parameter names sets that exist. */
function checkDrill(script: ScenarioScript, options: ValidateOptions, add: (path: Path, message: string, hint?: string) => void) {
  if (!script.drill) {
    add(['drill'], 'a drill scene needs "drill" settings', 'add "drill: { stimulusSets: { my-set: assets/…/manifest.json } }"')
    return
  }
  if (script.beats.length > 0) add(['beats'], 'a drill scene has no beats: its trial loop is built in', 'remove "beats"')
  for (const id of drillLineIds) {
    if (!script.lines[id]) add(['lines'], `a drill needs the line "${id}"`, `the drill shows it; add "${id}: { nl: …, en: … }"`)
  }
  const sets = Object.keys(script.drill.stimulusSets)
  if (sets.length === 0) add(['drill', 'stimulusSets'], 'a drill needs at least one stimulus set')
  for (const [id, manifest] of Object.entries(script.drill.stimulusSets)) {
    if (options.assetExists && !options.assetExists(manifest)) add(['drill', 'stimulusSets', id], `manifest "${manifest}" does not exist`, 'paths are relative to the repository root')
  }
  const param = script.params.stimulusSet
  if (!param) add(['params'], 'a drill needs a "stimulusSet" parameter', `add an enum parameter with values: ${sets.join(', ')}`)
  else if (param.type !== 'enum') add(['params', 'stimulusSet', 'type'], '"stimulusSet" must be an enum parameter')
  else {
    param.values.forEach((v, i) => {
      if (!sets.includes(String(v))) add(['params', 'stimulusSet', 'values', i], `unknown stimulus set "${v}"`, knownNamesHint(String(v), sets, 'stimulus sets'))
    })
  }
}

function checkFlow(script: ScenarioScript, add: (path: Path, message: string, hint?: string) => void) {
  const index = new Map(script.beats.map((b, i) => [b.id, i]))
  const edges = new Map(script.beats.map((b) => [b.id, transitionsOf(b).map((t) => t.to)]))
  const reachable = new Set<string>()
  const stack = [script.beats[0]!.id]
  while (stack.length) {
    const id = stack.pop()!
    if (reachable.has(id)) continue
    reachable.add(id)
    stack.push(...(edges.get(id) ?? []))
  }
  for (const beat of script.beats) {
    if (!reachable.has(beat.id)) {
      add(['beats', index.get(beat.id)!], `beat "${beat.id}" can never be reached`, `no beat leads to it from the first beat "${script.beats[0]!.id}"; add a "next" to it or remove it`)
    }
  }
  // A beat from which no end beat can be reached traps the client in a loop. Walking back from the end beats
  // keeps this linear; repeating a forward pass until nothing changes took seconds on a long scene.
  const from = new Map<string, string[]>()
  for (const [id, targets] of edges) {
    for (const t of targets) {
      const sources = from.get(t)
      if (sources) sources.push(id)
      else from.set(t, [id])
    }
  }
  const canEnd = new Set<string>()
  const back = script.beats.filter((b) => b.end).map((b) => b.id)
  while (back.length) {
    const id = back.pop()!
    if (canEnd.has(id)) continue
    canEnd.add(id)
    for (const source of from.get(id) ?? []) back.push(source)
  }
  if (canEnd.size === 0) add(['beats'], 'the scene has no end beat', 'mark the last beat with "end: true"')
  else {
    for (const beat of script.beats) {
      if (reachable.has(beat.id) && !canEnd.has(beat.id)) {
        add(['beats', index.get(beat.id)!], `beat "${beat.id}" has no way out: no path from it reaches an end beat`, 'break the loop with a "next" that leads towards an end')
      }
    }
  }
}

function valueAt(params: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined), params)
}

function checkRefParams(schema: z.ZodType, params: unknown, path: Path, add: (path: Path, message: string, hint?: string) => void): Record<string, unknown> | undefined {
  const result = schema.safeParse(params)
  if (result.success) return result.data as Record<string, unknown>
  for (const issue of result.error.issues) {
    const p = [...path, ...issue.path.map((x) => (typeof x === 'number' ? x : String(x)))]
    const key = p.at(-1)
    if (issue.code === 'unrecognized_keys') add(p, `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`)
    // Zod only says "Invalid input" for a parameter that is not there at all.
    else if (issue.path.length === 1 && typeof params === 'object' && params !== null && !Object.hasOwn(params, String(key))) add(p, `missing parameter "${String(key)}"`)
    // Zod's own words for a value outside a closed list do not say which value was given.
    else if (issue.code === 'invalid_value') add(p, `"${String(valueAt(params, issue.path))}": ${issue.message}`)
    else add(p, issue.message)
  }
  return undefined
}

function checkGuard(script: ScenarioScript, askedItems: Set<string>, guard: { type: string; params: Record<string, unknown> }, path: Path, add: (path: Path, message: string, hint?: string) => void) {
  if (!(guardNames as string[]).includes(guard.type)) {
    add([...path, 'type'], `unknown guard "${guard.type}"`, knownNamesHint(guard.type, guardNames, 'guards'))
    return
  }
  const params = checkRefParams(guardParams[guard.type as keyof typeof guardParams], guard.params, [...path, 'params'], add)
  if (!params) return
  if ('item' in params) {
    const itemId = String(params.item)
    const item = script.items[itemId]
    if (!item) {
      add([...path, 'params', 'item'], `unknown item "${itemId}"`, knownNamesHint(itemId, Object.keys(script.items), 'items'))
      return
    }
    if (!askedItems.has(itemId)) add([...path, 'params', 'item'], `item "${itemId}" is never asked, so this condition is always false`, `add a beat with "ask: ${itemId}"`)
    if (guard.type !== 'answerIs' && (item.type === 'choice' || item.type === 'text' || item.type === 'spoken')) {
      add([...path, 'type'], `"${guard.type}" compares numbers, but item "${itemId}" is a ${item.type} item`, 'use "answerIs" for choices')
    }
    const answers = item.type === 'choice' ? item.options.map((o) => o.value) : item.type === 'spoken' ? ['spoken', ...item.options.map((o) => o.value)] : null
    if (guard.type === 'answerIs' && answers && !answers.includes(String(params.value))) {
      add([...path, 'params', 'value'], `"${String(params.value)}" is not an option of item "${itemId}"`, `options: ${answers.join(', ')}`)
    }
  }
  if (guard.type === 'paramIs') {
    const paramId = String(params.param)
    const param = script.params[paramId]
    if (!param) add([...path, 'params', 'param'], `unknown parameter "${paramId}"`, knownNamesHint(paramId, Object.keys(script.params), 'parameters'))
    else if (param.type === 'enum' && !param.values.includes(params.value as string | number)) {
      add([...path, 'params', 'value'], `"${String(params.value)}" is not a value of parameter "${paramId}"`, `values: ${param.values.join(', ')}`)
    }
  }
}

function checkParams(script: ScenarioScript, add: (path: Path, message: string, hint?: string) => void) {
  for (const [id, p] of Object.entries(script.params)) {
    const at: Path = ['params', id]
    if (p.type === 'enum' && !p.values.includes(p.default)) add([...at, 'default'], `default "${p.default}" is not one of the values`, `values: ${p.values.join(', ')}`)
    if (p.type === 'number') {
      if (p.min >= p.max) add([...at, 'min'], `min (${p.min}) must be below max (${p.max})`)
      else if (p.default < p.min || p.default > p.max) add([...at, 'default'], `default ${p.default} is outside ${p.min}–${p.max}`)
    }
  }
}

function checkItems(script: ScenarioScript, add: (path: Path, message: string, hint?: string) => void) {
  for (const [id, item] of Object.entries(script.items) as [string, Item][]) {
    const at: Path = ['items', id]
    if (item.type === 'slider' && item.min >= item.max) add([...at, 'min'], `min (${item.min}) must be below max (${item.max})`)
    if (item.type === 'choice' || item.type === 'spoken') {
      const values = item.options.map((o) => o.value)
      if (item.type === 'spoken' && values.includes('spoken')) add([...at, 'options'], 'option value "spoken" is reserved for an answer said aloud', 'give the option another value')
      const dup = values.find((v, i) => values.indexOf(v) !== i)
      if (dup) add([...at, 'options'], `option value "${dup}" is used twice`, 'each option needs its own value')
    }
  }
}

/**
 * Check-in declarations: parts that exist, one direction per part, context questions with the known values, and a
 * check-in that has what the debrief lines up on (a contact date and statements with parts).
 */
function checkCheckIn(script: ScenarioScript, add: (path: Path, message: string, hint?: string) => void) {
  const parts = [...checkInParts, ...Object.keys(script.parts ?? {})]
  const reverseOf = new Map<string, { reverse: boolean; item: string }>()
  const contexts = new Map<string, string>()
  const asked = new Set(script.beats.flatMap((b) => (b.ask === undefined ? [] : [b.ask])))
  for (const [id, item] of Object.entries(script.items) as [string, Item][]) {
    const at: Path = ['items', id]
    if (item.type === 'likert') {
      if (item.reverse && item.part === undefined) add([...at, 'reverse'], '"reverse" only means something for a statement with a "part"', `add "part: …" (${parts.join(', ')}) or remove "reverse"`)
      if (item.part !== undefined) {
        if (!parts.includes(item.part)) add([...at, 'part'], `unknown part "${item.part}"`, knownNamesHint(item.part, parts, 'parts'))
        const first = reverseOf.get(item.part)
        if (first && first.reverse !== (item.reverse ?? false)) {
          add([...at, 'reverse'], `the statements of part "${item.part}" point different ways`, `item "${first.item}" has reverse: ${first.reverse}; give every statement of one part the same "reverse"`)
        } else if (!first) reverseOf.set(item.part, { reverse: item.reverse ?? false, item: id })
      }
    }
    if ((item.type === 'choice' || item.type === 'date') && item.context !== undefined) {
      const other = contexts.get(item.context)
      if (other) add([...at, 'context'], `"${item.context}" is asked twice`, `item "${other}" already is the ${item.context}`)
      else contexts.set(item.context, id)
      if (item.type === 'date' && item.context !== 'contact-date') add([...at, 'context'], `a date item can only be the "contact-date"`)
      if (item.type === 'choice' && item.context === 'contact-date') add([...at, 'context'], 'the contact date is a date item', 'use "type: date"')
      const allowed: readonly string[] | null = item.type !== 'choice' ? null : item.context === 'contact-kind' ? contactKinds : item.context === 'contact-planned' ? plannedValues : null
      if (item.type === 'choice' && allowed) {
        item.options.forEach((o, i) => {
          if (!allowed.includes(o.value)) add([...at, 'options', i, 'value'], `"${o.value}" is not a value for ${item.context}`, `use one of: ${allowed.join(', ')}`)
        })
      }
    }
  }
  if (script.checkIn) {
    if (script.kind !== 'questionnaire') add(['checkIn'], `a check-in is a questionnaire, not a ${script.kind} scene`, 'set "kind: questionnaire"')
    const dateItem = contexts.get('contact-date')
    if (!dateItem) add(['checkIn'], 'a check-in needs the date of the contact', 'add an item "type: date" with "context: contact-date"')
    else if (!asked.has(dateItem)) add(['items', dateItem], `the contact date "${dateItem}" is never asked`, `add a beat with "ask: ${dateItem}"`)
    if (reverseOf.size === 0) add(['checkIn'], 'a check-in needs statements with a "part"', `give likert items "part: …" (${parts.join(', ')})`)
  } else if (contexts.size > 0 || reverseOf.size > 0) {
    const first = contexts.values().next().value ?? reverseOf.values().next().value?.item
    add(['items', first!], 'parts and contact questions only count in a check-in', 'add "checkIn: { side: client }" (or worker) to the scene')
  }
  if (script.runsIn === 'debrief' && script.kind !== 'questionnaire') add(['runsIn'], `only a questionnaire can run in the debrief, not a ${script.kind} scene`)
}
