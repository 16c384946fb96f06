import type { Language } from '../script/localized.ts'

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB')

/**
 * Beyond this magnitude no figure the debrief shows has a meaning (RTs and their differences are bounded by the
 * trial's timeout, a D-score by a few units, a session by hours): such a value is shown as a dash, never as a
 * number hundreds of digits long.
 */
export const largestShown = 1e7

/**
 * A number for reading at a fixed number of decimals, or a dash where it could not be computed (never "NaN",
 * never a 300-digit number). A value that rounds to zero is shown as 0, never "−0" or "−0,00".
 */
export function formatNumber(value: number | null | undefined, language: Language, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value) || Math.abs(value) >= largestShown) return '–'
  const places = Math.max(0, Math.min(6, Math.trunc(digits)))
  // Rounded first, so −0.004 at 2 decimals becomes −0, and −0 becomes 0 (+0 adds nothing else).
  const rounded = Number(value.toFixed(places)) + 0
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString(locale(language), { minimumFractionDigits: places, maximumFractionDigits: places })
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
}

export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}`
}
