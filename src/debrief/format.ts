import type { Language } from '../script/localized.ts'

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB')

// One formatter per language and precision, made once: `toLocaleString` builds a new one on every call, and 200
// imported reports call it thousands of times (about a tenth of the import's time on the page).
const numberFormats = new Map<string, Intl.NumberFormat>()
const numberFormat = (language: Language, places: number) => {
  const key = `${language} ${places}`
  let format = numberFormats.get(key)
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale(language), { minimumFractionDigits: places, maximumFractionDigits: places })))
  return format
}
const dateFormats = new Map<Language, Intl.DateTimeFormat>()
const dateFormat = (language: Language) => {
  let format = dateFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
    dateFormats.set(language, format)
  }
  return format
}

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
  return numberFormat(language, places).format(Object.is(rounded, -0) ? 0 : rounded)
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return dateFormat(language).format(date)
}

export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}`
}
