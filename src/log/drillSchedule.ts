/**
 * The home-training plan: 2 or 3 sessions a week for 3 weeks (Brein de Baas: at least 2 a week for 3 weeks).
 * The first and the last session include an assessment block, so there is a before and an after.
 */
export interface ScheduleOptions {
  weeks: number
  perWeek: 2 | 3
}

export const defaultSchedule: ScheduleOptions = { weeks: 3, perWeek: 3 }

export interface DrillSchedule {
  planned: number
  done: number
  /** Day each planned session is due, counted from the first session. */
  dueDates: Date[]
  /** null once the plan is complete. */
  nextDue: Date | null
  /** The next session is the first or the last of the plan: it should include an assessment block. */
  nextNeedsAssessment: boolean
}

const dayOffsets: Record<2 | 3, number[]> = { 2: [0, 3], 3: [0, 2, 4] }

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

/** Midnight `days` calendar days later: adding 24 h per day would land on 23:00 of the day before across a DST change. */
function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

/** Where a client stands in the plan, from the start times of their completed sessions (any order). */
export function drillSchedule(completedAt: readonly string[], now: Date, options: ScheduleOptions = defaultSchedule): DrillSchedule {
  const done = [...completedAt].sort()
  const start = startOfDay(done.length > 0 ? new Date(done[0]!) : now)
  const dueDates: Date[] = []
  for (let week = 0; week < options.weeks; week++) {
    for (const offset of dayOffsets[options.perWeek]) dueDates.push(addDays(start, week * 7 + offset))
  }
  const planned = dueDates.length
  let nextDue: Date | null = null
  if (done.length < planned) {
    // Never due before tomorrow once a session was done today: one session a day is enough.
    const afterLast = done.length > 0 ? addDays(new Date(done.at(-1)!), 1) : start
    const due = dueDates[done.length]!
    nextDue = due > afterLast ? due : afterLast
  }
  return { planned, done: Math.min(done.length, planned), dueDates, nextDue, nextNeedsAssessment: done.length === 0 || done.length === planned - 1 }
}
