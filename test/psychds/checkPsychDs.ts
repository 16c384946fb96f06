/**
 * A Psych-DS checker for the exported zip, written against the Psych-DS rules this project relies on:
 * a `dataset_description.json` at the top (schema.org Dataset with name, description and variableMeasured);
 * data files under `data/` named `<keyword>-<value>_…_data.csv`; valid UTF-8; a header row; every column listed
 * in variableMeasured; every row as long as the header (RFC 4180 quoting understood).
 */
import { unzipSync } from 'fflate'
import { csvRecords } from '../../scripts/browser/csv.ts'

// The reader is shared with the e2e tests and the bench.
export { csvRecords }

export interface PsychDsReport {
  problems: string[]
  dataFiles: string[]
  rows: number
}

const keywordPattern = /^data\/([a-z]+-[A-Za-z0-9-]+_)+data\.csv$/

export function checkPsychDsZip(zip: Uint8Array): PsychDsReport {
  const problems: string[] = []
  const files = unzipSync(zip)
  const names = Object.keys(files).filter((n) => !n.endsWith('/'))
  const decode = (name: string): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(files[name])
    } catch {
      problems.push(`${name}: not valid UTF-8`)
      return null
    }
  }
  let variables: string[] = []
  if (!files['dataset_description.json']) problems.push('dataset_description.json is missing at the top of the dataset')
  else {
    const text = decode('dataset_description.json')
    try {
      const description = JSON.parse(text ?? '') as Record<string, unknown>
      if (description['@type'] !== 'Dataset') problems.push('dataset_description.json: @type must be "Dataset"')
      if (!String(description['@context'] ?? '').includes('schema.org')) problems.push('dataset_description.json: @context must be schema.org')
      for (const field of ['name', 'description']) if (typeof description[field] !== 'string' || !description[field]) problems.push(`dataset_description.json: "${field}" is required`)
      if (!Array.isArray(description.variableMeasured) || description.variableMeasured.length === 0) problems.push('dataset_description.json: "variableMeasured" must list the columns')
      else variables = description.variableMeasured.map((v: unknown) => (typeof v === 'string' ? v : String((v as { name?: unknown }).name)))
    } catch {
      problems.push('dataset_description.json is not valid JSON')
    }
  }
  const dataFiles = names.filter((n) => n.startsWith('data/'))
  if (dataFiles.length === 0) problems.push('no data files under data/')
  let rows = 0
  for (const name of dataFiles) {
    if (!keywordPattern.test(name)) problems.push(`${name}: name does not follow keyword-value pairs ending in _data.csv`)
    const text = decode(name)
    if (text === null) continue
    if (text.charCodeAt(0) === 0xfeff) problems.push(`${name}: starts with a byte-order mark`)
    const records = csvRecords(text)
    const header = records[0]
    if (!header || header.length === 0 || header.every((h) => h === '')) {
      problems.push(`${name}: no header row`)
      continue
    }
    if (new Set(header).size !== header.length) problems.push(`${name}: duplicate column names`)
    for (const column of header) if (!variables.includes(column)) problems.push(`${name}: column "${column}" is not in variableMeasured`)
    for (const [i, record] of records.slice(1).entries()) if (record.length !== header.length) problems.push(`${name}: row ${i + 2} has ${record.length} fields, the header ${header.length}`)
    rows += records.length - 1
  }
  for (const name of names) if (name !== 'dataset_description.json' && !name.startsWith('data/')) problems.push(`${name}: unexpected file at the top`)
  return { problems, dataFiles, rows }
}
