/**
 * The corpus of edited session files (test/fixtures/hostile-sessions): each file is refused with its message, or
 * shown with its warning, through the debrief's own import (the store the page uses), and no number the report
 * would show is outside its meaning.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { hostileCorpus } from '../../test/fixtures/hostile-sessions/corpus.ts'
import { strings } from '../i18n/strings.ts'
import { aatCells } from '../log/aatScore.ts'
import { importFiles, useDebrief } from './debriefStore.ts'
import { sessionFacts, type SessionFacts } from './sessionFacts.ts'

const corpus = hostileCorpus()
const lookup = () => undefined

/** Every figure the report shows for a session lies within what it can mean. */
function checkMeaning(f: SessionFacts) {
  const limit = 3500
  expect(f.durationMs).toBeGreaterThanOrEqual(0)
  expect(f.durationMs).toBeLessThan(7 * 24 * 3600 * 1000)
  expect(f.resumed).toBeGreaterThanOrEqual(0)
  expect(f.resumed).toBeLessThanOrEqual(1)
  if (!f.drill) return
  const s = f.drill.score
  for (const cell of aatCells) for (const v of [s.cells[cell].mean, s.cells[cell].median]) if (v !== null) expect(v >= 200 && v <= limit).toBe(true)
  for (const v of [s.doubleDifference.mean, s.doubleDifference.median]) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(2 * limit)
  for (const v of [s.dScore.mean, s.dScore.median]) if (v !== null) expect(Number.isFinite(v)).toBe(true)
  if (s.errorRate !== null) expect(s.errorRate >= 0 && s.errorRate <= 1).toBe(true)
  if (s.training?.accuracy != null) expect(s.training.accuracy >= 0 && s.training.accuracy <= 1).toBe(true)
  for (const p of s.training?.speed ?? []) if (p.median !== null) expect(p.median >= 200 && p.median <= limit).toBe(true)
  const interval = f.drill.ddInterval
  if (interval) expect(Math.abs(interval.lower) <= 2 * limit && Math.abs(interval.upper) <= 2 * limit).toBe(true)
  // Nothing is counted twice: scored trials never exceed the rows.
  expect(s.trials.scored).toBeLessThanOrEqual(f.drill.score.trials.total)
  expect(s.trials.total).toBe(f.bundle.events.filter((e) => e.type === 'drill.trial').length)
}

describe('the hostile-session corpus', () => {
  beforeEach(() => useDebrief.setState({ sessions: [], pending: [], messages: [], kept: false, busy: false }))

  it('holds at least 25 files covering every kind of damage', () => {
    expect(corpus.flatMap((c) => c.files).length).toBeGreaterThanOrEqual(25)
    for (const kind of ['out-of-bounds', 'non-finite', 'inconsistent-times', 'duplicated', 'edited-summary', 'partial-then-complete', 'conflict']) {
      expect(corpus.some((c) => c.kind === kind)).toBe(true)
    }
  })

  for (const c of corpus) {
    it(`${c.name}: ${c.expect.map((e) => e.outcome + ('rule' in e && e.rule ? ` (${e.rule})` : '')).join(', ')}`, async () => {
      await importFiles(c.files.map((f) => new File([f.text], f.name, { type: 'application/json' })))
      const { messages, sessions } = useDebrief.getState()
      expect(messages.map((m) => m.file)).toEqual(c.files.map((f) => f.name))
      for (const [i, want] of c.expect.entries()) {
        const got = messages[i]!
        expect(got.outcome).toBe(want.outcome)
        if (want.outcome === 'refused') {
          expect(got.code).toBe(want.code)
          if (want.rule) expect(got.facts?.rule).toBe(want.rule)
          // The message names the first bad event, and the rule has words in both languages.
          if (want.code === 'implausible') {
            expect(got.detail).toMatch(/^events\[\d+\] \(seq \d+/)
            for (const lang of [strings.nl, strings.en]) expect(lang).toHaveProperty(`rule_${String(got.facts?.rule).replace(/-/g, '_')}`)
          }
        } else {
          expect(Boolean(got.summaryDiffers)).toBe(Boolean(want.summaryDiffers))
        }
      }
      const facts = sessions.map((s) => sessionFacts(s.key, s.fileName, s.bundle, lookup, 'nl', s))
      for (const f of facts) checkMeaning(f)
      for (const [i, want] of c.expect.entries()) {
        if (want.outcome === 'refused' || want.outcome === 'older') expect(facts.some((f) => f.fileName === c.files[i]!.name)).toBe(false)
        else {
          const shown = facts.find((f) => f.fileName === c.files[i]!.name)
          if (c.expect.slice(i + 1).some((w) => w.outcome === 'replaced')) expect(shown).toBeUndefined()
          else {
            expect(shown).toBeDefined()
            expect(shown!.summaryDiffers.length > 0).toBe(Boolean('summaryDiffers' in want && want.summaryDiffers))
            if ('noBias' in want && want.noBias) expect(shown!.drill?.score.biasReason?.code).toBe(want.noBias)
            if (want.outcome === 'conflict') expect(facts.filter((f) => f.conflict !== null)).toHaveLength(2)
          }
        }
      }
    })
  }

  it('a mixed session scores bias on its assessment block only', async () => {
    const mixed = corpus.find((c) => c.name === 'mixed-assessment-and-training')!
    await importFiles(mixed.files.map((f) => new File([f.text], f.name)))
    const s = useDebrief.getState().sessions[0]!
    const score = sessionFacts(s.key, s.fileName, s.bundle, lookup, 'nl', s).drill!.score
    expect(score.scoredBlocks).toEqual(['assessment'])
    expect(score.trials).toMatchObject({ training: 24, firstAttempts: 24, scored: 24 })
    expect(score.training?.firstAttempts).toBe(24)
  })
})
