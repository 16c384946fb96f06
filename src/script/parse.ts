import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { ScenarioScript } from './schema.ts'
import type { SceneError } from './sceneError.ts'
import { validateScript, type ValidateOptions } from './validate.ts'

/** Scene files are small hand-written YAML; anything bigger is a mistake (or an attack on the parser). */
export const maxSceneBytes = 512 * 1024

export type ParseResult =
  | { ok: true; script: ScenarioScript; errors: [] }
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
  if (text.length > maxSceneBytes) {
    return {
      ok: false,
      errors: [{ file, path: [], message: `scene file is ${text.length} bytes`, hint: `keep it under ${maxSceneBytes}` }],
    }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0]
        return {
          file,
          path: [],
          line: pos?.line,
          column: pos?.col,
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
          hint: 'check indentation, colons and quotes on this line',
        }
      }),
    }
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 })
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ file, path: [], line: 1, column: 1, message: 'a scene must be a mapping (key: value) at the top level', hint: 'start with "id: my-scene"' }] }
  }
  const locate = locator(doc, lineCounter)
  const parsed = ScenarioScript.safeParse(data)
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => locate(fromZodIssue(issue, file))) }
  }
  const errors = validateScript(parsed.data, file, options).map(locate)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, script: parsed.data, errors: [] }
}

function fromZodIssue(issue: z.core.$ZodIssue, file: string): SceneError {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  switch (issue.code) {
    case 'unrecognized_keys':
      return { file, path, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, hint: 'check the spelling; see scenes/scene.schema.json for the allowed keys' }
    case 'invalid_union':
      return { file, path, message: issue.message === 'Invalid input' ? 'value has the wrong shape' : issue.message, hint: 'compare with a working scene or scenes/scene.schema.json' }
    case 'invalid_type':
      return { file, path, message: issue.message, hint: path.length ? `"${path.at(-1)}" is required or has the wrong type` : undefined }
    default:
      return { file, path, message: issue.message }
  }
}

/** Adds line and column from the YAML source, using the nearest node that exists when the path is missing. */
function locator(doc: Document, lineCounter: LineCounter) {
  return (error: SceneError): SceneError => {
    for (let depth = error.path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(error.path.slice(0, depth), true)
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0])
        return { ...error, line, column: col }
      }
    }
    return error
  }
}
