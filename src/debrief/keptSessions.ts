/**
 * The trainer's explicit "keep on this laptop": imported bundles in their own IndexedDB database. Nothing is
 * written here unless the trainer asks; "erase everything" removes it with every other database of the origin.
 */
import { deleteDB, openDB } from 'idb'
import type { SessionBundle } from '../export/sessionBundle.ts'

export const keptDatabaseName = 'perspectief-debrief'

export interface KeptSession {
  key: string
  fileName: string
  bundle: SessionBundle
  /** Where the file's own summary differs from its events (summaryCheck.ts); empty or absent when it agrees. */
  summaryDiffers?: string[]
  /** Another file claims this session and differs from it at event `seq` (sessionMerge.ts). */
  conflict?: { other: string; seq: number }
}

function open() {
  return openDB(keptDatabaseName, 1, { upgrade: (db) => void db.createObjectStore('sessions', { keyPath: 'key' }) })
}

export async function hasKeptSessions(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return false
  return (await indexedDB.databases()).some((d) => d.name === keptDatabaseName)
}

export async function loadKept(): Promise<KeptSession[]> {
  const db = await open()
  try {
    return (await db.getAll('sessions')) as KeptSession[]
  } finally {
    db.close()
  }
}

export async function keep(sessions: readonly KeptSession[]): Promise<void> {
  const db = await open()
  try {
    const tx = db.transaction('sessions', 'readwrite')
    await Promise.all([...sessions.map((s) => tx.store.put(s)), tx.done])
  } finally {
    db.close()
  }
}

export async function forgetKept(): Promise<void> {
  await deleteDB(keptDatabaseName)
}
