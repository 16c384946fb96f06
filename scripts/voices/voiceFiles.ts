/**
 * Where a scene line's audio lives, and what its placeholder sounds like.
 *
 *   assets/voice/<scene>/<lang>/placeholder/<line>.ogg   placeholder, written by scripts/generateVoices.ts
 *   assets/voice/<scene>/<lang>/<line>.ogg               a real recording, dropped in by hand under the same id
 *   assets/voice/<scene>/voices.json                     what the generator wrote: hash and duration per file
 *
 * A recording always wins over the placeholder (`voiceFileFor`), so replacing a voice needs no code or scene change.
 * The speech settings and effect recipes are here rather than in the generator so that the hash of a line (which
 * decides whether its placeholder is stale) can be computed without running anything.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Language } from '../../src/script/localized.ts'
import type { Line, ScenarioScript } from '../../src/script/schema.ts'
import { canonicalJson } from '../../src/script/scriptHash.ts'
import { repoRoot } from '../sceneFiles.ts'

export type Voice = NonNullable<Line['voice']>
export type Effect = NonNullable<Line['effect']>

/** Both languages get a placeholder for every voiced line. */
export const voiceLanguages: readonly Language[] = ['nl', 'en']

/** Repository-relative path of the generated placeholder. */
export function placeholderVoicePath(sceneId: string, lang: Language, lineId: string): string {
  return `assets/voice/${sceneId}/${lang}/placeholder/${lineId}.ogg`
}

/** Repository-relative path where a real recording of the line goes; it replaces the placeholder when present. */
export function recordedVoicePath(sceneId: string, lang: Language, lineId: string): string {
  return `assets/voice/${sceneId}/${lang}/${lineId}.ogg`
}

/** Repository-relative path of the generator's record for a scene. */
export function voiceManifestPath(sceneId: string): string {
  return `assets/voice/${sceneId}/voices.json`
}

/**
 * The file to play for a line: the recording if there is one, else the placeholder, else null (the device's
 * read-aloud voice then takes over). `exists` gets absolute paths; pass a fake one in tests.
 */
export function voiceFileFor(
  sceneId: string,
  lang: Language,
  lineId: string,
  exists: (absolutePath: string) => boolean = existsSync,
): string | null {
  for (const path of [recordedVoicePath(sceneId, lang, lineId), placeholderVoicePath(sceneId, lang, lineId)]) {
    if (exists(join(repoRoot, path))) return path
  }
  return null
}

/** The lines of a scene that get a placeholder: those with a `voice` or an `effect`, in script order. */
export function placeholderLines(script: Pick<ScenarioScript, 'lines'>): [string, Line][] {
  return Object.entries(script.lines).filter(([, line]) => line.voice !== undefined || line.effect !== undefined)
}

// ---------------------------------------------------------------------------------------------------------------
// What the placeholders sound like.

export interface SpeechSettings {
  /** espeak-ng voice, `<language>[+<variant>]`. */
  voice: string
  /** Words per minute (espeak-ng's default is 175). */
  speed: number
  /** 0–99 (espeak-ng's default is 50). */
  pitch: number
  /** Extra pause between words in units of 10 ms, for a calmer voice. */
  wordGap?: number
}

function speech(lang: Language): Record<Voice, SpeechSettings> {
  return {
    father: { voice: `${lang}+m3`, speed: 150, pitch: 30 },
    mother: { voice: `${lang}+f3`, speed: 155, pitch: 55 },
    child: { voice: `${lang}+f4`, speed: 160, pitch: 80 },
    narrator: { voice: lang, speed: 135, pitch: 45, wordGap: 2 },
    self: { voice: `${lang}+m1`, speed: 150, pitch: 45 },
    'future-self': { voice: `${lang}+m1`, speed: 138, pitch: 35, wordGap: 1 },
  }
}

export const speechSettings: Record<Language, Record<Voice, SpeechSettings>> = { nl: speech('nl'), en: speech('en') }

