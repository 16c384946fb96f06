/**
 * The debrief's import worker: reads, checks and scores dropped files off the page's main thread, so the page
 * never freezes while it works (src/debrief/README.md, "A fast debrief").
 *
 * Why a worker rather than a bounded or chunked bootstrap on the page: the bootstrap is not the only long task. A
 * 20 MB drill file is one JSON.parse of 20 MB (a few hundred ms that cannot be cut into pieces) plus checks and
 * scores of 50,000 trials; and a bootstrap on a subsample would give another, wider interval. Here the bootstrap
 * runs in full, seeded as always, and the page only parses the events back in small pieces (importClient.ts).
 *
 * Files are handled one at a time, in the order they came. For each: `events` messages (the events as JSON text,
 * `eventsPerPiece` to a message, sent as soon as the file is read and checked, so that the page parses them while
 * this worker scores; one message per piece, so that the page takes each in a task of its own), then `checked` (the
 * bundle without its events, the summary check and the drill's score); or `encrypted`, or `refused`. A short
 * drill's interval is in its `checked` reply; a long drill's (importCheck.ts `slowInterval`) follows as `interval`
 * once no file is waiting, so the page can show its scores first.
 */
/// <reference lib="webworker" />
import { FileProblem } from '../export/fileProblem.ts'
import type { DdInterval } from '../log/aatBootstrap.ts'
import { checkedBundle } from './importCheck.ts'
import type { WorkerReply, WorkerRequest } from './importClient.ts'
import { parseBundleBytes, readImport } from './importFile.ts'

/** About 400 KB of JSON a piece: a few ms for the page to take and parse, between which it stays responsive. */
const eventsPerPiece = 1000

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (reply: WorkerReply) => scope.postMessage(reply)

/** Intervals still to compute, run only when no file is waiting: every file's report comes before any interval. */
const intervals: { id: number; compute(): DdInterval | null }[] = []
const files: WorkerRequest[] = []
let running = false

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request
  try {
    const bytes = new Uint8Array(request.file instanceof Blob ? await request.file.arrayBuffer() : request.file)
    const read = request.plain ? ({ kind: 'bundle', bundle: parseBundleBytes(bytes) } as const) : readImport(bytes)
    if (read.kind === 'encrypted') return post({ id, kind: 'encrypted', envelope: read.envelope })
    const { events } = read.bundle
    for (let i = 0; i < events.length; i += eventsPerPiece) post({ id, kind: 'events', piece: JSON.stringify(events.slice(i, i + eventsPerPiece)) })
    const checked = checkedBundle(read.bundle)
    const { events: _sentAbove, ...head } = checked.bundle
    // A short drill's interval comes with its report; a long one's after it (the page shows the scores meanwhile).
    const interval = checked.score && !checked.slowInterval ? checked.interval() : undefined
    post({ id, kind: 'checked', head, keys: Object.keys(checked.bundle), eventCount: events.length, summaryDiffers: checked.summaryDiffers, score: checked.score, paint: checked.paint, ...(interval !== undefined ? { interval } : {}) })
    if (checked.score && checked.slowInterval) intervals.push({ id, compute: checked.interval })
  } catch (error) {
    post(error instanceof FileProblem ? { id, kind: 'refused', code: error.code, message: error.message, facts: error.facts } : { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

async function run(): Promise<void> {
  if (running) return
  running = true
  try {
    for (;;) {
      const file = files.shift()
      if (file) {
        await handle(file)
        continue
      }
      // Let a file that was dropped meanwhile in before the next interval (a message, not a timer: timers in a
      // loop are held back to 4 ms each).
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => (channel.port1.close(), resolve())
        channel.port2.postMessage(null)
      })
      if (files.length > 0) continue
      const next = intervals.shift()
      if (!next) return
      post({ id: next.id, kind: 'interval', interval: next.compute() })
    }
  } finally {
    running = false
  }
}

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  files.push(e.data)
  void run()
}
