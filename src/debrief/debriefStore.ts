/**
 * The debrief's state: the imported sessions (in memory only, unless the trainer keeps them), the files waiting for
 * their passphrase, and what happened to each file. A refused file never changes what was already there.
 */
import { create } from 'zustand'
import type { OpenedEnvelope } from '../export/encryptedFile.ts'
import { FileProblem, type FileProblemCode } from '../export/fileProblem.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { checkBundle, maxImportBytes, readImport, sessionKey, unlockImport } from './importFile.ts'
import { forgetKept, hasKeptSessions, keep, loadKept, type KeptSession } from './keptSessions.ts'

export interface FileMessage {
  id: number
  file: string
  outcome: 'added' | 'refused'
  clientCode?: string
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
}

export const useDebrief = create<DebriefState>(() => ({ sessions: [], pending: [], messages: [], kept: false, busy: false }))
const set = useDebrief.setState
const get = useDebrief.getState
let nextId = 1

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

/** The problem with adding this bundle to the sessions already open (or about to be), or null when it is new. */
function duplicateOf(bundle: SessionBundle, open: readonly { key: string; fileName: string }[]): FileProblem | null {
  const first = open.find((s) => s.key === sessionKey(bundle))
  return first ? new FileProblem('duplicate', `same session as ${first.fileName}`, { other: first.fileName }) : null
}

async function add(fileName: string, bundle: SessionBundle) {
  const problem = duplicateOf(bundle, get().sessions)
  if (problem) throw problem
  const session = { key: sessionKey(bundle), fileName, bundle }
  set({ sessions: [...get().sessions, session] })
  if (get().kept) await keep([session])
  say({ file: fileName, outcome: 'added', clientCode: bundle.session.clientCode })
}

/**
 * Reads every file, then shows them all at once: one update for the whole drop, so two hundred files do not redraw
 * the report (and its charts) two hundred times.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  set({ busy: true })
  const added: KeptSession[] = []
  const pending: PendingFile[] = []
  const messages: FileMessage[] = []
  const note = (message: Omit<FileMessage, 'id'>) => messages.push({ id: nextId++, ...message })
  try {
    for (const file of files) {
      try {
        // Checked before reading, so a huge file is never pulled into memory.
        if (file.size > maxImportBytes) {
          throw new FileProblem('too-big', `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxImportBytes / 1024 / 1024} MB`, {
            size: (file.size / 1024 / 1024).toFixed(1),
            max: maxImportBytes / 1024 / 1024,
          })
        }
        const read = readImport(new Uint8Array(await file.arrayBuffer()))
        if (read.kind === 'bundle') {
          const problem = duplicateOf(read.bundle, [...get().sessions, ...added])
          if (problem) throw problem
          added.push({ key: sessionKey(read.bundle), fileName: file.name, bundle: read.bundle })
          note({ file: file.name, outcome: 'added', clientCode: read.bundle.session.clientCode })
        } else pending.push({ fileName: file.name, envelope: read.envelope, wrong: false })
      } catch (error) {
        note(refusal(file.name, error))
      }
    }
  } finally {
    set({ sessions: [...get().sessions, ...added], pending: [...get().pending, ...pending], messages: [...get().messages, ...messages], busy: false })
    if (get().kept && added.length > 0) await keep(added)
  }
}

/** Tries the passphrase on the first waiting file; a wrong one keeps the file waiting with a note. */
export async function unlockPending(typed: string): Promise<void> {
  const [first, ...rest] = get().pending
  if (!first) return
  set({ busy: true })
  try {
    const bundle = await unlockImport(first.envelope, typed)
    set({ pending: rest })
    await add(first.fileName, bundle)
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
