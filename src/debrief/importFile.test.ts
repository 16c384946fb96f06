import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sessionBundleSchema } from '../export/bundleSchema.ts'
import { zipSync, strToU8 } from 'fflate'
import { drillBundle, questionnaireBundle } from '../../test/fixtures/sampleBundles.ts'
import { datasetTable } from '../export/datasetTable.ts'
import { psychDsZip } from '../export/psychDsDataset.ts'
import { translate } from '../i18n/translate.ts'
import { encryptFile } from '../export/encryptedFile.ts'
import { FileProblem } from '../export/fileProblem.ts'
import { checkBundle, isPlainLogRecord, maxImportBytes, parseBundleBytes, readImport, sessionKey, unlockImport } from './importFile.ts'

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))

function problem(run: () => unknown): FileProblem {
  try {
    run()
  } catch (error) {
    if (error instanceof FileProblem) return error
    throw error
  }
  throw new Error('expected a FileProblem')
}

describe('import parser', () => {
  it('accepts both sample bundles as they are exported', () => {
    for (const bundle of [questionnaireBundle(), drillBundle()]) expect(parseBundleBytes(bytes(JSON.stringify(bundle, null, 2)))).toEqual(bundle)
  })

  it('names what is wrong and where', () => {
    const good = questionnaireBundle()
    expect(problem(() => parseBundleBytes(new Uint8Array())).code).toBe('empty')
    expect(problem(() => parseBundleBytes(new Uint8Array(maxImportBytes + 1))).message).toMatch(/limit is 20 MB/)
    expect(problem(() => parseBundleBytes(new Uint8Array([0xff, 0xfe, 0x00]))).code).toBe('not-text')
    expect(problem(() => parseBundleBytes(bytes('{\n  "format": "perspectief.session",\n  oops\n}'))).message).toMatch(/not valid JSON \(line 3/)
    expect(problem(() => parseBundleBytes(bytes('[1, 2]'))).code).toBe('not-a-bundle')
    expect(problem(() => checkBundle({ ...good, format: 'other' })).message).toMatch(/"format" is "other"/)
    expect(problem(() => checkBundle({ ...good, schemaVersion: 2, appVersion: '9.0.0' })).message).toMatch(/schema version 2 \(made by app "9\.0\.0"\)/)
    expect(problem(() => checkBundle({ ...good, schemaVersion: 0 })).code).toBe('unknown-version')
    expect(problem(() => checkBundle({ ...good, session: { ...good.session, clientCode: '<b>x</b>' } })).message).toMatch(/^session\.clientCode:/)
    const events = good.events.map((e, i) => (i === 3 ? { ...e, data: { ...e.data, latencyMs: -1 } } : e))
    expect(problem(() => checkBundle({ ...good, events })).message).toMatch(/^events\[3\]: answer\.given: latencyMs/)
    const reordered = [good.events[1], good.events[0], ...good.events.slice(2)]
    expect(problem(() => checkBundle({ ...good, events: reordered })).message).toMatch(/events\[1\]: seq 1 does not follow 2/)
  })

  it('opens an encrypted file only with its passphrase', async () => {
    const bundle = drillBundle(8)
    const file = await encryptFile(bytes(bundle), 'kaas boom fiets molen regen tulp')
    const read = readImport(file)
    expect(read.kind).toBe('encrypted')
    if (read.kind !== 'encrypted') return
    await expect(unlockImport(read.envelope, 'kaas boom fiets molen regen tuin')).rejects.toMatchObject({ code: 'wrong-passphrase' })
    expect(await unlockImport(read.envelope, ' Kaas Boom fiets molen regen tulp ')).toEqual(bundle)
  })

  it('refuses the app\'s own research zip with a message that says which file to open, in both languages', () => {
    const zip = psychDsZip(datasetTable(drillBundle(8)), '0.1.0')
    const refused = problem(() => readImport(zip))
    expect(refused.code).toBe('research-zip')
    // The message as the import panel puts it together (ImportPanel.tsx `describe`): the file named, then the reason.
    const say = (language: 'nl' | 'en') => translate(language, 'debriefRefused', { file: 'perspectief_AB12_alcohol-aat_session-1_psychds.zip', reason: translate(language, 'problem_research_zip') })
    expect(say('nl')).toBe('perspectief_AB12_alcohol-aat_session-1_psychds.zip is niet geopend: dit is de onderzoekstabel. Open het .perspectief- of .json-bestand.')
    expect(say('en')).toBe('perspectief_AB12_alcohol-aat_session-1_psychds.zip was not opened: this is the research table. Open the .perspectief or .json file.')
    // Any other zip is just not a session file.
    expect(problem(() => readImport(zipSync({ 'photo.txt': strToU8('hello') }))).code).not.toBe('research-zip')
  })

  it('recognises the same session exported twice', () => {
    const a = questionnaireBundle()
    const b = { ...questionnaireBundle(), exportedAt: '2026-04-01T00:00:00.000Z' }
    expect(sessionKey(a)).toBe(sessionKey(b))
    expect(sessionKey(a)).not.toBe(sessionKey(drillBundle()))
  })
})

describe('the hand check of events (the bundle schema, for speed)', () => {
  const good = questionnaireBundle()
  const event = good.events[0]!
  const anyValue = fc.oneof(fc.constantFrom(null, undefined, true, 0, -1, 1.5, 2 ** 53, Number.NaN, Infinity, '', 'x'), fc.double(), fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }))

  it('is never looser than the schema: every event it passes, the schema passes', () => {
    expect(isPlainLogRecord(event)).toBe(true)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('seq', 'type', 'data', 'sessionId', 't', 'wall', 'extra', '__proto__'), fc.option(anyValue, { nil: undefined }), fc.boolean()), { maxLength: 3 }), (edits) => {
        const e: Record<string, unknown> = { ...event }
        for (const [key, value, remove] of edits) {
          if (remove) delete e[key]
          else Object.defineProperty(e, key, { value, enumerable: true, configurable: true, writable: true })
        }
        if (isPlainLogRecord(e)) expect(sessionBundleSchema.safeParse({ ...good, events: [e] }).success).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('gives the events in the schema’s order of fields, and refuses with the schema’s own message', () => {
    const shuffled = good.events.map(({ seq, type, data, sessionId, t, wall }) => ({ wall, t, sessionId, data, type, seq }))
    const read = checkBundle({ ...good, events: shuffled })
    expect(read.events.map((e) => Object.keys(e))).toEqual(good.events.map(() => ['seq', 'type', 'data', 'sessionId', 't', 'wall']))
    expect(read).toEqual(good)
    const events = good.events.map((e, i) => (i === 2 ? { ...e, seq: 2.5 } : e))
    const issue = sessionBundleSchema.safeParse({ ...good, events }).error!.issues[0]!
    expect(problem(() => checkBundle({ ...good, events })).message).toBe(`events[2].seq: ${issue.message}`)
  })
})
