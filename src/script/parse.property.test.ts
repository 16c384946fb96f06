import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { parseScene, type ParseResult } from './parse.ts'
import { formatSceneError } from './sceneError.ts'
import { validateScript } from './validate.ts'
import { ScenarioScript } from './schema.ts'

/**
 * Property tests: whatever an author (or an attacker) puts in a scene file, the checker answers with clean
 * errors (file, line, path, message) and never throws. The seeds are fixed, so a failure reproduces; fast-check
 * prints the seed and the shrunk input when one is found.
 */

const root = fileURLToPath(new URL('../../', import.meta.url))
const samples = readdirSync(root + 'scenes', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ file: `scenes/${d.name}/scene.yaml`, text: readFileSync(`${root}scenes/${d.name}/scene.yaml`, 'utf8') }))

/** Runs per property (about 5,000 inputs in all, a few seconds each on 2 cores); raise it for a deeper search. */
const scale = Number(process.env.PERSPECTIEF_PROPERTY_SCALE ?? 1)
const runs = (n: number) => Math.round(n * scale)
const timeout = 60_000

/** Calls parseScene, failing on a throw and on its last-resort catch, which would hide a crash. */
function checkClean(text: string, file: string): ParseResult {
  let result: ParseResult | undefined
  expect(() => (result = parseScene(text, file))).not.toThrow()
  const lineCount = text.split('\n').length
  if (result!.ok) {
    expect(result!.errors).toEqual([])
    expect(ScenarioScript.safeParse(result!.script).success).toBe(true)
    return result!
  }
  expect(result!.errors.length).toBeGreaterThan(0)
  for (const e of result!.errors) {
    const shown = formatSceneError(e)
    expect(e.message, shown).not.toMatch(/^could not read this scene/)
    expect(e.file).toBe(file)
    expect(typeof e.message === 'string' && e.message.trim().length > 0, shown).toBe(true)
    expect(Array.isArray(e.path) && e.path.every((p) => typeof p === 'string' || typeof p === 'number'), shown).toBe(true)
    // Every error of a file that is not too big points at a line an author can open.
    expect(e.line, `no line: ${shown}`).toBeTypeOf('number')
    expect(e.line!, shown).toBeGreaterThanOrEqual(1)
    expect(e.line!, shown).toBeLessThanOrEqual(lineCount)
    expect(e.column!, shown).toBeGreaterThanOrEqual(1)
    expect(shown).toContain(file)
  }
  return result!
}

/** Text edits a slip of the keyboard could make: delete, insert, duplicate, swap, re-indent. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(':', '- ', '  ', '\t', '"', "'", '{', '}', '[', ']', '&a ', '*a', '!!binary ', '? ', '|', '>', '#', '\n', '%YAML 1.2\n', '---\n', '...\n', '<<: *a\n')) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
)
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never

function applyText(text: string, m: TextMutation): string {
  const lines = text.split('\n')
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1)
      return text.slice(0, at) + text.slice(at + m.length)
    }
    case 'insert': {
      const at = m.at % (text.length + 1)
      return text.slice(0, at) + m.text + text.slice(at)
    }
    case 'duplicateLine': {
      const i = m.line % lines.length
      lines.splice(i, 0, lines[i]!)
      return lines.join('\n')
    }
    case 'swapLines': {
      const a = m.a % lines.length
      const b = m.b % lines.length
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      return lines.join('\n')
    }
    case 'indent': {
      const i = m.line % lines.length
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '')
      return lines.join('\n')
    }
  }
}

/** Values an author could put anywhere: wrong types, wrong names, empty things, deep things. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e9, '', 'end', 'welcome', 'cue-ended', 'answered', 'nl', 'q.mood', 'play', 'setFlag', [], {}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Edits to the data behind the text: remove a key, replace a value, rename a key, empty a list, repeat an item. */
const dataMutation = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'rename', 'empty', 'duplicate'),
  value: anyValue,
  name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('id', 'to', 'on', 'type', 'params', 'next', 'end', 'ask', 'say', '__proto__', 'constructor')),
})
type DataMutation = typeof dataMutation extends fc.Arbitrary<infer T> ? T : never

