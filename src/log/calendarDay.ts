/** Calendar days as `YYYY-MM-DD` in local time: the day a person means, not a UTC instant. */
const pad = (n: number) => String(n).padStart(2, '0')

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Midnight `days` calendar days away (negative: earlier), safe across a change to or from summer time. */
export function shiftDay(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

/** `YYYY-MM-DD` → local midnight of that day. */
export function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d)
}
