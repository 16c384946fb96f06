import { strFromU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { datasetTable } from './datasetTable.ts'
import { checkPsychDsZip, csvRecords } from '../../test/psychds/checkPsychDs.ts'
import { drillBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { psychDsZip } from './psychDsDataset.ts'

describe('Psych-DS dataset zip', () => {
  it('a drill session passes the Psych-DS checks, one row per trial', () => {
    const bundle = drillBundle(40)
    const report = checkPsychDsZip(psychDsZip(datasetTable(bundle), '0.1.0'))
    expect(report.problems).toEqual([])
    expect(report.dataFiles).toEqual(['data/subject-AB12_session-1_task-alcohol-aat_data.csv'])
    expect(report.rows).toBe(40)
  })

  it('a questionnaire session passes too, with answers holding commas, quotes and markup kept verbatim', () => {
    const text = 'ruzie, thuis "echt"\n<script>x()</script>'
    const zip = psychDsZip(datasetTable(questionnaireBundle(text)), '0.1.0')
    const report = checkPsychDsZip(zip)
    expect(report.problems).toEqual([])
    const csv = strFromU8(unzipSync(zip)['data/subject-AB12_session-1_task-check-in_data.csv']!)
    const [header, ...rows] = csvRecords(csv)
    const answer = rows.find((r) => r[header!.indexOf('item')] === 'hard-part')!
    expect(answer[header!.indexOf('value')]).toBe(text)
  })

  it('the checker itself catches a column missing from variableMeasured and a bad file name', () => {
    const files = unzipSync(psychDsZip(datasetTable(questionnaireBundle()), '0.1.0'))
    const description = JSON.parse(strFromU8(files['dataset_description.json']!))
    description.variableMeasured = description.variableMeasured.slice(1)
    const broken = { 'dataset_description.json': new TextEncoder().encode(JSON.stringify(description)), 'data/session1.csv': files['data/subject-AB12_session-1_task-check-in_data.csv']! }
    const problems = checkPsychDsZip(zipSync(broken)).problems
    expect(problems).toContain('data/session1.csv: name does not follow keyword-value pairs ending in _data.csv')
    expect(problems).toContain('data/session1.csv: column "subject" is not in variableMeasured')
  })
})
