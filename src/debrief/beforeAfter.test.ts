import { describe, expect, it } from 'vitest'
import { answerAxis, beforeAfterPoints, spokenAnswerCounts } from './beforeAfter.ts'

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

  it('keeps the scene file\'s order of the measures, not the order asked or the alphabet, and names them', () => {
    // Asked circles first, vivid second; the scene lists vivid-before before circles-before.
    const answers = [answer('circles-before', 2, 1), answer('vivid-before', 3, 2), answer('circles-after', 6, 3), answer('vivid-after', 5, 4)]
    const itemOrder = ['vivid-before', 'circles-before', 'vivid-after', 'circles-after']
    const names: Record<string, string> = { vivid: 'Hoe duidelijk zie je jezelf later?', circles: 'Hoeveel ben jij nu ook jij later?' }
    const points = beforeAfterPoints(answers, { before: 'voor', after: 'na' }, (m) => names[m]!, itemOrder)
    expect(points.map((p) => `${p.item} ${p.session} ${p.value}`)).toEqual([
      'Hoe duidelijk zie je jezelf later? voor 3',
      'Hoe duidelijk zie je jezelf later? na 5',
      'Hoeveel ben jij nu ook jij later? voor 2',
      'Hoeveel ben jij nu ook jij later? na 6',
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

describe('answerAxis', () => {
  it('runs from 0 to the top of the largest scale shown, even when every answer is lower', () => {
    // Two 1–7 items answered 3 and 5: the axis still reaches 7.
    expect(answerAxis([{ min: 1, max: 7 }, { min: 1, max: 7 }], [3, 5])).toEqual([0, 7])
    // A 1–5 item next to a 1–7 one: the larger scale sets the top.
    expect(answerAxis([{ min: 1, max: 5 }, { min: 1, max: 7 }], [2, 4])).toEqual([0, 7])
    // A slider from −10 to 10 keeps its negative half.
    expect(answerAxis([{ min: -10, max: 10 }], [4])).toEqual([-10, 10])
  })

  it('widens for a value beyond the scale (an edited file) and leaves an unknown scale to the chart', () => {
    expect(answerAxis([{ min: 1, max: 7 }], [9])).toEqual([0, 9])
    expect(answerAxis([undefined], [3])).toBeNull()
  })
})