/** Every container and key in a document, so a mutation can pick any place. */
function places(data: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v)))
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push({ parent: node as Record<string, unknown>, key: k }), walk(v)
  }
  walk(data)
  return out
}

function applyData(data: unknown, m: DataMutation): void {
  const all = places(data)
  if (all.length === 0) return
  const { parent, key } = all[m.pick % all.length]!
  if (Array.isArray(parent)) {
    const i = key as number
    if (m.kind === 'delete') parent.splice(i, 1)
    else if (m.kind === 'duplicate') parent.splice(i, 0, structuredClone(parent[i]))
    else if (m.kind === 'empty') parent[i] = Array.isArray(parent[i]) ? [] : {}
    else parent[i] = m.value
    return
  }
  const k = key as string
  if (m.kind === 'delete') delete parent[k]
  else if (m.kind === 'rename') {
    const value = parent[k]
    delete parent[k]
    Object.defineProperty(parent, m.name, { value, enumerable: true, configurable: true, writable: true })
  } else if (m.kind === 'empty') parent[k] = Array.isArray(parent[k]) ? [] : {}
  else if (m.kind === 'duplicate') parent[`${k}-copy`] = structuredClone(parent[k])
  else parent[k] = m.value
}

describe('scene parser and validator under random input (fast-check)', () => {
  it('the sample scenes pass, so the mutations start from valid files', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4)
    for (const s of samples) expect(checkClean(s.text, s.file).ok, s.file).toBe(true)
  })

  it('random text edits of the sample scenes give clean errors or a valid script', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(textMutation, { minLength: 1, maxLength: 6 }), (sample, edits) => {
        checkClean(edits.reduce(applyText, sample.text), sample.file)
      }),
      { numRuns: runs(600), seed: 7001 },
    )
  }, timeout)

  it('random edits of the data behind the sample scenes give clean errors or a valid script', () => {
    const parsed = samples.map((s) => ({ ...s, data: parseYaml(s.text) as unknown }))
    fc.assert(
      fc.property(fc.constantFrom(...parsed), fc.array(dataMutation, { minLength: 1, maxLength: 4 }), (sample, edits) => {
        const data = structuredClone(sample.data)
        for (const m of edits) applyData(data, m)
        checkClean(stringifyYaml(data), sample.file)
      }),
      { numRuns: runs(600), seed: 7002 },
    )
  }, timeout)

  it('random YAML documents give clean errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('id', 'version', 'kind', 'title', 'beats', 'items', 'lines', 'params', 'assets', 'start'), anyValue)), (value) => {
        const result = checkClean(stringifyYaml(value), 'random.yaml')
        expect(result.ok).toBe(false)
      }),
      { numRuns: runs(1000), seed: 7003 },
    )
  }, timeout)

  it('random garbage (any Unicode, control characters, lone surrogates) gives clean errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => String.fromCharCode(...b))), (text) => {
        checkClean(text, 'garbage.yaml')
      }),
      { numRuns: runs(2000), seed: 7004 },
    )
  }, timeout)

  it('the validator alone never throws on any script the schema accepts', () => {
    // Scripts that pass the schema but break cross-references: the validator's own input domain.
    const valid = samples.map((s) => ScenarioScript.parse(parseYaml(s.text)))
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.array(dataMutation, { minLength: 1, maxLength: 3 }), (script, edits) => {
        const data = structuredClone(script) as unknown
        for (const m of edits) applyData(data, m)
        const parsed = ScenarioScript.safeParse(data)
        if (!parsed.success) return
        let errors: ReturnType<typeof validateScript> = []
        expect(() => (errors = validateScript(parsed.data, 'mutated.yaml'))).not.toThrow()
        for (const e of errors) {
          expect(e.file).toBe('mutated.yaml')
          expect(e.message.trim()).not.toBe('')
        }
      }),
      { numRuns: runs(1000), seed: 7005 },
    )
  }, timeout)
})
