/**
 * A bench-only page that runs the app's own storage and export code in the browser, on records taken from a
 * real drill session: the IndexedDB commit the runtime makes after every trial, and the export a trainer asks for.
 */
import type { SnapshotEnvelope } from '../../../src/engine/envelope.ts'
import type { LogRecord } from '../../../src/engine/runtime.ts'
import { drillCsv } from '../../../src/export/psychDsCsv.ts'
import { buildSessionBundle } from '../../../src/export/sessionBundle.ts'
import { drillRows } from '../../../src/log/drillRows.ts'
import type { DrillMode } from '../../../src/log/drillTrial.ts'
import { openIndexedDbStore } from '../../../src/storage/indexedDbStore.ts'
import type { SessionMeta } from '../../../src/storage/sessionStore.ts'

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** Commits one trial record plus the session's snapshot, `commits` times, as the drill does after each trial. */
async function commitLatency(args: { meta: SessionMeta; trial: LogRecord; envelope: SnapshotEnvelope; commits: number; warmup: number }) {
  const store = await openIndexedDbStore()
  const meta = { ...args.meta, id: `bench-${Date.now()}`, eventCount: 0 }
  await store.createSession(meta)
  const times: number[] = []
  for (let i = 1; i <= args.warmup + args.commits; i++) {
    const record = { ...args.trial, sessionId: meta.id, seq: i, wall: new Date().toISOString() }
    const start = performance.now()
    await store.commit({ sessionId: meta.id, records: [record], envelope: { ...args.envelope, savedAt: record.wall }, status: 'active' })
    if (i > args.warmup) times.push(performance.now() - start)
  }
  store.close()
  const sorted = times.slice().sort((a, b) => a - b)
  return { commits: times.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1)!, mean: times.reduce((a, b) => a + b, 0) / times.length, snapshotBytes: JSON.stringify(args.envelope).length }
}

/** Builds the JSON bundle and the Psych-DS CSV of a session of `trials` trials, as the done screen does. */
function exportTime(args: { meta: SessionMeta; trial: LogRecord; trials: number; runs: number }) {
  const events: LogRecord[] = Array.from({ length: args.trials }, (_, i) => ({
    ...args.trial,
    seq: i + 1,
    data: { ...args.trial.data, trial: i + 1 },
  }))
  const runs: number[] = []
  let bytes = { json: 0, csv: 0 }
  for (let r = 0; r < args.runs; r++) {
    const start = performance.now()
    const bundle = buildSessionBundle({ meta: args.meta, events, appVersion: 'bench' })
    const json = JSON.stringify(bundle, null, 2)
    const rows = drillRows(events, { clientCode: args.meta.clientCode, sessionNumber: 1, sceneId: args.meta.sceneId, mode: args.meta.params.mode as DrillMode })
    const csv = drillCsv(rows)
    const blobs = [new Blob([json], { type: 'application/json' }), new Blob([csv], { type: 'text/csv' })]
    runs.push(performance.now() - start)
    bytes = { json: blobs[0]!.size, csv: blobs[1]!.size }
  }
  const sorted = runs.slice().sort((a, b) => a - b)
  return { trials: args.trials, medianMs: quantile(sorted, 0.5), runs: sorted, bytes }
}

;(window as unknown as { perspectiefBench: unknown }).perspectiefBench = { commitLatency, exportTime }
