import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Line } from '../../src/script/schema.ts'
import { readSceneFiles, repoRoot } from '../sceneFiles.ts'
import {
  placeholderHash,
  placeholderLines,
  placeholderVoicePath,
  readVoiceManifest,
  recordedVoicePath,
  voiceFileFor,
  voiceLanguages,
  voiceManifestPath,
} from './voiceFiles.ts'

const vrScenes = readSceneFiles().flatMap(({ result }) => (result.ok && result.script.kind === 'vr' ? [result.script] : []))

describe('placeholder voices on disk (regenerate with `npx tsx scripts/generateVoices.ts`)', () => {
  it('there is at least one VR scene to check', () => {
    expect(vrScenes.length).toBeGreaterThan(0)
  })

  for (const script of vrScenes) {
    describe(script.id, () => {
      const manifest = readVoiceManifest(script.id)

      it(`has ${voiceManifestPath(script.id)}`, () => {
        expect(manifest?.scene).toBe(script.id)
      })

      for (const [lineId, line] of placeholderLines(script)) {
        for (const lang of voiceLanguages) {
          const file = placeholderVoicePath(script.id, lang, lineId)
          it(`${lineId} (${lang}): ${file} exists and is listed with a duration`, () => {
            const abs = join(repoRoot, file)
            expect(existsSync(abs)).toBe(true)
            expect(statSync(abs).size).toBeGreaterThan(0)
            const entry = manifest?.lines[lineId]?.[lang]
            expect(entry?.file).toBe(file)
            expect(entry?.durationMs).toBeGreaterThan(0)
          })
          it(`${lineId} (${lang}): placeholder matches the line's current text and voice`, () => {
            expect(manifest?.lines[lineId]?.[lang]?.hash).toBe(placeholderHash(line, lang))
          })
        }
      }
    })
  }
})

describe('voiceFileFor', () => {
  const recorded = join(repoRoot, recordedVoicePath('child-eye', 'nl', 'intro'))
  const placeholder = join(repoRoot, placeholderVoicePath('child-eye', 'nl', 'intro'))

  it('follows the file convention', () => {
    expect(recordedVoicePath('child-eye', 'nl', 'intro')).toBe('assets/voice/child-eye/nl/intro.ogg')
    expect(placeholderVoicePath('child-eye', 'en', 'intro')).toBe('assets/voice/child-eye/en/placeholder/intro.ogg')
  })

  it('prefers a recording dropped in under the same id', () => {
    const exists = (path: string) => path === recorded || path === placeholder
    expect(voiceFileFor('child-eye', 'nl', 'intro', exists)).toBe('assets/voice/child-eye/nl/intro.ogg')
  })

  it('falls back to the placeholder', () => {
    const exists = (path: string) => path === placeholder
    expect(voiceFileFor('child-eye', 'nl', 'intro', exists)).toBe('assets/voice/child-eye/nl/placeholder/intro.ogg')
  })

  it('returns null when neither exists', () => {
    expect(voiceFileFor('child-eye', 'nl', 'intro', () => false)).toBeNull()
  })

  it('looks at the real disk by default', () => {
    expect(voiceFileFor('child-eye', 'nl', 'no-such-line')).toBeNull()
  })
})

describe('placeholderHash', () => {
  const line: Line = { nl: 'Ik ben thuis.', en: "I'm home.", voice: 'father' }

  it('is stable for the same line', () => {
    expect(placeholderHash(line, 'nl')).toBe(placeholderHash({ ...line }, 'nl'))
    expect(placeholderHash(line, 'nl')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes when the text changes', () => {
    expect(placeholderHash({ ...line, nl: 'Ik ben weer thuis.' }, 'nl')).not.toBe(placeholderHash(line, 'nl'))
    expect(placeholderHash({ ...line, en: "I'm back." }, 'en')).not.toBe(placeholderHash(line, 'en'))
  })

  it('changes with the voice and the language, not with the other language', () => {
    expect(placeholderHash({ ...line, voice: 'mother' }, 'nl')).not.toBe(placeholderHash(line, 'nl'))
    expect(placeholderHash(line, 'en')).not.toBe(placeholderHash(line, 'nl'))
    expect(placeholderHash({ ...line, en: "I'm back." }, 'nl')).toBe(placeholderHash(line, 'nl'))
  })

  it('changes with the effect', () => {
    const sound: Line = { nl: '(Een klap.)', en: '(A blow.)', effect: 'thud' }
    expect(placeholderHash({ ...sound, effect: 'door' }, 'nl')).not.toBe(placeholderHash(sound, 'nl'))
  })
})
