/**
 * Property: however a valid file is damaged, the import parser either accepts a still-valid bundle or refuses
 * with a FileProblem (a clear message). It never crashes with another error, and never hangs.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drillBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { encryptFile, openEnvelope } from '../export/encryptedFile.ts'
import { FileProblem } from '../export/fileProblem.ts'
import { parseBundleBytes, readImport } from './importFile.ts'

const encoder = new TextEncoder()

function onlyCleanErrors(run: () => unknown): boolean {
  try {
    run()
    return true
  } catch (error) {
    if (error instanceof FileProblem && error.message.length > 0) return true
    throw error
  }
}

/** Byte-level damage: flips, cuts, insertions and deletions at random places. */
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), data: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
)

type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never

function mutateBytes(source: Uint8Array, mutations: ByteMutation[]): Uint8Array {
  let bytes = source.slice()
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length
    if (m.kind === 'flip') bytes[at] = m.value
    else if (m.kind === 'cut') bytes = bytes.slice(0, at)
    else if (m.kind === 'insert') bytes = new Uint8Array([...bytes.subarray(0, at), ...m.data, ...bytes.subarray(at)])
    else bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)])
  }
  return bytes
}

/** Structure-level damage: a value somewhere in the JSON replaced by any other JSON value. */
function replaceAtPath(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement
  const keys = Object.keys(value)
  if (keys.length === 0) return replacement
  const key = keys[path[0]! % keys.length]!
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) }
  copy[key] = replaceAtPath((value as Record<string, unknown>)[key], path.slice(1), replacement)
  return copy
}

describe('import parser under random damage', () => {
  const samples = [questionnaireBundle(), drillBundle(12)]

  it('byte mutations of plain bundles give a bundle or a FileProblem, never a crash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (bundle, mutations) =>
        onlyCleanErrors(() => readImport(mutateBytes(encoder.encode(JSON.stringify(bundle, null, 2)), mutations))),
      ),
      { numRuns: 3000 },
    )
  })

  it('any value anywhere replaced by any JSON gives a bundle or a FileProblem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), { minLength: 0, maxLength: 6 }), fc.jsonValue(), (bundle, path, replacement) =>
        onlyCleanErrors(() => parseBundleBytes(encoder.encode(JSON.stringify(replaceAtPath(bundle, path, replacement))))),
      ),
      { numRuns: 3000 },
    )
  })

  it('byte mutations of an encrypted file are refused at the header or kept for the passphrase step, never a crash', async () => {
    const file = await encryptFile(encoder.encode(JSON.stringify(samples[0])), 'boom fiets kaas molen regen tulp')
    fc.assert(
      fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), (mutations) => onlyCleanErrors(() => readImport(mutateBytes(file, mutations)))),
      { numRuns: 3000 },
    )
    expect(openEnvelope(file).header.v).toBe(1)
  })
})
