/**
 * The tests' own CSV reader, independent of the app's writer (src/export/psychDsCsv.ts): used by the Psych-DS checker
 * (test/psychds/), the e2e tests and the bench.
 */
/** RFC 4180 records, with quoted commas, quotes and line breaks. */
export function csvRecords(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++
    } else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else field += c
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row)
  return rows
}