/** espeak-ng's arguments for a line (text last, after `--` so a line can never be read as an option). */
export function espeakArgs(settings: SpeechSettings, wavFile: string, text: string): string[] {
  const gap = settings.wordGap ? ['-g', String(settings.wordGap)] : []
  return ['-v', settings.voice, '-s', String(settings.speed), '-p', String(settings.pitch), ...gap, '-w', wavFile, '--', text]
}

/** Sample rate of every placeholder. */
export const sampleRate = 24000
/** Vorbis quality (-1…10); 3 is about 64–80 kbit/s, plenty for a placeholder voice. */
export const vorbisQuality = 3
/** Peak level after normalising, in dBFS. */
export const peakDb = -3
/** Fade in and out, in seconds, so no file starts or ends with a click. */
export const fadeSeconds = 0.03

/**
 * SoX arguments that turn a WAV into the final OGG: mono, 24 kHz, Vorbis quality 3, peak −3 dBFS, 30 ms fades.
 * `-R` makes every run repeatable (dither, noise and the Ogg stream serial come from a fixed seed).
 */
export function encodeArgs(wavFile: string, oggFile: string, title: string): string[] {
  return [
    '-R', wavFile,
    '--comment', `TITLE=${title}`,
    '--add-comment', 'DESCRIPTION=Perspectief placeholder (espeak-ng/SoX); replace with a recording under the same id',
    '-C', String(vorbisQuality), oggFile,
    'channels', '1', 'rate', String(sampleRate), 'fade', 't', String(fadeSeconds), '-0', String(fadeSeconds), 'norm', String(peakDb),
  ]
}

/** `sox -R -n -r 24000 -c 1 <out> <effects…>`: synthesise into a temporary WAV. */
function synth(out: string, ...effects: (string | number)[]): string[] {
  return ['-R', '-n', '-r', String(sampleRate), '-c', '1', out, ...effects.map(String)]
}

/** `sox -R -m <inputs…> <out>`: mix temporary WAVs (shorter ones are padded with silence). */
function mix(out: string, ...inputs: string[]): string[] {
  return ['-R', '-m', ...inputs, out]
}

/**
 * A baby crying softly: three sobs, each rising from 450 to 600 Hz, wavering (±35 cents at 6 Hz), falling back,
 * then a breath of silence. A triangle wave plus its octave, pitch-bent, gated by a trapezium envelope, low-passed.
 */
function babyCry(): string[][] {
  const sob = ['0,500,0.12', '0,35,0.04', '0,-70,0.083', '0,70,0.083', '0,-70,0.083', '0,35,0.041', '0,-350,0.2', '0.05,-150,0.15']
  const length = 2.55
  return [
    synth('effect.wav',
      'synth', length, 'triangle', 450, 'synth', length, 'sine', 'mix', 900, 'gain', -6,
      'bend', '-f', 80, ...sob, ...sob, ...sob,
      // One sob per 0.85 s: rise over 10 % of it, hold to 55 %, fall to 80 %, silent for the rest.
      'synth', length, 'trapezium', 'amod', (1 / 0.85).toFixed(5), 0, 0, 10, 55, 80,
      'lowpass', 2200),
  ]
}

/** A glass breaking, not a crash: a short bright noise burst and six small high tinkles, about 0.95 s. */
function glassBreak(): string[][] {
  const tinkles: [number, number][] = [[3951, 0.05], [5274, 0.14], [4699, 0.26], [6272, 0.37], [4186, 0.5], [5588, 0.63]]
  return [
    synth('burst.wav', 'synth', 0.45, 'whitenoise', 'gain', -10, 'highpass', 1500, 'fade', 't', 0.001, 0.45, 0.44),
    // Each tinkle: a high tone with an inharmonic partial (×1.59, as in a glass), dying away fast.
    ...tinkles.map(([hz, at], i) =>
      synth(`tinkle${i}.wav`, 'synth', 0.3, 'sine', hz, 'synth', 0.3, 'sine', 'mix', Math.round(hz * 1.59), 'gain', -6, 'fade', 'l', 0.002, 0.3, 0.29, 'pad', at),
    ),
    mix('effect.wav', 'burst.wav', ...tinkles.map((_, i) => `tinkle${i}.wav`)),
  ]
}

