import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseScene } from './parse.ts'
import { canonicalJson, scriptHash } from './scriptHash.ts'

const sample = readFileSync(fileURLToPath(new URL('../../scenes/check-in/scene.yaml', import.meta.url)), 'utf8')

async function hashOf(text: string): Promise<string> {
  const result = parseScene(text, 'scene.yaml')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return scriptHash(result.script)
}

describe('scriptHash', () => {
  it('is a SHA-256 hex digest and the same every time', async () => {
    const hash = await hashOf(sample)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await hashOf(sample)).toBe(hash)
  })

  it('ignores comments, blank lines and layout', async () => {
    const hash = await hashOf(sample)
    const commented = sample.replace(/\n/g, '\n\n# a comment\n').replace('id: check-in', 'id:   check-in   # trailing')
    expect(await hashOf(commented)).toBe(hash)
    // JSON is YAML too: the same scene without a single flow mapping or comment.
    expect(await hashOf(JSON.stringify(parseYaml(sample), null, 2))).toBe(hash)
  })

  it('ignores key order and spelled-out defaults', async () => {
    const hash = await hashOf(sample)
    const data = parseYaml(sample) as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(data).reverse())
    expect(await hashOf(JSON.stringify(reordered))).toBe(hash)
    expect(await hashOf(sample.replace('    say: welcome\n', '    say: welcome\n    do: []\n'))).toBe(hash)
  })

  it('changes when a transition target changes', async () => {
    const hash = await hashOf(sample)
    const retargeted = sample.replace('next: { on: deadline, to: ask-talk }', 'next: { on: deadline, to: thanks }')
    expect(retargeted).not.toBe(sample)
    expect(await hashOf(retargeted)).not.toBe(hash)
  })

  it('changes when text a client sees changes', async () => {
    const hash = await hashOf(sample)
    expect(await hashOf(sample.replace('"Adem even rustig in en uit."', '"Adem rustig in en uit."'))).not.toBe(hash)
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":2,"f":1}]},"b":1}')
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })
})
