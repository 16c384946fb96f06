import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { maxSceneBytes, parseScene, type ParseResult } from './parse.ts'
import { formatPath, formatSceneError, type SceneError } from './sceneError.ts'

/**
 * Every file in test/fixtures/bad-scenes is wrong in one way and says, in its first two comment lines,
 * which message and path the checker must report. Adding a case is adding a file.
 */

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = 'test/fixtures/bad-scenes'

interface Fixture {
  file: string
  text: string
  expect: string
  path: string
}

const fixtures: Fixture[] = readdirSync(root + dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const file = `${dir}/${name}`
    const text = readFileSync(root + file, 'utf8')
    const [first = '', second = ''] = text.split('\n')
    const expected = /^# expect: (.+)$/.exec(first)?.[1]
    const path = /^# path: (.+)$/.exec(second)?.[1]
    if (!expected || !path) throw new Error(`${file} must start with "# expect: …" and "# path: …" lines`)
    return { file, text, expect: expected, path }
  })

/** parseScene promises never to throw; its last-resort catch would hide a crash, so that message counts as a failure too. */
function parseSafely(text: string, file: string): ParseResult {
  let result: ParseResult | undefined
  expect(() => (result = parseScene(text, file))).not.toThrow()
  for (const e of result!.errors) expect(e.message).not.toMatch(/^could not read this scene/)
  return result!
}

function expectWellFormed(errors: SceneError[], file: string, text: string) {
  const lineCount = text.split('\n').length
  for (const e of errors) {
    expect(e.file).toBe(file)
    expect(e.message.trim()).not.toBe('')
    if (e.path.length > 0) expect(e.line, `no line for ${formatSceneError(e)}`).toBeTypeOf('number')
    if (e.line !== undefined) {
      expect(e.line).toBeGreaterThanOrEqual(1)
      expect(e.line).toBeLessThanOrEqual(lineCount)
      expect(e.column).toBeGreaterThanOrEqual(1)
    }
  }
}

