import { describe, expect, it } from 'vitest'
import { beforeAfterPoints, spokenAnswerCounts } from './beforeAfter.ts'

const answer = (item: string, value: number | string | null, seq: number) => ({ seq, beat: item, item, value, latencyMs: 1000 })

describe('beforeAfterPoints', () => {
  it('pairs each measure asked before and after, in the order first asked', () => {
    const answers = [answer('vivid-before', 3, 1), answer('circles-before', 2, 2), answer('theme', 'money', 3), answer('vivid-after', 5, 4), answer('circles-after', 6, 5)]
    expect(beforeAfterPoints(answers, { before: 'voor', after: 'na' })).toEqual([
      { item: 'vivid', session: 'voor', value: 3 },
      { item: 'vivid', session: 'na', value: 5 },
      { item: 'circles', session: 'voor', value: 2 },
      { item: 'circles', session: 'na', value: 6 },
    ])
  })

  it('leaves out a measure without its after (a stopped session), and non-numeric answers', () => {
    const answers = [answer('vivid-before', 3, 1), answer('liking-before', 4, 2), answer('liking-after', null, 3)]
    expect(beforeAfterPoints(answers, { before: 'b', after: 'a' })).toEqual([])
  })
})

describe('spokenAnswerCounts', () => {
  it('counts recordings, playbacks, choices and dropped recordings from the log', () => {
    const events = [
      { type: 'voice.recorded', data: { durationMs: 1200 } },
      { type: 'voice.played', data: { durationMs: 1400 } },
      { type: 'voice.missing', data: { reason: 'answered-by-choice' } },
      { type: 'voice.missing', data: { reason: 'discarded' } },
      { type: 'answer.given', data: {} },
    ]
    expect(spokenAnswerCounts(events)).toEqual({ recorded: 1, played: 1, chosen: 1, dropped: 1 })
  })
})
