import { drillTrialColumns, type DrillTrialRow } from '../log/drillTrial.ts'

/**
 * A text cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV injection"): =, +, -, @,
 * a tab or a carriage return.
 */
const formulaStart = /^[=+\-@\t\r]/

/**
 * OWASP's rule for text cells: one that starts like a formula gets a single quote in front, so a spreadsheet shows
 * it as text. Only strings are touched: a number (−12.5 in a numeric column) is written as a number. The JSON
 * bundle keeps the raw text; dataset_description.json says which cells may carry the quote.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break, and double its quotes. Text cells are neutralised first. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : typeof value === 'string' ? neutraliseFormula(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))]
  return lines.join('\r\n') + '\r\n'
}

/** The drill's Psych-DS data file: exactly the contracted columns, in order, one row per attempt. */
export function drillCsv(rows: readonly DrillTrialRow[]): string {
  return toCsv(drillTrialColumns, rows as unknown as Record<string, unknown>[])
}

/** `subject-<code>_session-<n>_task-<id>_data.csv`, the Psych-DS name for a data file. */
export function psychDsFileName(subject: string, session: number, task: string): string {
  return `subject-${subject}_session-${session}_task-${task}_data.csv`
}
