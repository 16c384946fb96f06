import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { datasetTable } from '../export/datasetTable.ts'
import { psychDsZip } from '../export/psychDsDataset.ts'
import { parseScene } from '../script/parse.ts'
import { allianceBundle } from '../../test/fixtures/allianceBundles.ts'
import { checkPsychDsZip, csvRecords } from '../../test/psychds/checkPsychDs.ts'

const sceneOf = (side: string) => {
  const file = `scenes/alliance-${side}/scene.yaml`
  const parsed = parseScene(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.script
}

describe('check-in rows in the Psych-DS dataset', () => {
  it.each(['client', 'worker'] as const)('the %s side: one row per answer with side, contact, part and item id as columns', (side) => {
    const bundle = allianceBundle(side, { date: '2026-05-12', kind: 'video', direction: [4, 4, 3], trust: [5, 5, null], bond: [4, 4, 4], friction: [2, 1, 2], better: 'Korter, "graag"' })
    const zip = psychDsZip(datasetTable(bundle, sceneOf(side)), '0.1.0')
    const report = checkPsychDsZip(zip)
    expect(report.problems).toEqual([])
    expect(report.dataFiles).toEqual([`data/subject-AL12_session-1_task-alliance-${side}_data.csv`])
    const [header, ...rows] = csvRecords(strFromU8(unzipSync(zip)[report.dataFiles[0]!]!))
    expect(header).toEqual(['subject', 'session', 'task', 'side', 'contact_date', 'contact_kind', 'contact_planned', 'seq', 'item', 'part', 'reverse', 'points', 'value', 'latency_ms'])
    const byItem = new Map(rows.map((r) => [r[header!.indexOf('item')], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]))
    expect(rows).toHaveLength(18)
    expect(byItem.get('trust-1')).toMatchObject({ side, contact_date: '2026-05-12', contact_kind: 'video', contact_planned: 'yes', part: 'trust', reverse: 'false', points: '5', value: '5' })
    expect(byItem.get('trust-3')).toMatchObject({ part: 'trust', value: '' })
    expect(byItem.get('friction-2')).toMatchObject({ part: 'friction', reverse: 'true', value: '1' })
    expect(byItem.get('privacy')).toMatchObject({ part: '', reverse: '', points: '5', value: '4' })
    expect(byItem.get('better')).toMatchObject({ part: '', value: 'Korter, "graag"' })
    const description = JSON.parse(strFromU8(unzipSync(zip)['dataset_description.json']!))
    expect(description.variableMeasured.map((v: { name: string }) => v.name)).toEqual(header)
  })

  it('without its scene a check-in falls back to the plain event table', () => {
    const bundle = allianceBundle('client', { date: '2026-05-12', kind: 'video', direction: [4, 4, 3], trust: [5, 5, 5], bond: [4, 4, 4], friction: [2, 1, 2] })
    expect(datasetTable(bundle).columns).toContain('detail')
  })
})
