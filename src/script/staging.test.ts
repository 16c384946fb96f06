import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatPath } from './sceneError.ts'
import { parseScene } from './parse.ts'

const file = 'scenes/child-eye/scene.yaml'
const text = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')

function script() {
  const r = parseScene(text, file)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '))
  return r.script
}

/** Where each figure is, beat by beat, following the script's `place` actions (undefined: the environment's own spot). */
function placesByBeat() {
  const at: Record<string, string> = {}
  const out: Record<string, Record<string, string>> = {}
  for (const beat of script().beats) {
    for (const a of beat.do ?? []) if (a.type === 'place') at[String(a.params?.figure)] = String(a.params?.at)
    out[beat.id] = { ...at }
  }
  return out
}

describe("the child's-eye staging follows the words", () => {
  it('keeps the father away while the narrator says he is not home, and brings him in when he says he is', () => {
    const intro = script().lines.intro!
    expect(intro.nl).toContain('Papa is nog niet thuis')
    const places = placesByBeat()
    expect(places.intro!.father).toBe('away')
    expect(places['father-home']!.father).toBe('hallway')
    // Every beat before he comes home keeps him away.
    const order = script().beats.map((b) => b.id)
    for (const beat of order.slice(0, order.indexOf('father-home'))) expect(places[beat]!.father, beat).toBe('away')
  })

  it('plays the blow as a gesture of the father, and brings the mother to the bed to comfort', () => {
    const blow = script().beats.find((b) => b.id === 'the-blow')!
    expect(blow.do?.some((a) => a.type === 'gesture' && a.params?.figure === 'father' && a.params?.gesture === 'strike')).toBe(true)
    expect(placesByBeat()['mother-comes-in']!.mother).toBe('bed')
    // The blow is no longer a held pose: after it the father stands again.
    expect(blow.do?.some((a) => a.type === 'pose' && a.params?.figure === 'father' && a.params?.pose === 'strike')).toBe(false)
  })

  it('gives the faces the words ask for: angry when they shout, afraid at the blow, sad when she comes in', () => {
    const faceAt = (beat: string, figure: string) => script().beats.find((b) => b.id === beat)!.do?.find((a) => a.type === 'pose' && a.params?.figure === figure)?.params?.face
    expect(faceAt('father-answers', 'father')).toBe('angry')
    expect(faceAt('the-blow', 'mother')).toBe('afraid')
    expect(faceAt('mother-comes-in', 'mother')).toBe('sad')
  })

  it('refuses a place the environment does not know, a gesture that is no pose and a face it cannot show', () => {
    const bad = text.replace('{ figure: mother, at: bed, walkMs: 1200 }', '{ figure: mother, at: kitchen }').replace('gesture: strike,', 'gesture: punch,').replace('pose: shout, face: angry', 'pose: shout, face: furious')
    const r = parseScene(bad, file)
    expect(r.ok).toBe(false)
    const messages = r.ok ? [] : r.errors.map((e) => `${formatPath(e.path)}: ${e.message}`)
    expect(messages.some((m) => m.includes('unknown place "kitchen"'))).toBe(true)
    expect(messages.some((m) => m.includes('unknown pose "punch"'))).toBe(true)
    expect(messages.some((m) => /params\.face: "furious": .*"calm"/.test(m))).toBe(true)
  })
})
