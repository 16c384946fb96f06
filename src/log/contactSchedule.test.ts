import { describe, expect, it } from 'vitest'
import { checkInRemindersIcs } from '../export/checkInReminders.ts'
import { contactToCheckIn, plannedCheckIns } from './contactSchedule.ts'

describe('check-ins in the home plan', () => {
  it('plans one check-in per contact from today on, in date order, each once', () => {
    expect(plannedCheckIns(['2026-05-20', '2026-05-06', '2026-05-13', '2026-05-13', 'morgen'], '2026-05-10')).toEqual([
      { contactDate: '2026-05-13', remindOn: '2026-05-13' },
      { contactDate: '2026-05-20', remindOn: '2026-05-20' },
    ])
  })

  it('offers the check-in for the last contact up to today, unless it was answered', () => {
    const contacts = ['2026-05-06', '2026-05-13', '2026-05-20']
    expect(contactToCheckIn(contacts, [], '2026-05-14')).toBe('2026-05-13')
    expect(contactToCheckIn(contacts, ['2026-05-13'], '2026-05-14')).toBeNull()
    expect(contactToCheckIn(contacts, ['2026-05-06'], '2026-05-13')).toBe('2026-05-13')
    expect(contactToCheckIn(contacts, [], '2026-05-01')).toBeNull()
  })

  it('the .ics reminders carry the contact date, in neutral words', () => {
    const ics = checkInRemindersIcs(plannedCheckIns(['2026-05-13', '2026-05-20'], '2026-05-10'), { language: 'nl', now: new Date('2026-05-10T10:00:00Z') })
    const events = ics.split('BEGIN:VEVENT').slice(1)
    expect(events).toHaveLength(2)
    expect(events[0]).toContain('DTSTART:20260513T190000')
    expect(events[0]).toContain('DESCRIPTION:Perspectief: 13 mei 2026 (2026-05-13)')
    expect(events[1]).toContain('DTSTART:20260520T190000')
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(1)
    // Never what it is about.
    for (const word of ['check', 'alliantie', 'alliance', 'begeleider', 'toezicht', 'reclassering', 'probation']) expect(ics.toLowerCase()).not.toContain(word)
    expect(ics).toMatch(/SUMMARY:Perspectief\r\n/)
  })
})
