/** The files a session leaves the device as, from the end of a scene or from the settings (src/export/README.md). */
import { downloadFile } from '../export/downloadFile.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { collectBundle, encryptedTransferFile, jsonFile, psychDsFile } from '../export/sessionExports.ts'
import { shareOrDownload } from '../export/shareFile.ts'
import { useApp } from './appStore.ts'

const get = useApp.getState

/** A session's bundle with its summary, including records that storage refused (so nothing recorded is lost). */
async function sessionBundle(sessionId: string): Promise<SessionBundle | null> {
  const { store, running } = get()
  if (!store) return null
  const meta = (await store.getSession(sessionId)) ?? (running?.meta.id === sessionId ? running.meta : undefined)
  if (!meta) return null
  const unsaved = running?.meta.id === sessionId ? running.runtime.unsavedRecords() : []
  return collectBundle(store, meta, unsaved)
}

/** Downloads a session's JSON bundle. */
export async function exportSession(sessionId: string) {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return
  const file = jsonFile(bundle)
  downloadFile(file.name, file.content, file.type)
}

/** Downloads the session as a Psych-DS dataset (zip). */
export async function exportDataset(sessionId: string) {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return
  const file = psychDsFile(bundle, get().scenes.find((s) => s.script.id === bundle.scene.id)?.script)
  downloadFile(file.name, file.content, file.type)
}

/** Encrypts the session with a fresh passphrase, shares or downloads it, and returns the passphrase to show once. */
export async function exportEncrypted(sessionId: string): Promise<string | null> {
  const bundle = await sessionBundle(sessionId)
  if (!bundle) return null
  const { file, passphrase } = await encryptedTransferFile(bundle)
  void shareOrDownload(file.name, file.content, file.type)
  return passphrase
}
