/**
 * The debrief's state: the imported sessions (in memory only, unless the trainer keeps them), the files waiting for
 * their passphrase, and what happened to each file. A refused file never changes what was already there.
 */
import { create } from 'zustand'
import type { OpenedEnvelope } from '../export/encryptedFile.ts'
import { FileProblem, type FileProblemCode } from '../export/fileProblem.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { checkDecrypted, checkFile, onIntervalArrived, type Checked } from './importClient.ts'
import { checkBundle, decryptImport, maxImportBytes } from './importFile.ts'
import { forgetKept, hasKeptSessions, keep, loadKept, type KeptSession } from './keptSessions.ts'
import { placeSession } from './sessionMerge.ts'
import { summaryDifferences } from './summaryCheck.ts'

export interface FileMessage {
  id: number
  file: string
  /** added; refused; replaced (a later export of an open session); older (an earlier export, not added); conflict. */
  outcome: 'added' | 'refused' | 'replaced' | 'older' | 'conflict'
  clientCode?: string
  /** The file's own summary differs from its events (counted in the log, warned on the session). */
  summaryDiffers?: boolean
  code?: FileProblemCode | 'unreadable'
  facts?: Record<string, string | number>
  /** The precise technical reason (English), shown after the plain one. */
  detail?: string
}

export interface PendingFile {
  fileName: string
  envelope: OpenedEnvelope
  /** Set after a wrong passphrase, so the prompt can say so and ask again. */
  wrong: boolean
}

interface DebriefState {
  sessions: KeptSession[]
  pending: PendingFile[]
  messages: FileMessage[]
  kept: boolean
  busy: boolean
  /** Counts drill intervals that arrived after their report (importClient.ts), so the report shows them. */
  intervals: number
}

export const useDebrief = create<DebriefState>(() => ({ sessions: [], pending: [], messages: [], kept: false, busy: false, intervals: 0 }))
const set = useDebrief.setState
const get = useDebrief.getState
let nextId = 1
// Only an interval of a session on screen redraws the report; one that arrives during a drop is simply there when shown.
onIntervalArrived((bundle) => {
  if (get().sessions.some((s) => s.bundle === bundle)) set({ intervals: get().intervals + 1 })
})

function say(message: Omit<FileMessage, 'id'>) {
  set({ messages: [...get().messages, { id: nextId++, ...message }] })
}

function refusal(file: string, error: unknown): Omit<FileMessage, 'id'> {
  if (error instanceof FileProblem) return { file, outcome: 'refused', code: error.code, facts: error.facts, detail: error.message }
  return { file, outcome: 'refused', code: 'unreadable', detail: error instanceof Error ? error.message : String(error) }
}

function refuse(file: string, error: unknown) {
  say(refusal(file, error))
}

/**
 * Places a checked bundle among the open sessions (sessionMerge.ts) with its summary check, and says what became
 * of it. Throws FileProblem('duplicate') for a file whose session is open with the very same events.
 */
function place(open: readonly KeptSession[], fileName: string, bundle: SessionBundle, differs = summaryDifferences(bundle)): { sessions: KeptSession[]; message: Omit<FileMessage, 'id'> } {
  const placed = placeSession(open, fileName, bundle, differs.length > 0 ? { summaryDiffers: differs } : {})
  const base = { file: fileName, clientCode: bundle.session.clientCode, ...(differs.length > 0 ? { summaryDiffers: true } : {}) }
  const message: Omit<FileMessage, 'id'> =
    placed.kind === 'added'
      ? { ...base, outcome: 'added' }
      : placed.kind === 'replaced'
        ? { ...base, outcome: 'replaced', facts: { other: placed.other, n: placed.more } }
        : placed.kind === 'older'
          ? { file: fileName, clientCode: bundle.session.clientCode, outcome: 'older', facts: { other: placed.other } }
          : { ...base, outcome: 'conflict', facts: { other: placed.other, seq: placed.seq } }
  return { sessions: placed.sessions, message }
}

async function add(fileName: string, bundle: SessionBundle, differs?: string[]) {
  const { sessions, message } = place(get().sessions, fileName, bundle, differs)
  set({ sessions })
  if (get().kept) {
    await forgetKept()
    await keep(sessions)
  }
  say(message)
}

