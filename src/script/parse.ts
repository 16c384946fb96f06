import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml'
import type { z } from 'zod'
import { ScenarioScript } from './schema.ts'
import type { SceneError } from './sceneError.ts'
import { validateScript, type ValidateOptions } from './validate.ts'
import { dwellOverlapWarnings } from './dwellOverlap.ts'

/** Scene files are small hand-written YAML; anything bigger is a mistake (or an attack on the parser). */
export const maxSceneBytes = 512 * 1024

export type ParseResult =
  /** `warnings`: things that work but may mislead (cones of dwell targets that overlap), with their lines. */
  | { ok: true; script: ScenarioScript; errors: []; warnings?: SceneError[] }
  | { ok: false; errors: SceneError[] }

/** YAML text → validated script, or every error with file, path, line and a hint. Never throws. */
export function parseScene(text: string, file: string, options: ValidateOptions = {}): ParseResult {
  try {
    return parseSceneUnsafe(text, file, options)
  } catch (cause) {
    // Last line of defence: a checker that crashes on a bad file is worse than one clear error.
    return { ok: false, errors: [{ file, path: [], message: `could not read this scene: ${String(cause)}` }] }
  }
}

function parseSceneUnsafe(text: string, file: string, options: ValidateOptions): ParseResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ file, path: [], message: 'scene file is not text' }] }
  // A string's length never exceeds its UTF-8 size, so the cheap test goes first and a huge string is never encoded.
  if (text.length > maxSceneBytes || new TextEncoder().encode(text).length > maxSceneBytes) {
    return {
      ok: false,
      errors: [{ file, path: [], message: `scene file is over ${maxSceneBytes / 1024} KiB`, hint: 'a scene is short hand-written text; split it into several scenes' }],
    }
  }
  const lineCounter = new LineCounter()
  // logLevel 'error': yaml would also print warnings to the console (e.g. for a mapping used as a key), which
  // the checks below already report to the author as errors.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        // With prettyErrors off, yaml leaves linePos empty; the offset is always there.
        const pos = lineCounter.linePos(e.pos[0])
        return {
          file,
          path: [],
          line: pos.line,
          column: pos.col,
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
          hint: 'check indentation, colons and quotes on this line',
        }
      }),
    }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (cause) {
    // yaml throws here, not in doc.errors, for an alias (*name) with no anchor (&name) before it, and for aliases
    // that would expand into a huge value: the "billion laughs" attack.
    const reason = cause instanceof Error ? cause.message : String(cause)
    const message = reason.startsWith('Excessive alias count') ? 'YAML aliases expand too far' : `YAML: ${reason}`
    const pos = lineCounter.linePos(aliasOffset(doc, reason))
    return { ok: false, errors: [{ file, path: [], line: pos.line, column: pos.col, message, hint: 'a scene needs few or no anchors (&name) and aliases (*name)' }] }
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ file, path: [], line: 1, column: 1, message: 'the scene file is empty', hint: 'start with "id: my-scene"' }] }
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : 'a single value'
    return { ok: false, errors: [{ file, path: [], line: 1, column: 1, message: `a scene must be a mapping (key: value) at the top level, not ${found}`, hint: 'start with "id: my-scene"' }] }
  }
  const locate = locator(doc, lineCounter)
  const parsed = ScenarioScript.safeParse(data)
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.flatMap((issue) => fromZodIssue(issue, file, data)).map(locate) }
  }
  const errors = validateScript(parsed.data, file, options).map(locate)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, script: parsed.data, errors: [], warnings: dwellOverlapWarnings(parsed.data, file, options.dwellGeometry).map(locate) }
}

/** Where the alias that yaml refused starts: the one named in its message, else the first alias (0 if none). */
function aliasOffset(doc: Document, reason: string): number {
  const named = /: (\S+)$/.exec(reason)?.[1]
  let first: number | undefined
  let match: number | undefined
  visit(doc, {
    Alias(_key, node) {
      const at = node.range?.[0]
      first ??= at
      if (match === undefined && node.source === named) match = at
    },
  })
  return match ?? first ?? 0
}

function fromZodIssue(issue: z.core.$ZodIssue, file: string, data: unknown): SceneError[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  const key = path.at(-1)
  // Zod says "expected string, received undefined" for a key that is not there; an author needs its name.
  if (key !== undefined && issue.code !== 'unrecognized_keys' && isMissing(data, path)) {
    return [{ file, path, message: `"${key}" is missing`, hint: `add "${key}:" here (${issue.message.replace(/^Invalid (input|option): /, '').replace(/, received undefined$/, '')})` }]
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      // One error per key, each pointing at its own line.
      return issue.keys.map((k) => ({ file, path: [...path, k], message: `unknown key "${k}"`, hint: 'check the spelling; see scenes/scene.schema.json for the allowed keys' }))
    case 'invalid_union': {
      // A union lists the issues of every alternative; the one whose type matched says what is wrong inside it.
      const matched = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0))
      if (matched.length === 1) return matched[0]!.flatMap((i) => fromZodIssue({ ...i, path: [...issue.path, ...i.path] }, file, data))
      return [{ file, path, message: issue.message === 'Invalid input' ? 'value has the wrong shape' : issue.message, hint: 'compare with a working scene or scenes/scene.schema.json' }]
    }
    case 'invalid_value':
      return [{ file, path, message: `${JSON.stringify(valueAt(data, path))} is not allowed here`, hint: `use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}` }]
    case 'invalid_type':
      return [{ file, path, message: issue.message, hint: path.length ? `"${path.at(-1)}" has the wrong type` : undefined }]
    default:
      return [{ file, path, message: issue.message }]
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data
  for (const p of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined
  return value
}

/** True when the parent exists but has no such key, as opposed to a key that is there with a wrong value. */
function isMissing(data: unknown, path: readonly (string | number)[]): boolean {
  const parent = valueAt(data, path.slice(0, -1))
  return parent !== null && typeof parent === 'object' && !Object.hasOwn(parent, path.at(-1)!)
}

/** Adds line and column from the YAML source, using the nearest node that exists when the path is missing. */
function locator(doc: Document, lineCounter: LineCounter) {
  return (error: SceneError): SceneError => {
    for (let depth = error.path.length; depth >= 0; depth--) {
      const offset = offsetOf(doc, error.path.slice(0, depth))
      if (offset !== undefined) {
        const { line, col } = lineCounter.linePos(offset)
        return { ...error, line, column: col }
      }
    }
    return error
  }
}

/**
 * Where `path` starts in the source: the key of a mapping entry (a block value starts a line further down,
 * and an unknown key has no value worth pointing at), or the list item itself. Undefined when not in the source.
 */
function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents
  let offset = isNode(node) ? node.range?.[0] : undefined
  for (const p of path) {
    if (isMap(node)) {
      // Compared as strings: YAML reads a key like `1:` as a number, zod reports it as "1".
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(p))
      if (!pair) return undefined
      offset = isNode(pair.key) ? pair.key.range?.[0] : undefined
      node = pair.value
    } else if (isSeq(node) && typeof p === 'number') {
      node = node.items[p]
      offset = isNode(node) ? node.range?.[0] : undefined
    } else return undefined
  }
  return offset
}
