import { describe, expect, it } from 'vitest'
import { lineUpContacts, modeSummary, scoreCheckIn, talkingPoints, type CheckInRecord, type CheckInScore, type CheckInSide, type StatementInfo } from './allianceScore.ts'

const statement = (part: string, reverse = false): StatementInfo => ({ part, reverse, points: 5 })
const statements: Record<string, StatementInfo> = {
  d1: statement('direction'),
  d2: statement('direction'),
  d3: statement('direction'),
  t1: statement('trust'),
  t2: statement('trust'),
  t3: statement('trust'),
  b1: statement('bond'),
  b2: statement('bond'),
  b3: statement('bond'),
  f1: statement('friction', true),
  f2: statement('friction', true),
  f3: statement('friction', true),
}

describe('scoreCheckIn', () => {
  it('takes the mean per part as answered, and reverses the friction part for the overall line', () => {
    const score = scoreCheckIn({ d1: 4, d2: 5, d3: 3, t1: 2, t2: 2, t3: 5, b1: 5, b2: 5, b3: 5, f1: 1, f2: 2, f3: 4 }, statements)
    // direction (4+5+3)/3 = 4; trust (2+2+5)/3 = 3; bond 5; friction as answered (1+2+4)/3 = 7/3.
    expect(score.parts.direction!.mean).toBe(4)
    expect(score.parts.trust!.mean).toBe(3)
    expect(score.parts.bond!.mean).toBe(5)
    expect(score.parts.friction!.mean).toBeCloseTo(7 / 3, 12)
    // Friction reversed on 5 points: (5+4+2)/3 = 11/3. Overall = (4 + 3 + 5 + 11/3) / 4 = 47/12.
    expect(score.parts.friction!.allianceMean).toBeCloseTo(11 / 3, 12)
    expect(score.parts.direction!.allianceMean).toBe(4)
    expect(score.overall).toBeCloseTo(47 / 12, 12)
    expect(score.parts.friction!.reverse).toBe(true)
    expect(score.parts.trust!.reverse).toBe(false)
  })

  it('reverses on the statement’s own number of points', () => {
    const score = scoreCheckIn({ a: 2, f: 6 }, { a: { part: 'trust', reverse: false, points: 7 }, f: { part: 'friction', reverse: true, points: 7 } })
    // friction 6 on 7 points → 8 − 6 = 2; overall (2 + 2) / 2 = 2.
    expect(score.parts.friction!.allianceMean).toBe(2)
    expect(score.overall).toBe(2)
  })

  it('shows a part with a missing answer as incomplete, and never guesses it or the overall line', () => {
    const score = scoreCheckIn({ d1: 4, d2: 4, d3: 4, t1: 5, t2: null, t3: 5, b1: 3, b2: 3, b3: 3, f1: 1, f2: 1 }, statements)
    expect(score.parts.trust).toEqual({ mean: null, allianceMean: null, answered: 2, total: 3, complete: false, reverse: false })
    expect(score.parts.friction).toMatchObject({ mean: null, answered: 2, total: 3, complete: false })
    expect(score.parts.direction).toMatchObject({ mean: 4, complete: true })
    expect(score.overall).toBeNull()
  })

  it('does not count an answer outside the scale or a text where a number belongs', () => {
    const score = scoreCheckIn({ t1: 6, t2: '4', t3: 0 }, { t1: statement('trust'), t2: statement('trust'), t3: statement('trust') })
    expect(score.parts.trust).toMatchObject({ mean: null, answered: 0, complete: false })
  })
})

const partScore = (mean: number | null, reverse = false) => ({ mean, allianceMean: mean === null ? null : reverse ? 6 - mean : mean, answered: 3, total: 3, complete: mean !== null, reverse })
function record(side: CheckInSide, date: string | null, kind: string | null, means: { direction?: number | null; trust?: number | null; bond?: number | null; friction?: number | null }): CheckInRecord {
  const score: CheckInScore = {
    parts: {
      direction: partScore(means.direction ?? 3),
      trust: partScore(means.trust === undefined ? 3 : means.trust),
      bond: partScore(means.bond ?? 3),
      friction: partScore(means.friction === undefined ? 2 : means.friction, true),
    },
    overall: null,
  }
  return { side, contactDate: date, kind, planned: 'yes', score, sessionKey: `${side}-${date}`, setName: 'test' }
}

describe('lineUpContacts', () => {
  it('pairs client and worker by contact date, in date order, and keeps a side without a partner', () => {
    const contacts = lineUpContacts([record('worker', '2025-05-12', 'video', {}), record('client', '2025-05-02', 'office', {}), record('client', '2025-05-12', 'video', {}), record('worker', '2025-05-20', 'phone', {})])
    expect(contacts.map((c) => [c.date, c.kind, c.client?.side ?? null, c.worker?.side ?? null])).toEqual([
      ['2025-05-02', 'office', 'client', null],
      ['2025-05-12', 'video', 'client', 'worker'],
      ['2025-05-20', 'phone', null, 'worker'],
    ])
  })
})

