import { describe, expect, it } from 'vitest'
import { drillTrialColumns, type DrillTrialRow } from '../log/drillTrial.ts'
import { csvField, drillCsv, psychDsFileName, toCsv } from './psychDsCsv.ts'

/** A strict RFC 4180 reader: CRLF records, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (ch === '"') {
        quoted = false
        i++
        if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`)
      } else {
        field += ch
        i++
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      i++
    } else if (ch === ',') {
      record.push(field)
      field = ''
      i++
    } else if (text.startsWith('\r\n', i)) {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 2
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`)
    } else {
      field += ch
      i++
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF')
  return records
}

const header =
  'subject,session,task,mode,block,trial,attempt,stimulus,category,required,response,correct,onset_ms,touchdown_ms,initiation_ms,completion_ms,rt_initiation_ms,rt_completion_ms,frame_interval_ms,painted_ms'

const row = (overrides: Partial<DrillTrialRow> = {}): DrillTrialRow => ({
  subject: 'AB12',
  session: 3,
  task: 'alcohol-aat',
  mode: 'training',
  block: 'training',
  trial: 1,
  attempt: 1,
  stimulus: 'alc-1',
  category: 'alcohol',
  required: 'push',
  response: 'push',
  correct: true,
  onset_ms: 1000.5,
  touchdown_ms: 1400.25,
  initiation_ms: 1450,
  completion_ms: 1600,
  rt_initiation_ms: 449.5,
  rt_completion_ms: 599.5,
  frame_interval_ms: 16.7,
  painted_ms: 1012.5,
  ...overrides,
})

describe('drillCsv', () => {
  it('has exactly the contracted header row', () => {
    const csv = drillCsv([])
    expect(csv).toBe(`${header}\r\n`)
    expect(drillTrialColumns.join(',')).toBe(header)
  })

  it('writes one CRLF-terminated record per row, columns in header order', () => {
    const csv = drillCsv([row(), row({ trial: 2, stimulus: 'soft-4', category: 'soft', required: 'pull', response: 'push', correct: false })])
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe(header)
    expect(lines[1]).toBe('AB12,3,alcohol-aat,training,training,1,1,alc-1,alcohol,push,push,true,1000.5,1400.25,1450,1600,449.5,599.5,16.7,1012.5')
    expect(lines[2]).toBe('AB12,3,alcohol-aat,training,training,2,1,soft-4,soft,pull,push,false,1000.5,1400.25,1450,1600,449.5,599.5,16.7,1012.5')
    expect(lines[3]).toBe('')
  })

  it('leaves nulls empty (a timeout has no touch, no movement and no RT)', () => {
    const timeout = row({ response: 'none', correct: false, touchdown_ms: null, initiation_ms: null, completion_ms: null, rt_initiation_ms: null, rt_completion_ms: null, frame_interval_ms: null, painted_ms: null })
    const [, record] = parseCsv(drillCsv([timeout]))
    const byColumn = Object.fromEntries(drillTrialColumns.map((c, i) => [c, record![i]]))
    expect(record).toHaveLength(drillTrialColumns.length)
    for (const c of ['touchdown_ms', 'initiation_ms', 'completion_ms', 'rt_initiation_ms', 'rt_completion_ms', 'frame_interval_ms', 'painted_ms']) expect(byColumn[c]).toBe('')
    expect(byColumn.response).toBe('none')
    expect(byColumn.correct).toBe('false')
    expect(drillCsv([timeout]).split('\r\n')[1]!.endsWith(',false,1000.5,,,,,,,')).toBe(true)
  })

  it('quotes fields with commas, quotes and line breaks so they read back unchanged', () => {
    const awkward = ['a,b', 'say "cheers"', 'two\nlines', 'cr\r\nlf', '"', ',', 'plain', 'één, twee']
    const rows = awkward.map((stimulus, i) => row({ trial: i + 1, stimulus, subject: i % 2 ? 'X"Y' : 'AB12' }))
    const csv = drillCsv(rows)
    const records = parseCsv(csv)
    expect(records[0]).toEqual([...drillTrialColumns])
    expect(records).toHaveLength(rows.length + 1)
    records.slice(1).forEach((record, i) => {
      expect(record).toHaveLength(drillTrialColumns.length)
      expect(record[drillTrialColumns.indexOf('stimulus')]).toBe(awkward[i])
      expect(record[drillTrialColumns.indexOf('subject')]).toBe(i % 2 ? 'X"Y' : 'AB12')
      expect(record[drillTrialColumns.indexOf('trial')]).toBe(String(i + 1))
    })
    // Only the fields that need it are quoted.
    expect(csv).toContain(',"a,b",')
    expect(csv).toContain(',"say ""cheers""",')
    expect(csv).toContain(',plain,')
  })
})

describe('csvField and toCsv', () => {
  it('writes booleans as true/false, nulls and undefined as empty, numbers as they are', () => {
    expect(csvField(true)).toBe('true')
    expect(csvField(false)).toBe('false')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(0)).toBe('0')
    expect(csvField(12.5)).toBe('12.5')
    expect(csvField('')).toBe('')
  })

  it('quotes per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('a"b')).toBe('"a""b"')
    expect(csvField('a\nb')).toBe('"a\nb"')
    expect(csvField('a\rb')).toBe('"a\rb"')
    expect(csvField('plain text')).toBe('plain text')
  })

  it('writes missing columns as empty fields and ignores extra keys', () => {
    const csv = toCsv(['a', 'b', 'c'], [{ a: 1, c: 'x', extra: 'ignored' }])
    expect(csv).toBe('a,b,c\r\n1,,x\r\n')
    expect(parseCsv(csv)).toEqual([['a', 'b', 'c'], ['1', '', 'x']])
  })
})

describe('psychDsFileName', () => {
  it('follows subject-<code>_session-<n>_task-<id>_data.csv', () => {
    expect(psychDsFileName('AB12', 3, 'alcohol-aat')).toBe('subject-AB12_session-3_task-alcohol-aat_data.csv')
    expect(psychDsFileName('XY99', 12, 'alcohol-aat')).toMatch(/^subject-XY99_session-12_task-alcohol-aat_data\.csv$/)
  })
})
