import { describe, expect, it } from 'vitest'
import { icsText, remindersIcs, type ReminderOptions } from './calendarIcs.ts'

const octets = (text: string) => new TextEncoder().encode(text).length
/** RFC 5545 §3.1: a CRLF followed by one space or tab continues the line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')
/** Unfolded content lines, without the final empty string after the last CRLF. */
const contentLines = (ics: string) => unfold(ics).split('\r\n').slice(0, -1)
const valuesOf = (ics: string, name: string) => contentLines(ics).filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1))

/** Dates in March 2026 (no clock change in Europe or the US near them). */
const dates = [new Date(2026, 2, 2), new Date(2026, 2, 4, 15, 30), new Date(2026, 2, 6)]
const base: ReminderOptions = {
  dates,
  time: '19:00',
  title: 'Perspectief',
  description: 'Tijd voor je training',
  uidPrefix: 'training-alcohol-aat',
  now: new Date(Date.UTC(2026, 2, 1, 12, 0, 0)),
}

describe('icsText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(icsText('a;b,c\\d')).toBe('a\\;b\\,c\\\\d')
    expect(icsText('line 1\nline 2\r\nline 3')).toBe('line 1\\nline 2\\nline 3')
    // Backslashes first, so the escapes it adds are not escaped again.
    expect(icsText('\\;')).toBe('\\\\\\;')
    expect(icsText('gewoon tekst: één')).toBe('gewoon tekst: één')
  })
})

