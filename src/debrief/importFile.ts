/**
 * The debrief's import parser: bytes of a file a trainer dropped → a checked session bundle, or a FileProblem
 * that says what was wrong and where. Every file is hostile until checked: size first, then UTF-8, JSON, format,
 * version, the bundle schema, each event's data against the log catalogue, and last whether its numbers can be
 * true (plausibility.ts).
 */
import { checkLogData } from '../engine/logEvents.ts'
import { isPlainObject } from '../engine/plainObject.ts'
import { sessionBundleSchema } from '../export/bundleSchema.ts'
import { decryptEnvelope, looksEncrypted, openEnvelope, type OpenedEnvelope } from '../export/encryptedFile.ts'
import { FileProblem } from '../export/fileProblem.ts'
import { normalisePassphrase } from '../export/passphrase.ts'
import { bundleFormat, bundleSchemaVersion, type SessionBundle } from '../export/sessionBundle.ts'
import { checkPlausible } from './plausibility.ts'

/** A long drill is about 1 MB of JSON; 20 MB leaves room and still refuses a file that would hang the page. */
export const maxImportBytes = 20 * 1024 * 1024

export function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new FileProblem('empty', 'the file is empty (0 bytes)')
  if (bytes.length > maxImportBytes) {
    throw new FileProblem('too-big', `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${maxImportBytes / 1024 / 1024} MB`, {
      size: (bytes.length / 1024 / 1024).toFixed(1),
      max: maxImportBytes / 1024 / 1024,
    })
  }
}

/** Line and column of a character offset, for a JSON error a person can find in a text editor. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

function describeJsonError(text: string, cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause)
  const match = /position (\d+)/.exec(message)
  const position = match ? Number(match[1]) : null
  const where = position === null ? '' : ` (${lineAndColumn(text, position)})`
  // A string or object left open at the end of the text: the file was cut off, not written wrongly.
  if (/end of (JSON )?input|Unterminated/i.test(message) || (position !== null && position >= text.trimEnd().length)) {
    return `it is not valid JSON: the text stops in the middle (cut off?)${where}`
  }
  return `it is not valid JSON${where}`
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

/** The local-file header every zip starts with ("PK\x03\x04"). */
const zipSignature = [0x50, 0x4b, 0x03, 0x04]

/**
 * The app's own research export (psychDsDataset.ts): a zip whose file names, stored as plain text in its headers,
 * include the Psych-DS `dataset_description.json`. A trainer easily takes it for the session file, so it gets its
 * own message saying which file to open instead.
 */
export function isResearchZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || zipSignature.some((b, i) => bytes[i] !== b)) return false
  const names = new TextDecoder('latin1').decode(bytes)
  return names.includes('dataset_description.json')
}

/** A plain (unencrypted) bundle from its bytes. */
export function parseBundleBytes(bytes: Uint8Array): SessionBundle {
  checkSize(bytes)
  if (isResearchZip(bytes)) throw new FileProblem('research-zip', 'this is the research table (a Psych-DS zip); open the .perspectief or .json file')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FileProblem('not-text', 'it is not a text file (not UTF-8): perhaps a picture, a PDF or a zip')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new FileProblem('not-json', describeJsonError(text, cause))
  }
  return checkBundle(value)
}

/** A value from the file, quoted for a message; safe for objects whose toString is hostile or missing. */
function shown(value: unknown): string {
  try {
    const text = JSON.stringify(value)
    if (text === undefined) return 'missing'
    return text.length > 60 ? `${text.slice(0, 57)}...` : text
  } catch {
    return 'unreadable'
  }
}

const logRecordKeys = ['seq', 'type', 'data', 'sessionId', 't', 'wall'] as const

/** An event as the bundle schema wants it, checked by hand: never looser than the schema (importFile.test.ts). */
export function isPlainLogRecord(e: unknown): boolean {
  if (!isPlainObject(e) || Object.keys(e).length !== logRecordKeys.length || !logRecordKeys.every((k) => Object.hasOwn(e, k))) return false
  const { seq, type, data, sessionId, t, wall } = e
  return (
    typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 &&
    typeof type === 'string' && type.length > 0 &&
    isPlainObject(data) &&
    typeof sessionId === 'string' && sessionId.length > 0 &&
    typeof t === 'number' && Number.isFinite(t) &&
    typeof wall === 'string'
  )
}

