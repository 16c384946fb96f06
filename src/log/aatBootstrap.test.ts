import { describe, expect, it } from 'vitest'
import { drillRows } from './drillRows.ts'
import { scoreAatSession } from './aatScore.ts'
import { bootstrapDoubleDifference } from './aatBootstrap.ts'
import { drillBundle } from '../../test/fixtures/sampleBundles.ts'

const rowsOf = (trials: number) => drillRows(drillBundle(trials).events, { clientCode: 'AB12', sessionNumber: 1, sceneId: 'alcohol-aat', mode: 'assessment' })

describe('bootstrap interval of one session’s double difference', () => {
  it('holds the session’s own DD, and is the same for the same seed', () => {
    const rows = rowsOf(80)
    const dd = scoreAatSession(rows).doubleDifference.mean!
    const ci = bootstrapDoubleDifference(rows)!
    expect(ci.lower).toBeLessThanOrEqual(dd)
    expect(ci.upper).toBeGreaterThanOrEqual(dd)
    expect(ci.upper).toBeGreaterThan(ci.lower)
    expect(bootstrapDoubleDifference(rows)).toEqual(ci)
  })

  it('is null when a cell has fewer than two kept trials', () => {
    expect(bootstrapDoubleDifference(rowsOf(4))).toBeNull()
  })
})