describe('remindersIcs', () => {
  it('is one calendar with CRLF line endings throughout', () => {
    const ics = remindersIcs(base)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    // Every line break is a CRLF: no bare LF and no bare CR.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = contentLines(ics)
    expect(lines).toContain('VERSION:2.0')
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1)
    expect(lines.filter((l) => l === 'END:VCALENDAR')).toHaveLength(1)
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true)
  })

  it('has one event per date at 19:00 floating local time, 15 minutes long, with an alarm', () => {
    const ics = remindersIcs(base)
    const lines = contentLines(ics)
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3)
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(3)
    // Floating time: no Z and no TZID, so it rings at 19:00 wherever the phone is. The time of day in the input date is ignored.
    expect(valuesOf(ics, 'DTSTART')).toEqual(['20260302T190000', '20260304T190000', '20260306T190000'])
    expect(valuesOf(ics, 'DTEND')).toEqual(['20260302T191500', '20260304T191500', '20260306T191500'])
    expect(lines.some((l) => l.startsWith('DTSTART;') || l.startsWith('DTEND;'))).toBe(false)
    // Each event holds its alarm.
    const events = unfold(ics).split('BEGIN:VEVENT\r\n').slice(1)
    expect(events).toHaveLength(3)
    for (const event of events) {
      const alarm = event.slice(event.indexOf('BEGIN:VALARM'), event.indexOf('END:VALARM'))
      expect(event.indexOf('BEGIN:VALARM')).toBeGreaterThan(-1)
      expect(event.indexOf('END:VALARM')).toBeLessThan(event.indexOf('END:VEVENT'))
      expect(alarm).toContain('ACTION:DISPLAY')
      expect(alarm).toMatch(/TRIGGER:/)
    }
    expect(valuesOf(ics, 'DTSTAMP')).toEqual(['20260301T120000Z', '20260301T120000Z', '20260301T120000Z'])
  })

  it('rolls the end over to the next day (and month) for a late time', () => {
    const ics = remindersIcs({ ...base, dates: [new Date(2026, 2, 10), new Date(2026, 2, 31)], time: '23:50' })
    expect(valuesOf(ics, 'DTSTART')).toEqual(['20260310T235000', '20260331T235000'])
    expect(valuesOf(ics, 'DTEND')).toEqual(['20260311T000500', '20260401T000500'])
  })

  it('escapes the title and description', () => {
    const ics = remindersIcs({ ...base, dates: [dates[0]!], title: 'Train; nu, echt', description: 'Regel 1\nRegel 2, met \\ en ;' })
    expect(valuesOf(ics, 'SUMMARY')).toEqual(['Train\\; nu\\, echt'])
    // The event's description, then the alarm's (which repeats the title).
    expect(valuesOf(ics, 'DESCRIPTION')).toEqual(['Regel 1\\nRegel 2\\, met \\\\ en \\;', 'Train\\; nu\\, echt'])
  })

  it('folds lines longer than 75 octets without splitting a character, and unfolds to the original', () => {
    const description = `Goed bezig! ${'één twee drie, '.repeat(12)}🍺 en 🥤 tot slot: ${'éé'.repeat(40)}`
    const ics = remindersIcs({ ...base, dates: [dates[0]!], description })
    const physical = ics.split('\r\n').slice(0, -1)
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75)
    // The description line really was folded, several times.
    const continuations = physical.filter((l) => l.startsWith(' '))
    expect(continuations.length).toBeGreaterThan(3)
    // No replacement characters or lone surrogates: each physical line is whole characters.
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    for (const line of physical) expect(line).not.toMatch(loneSurrogate)
    expect(valuesOf(ics, 'DESCRIPTION')[0]).toBe(icsText(description))
    // Short lines are left alone.
    expect(physical).toContain('BEGIN:VEVENT')
    expect(physical).toContain('SUMMARY:Perspectief')
  })

  it('folds exactly at the limit: 75 octets fit, 76 do not', () => {
    const fits = 'x'.repeat(75 - 'SUMMARY:'.length)
    expect(remindersIcs({ ...base, title: fits }).split('\r\n')).toContain(`SUMMARY:${fits}`)
    const over = `${fits}y`
    const physical = remindersIcs({ ...base, title: over }).split('\r\n')
    expect(physical).toContain(`SUMMARY:${fits}`)
    expect(physical).toContain(' y')
  })

  it('gives stable UIDs for the same inputs, unique per date', () => {
    const a = valuesOf(remindersIcs(base), 'UID')
    // Same plan exported again later: the same UIDs, so a re-import updates instead of duplicating.
    const b = valuesOf(remindersIcs({ ...base, now: new Date(Date.UTC(2026, 2, 5)) }), 'UID')
    expect(b).toEqual(a)
    expect(new Set(a).size).toBe(3)
    for (const uid of a) expect(uid.startsWith('training-alcohol-aat-')).toBe(true)
    expect(a.every((uid) => uid.includes('@'))).toBe(true)
    // Another prefix, other UIDs.
    const c = valuesOf(remindersIcs({ ...base, uidPrefix: 'training-other' }), 'UID')
    expect(c.some((uid) => a.includes(uid))).toBe(false)
  })

  it('carries no free text but the title and description it is given', () => {
    const ics = remindersIcs(base)
    const fixed = /^(BEGIN|END):(VCALENDAR|VEVENT|VALARM)$|^VERSION:2\.0$|^PRODID:-\/\/Perspectief\/\/Training reminders\/\/NL$|^CALSCALE:GREGORIAN$|^ACTION:DISPLAY$|^TRIGGER:[-+]?P[T0-9HMSDW]+$/
    const stamped = /^(DTSTART|DTEND):\d{8}T\d{6}$|^DTSTAMP:\d{8}T\d{6}Z$|^UID:training-alcohol-aat-\d{8}T\d{6}@perspectief$/
    const free: string[] = []
    for (const line of contentLines(ics)) {
      if (fixed.test(line) || stamped.test(line)) continue
      free.push(line)
    }
    // What is left is the title and the description and nothing else: no client code, no name, no session.
    expect(new Set(free)).toEqual(new Set(['SUMMARY:Perspectief', 'DESCRIPTION:Tijd voor je training', 'DESCRIPTION:Perspectief']))
  })

  it('makes an empty calendar for no dates', () => {
    const ics = remindersIcs({ ...base, dates: [] })
    expect(ics).not.toContain('BEGIN:VEVENT')
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
})