function tooBig(file: File): FileProblem {
  return new FileProblem('too-big', `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxImportBytes / 1024 / 1024} MB`, {
    size: (file.size / 1024 / 1024).toFixed(1),
    max: maxImportBytes / 1024 / 1024,
  })
}

/**
 * Reads every file, then shows them all at once: one update for the whole drop, so two hundred files do not redraw
 * the report (and its charts) two hundred times. The files are read, checked and scored in the import worker
 * (importClient.ts), all handed over at once and answered in order; the page only places them.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  set({ busy: true })
  let sessions: KeptSession[] = get().sessions
  let changed = false
  const pending: PendingFile[] = []
  const messages: FileMessage[] = []
  const note = (message: Omit<FileMessage, 'id'>) => messages.push({ id: nextId++, ...message })
  // Checked before reading, so a huge file is never pulled into memory. Settled here, so that a refusal waiting its
  // turn is never an unhandled rejection.
  const checks = files.map((file) =>
    (file.size > maxImportBytes ? Promise.reject(tooBig(file)) : checkFile(file)).then(
      (checked): { ok: true; checked: Checked } => ({ ok: true, checked }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  )
  try {
    for (const [i, file] of files.entries()) {
      const result = await checks[i]!
      try {
        if (!result.ok) throw result.error
        const read = result.checked
        if (read.kind === 'bundle') {
          const placed = place(sessions, file.name, read.bundle, read.summaryDiffers)
          changed ||= placed.sessions !== sessions && placed.message.outcome !== 'older'
          sessions = placed.sessions
          note(placed.message)
        } else pending.push({ fileName: file.name, envelope: read.envelope, wrong: false })
      } catch (error) {
        note(refusal(file.name, error))
      }
    }
  } finally {
    set({ sessions, pending: [...get().pending, ...pending], messages: [...get().messages, ...messages], busy: false })
    if (get().kept && changed) {
      // Replaced and conflicting sessions change keys and notes: write the kept copy afresh.
      await forgetKept()
      await keep(sessions)
    }
  }
}

/** Tries the passphrase on the first waiting file; a wrong one keeps the file waiting with a note. */
export async function unlockPending(typed: string): Promise<void> {
  const [first, ...rest] = get().pending
  if (!first) return
  set({ busy: true })
  try {
    const { bundle, summaryDiffers } = await checkDecrypted(await decryptImport(first.envelope, typed))
    set({ pending: rest })
    await add(first.fileName, bundle, summaryDiffers)
  } catch (error) {
    if (error instanceof FileProblem && error.code === 'wrong-passphrase') {
      set({ pending: [{ ...first, wrong: true }, ...rest] })
      refuse(first.fileName, error)
    } else {
      set({ pending: rest })
      refuse(first.fileName, error)
    }
  } finally {
    set({ busy: false })
  }
}

export function skipPending() {
  set({ pending: get().pending.slice(1) })
}

export function removeSession(key: string) {
  set({ sessions: get().sessions.filter((s) => s.key !== key) })
  if (get().kept) void forgetKept().then(() => keep(get().sessions))
}

/** Clears the window, and the laptop's kept copy with it. */
export async function clearAll(): Promise<void> {
  set({ sessions: [], pending: [], messages: [], kept: false })
  await forgetKept()
}

export async function setKept(on: boolean): Promise<void> {
  if (on) await keep(get().sessions)
  else await forgetKept()
  set({ kept: on })
}

/** On opening the page: only what the trainer chose to keep comes back. */
export async function restoreKept(): Promise<void> {
  if (!(await hasKeptSessions())) return
  // Checked again like any import: the laptop's copy may come from an older app version.
  const sessions = (await loadKept()).filter((s) => {
    try {
      checkBundle(s.bundle)
      return true
    } catch (error) {
      refuse(s.fileName, error)
      return false
    }
  })
  set({ sessions, kept: true })
}

/** A session made on this page (the worker's check-in): added like an imported file, and kept only if the trainer keeps data. */
export async function addOwnSession(fileName: string, bundle: SessionBundle): Promise<void> {
  await add(fileName, bundle)
}
