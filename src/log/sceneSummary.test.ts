import { describe, expect, it } from 'vitest'
import { records } from '../../test/fixtures/sampleBundles.ts'
import { sceneRows } from './sceneRows.ts'
import { summariseScene } from './sceneSummary.ts'

const events = records('s1', [
  { type: 'beat.entered', data: { beat: 'intro' } },
  { type: 'safety.paused', data: { beat: 'intro', reason: 'stop button' } },
  { type: 'safety.resumed', data: { beat: 'intro', pausedMs: 2500 } },
  { type: 'beat.entered', data: { beat: 'ask' } },
  { type: 'answer.given', data: { beat: 'ask', item: 'feeling', value: 'scared', latencyMs: 1800 } },
  { type: 'safety.paused', data: { beat: 'ask', reason: 'headset off' } },
  { type: 'session.stopped', data: { beat: 'ask', reason: 'client wanted to stop' } },
])

describe('summariseScene', () => {
  it('beats with their times, answers, pauses resumed or not, duration and why it stopped', () => {
    expect(summariseScene(events)).toEqual({
      beats: [
        { beat: 'intro', atMs: 0 },
        { beat: 'ask', atMs: 4500 },
      ],
      answers: [{ seq: 5, beat: 'ask', item: 'feeling', value: 'scared', latencyMs: 1800 }],
      pauses: [
        { beat: 'intro', atMs: 1500, reason: 'stop button', pausedMs: 2500, resumed: true },
        { beat: 'ask', atMs: 7500, reason: 'headset off', pausedMs: null, resumed: false },
      ],
      durationMs: 9000,
      resumed: 0,
      completed: false,
      stopReason: 'client wanted to stop',
    })
  })

  it('an empty log is an empty summary, not an error', () => {
    expect(summariseScene([])).toMatchObject({ beats: [], answers: [], durationMs: 0, completed: false })
  })
})

describe('sceneRows', () => {
  it('one row per event, shared fields in their columns and the rest as JSON', () => {
    const rows = sceneRows(events, { clientCode: 'AB12', sessionNumber: 2, sceneId: 'child-eye' })
    expect(rows).toHaveLength(events.length)
    expect(rows[4]).toMatchObject({ subject: 'AB12', session: 2, task: 'child-eye', seq: 5, event: 'answer.given', beat: 'ask', item: 'feeling', value: 'scared', latency_ms: 1800, detail: null })
    expect(rows[2]).toMatchObject({ event: 'safety.resumed', beat: 'intro', item: null, detail: '{"pausedMs":2500}' })
  })
})
