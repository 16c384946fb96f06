import type { Language } from '../script/localized.ts'

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB')

/** A number for reading, or a dash where it could not be computed (never "NaN"). */
export function formatNumber(value: number | null | undefined, language: Language, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return value.toLocaleString(locale(language), { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
}

export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}`
}
