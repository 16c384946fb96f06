import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseScene } from './parse.ts'
import { formatPath, type SceneError } from './sceneError.ts'
import { eventForBeat, validateScript } from './validate.ts'

const file = 'scenes/check-in/scene.yaml'
const sample = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')

/** The sample scene with `from` replaced by `to` exactly once, so each test breaks exactly what it names. */
function edited(from: string, to: string): string {
  expect(sample.split(from)).toHaveLength(2)
  return sample.replace(from, to)
}

function errorsOf(text: string): SceneError[] {
  const result = parseScene(text, file)
  expect(result.ok).toBe(false)
  return result.errors
}

function errorAt(errors: SceneError[], path: string): SceneError {
  const found = errors.find((e) => formatPath(e.path) === path)
  expect(found, `no error at ${path}; got ${errors.map((e) => `${formatPath(e.path)}: ${e.message}`).join(' | ')}`).toBeDefined()
  return found!
}

/** 1-based line and column of the only occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  expect(text.split(needle)).toHaveLength(2)
  const before = text.slice(0, text.indexOf(needle)).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

describe('the sample scene', () => {
  it('parses without errors', () => {
    const result = parseScene(sample, file)
    expect(result.errors).toEqual([])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.script.id).toBe('check-in')
    expect(result.script.beats.map((b) => b.id)).toEqual(['welcome', 'ask-mood', 'ask-sleep', 'ask-hard-part', 'ask-stress', 'breathe', 'ask-talk', 'thanks'])
    // Defaults from the schema are filled in.
    expect(result.script.beats[0]!.do).toEqual([])
    expect(result.script.items.stress).toMatchObject({ type: 'slider', step: 1 })
  })
})

describe('hints', () => {
  it('suggest the closest beat for a mistyped target', () => {
    const e = errorAt(errorsOf(edited('to: ask-mood }', 'to: ask-mod }')), 'beats[0].next.to')
    expect(e.message).toBe('unknown target beat "ask-mod"')
    expect(e.hint).toContain('"ask-mood"')
  })

  it('suggest the closest item, line and guard', () => {
    expect(errorAt(errorsOf(edited('ask: mood', 'ask: mod')), 'beats[1].ask').hint).toBe('did you mean "mood"?')
    expect(errorAt(errorsOf(edited('say: breathe', 'say: breath')), 'beats[5].say').hint).toBe('did you mean "breathe"?')
    expect(errorAt(errorsOf(edited('type: answerAtLeast', 'type: answerAtleast')), 'beats[4].next[0].if.type').hint).toBe('did you mean "answerAtLeast"?')
  })

  it('list the known names when nothing is close', () => {
    const e = errorAt(errorsOf(edited('say: thanks', 'say: goodbye-and-see-you')), 'beats[7].say')
    expect(e.hint).toBe('known lines: welcome, breathe, thanks')
  })
})

describe('error collection', () => {
  it('reports every broken reference, not just the first', () => {
    const text = edited('to: ask-mood }', 'to: ask-mod }').replace('say: thanks', 'say: thank')
    const errors = errorsOf(text)
    expect(errors.map((e) => formatPath(e.path))).toEqual(['beats[0].next.to', 'beats[7].say'])
  })

  it('reports every schema problem, not just the first', () => {
    const text = edited('version: 1', 'version: 0').replace('points: 5', 'points: 1')
    const paths = errorsOf(text).map((e) => formatPath(e.path))
    expect(paths).toContain('version')
    expect(paths).toContain('items.mood.points')
  })

  it('leaves flow checks until the references are right, so one typo does not cascade', () => {
    // The typo also makes "ask-mood" and everything after it unreachable; only the typo is reported.
    const errors = errorsOf(edited('to: ask-mood }', 'to: ask-mod }'))
    expect(errors).toHaveLength(1)
  })
})

describe('line and column', () => {
  it('point at the entry with the mistyped value', () => {
    const text = edited('to: ask-mood }', 'to: ask-mod }')
    const e = errorAt(errorsOf(text), 'beats[0].next.to')
    expect({ line: e.line, column: e.column }).toEqual(positionOf(text, 'to: ask-mod }'))
  })

  it('point at an unknown key itself, not at the mapping around it', () => {
    const text = edited('    maxLength: 300', '    maxLength: 300\n    hint: { nl: Kort, en: Short }')
    const e = errorAt(errorsOf(text), 'items.hard-part.hint')
    expect(e.message).toBe('unknown key "hint"')
    expect({ line: e.line, column: e.column }).toEqual(positionOf(text, 'hint: {'))
  })

  it('point at the key of a block list, not at its first item', () => {
    const text = edited('{ value: bad,', '{ value: good,')
    const e = errorAt(errorsOf(text), 'items.sleep.options')
    expect(e.message).toBe('option value "good" is used twice')
    // The "options:" line of the sleep item, the first of the two in the file.
    const optionsLine = text.split('\n').findIndex((l) => l.trim() === 'options:') + 1
    expect(e.line).toBe(optionsLine)
  })

  it('point at the parent when a key is missing', () => {
    const text = edited('    points: 5\n', '')
    const e = errorAt(errorsOf(text), 'items.mood.points')
    expect(e.message).toBe('"points" is missing')
    expect(e.line).toBe(positionOf(text, '  mood:').line)
  })

  it('point at the broken line for YAML syntax errors', () => {
    const text = edited('    points: 5\n', '    points: 5\n    points: 7\n')
    const e = errorsOf(text)[0]!
    expect(e.message).toBe('YAML syntax: Map keys must be unique')
    expect({ line: e.line, column: e.column }).toEqual(positionOf(text, 'points: 7'))
  })

  it('count the lines of a CRLF file the same way', () => {
    const text = edited('to: ask-mood }', 'to: ask-mod }')
    const e = errorAt(errorsOf(text.replace(/\n/g, '\r\n')), 'beats[0].next.to')
    expect(e.line).toBe(positionOf(text, 'to: ask-mod }').line)
  })
})

describe('validateScript', () => {
  const script = (() => {
    const result = parseScene(sample, file)
    if (!result.ok) throw new Error('sample scene must parse')
    return result.script
  })()

  it('checks asset files only when given a way to', () => {
    const withAsset = { ...script, assets: { hello: { src: 'assets/voice/nl/hello.ogg' } } }
    expect(validateScript(withAsset, file)).toEqual([])
    expect(validateScript(withAsset, file, { assetExists: () => true })).toEqual([])
    const errors = validateScript(withAsset, file, { assetExists: () => false })
    expect(errors.map((e) => [formatPath(e.path), e.message])).toEqual([['assets.hello.src', 'asset file "assets/voice/nl/hello.ogg" does not exist']])
  })

  it('accepts flags that a beat sets', () => {
    const beats = script.beats.map((b, i) =>
      i === 0 ? { ...b, do: [{ type: 'setFlag', params: { flag: 'greeted' } }] } : i === 1 ? { ...b, next: [{ on: 'answered' as const, to: 'ask-sleep', if: { type: 'flagIs', params: { flag: 'greeted' } } }, { on: 'answered' as const, to: 'ask-sleep' }] } : b,
    )
    expect(validateScript({ ...script, beats }, file)).toEqual([])
  })
})

describe('eventForBeat', () => {
  it('follows from what the beat does', () => {
    expect(eventForBeat({ say: 'x' })).toBe('continue')
    expect(eventForBeat({ ask: 'x' })).toBe('answered')
    expect(eventForBeat({ wait: 1000 })).toBe('deadline')
    // A line shown during a wait has no button, so the wait decides.
    expect(eventForBeat({ say: 'x', wait: 1000 })).toBe('deadline')
    expect(eventForBeat({})).toBeUndefined()
  })
})
