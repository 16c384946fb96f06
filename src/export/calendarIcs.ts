/**
 * Calendar reminders as an `.ics` file (RFC 5545): there is no server to send notifications, but every phone
 * calendar can remind. The events name no client and no code: a calendar is not a private place.
 */
export interface ReminderOptions {
  dates: Date[]
  /** Local time of day, e.g. "19:00". */
  time: string
  title: string
  description: string
  /** For stable UIDs, so importing the file twice updates instead of duplicating. */
  uidPrefix: string
  now?: Date
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Floating local time: the reminder rings at 19:00 wherever the phone is. */
const localStamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}00`
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** Escapes text values (backslash, semicolon, comma, newline), as RFC 5545 §3.3.11 asks. */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds lines longer than 75 octets, continuing with a space. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line)
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let current = ''
  for (const ch of line) {
    if (new TextEncoder().encode(current + ch).length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ch
    } else current += ch
  }
  parts.push(current)
  return parts.join('\r\n ')
}

export function remindersIcs(options: ReminderOptions): string {
  const [hh, mm] = options.time.split(':').map(Number) as [number, number]
  const stamp = utcStamp(options.now ?? new Date())
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Perspectief//Training reminders//NL', 'CALSCALE:GREGORIAN']
  for (const date of options.dates) {
    const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hh, mm)
    const start = localStamp(at)
    const end = localStamp(new Date(at.getTime() + 15 * 60 * 1000))
    lines.push(
      'BEGIN:VEVENT',
      `UID:${options.uidPrefix}-${start}@perspectief`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${start}`,
      `DTEND:${end}`,
      `SUMMARY:${icsText(options.title)}`,
      `DESCRIPTION:${icsText(options.description)}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(options.title)}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
