import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drillSchedule } from './drillSchedule.ts'

/** Local calendar day as a day number, so differences are whole days whatever the clock or DST does. */
const dayNumber = (d: Date) => Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000)
const daysBetween = (from: Date, to: Date) => dayNumber(to) - dayNumber(from)
const isMidnight = (d: Date) => d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0
/** A local time as the ISO string the app stores (sessions' createdAt). */
const at = (year: number, month: number, day: number, hour = 10, minute = 0) => new Date(year, month - 1, day, hour, minute).toISOString()

// Early March 2026: no DST change in Europe or the US within three weeks of these dates.
const first = at(2026, 3, 2, 20, 15)
const firstDay = new Date(2026, 2, 2)

describe('drillSchedule', () => {
  it('plans 9 sessions for 3 a week over 3 weeks, due on days 0,2,4,7,9,11,14,16,18 from the first session', () => {
    const s = drillSchedule([first], new Date(2026, 2, 2, 21))
    expect(s.planned).toBe(9)
    expect(s.done).toBe(1)
    expect(s.dueDates.map((d) => daysBetween(firstDay, d))).toEqual([0, 2, 4, 7, 9, 11, 14, 16, 18])
    expect(s.dueDates.every(isMidnight)).toBe(true)
  })

  it('plans 6 sessions for 2 a week over 3 weeks', () => {
    const s = drillSchedule([first], new Date(2026, 2, 2, 21), { weeks: 3, perWeek: 2 })
    expect(s.planned).toBe(6)
    expect(s.dueDates.map((d) => daysBetween(firstDay, d))).toEqual([0, 3, 7, 10, 14, 17])
  })

  it('starts today when nothing is done yet', () => {
    const now = new Date(2026, 2, 10, 9, 30)
    const s = drillSchedule([], now)
    expect(s.done).toBe(0)
    expect(s.planned).toBe(9)
    expect(daysBetween(now, s.dueDates[0]!)).toBe(0)
    expect(daysBetween(now, s.nextDue!)).toBe(0)
    expect(s.nextNeedsAssessment).toBe(true)
  })

  it('asks for an assessment block in the first and the last session only', () => {
    // Sessions on the due days; `needs[k]` is the answer once k sessions are done, i.e. for session k + 1.
    const offsets = [0, 2, 4, 7, 9, 11, 14, 16, 18]
    const needs: boolean[] = []
    for (let k = 0; k <= offsets.length; k++) {
      const done = offsets.slice(0, k).map((o) => at(2026, 3, 2 + o))
      needs.push(drillSchedule(done, new Date(2026, 2, 21)).nextNeedsAssessment)
    }
    expect(needs).toEqual([true, false, false, false, false, false, false, false, true, false])
  })

  it('is null once every planned session is done', () => {
    const done = [0, 1, 2, 3, 4, 5].map((o) => at(2026, 3, 2 + o * 2))
    const s = drillSchedule(done, new Date(2026, 2, 14), { weeks: 3, perWeek: 2 })
    expect(s.done).toBe(6)
    expect(s.nextDue).toBeNull()
    expect(s.nextNeedsAssessment).toBe(false)
    // Extra sessions count no further than the plan.
    const more = drillSchedule([...done, at(2026, 3, 15)], new Date(2026, 2, 15), { weeks: 3, perWeek: 2 })
    expect(more.done).toBe(6)
    expect(more.nextDue).toBeNull()
  })

  it('gives the next due day when the client is on schedule', () => {
    const s = drillSchedule([first, at(2026, 3, 4, 19)], new Date(2026, 2, 4, 20))
    expect(daysBetween(firstDay, s.nextDue!)).toBe(4)
    expect(isMidnight(s.nextDue!)).toBe(true)
  })

  it('is never earlier than the day after the last completed session', () => {
    // Ahead of schedule (days 0, 1 and 2): the fourth session is due on the plan's day 7.
    const quick = drillSchedule([first, at(2026, 3, 3, 8), at(2026, 3, 4, 23, 30)], new Date(2026, 2, 4, 23, 45))
    expect(daysBetween(firstDay, quick.nextDue!)).toBe(7)
    // Behind schedule: day 7's session done only on day 12 → the next (due day 9 by the plan) is due on day 13.
    const late = drillSchedule([first, at(2026, 3, 4), at(2026, 3, 6), at(2026, 3, 14, 22)], new Date(2026, 2, 14, 22, 30))
    expect(daysBetween(firstDay, late.nextDue!)).toBe(13)
    // Catching up with two sessions on day 9: the next (due day 7 by the plan) is not due before day 10.
    const twice = drillSchedule([first, at(2026, 3, 11, 10), at(2026, 3, 11, 21)], new Date(2026, 2, 11, 22))
    expect(daysBetween(firstDay, twice.nextDue!)).toBe(10)
    // A late session on day 4 (due day 2): the next, due day 4 by the plan, moves to day 5.
    const sameDayLate = drillSchedule([first, at(2026, 3, 6, 23, 59)], new Date(2026, 2, 6, 23, 59))
    expect(daysBetween(firstDay, sameDayLate.nextDue!)).toBe(5)
    for (const s of [quick, late, twice, sameDayLate]) expect(isMidnight(s.nextDue!)).toBe(true)
  })

  it('does not depend on the order of the completed sessions', () => {
    const done = [first, at(2026, 3, 4), at(2026, 3, 6, 18), at(2026, 3, 9, 7)]
    const now = new Date(2026, 2, 9, 8)
    const reference = drillSchedule(done, now)
    for (const order of [[...done].reverse(), [done[2]!, done[0]!, done[3]!, done[1]!], [done[1]!, done[3]!, done[0]!, done[2]!]]) {
      expect(drillSchedule(order, now)).toEqual(reference)
    }
    expect(daysBetween(firstDay, reference.dueDates[0]!)).toBe(0)
    expect(daysBetween(firstDay, reference.nextDue!)).toBe(9)
  })

  // The app is used in the Netherlands: due days must stay calendar days across the autumn clock change
  // (25 October 2026), where adding 24 h per day lands on 23:00 of the day before.
  describe('across a daylight-saving change (Europe/Amsterdam)', () => {
    const savedTz = process.env.TZ
    beforeAll(() => {
      process.env.TZ = 'Europe/Amsterdam'
    })
    afterAll(() => {
      if (savedTz === undefined) delete process.env.TZ
      else process.env.TZ = savedTz
    })

    it('keeps due dates on midnight of the planned days', () => {
      // The zone took effect: summer time (+2 h) before, winter time (+1 h) after.
      expect(new Date(2026, 9, 20).getTimezoneOffset()).toBe(-120)
      expect(new Date(2026, 9, 27).getTimezoneOffset()).toBe(-60)
      const start = new Date(2026, 9, 20)
      const s = drillSchedule([new Date(2026, 9, 20, 10).toISOString()], new Date(2026, 9, 20, 12))
      expect(s.dueDates.map((d) => daysBetween(start, d))).toEqual([0, 2, 4, 7, 9, 11, 14, 16, 18])
      expect(s.dueDates.every(isMidnight)).toBe(true)
    })

    it('puts the next session on the day after the last one, not the same evening', () => {
      const s = drillSchedule([new Date(2026, 9, 20, 10).toISOString(), new Date(2026, 9, 25, 10).toISOString()], new Date(2026, 9, 25, 12))
      expect(s.nextDue!.getDate()).toBe(26)
      expect(isMidnight(s.nextDue!)).toBe(true)
    })
  })
})
