import { describe, expect, it } from 'vitest'
import { childEyeBundle, drillBundle, followUpBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { groupByClient } from './clientGroups.ts'
import { sessionKey } from './importFile.ts'
import { sessionFacts } from './sessionFacts.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'

const facts = (bundle: SessionBundle) => sessionFacts(sessionKey(bundle), 'file.json', bundle, () => undefined, 'nl')

describe('groupByClient', () => {
  it('groups by client code and puts a follow-up right after the session it follows', () => {
    const followUp = followUpBundle()
    const laterDrill = drillBundle({ session: 9 })
    laterDrill.session.createdAt = '2026-04-01T10:00:00.000Z'
    const groups = groupByClient([followUp, laterDrill, childEyeBundle(), questionnaireBundle(), drillBundle({ session: 1, clientCode: 'ZZ77' })].map(facts))
    expect(groups.map((g) => g.clientCode)).toEqual(['AB12', 'ZZ77'])
    const order = groups[0]!.sessions.map((s) => [s.facts.bundle.scene.id, s.followUpOf?.bundle.scene.id ?? null])
    expect(order).toEqual([
      ['check-in', null],
      ['child-eye', null],
      ['child-eye-followup', 'child-eye'],
      ['alcohol-aat', null],
    ])
    expect(groups[0]!.drillSessions).toHaveLength(1)
  })

  it('a follow-up without its scene stands on its own, in date order', () => {
    const [group] = groupByClient([facts(followUpBundle()), facts(questionnaireBundle())])
    expect(group!.sessions.map((s) => [s.facts.bundle.scene.id, s.followUpOf])).toEqual([
      ['check-in', null],
      ['child-eye-followup', null],
    ])
  })

  it('session facts recompute the drill score and the scene summary from the events', () => {
    const drill = facts(drillBundle(40))
    expect(drill.kind).toBe('drill')
    expect(drill.drill!.score.trials.scored).toBe(40)
    expect(drill.drill!.ddInterval).not.toBeNull()
    const vr = facts(childEyeBundle('mijn woorden'))
    expect(vr.scene!.pauses).toEqual([{ beat: 'fight', atMs: 6000, reason: 'client asked', pausedMs: 1400, resumed: true }])
    expect(vr.reflections.map((r) => r.text)).toEqual(['mijn woorden'])
    // Two beats, each with its two targets and "none of these".
    expect(vr.dwell).toHaveLength(6)
    expect(vr.dwellBeats.map((b) => b.beat)).toEqual(['father-home', 'fight'])
  })
})
