import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPlainDrillTrial, logEventData } from './logEvents.ts'

const trial = {
  block: 'assessment', trial: 3, attempt: 1, stimulus: 'alcohol-1', category: 'alcohol', required: 'push', response: 'push', correct: true,
  onset_ms: 10_000, touchdown_ms: 10_400, initiation_ms: 10_450, completion_ms: 10_600, rt_initiation_ms: 450, rt_completion_ms: 600, frame_interval_ms: 16.7,
}
const schema = logEventData['drill.trial']

/** Values a hostile file might put in a field. */
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, 2 ** 53, Number.NaN, Infinity, '', 'push', 'pull', 'none', 'left', 'right', 'standard', 'reversed', 'alcohol', 'soft', 'practice', 'training', 'assessment'),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
)
const keys = [...Object.keys(trial), 'tilt', 'rule', 'painted_ms', 'extra', '__proto__', 'toString']

describe('the hand check of drill.trial data', () => {
  it('passes a trial the schema passes, with or without its optional fields', () => {
    expect(isPlainDrillTrial(trial)).toBe(true)
    expect(isPlainDrillTrial({ ...trial, tilt: 'left', rule: 'reversed' })).toBe(true)
    expect(isPlainDrillTrial({ ...trial, painted_ms: 1012.5 })).toBe(true)
    expect(isPlainDrillTrial({ ...trial, painted_ms: null })).toBe(true)
    expect(isPlainDrillTrial({ ...trial, painted_ms: '1012' })).toBe(false)
    expect(isPlainDrillTrial({ ...trial, response: 'none', correct: false, touchdown_ms: null, initiation_ms: null, completion_ms: null, rt_initiation_ms: null, rt_completion_ms: null })).toBe(true)
  })

  it('is never looser than the schema: whatever it passes, the schema passes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(anyValue, { nil: undefined }), fc.boolean()), { maxLength: 4 }), (edits) => {
        const data: Record<string, unknown> = { ...trial }
        for (const [key, value, remove] of edits) {
          if (remove) delete data[key]
          else Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true })
        }
        if (isPlainDrillTrial(data)) expect(schema.safeParse(data).success).toBe(true)
      }),
      { numRuns: 3000 },
    )
    for (const odd of [null, [], 'x', 3, new Date(), Object.assign(Object.create({ inherited: 1 }), trial)]) if (isPlainDrillTrial(odd)) expect(schema.safeParse(odd).success).toBe(true)
  })
})
