/**
 * The `.perspectief` transfer file: one session, encrypted with a passphrase (format and reasons in
 * src/export/README.md). WebCrypto only: AES-256-GCM with a key from PBKDF2-SHA256.
 *
 * Layout, as text so a trainer's tools can at least see what it is:
 *   line 1: the header, JSON {format, v, kdf, iterations, salt, iv, cipher} (salt 16 B, iv 12 B, base64)
 *   line 2: the ciphertext with its 16-byte tag, base64
 * The exact bytes of line 1 are the AES-GCM additional data, so changing any header field (a lower iteration
 * count, another salt) makes decryption fail instead of silently weakening the file.
 */
import { fromBase64, toBase64 } from './base64.ts'
import { FileProblem } from './fileProblem.ts'

export const encryptedFormat = 'perspectief.encrypted'
export const encryptedVersion = 1
export const encryptedExtension = '.perspectief'
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
export const minIterations = 600_000
/** Above this a file would keep a laptop busy for minutes: refuse rather than hang (a hostile file could ask 2^31). */
export const maxIterations = 5_000_000
export const defaultIterations = 600_000

export interface EncryptedHeader {
  format: typeof encryptedFormat
  v: number
  kdf: 'PBKDF2-SHA256'
  iterations: number
  salt: string
  iv: string
  cipher: 'AES-256-GCM'
}

const encoder = new TextEncoder()

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function encryptFile(plaintext: Uint8Array, passphrase: string, iterations = defaultIterations): Promise<Uint8Array> {
  if (!(Number.isInteger(iterations) && iterations >= minIterations && iterations <= maxIterations)) {
    throw new RangeError(`iterations must be ${minIterations}–${maxIterations}, got ${iterations}`)
  }
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header: EncryptedHeader = { format: encryptedFormat, v: encryptedVersion, kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), iv: toBase64(iv), cipher: 'AES-256-GCM' }
  const headerLine = encoder.encode(JSON.stringify(header))
  const key = await deriveKey(passphrase, salt, iterations)
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerLine, tagLength: 128 }, key, plaintext as BufferSource))
  return encoder.encode(`${new TextDecoder().decode(headerLine)}\n${toBase64(sealed)}\n`)
}

/**
 * Does this look like an encrypted transfer file rather than a plain JSON bundle? Its first line is a JSON header
 * naming the format or carrying a salt; a plain bundle starts with "{" alone on its line, or is one single line.
 */
export function looksEncrypted(bytes: Uint8Array): boolean {
  const newline = bytes.subarray(0, 4096).indexOf(0x0a)
  if (newline < 0) return false
  const first = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, newline))
  return first.includes(`"${encryptedFormat}"`) || (first.startsWith('{"') && first.includes('"salt"'))
}

export interface OpenedEnvelope {
  header: EncryptedHeader
  headerLine: Uint8Array
  sealed: Uint8Array
}

/** Checks the header without the passphrase, so the trainer hears about a broken or foreign file before typing. */
export function openEnvelope(bytes: Uint8Array): OpenedEnvelope {
  const newline = bytes.indexOf(0x0a)
  if (newline < 0) throw new FileProblem('truncated', 'the encrypted file ends inside its header (no line break after it)')
  const headerLine = bytes.subarray(0, newline)
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerLine))
  } catch {
    throw new FileProblem('bad-header', 'the header (line 1) is not readable JSON')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new FileProblem('bad-header', 'the header (line 1) is not a JSON object')
  const h = header as Record<string, unknown>
  if (h.format !== encryptedFormat) throw new FileProblem('bad-header', `header field "format" is ${JSON.stringify(h.format)}, expected "${encryptedFormat}"`, { field: 'format' })
  if (typeof h.v !== 'number' || h.v !== encryptedVersion) {
    throw new FileProblem('unknown-version', `header field "v" is ${JSON.stringify(h.v)}; this app reads version ${encryptedVersion} only`, { version: JSON.stringify(h.v) ?? 'missing' })
  }
  if (h.kdf !== 'PBKDF2-SHA256') throw new FileProblem('bad-header', `header field "kdf" is ${JSON.stringify(h.kdf)}, expected "PBKDF2-SHA256"`, { field: 'kdf' })
  if (h.cipher !== 'AES-256-GCM') throw new FileProblem('bad-header', `header field "cipher" is ${JSON.stringify(h.cipher)}, expected "AES-256-GCM"`, { field: 'cipher' })
  if (typeof h.iterations !== 'number' || !Number.isInteger(h.iterations) || h.iterations < minIterations || h.iterations > maxIterations) {
    throw new FileProblem('iterations', `header field "iterations" is ${JSON.stringify(h.iterations)}; allowed is ${minIterations}–${maxIterations}`, {
      iterations: JSON.stringify(h.iterations) ?? 'missing',
      min: minIterations,
      max: maxIterations,
    })
  }
  const salt = typeof h.salt === 'string' ? fromBase64(h.salt) : null
  if (!salt || salt.length !== 16) throw new FileProblem('bad-header', 'header field "salt" must be 16 bytes in base64', { field: 'salt' })
  const iv = typeof h.iv === 'string' ? fromBase64(h.iv) : null
  if (!iv || iv.length !== 12) throw new FileProblem('bad-header', 'header field "iv" must be 12 bytes in base64', { field: 'iv' })
  const extra = Object.keys(h).filter((k) => !['format', 'v', 'kdf', 'iterations', 'salt', 'iv', 'cipher'].includes(k))
  if (extra.length > 0) throw new FileProblem('bad-header', `header has unknown field "${extra[0]}"`, { field: extra[0]! })

  const body = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(newline + 1)).replace(/\r?\n$/, '')
  const sealed = fromBase64(body)
  if (!sealed) throw new FileProblem('truncated', 'the encrypted part (line 2) is not complete base64: the file was cut off or changed')
  // 16 bytes of tag and at least a byte of content.
  if (sealed.length < 17) throw new FileProblem('truncated', `the encrypted part (line 2) holds ${sealed.length} bytes, too short to be a session`)
  return { header: h as unknown as EncryptedHeader, headerLine, sealed }
}

/** Decrypts a checked envelope; AES-GCM cannot tell a wrong passphrase from a changed byte, so the message names both. */
export async function decryptEnvelope(envelope: OpenedEnvelope, passphrase: string): Promise<Uint8Array> {
  const { header, headerLine, sealed } = envelope
  const key = await deriveKey(passphrase, fromBase64(header.salt)!, header.iterations)
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv)! as BufferSource, additionalData: headerLine as BufferSource, tagLength: 128 }, key, sealed as BufferSource)
    return new Uint8Array(plain)
  } catch {
    throw new FileProblem('wrong-passphrase', 'the passphrase does not fit this file, or the file was changed after it was made')
  }
}

export async function decryptFile(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  return decryptEnvelope(openEnvelope(bytes), passphrase)
}
