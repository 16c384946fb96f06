import { describe, expect, it } from 'vitest'
import { resolveParams } from './params.ts'
import { parseScene } from './parse.ts'
import type { ScenarioScript } from './schema.ts'

function scene(params: string): ScenarioScript {
  const yaml = `
id: with-params
version: 1
kind: questionnaire
title: { nl: Parameters, en: Parameters }
params:
${params}
lines:
  bye: { nl: Dag, en: Bye }
beats:
  - { id: done, say: bye, end: true }
`
  const parsed = parseScene(yaml, 'with-params.yaml')
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.script
}

const script = scene(`
  level:
    type: enum
    label: { nl: Niveau, en: Level }
    values: [easy, hard, 3]
    default: easy
  pace:
    type: number
    label: { nl: Tempo, en: Pace }
    min: 1
    max: 5
    default: 2
  loud: { type: boolean, label: { nl: Luid, en: Loud }, default: false }
`)

const errorsOf = (check: ReturnType<typeof resolveParams>) => (check.ok ? [] : check.errors)
const paramsWithErrors = (check: ReturnType<typeof resolveParams>) => errorsOf(check).map((e) => e.param)

describe('resolveParams', () => {
  it('fills in every default when nothing is chosen', () => {
    expect(resolveParams(script)).toEqual({ ok: true, values: { level: 'easy', pace: 2, loud: false } })
    expect(resolveParams(script, {})).toEqual({ ok: true, values: { level: 'easy', pace: 2, loud: false } })
  })

  it('keeps valid choices and fills the rest with defaults', () => {
    expect(resolveParams(script, { pace: 5, loud: true })).toEqual({ ok: true, values: { level: 'easy', pace: 5, loud: true } })
    expect(resolveParams(script, { level: 3 })).toEqual({ ok: true, values: { level: 3, pace: 2, loud: false } })
    expect(resolveParams(script, { level: 'hard', pace: 1, loud: false })).toEqual({ ok: true, values: { level: 'hard', pace: 1, loud: false } })
  })

  it('accepts a scene without parameters, and only an empty choice for it', () => {
    const bare = scene('  {}')
    expect(resolveParams(bare)).toEqual({ ok: true, values: {} })
    expect(paramsWithErrors(resolveParams(bare, { level: 'easy' }))).toEqual(['level'])
  })

  it('rejects parameters the scene does not declare, naming the scene', () => {
    const check = resolveParams(script, { levle: 'hard', pace: 3 })
    expect(check.ok).toBe(false)
    expect(errorsOf(check)).toEqual([{ param: 'levle', message: 'scene "with-params" has no parameter "levle"' }])
  })

  it('rejects names that only exist on Object.prototype', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      const chosen = JSON.parse(`{"${name}": 1}`) as Record<string, unknown>
      expect(paramsWithErrors(resolveParams(script, chosen)), name).toEqual([name])
    }
  })

  it('accepts the bounds of a number range and rejects anything outside it', () => {
    expect(resolveParams(script, { pace: 1 }).ok).toBe(true)
    expect(resolveParams(script, { pace: 5 }).ok).toBe(true)
    for (const pace of [0, 0.999, 5.001, 6, -1]) {
      const check = resolveParams(script, { pace })
      expect(errorsOf(check), String(pace)).toEqual([{ param: 'pace', message: 'must be between 1 and 5' }])
    }
  })

  it('rejects NaN, infinities and numbers given as text', () => {
    for (const pace of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', null, true]) {
      const check = resolveParams(script, { pace })
      expect(errorsOf(check), String(pace)).toEqual([{ param: 'pace', message: 'must be a number' }])
    }
  })

  it('rejects enum values the scene does not declare, also when only the type differs', () => {
    for (const level of ['medium', 'Easy', '', '3', 4, null, true]) {
      const check = resolveParams(script, { level })
      expect(paramsWithErrors(check), String(level)).toEqual(['level'])
      expect(errorsOf(check)[0]?.message).toMatch(/is not one of easy, hard, 3/)
    }
  })

  it('rejects a boolean given as anything other than true or false', () => {
    for (const loud of ['true', 'yes', 1, 0, null, 'false']) {
      const check = resolveParams(script, { loud })
      expect(errorsOf(check), String(loud)).toEqual([{ param: 'loud', message: 'must be yes or no' }])
    }
  })

  it('reports every problem at once', () => {
    const check = resolveParams(script, { level: 'medium', pace: 99, loud: 'yes', extra: 1 })
    expect(paramsWithErrors(check).sort()).toEqual(['extra', 'level', 'loud', 'pace'])
  })

  it('is what the bundled check-in scene expects: followUp defaults to true', async () => {
    const { readFileSync } = await import('node:fs')
    const parsed = parseScene(readFileSync(new URL('../../scenes/check-in/scene.yaml', import.meta.url), 'utf8'), 'scenes/check-in/scene.yaml')
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(resolveParams(parsed.script)).toEqual({ ok: true, values: { followUp: true } })
    expect(resolveParams(parsed.script, { followUp: false })).toEqual({ ok: true, values: { followUp: false } })
    expect(resolveParams(parsed.script, { followUp: 'no' }).ok).toBe(false)
  })
})