/** A dull thud behind a wall: a low hit falling from 90 to 55 Hz and dying away, with a muffled knock, 0.8 s. */
function thud(): string[][] {
  return [
    synth('hit.wav', 'synth', 0.8, 'sine', '90:55', 'gain', -3, 'fade', 't', 0.004, 0.8, 0.78),
    synth('knock.wav', 'synth', 0.25, 'brownnoise', 'gain', -3, 'lowpass', 450, 'lowpass', 450, 'fade', 't', 0.002, 0.25, 0.24, 'pad', 0, 0.55),
    mix('effect.wav', 'hit.wav', 'knock.wav'),
  ]
}

/** A door creaking open: a slowly rising sawtooth (38→95 Hz), pulsed and band-passed, 1.5 s. */
function door(): string[][] {
  return [
    synth('effect.wav',
      'synth', 1.5, 'sawtooth', '38/95', 'synth', 1.5, 'sine', 'amod', 9, 'gain', -6,
      'bandpass', 1100, '1.5q', 'bandpass', 700, '1q', 'fade', 'q', 0.2, 1.5, 0.35),
  ]
}

/** Four soft footsteps 0.45 s apart: low, short noise clicks with a little body (110 Hz), about 1.5 s. */
function footsteps(): string[][] {
  return [
    synth('effect.wav',
      'synth', 0.08, 'brownnoise', 'synth', 0.08, 'sine', 'mix', 110, 'gain', -6, 'lowpass', 500,
      'fade', 't', 0.003, 0.08, 0.075, 'pad', 0, 0.37, 'repeat', 3, 'trim', 0, 1.5, 'pad', 0.04, 0),
  ]
}

/**
 * SoX commands (arguments after `sox`) per effect, run in an empty temporary folder; the last one writes
 * `effect.wav`, which `encodeArgs` then turns into the OGG. Only SoX's own synthesiser is used: no sample files.
 */
export const effectRecipes: Record<Effect, string[][]> = {
  'baby-cry': babyCry(),
  'glass-break': glassBreak(),
  thud: thud(),
  door: door(),
  footsteps: footsteps(),
}

/** Bump when the generator changes in a way the settings above do not show, to regenerate everything. */
export const placeholderFormat = 1

/**
 * The hash of what a line's placeholder in one language is made from: its text, voice or effect, the settings or
 * recipe, and the encoding. The generator skips a line whose recorded hash in voices.json still matches.
 */
export function placeholderHash(line: Pick<Line, 'nl' | 'en' | 'voice' | 'effect'>, lang: Language): string {
  const source = line.effect
    ? { effect: line.effect, recipe: effectRecipes[line.effect] }
    : line.voice
      ? { voice: line.voice, speech: speechSettings[lang][line.voice] }
      : {}
  const input = {
    format: placeholderFormat,
    lang,
    text: line[lang],
    ...source,
    encode: { sampleRate, vorbisQuality, peakDb, fadeSeconds },
  }
  return createHash('sha256').update(canonicalJson(input)).digest('hex')
}

// ---------------------------------------------------------------------------------------------------------------
// voices.json

export interface VoiceManifestEntry {
  /** Repository-relative path of the placeholder. */
  file: string
  hash: string
  durationMs: number
  bytes: number
  voice?: Voice
  effect?: Effect
  /** The espeak-ng settings used, for a voiced line. */
  espeak?: SpeechSettings
}

export interface VoiceManifest {
  $comment: string
  scene: string
  /** Tool versions of the last run that wrote a file. */
  tools: Record<string, string>
  /** Line id → language → placeholder, in script order. */
  lines: Record<string, Partial<Record<Language, VoiceManifestEntry>>>
}

export function readVoiceManifest(sceneId: string): VoiceManifest | null {
  const path = join(repoRoot, voiceManifestPath(sceneId))
  if (!existsSync(path)) return null
  return JSON.parse(readFileSync(path, 'utf8')) as VoiceManifest
}