describe('talkingPoints', () => {
  it('names a part where the sides differ by 2.0 points, and not by 1.9', () => {
    const at2 = lineUpContacts([record('client', '2025-05-12', 'video', { trust: 4.5 }), record('worker', '2025-05-12', 'video', { trust: 2.5 })])
    expect(talkingPoints(at2)).toEqual([{ rule: 'sides-differ', part: 'trust', date: '2025-05-12', client: 4.5, worker: 2.5, difference: 2 }])
    const at19 = lineUpContacts([record('client', '2025-05-12', 'video', { trust: 4.4 }), record('worker', '2025-05-12', 'video', { trust: 2.5 })])
    expect(talkingPoints(at19)).toEqual([])
  })

  it('counts 2 points either way round, and thirds as the scores come out of three statements', () => {
    // 5,5,4 (14/3) against 3,3,2 (8/3): exactly 2 apart despite floating point.
    const contacts = lineUpContacts([record('client', '2025-05-12', 'video', { bond: 8 / 3 }), record('worker', '2025-05-12', 'video', { bond: 14 / 3 })])
    expect(talkingPoints(contacts).map((p) => p.part)).toEqual(['bond'])
  })

  it('skips a part that one side left incomplete', () => {
    const contacts = lineUpContacts([record('client', '2025-05-12', 'video', { trust: null }), record('worker', '2025-05-12', 'video', { trust: 1 })])
    expect(talkingPoints(contacts)).toEqual([])
  })

  it('names friction rising over the last three contacts of one side, but not flat or falling', () => {
    const rising = lineUpContacts([1, 2, 3].map((f, i) => record('client', `2025-05-0${i + 1}`, 'office', { friction: f })))
    expect(talkingPoints(rising)).toEqual([{ rule: 'friction-rises', part: 'friction', side: 'client', dates: ['2025-05-01', '2025-05-02', '2025-05-03'], values: [1, 2, 3] }])
    const flatAtEnd = lineUpContacts([1, 2, 2].map((f, i) => record('client', `2025-05-0${i + 1}`, 'office', { friction: f })))
    expect(talkingPoints(flatAtEnd)).toEqual([])
    const flat = lineUpContacts([2, 2, 2].map((f, i) => record('worker', `2025-05-0${i + 1}`, 'office', { friction: f })))
    expect(talkingPoints(flat)).toEqual([])
    // Only the last three count: an earlier rise that then falls is no talking point.
    const riseThenFall = lineUpContacts([1, 2, 3, 2].map((f, i) => record('client', `2025-05-0${i + 1}`, 'office', { friction: f })))
    expect(talkingPoints(riseThenFall)).toEqual([])
    // Two contacts are not a trend.
    const two = lineUpContacts([1, 3].map((f, i) => record('client', `2025-05-0${i + 1}`, 'office', { friction: f })))
    expect(talkingPoints(two)).toEqual([])
  })

  it('never calls a rising trust part friction: only reverse parts count', () => {
    const contacts = lineUpContacts([1, 2, 3].map((t, i) => record('client', `2025-05-0${i + 1}`, 'office', { trust: t })))
    expect(talkingPoints(contacts)).toEqual([])
  })
})

describe('modeSummary', () => {
  const parts = ['direction', 'trust', 'bond', 'friction']
  it('counts contacts face to face and remote per side, and says it is not enough below three of each', () => {
    const contacts = lineUpContacts([
      record('client', '2025-05-01', 'office', { trust: 4 }),
      record('worker', '2025-05-01', 'office', { trust: 5 }),
      record('client', '2025-05-08', 'home', { trust: 5 }),
      record('client', '2025-05-15', 'video', { trust: 4 }),
      record('worker', '2025-05-15', 'video', { trust: 2 }),
    ])
    const summary = modeSummary(contacts, parts)
    expect(summary.enough).toBe(false)
    const [face, remote] = summary.groups
    expect(face!.mode).toBe('face-to-face')
    expect(face!.counts).toEqual({ client: 2, worker: 1 })
    expect(face!.means.client.trust).toBe(4.5)
    expect(face!.means.worker.trust).toBe(5)
    expect(remote!.counts).toEqual({ client: 1, worker: 1 })
    expect(remote!.means.worker.trust).toBe(2)
  })

  it('is enough with three contacts of each kind for each side that answered', () => {
    const kinds = ['office', 'home', 'office', 'video', 'phone', 'chat']
    const contacts = lineUpContacts(kinds.map((kind, i) => record('client', `2025-05-1${i}`, kind, {})))
    expect(modeSummary(contacts, parts).enough).toBe(true)
    const minusOne = lineUpContacts(kinds.slice(1).map((kind, i) => record('client', `2025-05-1${i}`, kind, {})))
    expect(modeSummary(minusOne, parts).enough).toBe(false)
    expect(modeSummary([], parts).enough).toBe(false)
  })
})
