import { describe, expect, it } from 'vitest'
import { parseScene } from './parse.ts'
import { formatSceneError } from './sceneError.ts'
import { defaultPlace, isForHome, placeOf } from './place.ts'

const file = 'scenes/where/scene.yaml'
const scene = (place: string | null) =>
  ['id: where', 'version: 1', 'kind: questionnaire', ...(place === null ? [] : [`place: ${place}`]), 'title: { nl: Waar, en: Where }', 'lines:', '  hi: { nl: Hoi, en: Hi }', 'beats:', '  - { id: start, say: hi, end: true }', ''].join('\n')

function scriptOf(text: string) {
  const result = parseScene(text, file)
  expect(result.errors).toEqual([])
  if (!result.ok) throw new Error('the scene should parse')
  return result.script
}

describe('a scene says where it is for', () => {
  it('is for supervision when it does not say, so nothing reaches a phone at home by accident', () => {
    const script = scriptOf(scene(null))
    expect(defaultPlace).toBe('supervision')
    expect(placeOf(script)).toBe('supervision')
    expect(isForHome(script)).toBe(false)
  })

  it.each([
    ['home', true],
    ['both', true],
    ['supervision', false],
  ] as const)('place: %s is for home: %s', (place, home) => {
    const script = scriptOf(scene(place))
    expect(placeOf(script)).toBe(place)
    expect(isForHome(script)).toBe(home)
  })

  it('rejects another place, naming the field, its line and the allowed values', () => {
    const result = parseScene(scene('office'), file)
    expect(result.ok).toBe(false)
    const error = result.errors.find((e) => e.path.join('.') === 'place')!
    expect(error, result.errors.map(formatSceneError).join('\n')).toBeDefined()
    expect(error.line).toBe(4)
    const shown = formatSceneError(error)
    expect(shown).toContain(`${file}:4:`)
    expect(shown).toContain(' place: ')
    for (const allowed of ['home', 'supervision', 'both']) expect(shown).toContain(allowed)
  })
})
