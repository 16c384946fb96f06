import { describe, expect, it } from 'vitest'
import { drillBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { computeDrillReport, giveDrillReport, sessionFacts } from './sessionFacts.ts'

const lookup = () => undefined

describe('the report cache: each session is computed once per imported file', () => {
  it('a language switch computes nothing again (the same scores object), and unchanged input gives the same facts', () => {
    const bundle = drillBundle(80)
    const nl = sessionFacts('k', 'f.json', bundle, lookup, 'nl')
    const en = sessionFacts('k', 'f.json', bundle, lookup, 'en')
    expect(en.drill).toBe(nl.drill)
    expect(en.drill!.score).toBe(nl.drill!.score)
    expect(sessionFacts('k', 'f.json', bundle, lookup, 'en')).toBe(en)
    expect(sessionFacts('k', 'f.json', bundle, lookup, 'nl').drill).toBe(nl.drill)
  })

  it('adding another file leaves a session’s facts as they were', () => {
    const a = drillBundle({ trials: 40, session: 1 })
    const before = sessionFacts('a', 'a.json', a, lookup, 'nl')
    sessionFacts('b', 'b.json', questionnaireBundle(), lookup, 'nl')
    expect(sessionFacts('a', 'a.json', a, lookup, 'nl')).toBe(before)
  })

  it('takes the import worker’s report instead of computing it, and its interval when that arrives', () => {
    const bundle = drillBundle(60)
    const report = computeDrillReport(bundle)
    giveDrillReport(bundle, { score: report.score, paint: report.paint, ddInterval: null, ddPending: true })
    const pending = sessionFacts('k', 'f.json', bundle, lookup, 'nl')
    expect(pending.drill).toEqual({ score: report.score, paint: report.paint, ddInterval: null, ddPending: true })
    giveDrillReport(bundle, report)
    const settled = sessionFacts('k', 'f.json', bundle, lookup, 'nl')
    expect(settled.drill).toBe(report)
    expect(settled.durationMs).toBe(pending.durationMs)
  })
})