/**
 * The bundle schema's check. zod takes about 6 µs an event, a third of a second for a 20 MB drill file, so the
 * events are checked by hand (`isPlainLogRecord`, never looser than the schema) and the rest by the schema. Any event
 * the hand check does not pass sends the whole file through the schema, so a refusal always carries the schema's own
 * first issue. The events come out as the schema gives them: their own fields in the schema's order.
 */
function bundleShape(record: Record<string, unknown>): SessionBundle {
  const events = record.events
  if (Array.isArray(events) && events.every(isPlainLogRecord)) {
    const rest = sessionBundleSchema.safeParse({ ...record, events: [] })
    if (rest.success) {
      const plain = events as SessionBundle['events']
      return { ...(rest.data as SessionBundle), events: plain.map(({ seq, type, data, sessionId, t, wall }) => ({ seq, type, data, sessionId, t, wall })) }
    }
  }
  const parsed = sessionBundleSchema.safeParse(record)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = pathText(issue.path)
    throw new FileProblem('schema', `${where}: ${issue.message}`, { where })
  }
  return parsed.data as SessionBundle
}

export function checkBundle(value: unknown): SessionBundle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FileProblem('not-a-bundle', 'the JSON is not an object, so it is no Perspectief session')
  const record = value as Record<string, unknown>
  if (record.format !== bundleFormat) {
    throw new FileProblem('not-a-bundle', `field "format" is ${shown(record.format)}, expected "${bundleFormat}"`, { field: 'format' })
  }
  const version = record.schemaVersion
  if (typeof version === 'number' && Number.isInteger(version) && version > bundleSchemaVersion) {
    throw new FileProblem('newer-version', `the file has schema version ${version} (made by app ${shown(record.appVersion)}); this debrief reads version ${bundleSchemaVersion}. Update the app.`, {
      version,
      appVersion: shown(record.appVersion),
    })
  }
  if (version !== bundleSchemaVersion) throw new FileProblem('unknown-version', `field "schemaVersion" is ${shown(version)}; this debrief reads version ${bundleSchemaVersion}`, { version: shown(version) })
  const bundle = bundleShape(record)
  let previous = 0
  for (const [index, event] of bundle.events.entries()) {
    const where = `events[${index}]`
    if (event.seq <= previous) throw new FileProblem('bad-event', `${where}: seq ${event.seq} does not follow ${previous}`, { where })
    previous = event.seq
    if (event.sessionId !== bundle.session.id) throw new FileProblem('bad-event', `${where}: belongs to another session`, { where })
    const problem = checkLogData(event.type, event.data)
    if (problem) throw new FileProblem('bad-event', `${where}: ${problem}`, { where })
  }
  // Shape is not truth: refuse a file whose numbers cannot be true (plausibility.ts names the first bad event).
  checkPlausible(bundle)
  return bundle
}

export type ReadFile = { kind: 'bundle'; bundle: SessionBundle } | { kind: 'encrypted'; envelope: OpenedEnvelope }

/** First step for any dropped file: a plain bundle is checked at once; an encrypted one waits for its passphrase. */
export function readImport(bytes: Uint8Array): ReadFile {
  checkSize(bytes)
  if (looksEncrypted(bytes)) return { kind: 'encrypted', envelope: openEnvelope(bytes) }
  return { kind: 'bundle', bundle: parseBundleBytes(bytes) }
}

/** The plain bytes of an encrypted file, with the passphrase as typed. Throws FileProblem('wrong-passphrase'). */
export function decryptImport(envelope: OpenedEnvelope, typed: string): Promise<Uint8Array> {
  return decryptEnvelope(envelope, normalisePassphrase(typed))
}

export async function unlockImport(envelope: OpenedEnvelope, typed: string): Promise<SessionBundle> {
  return parseBundleBytes(await decryptImport(envelope, typed))
}

/** The same session (same id on the same device, same scene script) is the same, however often it was exported. */
export function sessionKey(bundle: SessionBundle): string {
  return `${bundle.session.id}:${bundle.scene.hash}`
}
