import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromiumArgs, chromiumPath } from '../../scripts/browser/chromium.ts'

/** The tone the fake microphone "says": a recording played back is recognised by this pitch (or a lowered one). */
export const fakeVoiceHz = 440

/**
 * Writes a WAV for Chromium's fake microphone: a 440 Hz tone that swells and fades four times a second, like
 * syllables (16-bit mono, 48 kHz, 4 s; Chromium loops it). Made here so no binary fixture is needed.
 */
export function writeFakeVoice(): string {
  const rate = 48_000
  const samples = rate * 4
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++) {
    const t = i / rate
    const envelope = 0.35 + 0.3 * Math.sin(2 * Math.PI * 4 * t)
    data.writeInt16LE(Math.round(32767 * envelope * Math.sin(2 * Math.PI * fakeVoiceHz * t)), i * 2)
  }
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  const dir = join(import.meta.dirname, '../../.test-output')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'fake-voice-440.wav')
  writeFileSync(file, Buffer.concat([header, data]))
  return file
}

/** Launch options for a Chromium whose microphone is the fake voice, allowed without a prompt (`--use-fake-ui-for-media-stream`). */
export function withFakeMicrophone() {
  return {
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${writeFakeVoice()}`],
  }
}

/** Launch options for a Chromium with a (fake) microphone that the permission prompt refuses. */
export function withMicrophoneRefused() {
  return { executablePath: chromiumPath, args: [...chromiumArgs, '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${writeFakeVoice()}`] }
}
