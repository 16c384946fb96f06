import { describe, expect, it } from 'vitest'
import { checkLogData } from '../engine/logEvents.ts'
import type { LogRecord } from '../engine/runtime.ts'
import { drillRows, type DrillSessionInfo } from './drillRows.ts'
import { drillTrialColumns } from './drillTrial.ts'

let seq = 0
const record = (type: string, data: Record<string, unknown>): LogRecord => {
  seq++
  return { seq, type, data, sessionId: 'session-1', t: 1000 + seq, wall: new Date(Date.UTC(2026, 2, 2, 19, 0, seq)).toISOString() }
}

const trialData = (trial: number, attempt: number, extra: Record<string, unknown> = {}) => ({
  block: 'assessment',
  trial,
  attempt,
  stimulus: `alc-${trial}`,
  category: 'alcohol',
  required: 'push',
  response: 'push',
  correct: true,
  onset_ms: 100 * trial,
  touchdown_ms: 100 * trial + 300,
  initiation_ms: 100 * trial + 350,
  completion_ms: 100 * trial + 500,
  rt_initiation_ms: 350,
  rt_completion_ms: 500,
  frame_interval_ms: 16.7,
  painted_ms: 100 * trial + 12,
  ...extra,
})

const info: DrillSessionInfo = { clientCode: 'AB12', sessionNumber: 3, sceneId: 'alcohol-aat', mode: 'assessment' }

const records: LogRecord[] = [
  record('drill.planned', { seed: 1, instruction: 'content-relevant', blocks: [], stimulusSet: 'generated-v1', ownPhotos: 0 }),
  record('drill.block.started', { block: 'assessment', trials: 3, rule: 'standard' }),
  record('drill.trial', trialData(1, 1, { rule: 'standard' })),
  record('drill.trial', trialData(2, 1, { response: 'pull', correct: false, rule: 'standard' })),
  record('marker', { label: 'pause' }),
  record('drill.trial', trialData(2, 2, { rule: 'standard' })),
  record('drill.trial', {
    ...trialData(3, 1, { rule: 'standard' }),
    response: 'none',
    correct: false,
    touchdown_ms: null,
    initiation_ms: null,
    completion_ms: null,
    rt_initiation_ms: null,
    rt_completion_ms: null,
  }),
  record('drill.trial', trialData(4, 1, { stimulus: 'own-1', category: 'soft', required: 'pull', response: 'pull', tilt: 'left' })),
  record('session.completed', { beat: 'done' }),
]

describe('drillRows', () => {
  it('uses realistic log records (every fixture passes the log schema)', () => {
    for (const r of records) expect(checkLogData(r.type, r.data)).toBeNull()
  })

  it('makes one row per drill.trial record, in log order, and ignores every other record type', () => {
    const rows = drillRows(records, info)
    expect(rows).toHaveLength(5)
    expect(rows.map((r) => [r.trial, r.attempt])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 1],
      [4, 1],
    ])
    expect(drillRows(records.filter((r) => r.type !== 'drill.trial'), info)).toEqual([])
    expect(drillRows([], info)).toEqual([])
  })

  it('keeps log order even when it is not trial order', () => {
    const shuffled = [records[5]!, records[2]!, records[3]!]
    expect(drillRows(shuffled, info).map((r) => [r.trial, r.attempt])).toEqual([
      [2, 2],
      [1, 1],
      [2, 1],
    ])
  })

  it('fills subject, session, task and mode from the session info', () => {
    for (const row of drillRows(records, info)) {
      expect(row.subject).toBe('AB12')
      expect(row.session).toBe(3)
      expect(row.task).toBe('alcohol-aat')
      expect(row.mode).toBe('assessment')
    }
    const other = drillRows(records, { clientCode: 'XY99', sessionNumber: 1, sceneId: 'other-task', mode: 'training' })
    expect(other.every((r) => r.subject === 'XY99' && r.session === 1 && r.task === 'other-task' && r.mode === 'training')).toBe(true)
  })

  it('has every column of drillTrialColumns and nothing else (no tilt, rule or log bookkeeping)', () => {
    for (const row of drillRows(records, info)) {
      expect(Object.keys(row).sort()).toEqual([...drillTrialColumns].sort())
      for (const column of drillTrialColumns) expect(row[column]).not.toBeUndefined()
    }
  })

  it('copies the trial data unchanged, nulls included', () => {
    const rows = drillRows(records, info)
    const source = records.filter((r) => r.type === 'drill.trial')
    rows.forEach((row, i) => {
      const data = source[i]!.data
      for (const column of drillTrialColumns.slice(4)) expect(row[column]).toEqual(data[column])
    })
    expect(rows[3]).toMatchObject({ response: 'none', correct: false, touchdown_ms: null, rt_initiation_ms: null, onset_ms: 300, frame_interval_ms: 16.7 })
    expect(rows[4]).toMatchObject({ stimulus: 'own-1', category: 'soft', required: 'pull', block: 'assessment' })
  })
})
