/**
 * Calendar reminders for the check-ins of the home plan: one per planned contact, on its day, carrying the contact
 * date. Neutral words only ("Perspectief: …"): a calendar is not a private place, so nothing says what it is about.
 */
import { dayDate } from '../log/calendarDay.ts'
import type { PlannedCheckIn } from '../log/contactSchedule.ts'
import { remindersIcs } from './calendarIcs.ts'

export function checkInRemindersIcs(planned: readonly PlannedCheckIn[], options: { time?: string; language: 'nl' | 'en'; now?: Date }): string {
  const label = (day: string) => dayDate(day).toLocaleDateString(options.language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  // One calendar per reminder, joined: every event carries its own contact date in its description.
  const calendars = planned.map((p) =>
    remindersIcs({
      dates: [dayDate(p.remindOn)],
      time: options.time ?? '19:00',
      title: 'Perspectief',
      description: `Perspectief: ${label(p.contactDate)} (${p.contactDate})`,
      uidPrefix: `contact-${p.contactDate}`,
      ...(options.now ? { now: options.now } : {}),
    }),
  )
  const events = calendars.flatMap((c) => {
    const lines = c.split('\r\n')
    return lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.lastIndexOf('END:VEVENT') + 1)
  })
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Perspectief//Training reminders//NL', 'CALSCALE:GREGORIAN']
  return [...head, ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n'
}