describe('bad scene corpus', () => {
  it('has enough distinct cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20)
    const pairs = new Set(fixtures.map((f) => `${f.path} :: ${f.expect}`))
    expect(pairs.size).toBe(fixtures.length)
    for (const f of fixtures) expect(f.file).toMatch(/\/\d\d-[a-z0-9-]+\.yaml$/)
    const numbers = fixtures.map((f) => /\/(\d\d)-/.exec(f.file)![1])
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it.each(fixtures)('$file is rejected with its expected error', ({ file, text, expect: message, path }) => {
    const result = parseSafely(text, file)
    expect(result.ok).toBe(false)
    expect(result.errors.length).toBeGreaterThan(0)
    expectWellFormed(result.errors, file, text)
    const shown = result.errors.map(formatSceneError)
    const match = result.errors.find((e) => formatPath(e.path) === path && e.message.includes(message))
    expect(match, `expected "${path}: …${message}…" among:\n${shown.join('\n')}`).toBeDefined()
    const line = formatSceneError(match!)
    expect(line).toContain(file)
    expect(line).toContain(` ${path}: `)
    expect(line).toContain(message)
  })

  it('does not let a __proto__ key reach Object.prototype', () => {
    const f = fixtures.find((x) => x.file.endsWith('-proto-key.yaml'))!
    parseSafely(f.text, f.file)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('oversized input', () => {
  it(`rejects more than ${maxSceneBytes / 1024} KiB without parsing it`, () => {
    const text = `id: big\n# ${'x'.repeat(maxSceneBytes)}\n`
    const result = parseSafely(text, 'big.yaml')
    expect(result.ok).toBe(false)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.message).toContain('KiB')
    expect(result.errors[0]!.path).toEqual([])
  })

  it('counts bytes, not characters', () => {
    // Half as many characters as the limit, but each takes two bytes in UTF-8.
    const text = `# ${'é'.repeat(maxSceneBytes / 2)}\n`
    expect(text.length).toBeLessThan(maxSceneBytes)
    const result = parseSafely(text, 'wide.yaml')
    expect(result.ok).toBe(false)
    expect(result.errors[0]!.message).toContain('KiB')
  })

  it('accepts a long valid scene just under the limit, in either beat order', { timeout: 20_000 }, () => {
    const head = 'id: long\nversion: 1\nkind: questionnaire\ntitle: { nl: Lang, en: Long }\nlines:\n  h: { nl: H, en: H }\nbeats:\n'
    const beats: string[] = []
    for (let n = 0, size = head.length; size < maxSceneBytes - 1000; n++) {
      beats.push(`  - { id: b${n}, say: h, next: { on: continue, to: b${n + 1} } }\n`)
      size += beats.at(-1)!.length
    }
    beats.push(`  - { id: b${beats.length}, say: h, end: true }\n`)
    const inOrder = parseSafely(head + beats.join(''), 'long.yaml')
    expect(inOrder.ok).toBe(true)
    // The first beat must stay first; the rest reversed is the worst order for a repeat-until-stable flow check.
    const reversed = parseSafely(head + beats[0] + beats.slice(1).reverse().join(''), 'long.yaml')
    expect(reversed.ok).toBe(true)
  })
})

describe('garbage input', () => {
  // A fixed seed keeps failures reproducible.
  function random(seed: number) {
    let s = seed >>> 0
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0
      return s / 2 ** 32
    }
  }
  const next = random(20240607)
  const pick = (chars: string, length: number) => Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('')
  const sample = readFileSync(root + 'scenes/check-in/scene.yaml', 'utf8')

  const cases: string[] = [
    '',
    '\uFEFF',
    '\0\0\0\0',
    '---\n...\n',
    '%YAML 1.2\n%TAG ! tag:x,2000:\n--- !x\n',
    '!!binary aGVsbG8=',
    '? [a, b]\n: c\n',
    '&a [*a]',
    'id: *nowhere',
    '{'.repeat(2000),
    '['.repeat(5000) + ']'.repeat(5000),
    '- '.repeat(3000) + 'x',
    'a:\n' + '  '.repeat(4000) + 'b',
    sample.replace(/\n/g, '\r\n'),
    sample.replace(/ {2}/g, '\t'),
    sample.slice(0, sample.length / 2),
  ]
  for (let i = 0; i < 40; i++) cases.push(pick(':-[]{}&*!|>\'"%@`#,? \n\t', 1 + Math.floor(next() * 200)))
  for (let i = 0; i < 20; i++) cases.push(Array.from({ length: 300 }, () => String.fromCharCode(Math.floor(next() * 256))).join(''))
  // Lone surrogates and other code units that are not valid text on their own.
  for (let i = 0; i < 10; i++) cases.push(Array.from({ length: 100 }, () => String.fromCharCode(Math.floor(next() * 0x10000))).join(''))
  // Small mutations of a valid scene reach the deeper checks, not just the YAML parser.
  for (let i = 0; i < 150; i++) {
    const at = Math.floor(next() * sample.length)
    const cut = Math.floor(next() * 12)
    const insert = pick(':-[]{}&*!|>\'"#,? \n\tabz019', Math.floor(next() * 4))
    cases.push(sample.slice(0, at) + insert + sample.slice(at + cut))
  }

  it(`never throws or crashes on ${cases.length} malformed inputs`, () => {
    let rejected = 0
    cases.forEach((text, i) => {
      const file = `garbage-${i}.yaml`
      const result = parseSafely(text, file)
      if (!result.ok) {
        rejected++
        expect(result.errors.length).toBeGreaterThan(0)
        expectWellFormed(result.errors, file, text)
      }
    })
    // Mutations can leave a scene valid, but garbage cannot be.
    expect(rejected).toBeGreaterThan(cases.length / 2)
  })

  it('rejects a value that is not a string', () => {
    const result = parseSafely(undefined as unknown as string, 'nothing.yaml')
    expect(result.ok).toBe(false)
    expect(result.errors[0]!.message).toBe('scene file is not text')
  })
})
