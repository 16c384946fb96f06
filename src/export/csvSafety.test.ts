/** CSV safety (OWASP): formula-like text is neutralised in every CSV the app writes; the JSON keeps the raw text. */
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { csvRecords } from '../../test/psychds/checkPsychDs.ts'
import { drillBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { datasetTable } from './datasetTable.ts'
import { csvField, drillCsv, neutraliseFormula } from './psychDsCsv.ts'
import { psychDsZip } from './psychDsDataset.ts'
import { drillRows } from '../log/drillRows.ts'

describe('CSV formula neutralising', () => {
  it('a free-text answer =HYPERLINK("x") is neutralised in the CSV and raw in the JSON bundle', () => {
    const answer = '=HYPERLINK("x")'
    const bundle = questionnaireBundle(answer)
    const zip = unzipSync(psychDsZip(datasetTable(bundle), '0.1.0'))
    const csv = strFromU8(zip['data/subject-AB12_session-1_task-check-in_data.csv']!)
    // Written as text: a single quote in front, and the quotes doubled inside an RFC 4180 quoted field.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    const [header, ...rows] = csvRecords(csv)
    const row = rows.find((r) => r[header!.indexOf('item')] === 'hard-part')!
    expect(row[header!.indexOf('value')]).toBe(`'=HYPERLINK("x")`)
    // The JSON bundle (what the app exports as .json) keeps the raw text.
    const json = JSON.parse(JSON.stringify(bundle, null, 2)) as typeof bundle
    expect(json.events.find((e) => e.data.item === 'hard-part')!.data.value).toBe(answer)
    // And the dataset description says so.
    const description = JSON.parse(strFromU8(zip['dataset_description.json']!)) as { description: string }
    expect(description.description).toMatch(/single quote \(\'\) in front/)
    expect(description.description).toMatch(/JSON session bundle keeps the raw text/)
  })

  it('every formula start is neutralised: = + - @ tab carriage return', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`)
    for (const text of ['1+1', 'ok', '', "'already"]) expect(neutraliseFormula(text)).toBe(text)
  })

  it('numbers stay numbers: a negative number is not a text cell', () => {
    expect(csvField(-12.5)).toBe('-12.5')
    expect(csvField('-12.5')).toBe(`'-12.5`)
    expect(csvField(0)).toBe('0')
    expect(csvField(true)).toBe('true')
  })

  it('the drill CSV neutralises text cells too (a hostile stimulus id) and leaves its numeric columns alone', () => {
    const rows = drillRows(drillBundle(4).events, { clientCode: 'AB12', sessionNumber: 1, sceneId: 'alcohol-aat', mode: 'assessment' })
    rows[0] = { ...rows[0]!, stimulus: '@cmd', onset_ms: -5 }
    const [, first] = csvRecords(drillCsv(rows))
    expect(first).toContain(`'@cmd`)
    expect(first).toContain('-5')
  })
})
