/**
 * Checks the committed drink pictures (assets/drinks/generated) against their manifest: the swipe drill relies on
 * both categories being equally large, equally sized and equally bright, so that only the drink itself differs.
 * Regenerate with `npx tsx scripts/generateDrinkPictures.ts`.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { mean, sampleSd } from '../../src/log/stats.ts'
import { StimulusManifest } from '../../src/script/stimulusManifest.ts'
import { orderedCatalog } from './catalog.ts'
import { webpSize } from './webp.ts'

const dir = fileURLToPath(new URL('../../assets/drinks/generated/', import.meta.url))

// The app's own manifest schema: the committed set must be one the drill build accepts.
const manifest = StimulusManifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')))
// The generator always writes these two optional fields; a missing one becomes NaN and fails the checks below.
const stimuli = manifest.stimuli.map((s) => ({ ...s, meanLuminance: s.meanLuminance ?? Number.NaN, bytes: s.bytes ?? Number.NaN }))
type Stimulus = (typeof stimuli)[number]
const files = new Map(stimuli.map((s) => [s.id, existsSync(join(dir, s.file)) ? readFileSync(join(dir, s.file)) : null]))

function stats(values: number[]): { mean: number; sd: number } {
  return { mean: mean(values) ?? Number.NaN, sd: sampleSd(values) ?? Number.NaN }
}
const luminance = (category: Stimulus['category']) => stats(stimuli.filter((s) => s.category === category).map((s) => s.meanLuminance))

describe('generated drink pictures', () => {
  it('has the expected header', () => {
    expect(manifest.set).toBe('generated-v1')
    expect(manifest.license).toBe('CC0-1.0')
    expect(manifest.description).toMatch(/generateDrinkPictures/)
    expect(manifest.width).toBe(480)
    expect(manifest.height).toBe(480)
  })

  it('has at least 20 pictures per category, listed alternately alcohol/soft', () => {
    expect(stimuli.filter((s) => s.category === 'alcohol').length).toBeGreaterThanOrEqual(20)
    expect(stimuli.filter((s) => s.category === 'soft').length).toBeGreaterThanOrEqual(20)
    stimuli.forEach((s, i) => expect(s.category, s.id).toBe(i % 2 === 0 ? 'alcohol' : 'soft'))
  })

  it('has unique, well-formed ids that match the catalog', () => {
    const ids = stimuli.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of stimuli) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(s.id.startsWith(s.category === 'alcohol' ? 'alc-' : 'soft-'), s.id).toBe(true)
      expect(s.file).toBe(`${s.id}.webp`)
      expect(s.kind).toMatch(/^[a-z-]+$/)
      expect(s.label.nl.length * s.label.en.length).toBeGreaterThan(0)
    }
    // A stale manifest (a drink added to or removed from catalog.ts without regenerating) fails here.
    expect(ids).toEqual(orderedCatalog().map((entry) => entry.id))
  })

  it('has every file, with the declared byte size and picture size', () => {
    for (const s of stimuli) {
      const bytes = files.get(s.id)
      expect(bytes, `${s.file} is missing`).toBeTruthy()
      if (!bytes) continue
      expect(bytes.length, s.file).toBe(s.bytes)
      const size = webpSize(new Uint8Array(bytes))
      expect({ file: s.file, width: size.width, height: size.height }).toEqual({ file: s.file, width: manifest.width, height: manifest.height })
    }
  })

  it('keeps the whole set small enough to ship with the app', () => {
    const total = stimuli.reduce((a, s) => a + s.bytes, 0)
    expect(total).toBeLessThan(1024 * 1024)
  })

  it('matches the categories on brightness (mean relative luminance)', () => {
    const alcohol = luminance('alcohol')
    const soft = luminance('soft')
    for (const s of stimuli) expect(s.meanLuminance).toBeGreaterThan(0.05)
    expect(Math.abs(alcohol.mean - soft.mean)).toBeLessThan(0.03)
    // Similar spread as well: otherwise one category would hold all the very dark and very bright pictures.
    expect(Math.abs(alcohol.sd - soft.sd)).toBeLessThan(0.015)
  })

  it('has no two identical files', () => {
    const hashes = new Map<string, string>()
    for (const [id, bytes] of files) {
      if (!bytes) continue
      const hash = createHash('sha256').update(bytes).digest('hex')
      expect(hashes.get(hash), `${id} is identical to ${hashes.get(hash)}`).toBeUndefined()
      hashes.set(hash, id)
    }
  })
})

describe('webpSize', () => {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
  /** A minimal RIFF/WEBP header: 'RIFF', size (left 0), 'WEBP', chunk tag, chunk size (left 0), payload. */
  const riff = (chunk: string, payload: number[]) => {
    const bytes = new Uint8Array(50)
    bytes.set(ascii('RIFF'), 0)
    bytes.set(ascii(`WEBP${chunk}`), 8)
    bytes.set(payload, 20)
    return bytes
  }

  it('reads lossy (VP8), lossless (VP8L) and extended (VP8X) headers', () => {
    // VP8: frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
    expect(webpSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0xe0, 0x01, 0xe0, 0x01]))).toMatchObject({ width: 480, height: 480 })
    // VP8L: signature 0x2f, then (width-1) | (height-1) << 14.
    const bits = 479 | (269 << 14)
    expect(webpSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toMatchObject({ width: 480, height: 270 })
    // VP8X: 4 bytes of flags, then 24-bit (width-1) and (height-1).
    expect(webpSize(riff('VP8X', [0, 0, 0, 0, 0xdf, 0x01, 0, 0xdf, 0x01, 0]))).toMatchObject({ width: 480, height: 480 })
  })

  it('rejects other files', () => {
    expect(() => webpSize(new Uint8Array(40))).toThrow()
  })
})
