/**
 * The page's side of the import worker (importWorker.ts): hands it each dropped file and takes back the checked
 * session. The worker does everything long (reading, JSON, checks, scores, the bootstrap); the page only parses the
 * events back, one piece of 1,000 events per message, so every piece is a task of its own (a few ms) and the page
 * draws and takes input between them. The events come before the score, so the page parses them while the worker
 * scores.
 *
 * Where there is no Worker (the Node and jsdom tests) the same checks (importCheck.ts) run here, interval included.
 */
import type { OpenedEnvelope } from '../export/encryptedFile.ts'
import { FileProblem, type FileProblemCode } from '../export/fileProblem.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import type { DdInterval } from '../log/aatBootstrap.ts'
import type { AatSessionScore } from '../log/aatScore.ts'
import type { PaintSlips } from '../log/paintSlips.ts'
import { checkImportBytes, checkPlainBytes, type CheckedBundle } from './importCheck.ts'
import { giveDrillReport } from './sessionFacts.ts'

export interface WorkerRequest {
  id: number
  /** The dropped file itself (the worker reads it), or a decrypted file's bytes. */
  file: Blob | ArrayBuffer
  /** Bytes of a decrypted file: must be a plain bundle. */
  plain: boolean
}

export type WorkerReply =
  /** A piece of a read and checked file's events, as JSON text, in order; its `checked` reply follows the last. */
  | { id: number; kind: 'events'; piece: string }
  | {
      id: number
      kind: 'checked'
      head: Omit<SessionBundle, 'events'>
      keys: string[]
      /** How many events the pieces held: the page checks it got them all. */
      eventCount: number
      summaryDiffers: string[]
      score: AatSessionScore | null
      paint: PaintSlips | null
      /** A short drill's interval; absent while a long drill's is still being computed (an `interval` reply follows). */
      interval?: DdInterval | null
    }
  | { id: number; kind: 'interval'; interval: DdInterval | null }
  | { id: number; kind: 'encrypted'; envelope: OpenedEnvelope }
  | { id: number; kind: 'refused'; code: FileProblemCode; message: string; facts: Record<string, string | number> }
  | { id: number; kind: 'failed'; message: string }

/** A checked session and how its summary compares with its events, or an encrypted file waiting for its passphrase. */
export type Checked = { kind: 'bundle'; bundle: SessionBundle; summaryDiffers: string[] } | { kind: 'encrypted'; envelope: OpenedEnvelope }

let intervalListener: (bundle: SessionBundle) => void = () => {}
/** Called whenever a drill's interval arrives after its report (the page shows it then). */
export function onIntervalArrived(listener: (bundle: SessionBundle) => void): void {
  intervalListener = listener
}

interface Waiting {
  resolve(checked: Checked): void
  reject(error: unknown): void
  events?: SessionBundle['events']
  bundle?: SessionBundle
  score?: AatSessionScore
  paint?: PaintSlips
}

let worker: Worker | null | undefined
const waiting = new Map<number, Waiting>()
let nextId = 1
// Replies are handled in the order they came: a drill's interval never overtakes its own report.
let inbox = Promise.resolve()

async function receive(reply: WorkerReply): Promise<void> {
  const entry = waiting.get(reply.id)
  if (!entry) return
  switch (reply.kind) {
    case 'events': {
      const events = (entry.events ??= [])
      for (const event of JSON.parse(reply.piece) as SessionBundle['events']) events.push(event)
      return
    }
    case 'checked': {
      const events = entry.events ?? []
      entry.events = undefined
      if (events.length !== reply.eventCount) {
        waiting.delete(reply.id)
        return entry.reject(new Error(`the import worker sent ${events.length} of ${reply.eventCount} events`))
      }
      // The bundle's fields in the file's order, as the check gave them.
      const head = reply.head as Record<string, unknown>
      const bundle = Object.fromEntries(reply.keys.map((k) => [k, k === 'events' ? events : head[k]])) as unknown as SessionBundle
      if (reply.score && reply.interval === undefined) {
        giveDrillReport(bundle, { score: reply.score, paint: reply.paint!, ddInterval: null, ddPending: true })
        entry.bundle = bundle
        entry.score = reply.score
        entry.paint = reply.paint!
      } else {
        if (reply.score) giveDrillReport(bundle, { score: reply.score, paint: reply.paint!, ddInterval: reply.interval ?? null, ddPending: false })
        waiting.delete(reply.id)
      }
      entry.resolve({ kind: 'bundle', bundle, summaryDiffers: reply.summaryDiffers })
      return
    }
    case 'interval':
      waiting.delete(reply.id)
      if (entry.bundle && entry.score && entry.paint) {
        giveDrillReport(entry.bundle, { score: entry.score, paint: entry.paint, ddInterval: reply.interval, ddPending: false })
        intervalListener(entry.bundle)
      }
      return
    case 'encrypted':
      waiting.delete(reply.id)
      return entry.resolve({ kind: 'encrypted', envelope: reply.envelope })
    case 'refused':
      waiting.delete(reply.id)
      return entry.reject(new FileProblem(reply.code, reply.message, reply.facts))
    case 'failed':
      waiting.delete(reply.id)
      return entry.reject(new Error(reply.message))
  }
}

function theWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  const started = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'debrief-import' })
  started.onmessage = (e: MessageEvent<WorkerReply>) => {
    inbox = inbox.then(() => receive(e.data)).catch(() => undefined)
  }
  // A worker that fails (it should not) fails every file it held; the next file starts a new one.
  started.onerror = (e) => {
    e.preventDefault()
    for (const entry of waiting.values()) entry.reject(new Error(`the import worker failed: ${e.message}`))
    waiting.clear()
    started.terminate()
    worker = undefined
  }
  return (worker = started)
}

/** Checks on this thread, interval included: where there is no worker. */
function checkHere(checked: CheckedBundle): Checked {
  if (checked.score) giveDrillReport(checked.bundle, { score: checked.score, paint: checked.paint!, ddInterval: checked.interval(), ddPending: false })
  return { kind: 'bundle', bundle: checked.bundle, summaryDiffers: checked.summaryDiffers }
}

function ask(file: Blob | ArrayBuffer, plain: boolean): Promise<Checked> {
  const w = theWorker()
  if (!w) {
    return (async () => {
      const bytes = new Uint8Array(file instanceof ArrayBuffer ? file : await file.arrayBuffer())
      if (plain) return checkHere(checkPlainBytes(bytes))
      const checked = checkImportBytes(bytes)
      return checked.kind === 'encrypted' ? checked : checkHere(checked)
    })()
  }
  const id = nextId++
  return new Promise<Checked>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    const request: WorkerRequest = { id, file, plain }
    w.postMessage(request, file instanceof ArrayBuffer ? [file] : [])
  })
}

/** A dropped file, read, checked and scored (in the worker where there is one). Rejects with a FileProblem. */
export function checkFile(file: Blob): Promise<Checked> {
  return ask(file, false)
}

/** A decrypted file's bytes, checked and scored like a plain file. */
export async function checkDecrypted(bytes: Uint8Array): Promise<{ bundle: SessionBundle; summaryDiffers: string[] }> {
  const copy = bytes.slice().buffer
  const checked = await ask(copy, true)
  if (checked.kind !== 'bundle') throw new FileProblem('not-a-bundle', 'the decrypted file is encrypted again')
  return checked
}
