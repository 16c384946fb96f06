import { drillTrialColumns, type DrillTrialRow } from '../log/drillTrial.ts'

/** RFC 4180: quote a field that holds a comma, a quote or a line break, and double its quotes. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value)
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
