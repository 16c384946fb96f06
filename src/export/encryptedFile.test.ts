import { describe, expect, it } from 'vitest'
import { decryptFile, encryptFile, maxIterations, minIterations, openEnvelope } from './encryptedFile.ts'
import { FileProblem } from './fileProblem.ts'

const plain = new TextEncoder().encode('{"format":"perspectief.session","note":"geheim"}')
const passphrase = 'boom fiets kaas molen regen tulp'

async function problemOf(run: () => Promise<unknown> | unknown): Promise<FileProblem> {
  try {
    await run()
  } catch (error) {
    if (error instanceof FileProblem) return error
    throw error
  }
  throw new Error('expected a FileProblem')
}

/** Rewrites one header field and keeps the rest of the file as it is. */
function withHeader(file: Uint8Array, change: (h: Record<string, unknown>) => void): Uint8Array {
  const text = new TextDecoder().decode(file)
  const [head, body] = text.split('\n')
  const header = JSON.parse(head!)
  change(header)
  return new TextEncoder().encode(`${JSON.stringify(header)}\n${body}\n`)
}

describe('encrypted transfer file', () => {
  it('round-trips with the passphrase; header says AES-256-GCM, PBKDF2-SHA256, 600,000 iterations, 16-byte salt, 12-byte iv', async () => {
    const file = await encryptFile(plain, passphrase)
    const { header } = openEnvelope(file)
    expect(header).toMatchObject({ format: 'perspectief.encrypted', v: 1, kdf: 'PBKDF2-SHA256', iterations: 600_000, cipher: 'AES-256-GCM' })
    expect(atob(header.salt)).toHaveLength(16)
    expect(atob(header.iv)).toHaveLength(12)
    expect(new TextDecoder().decode(file)).not.toContain('geheim')
    expect(await decryptFile(file, passphrase)).toEqual(plain)
  })

  it('two files of the same content differ (fresh salt and iv)', async () => {
    const [a, b] = [await encryptFile(plain, passphrase), await encryptFile(plain, passphrase)]
    expect(openEnvelope(a).header.salt).not.toBe(openEnvelope(b).header.salt)
    expect(openEnvelope(a).header.iv).not.toBe(openEnvelope(b).header.iv)
  })

  it('refuses a wrong passphrase and a changed byte of the ciphertext with the same clear message', async () => {
    const file = await encryptFile(plain, passphrase)
    expect((await problemOf(() => decryptFile(file, 'boom fiets kaas molen regen tuin'))).code).toBe('wrong-passphrase')
    const tampered = file.slice()
    const at = tampered.length - 10
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41
    expect((await problemOf(() => decryptFile(tampered, passphrase))).message).toMatch(/passphrase does not fit.*changed/)
  })

  it('the header is authenticated: a header changed to other valid values no longer decrypts', async () => {
    const file = await encryptFile(plain, passphrase)
    const raised = withHeader(file, (h) => (h.iterations = 600_001))
    expect((await problemOf(() => decryptFile(raised, passphrase))).code).toBe('wrong-passphrase')
  })

  it('refuses unknown versions and iteration counts outside 600,000–5,000,000 before any key work', async () => {
    const file = await encryptFile(plain, passphrase)
    expect((await problemOf(() => openEnvelope(withHeader(file, (h) => (h.v = 2))))).code).toBe('unknown-version')
    for (const n of [1, minIterations - 1, maxIterations + 1, 2 ** 31, 1.5e6 + 0.5, '600000']) {
      expect((await problemOf(() => openEnvelope(withHeader(file, (h) => (h.iterations = n))))).code).toBe('iterations')
    }
    expect((await problemOf(() => openEnvelope(withHeader(file, (h) => (h.salt = 'AAAA'))))).message).toMatch(/salt/)
    expect((await problemOf(() => openEnvelope(withHeader(file, (h) => (h.extra = 1))))).message).toMatch(/unknown field "extra"/)
  })

  it('a cut-off file says so', async () => {
    const file = await encryptFile(plain, passphrase)
    expect((await problemOf(() => openEnvelope(file.subarray(0, 40)))).code).toBe('truncated')
    expect((await problemOf(() => openEnvelope(file.subarray(0, file.length - 7)))).code).toBe('truncated')
  })

  it('will not make a file with too few iterations', async () => {
    await expect(encryptFile(plain, passphrase, 1000)).rejects.toThrow(/iterations/)
  })
})
