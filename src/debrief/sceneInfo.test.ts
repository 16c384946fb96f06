import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseScene } from '../script/parse.ts'
import { translate } from '../i18n/translate.ts'
import { firstSentence, sceneInfoOf, sceneNames, unnamedWordsIn } from './sceneInfo.ts'

function scene(name: string) {
  const file = `scenes/${name}/scene.yaml`
  const parsed = parseScene(readFileSync(file, 'utf8'), file)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return parsed.script
}

const unnamed = (language: 'nl' | 'en') => unnamedWordsIn((key, vars) => translate(language, key, vars))

describe('the debrief’s names for what a session logs by id', () => {
  const childEye = sceneInfoOf(scene('child-eye'))

  it('names answers, items, beats and targets from the scene file, in the chosen language', () => {
    const nl = sceneNames(childEye, 'nl', unnamed('nl'))
    const en = sceneNames(childEye, 'en', unnamed('en'))
    expect(nl.answer('feeling', 'scared')).toBe('Bang')
    expect(en.answer('feeling', 'scared')).toBe('Scared')
    expect(nl.item('harm-child')).toBe('Hoe erg was dit voor Joris?')
    expect(nl.answer('harm-child', 6)).toBe('6')
    // A beat is named by the first sentence of what the client heard in it.
    expect(nl.beat('mother-smells-drink')).toBe('Je ruikt naar drank.')
    expect(en.beat('mother-smells-drink')).toBe('You smell of drink.')
    // …or by the question it asks.
    expect(nl.beat('ask-feeling')).toBe('Hoe voelde Joris zich?')
    expect(nl.target('parents')).toBe('Ouders')
    expect(en.target('door')).toBe('Door')
  })

  it('numbers a beat with nothing to say, an unknown item and an unknown target, never showing the id', () => {
    const nl = sceneNames(childEye, 'nl', unnamed('nl'))
    // "silence" is the 11th beat of child-eye and only waits.
    expect(nl.beat('silence')).toBe('Moment 11')
    expect(nl.item('own-words')).toBe('(vraag 4 zonder naam)')
    expect(nl.target('mother')).toBe('Doel 5')
    const unknownScene = sceneNames(undefined, 'en', unnamed('en'))
    expect([unknownScene.beat('fight'), unknownScene.beat('reflect'), unknownScene.beat('fight')]).toEqual(['Moment 1', 'Moment 2', 'Moment 1'])
  })

  it('keeps the scene file’s item order and each scale’s full range', () => {
    const futureSelf = sceneInfoOf(scene('future-self'))
    expect(Object.keys(futureSelf.items).slice(0, 3)).toEqual(['vivid-before', 'similar-before', 'connected-before'])
    expect(futureSelf.items['vivid-before']!.scale).toEqual({ min: 1, max: 7 })
    expect(futureSelf.items['circles-before']!.scale).toEqual({ min: 1, max: 7 })
    expect(sceneNames(futureSelf, 'nl', unnamed('nl')).measure('vivid')).toBe(futureSelf.items['vivid-before']!.prompt.nl)
  })

  it('cuts a beat name to its first sentence and a long sentence to a chart row', () => {
    expect(firstSentence('Dank je wel. Zet de bril maar af.')).toBe('Dank je wel.')
    expect(firstSentence('(De baby huilt.)')).toBe('(De baby huilt.)')
    expect(firstSentence('(Een klap. Dan is het stil.)')).toBe('(Een klap. Dan is het stil.)')
    expect(firstSentence('a'.repeat(60))).toBe(`${'a'.repeat(47)}…`)
    expect(firstSentence('Hoe vaak dacht je deze week aan jezelf van later, en aan wat je wilt?')).toBe('Hoe vaak dacht je deze week aan jezelf van…')
  })
})
