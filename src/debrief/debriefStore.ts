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

function refuse(file: string, error: unknown) {
  if (error instanceof FileProblem) say({ file, outcome: 'refused', code: error.code, facts: error.facts, detail: error.message })
  else say({ file, outcome: 'refused', code: 'unreadable', detail: error instanceof Error ? error.message : String(error) })
}

async function add(fileName: string, bundle: SessionBundle) {
  const key = sessionKey(bundle)
  if (get().sessions.some((s) => s.key === key)) {
    const first = get().sessions.find((s) => s.key === key)!
    throw new FileProblem('duplicate', `same session as ${first.fileName}`, { other: first.fileName })
  }
  const session = { key, fileName, bundle }
  set({ sessions: [...get().sessions, session] })
  if (get().kept) await keep([session])
  say({ file: fileName, outcome: 'added', clientCode: bundle.session.clientCode })
}

export async function importFiles(files: readonly File[]): Promise<void> {
  set({ busy: true })
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
        if (read.kind === 'bundle') await add(file.name, read.bundle)
        else set({ pending: [...get().pending, { fileName: file.name, envelope: read.envelope, wrong: false }] })
      } catch (error) {
        refuse(file.name, error)
      }
    }
  } finally {
    set({ busy: false })
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
