import { afterEach, describe, expect, it, vi } from 'vitest'

/** A howler whose one sound plays at a playhead the test sets, with a Web Audio context that decodes a known line. */
const state = vi.hoisted(() => ({ seek: 0, playing: true }))
vi.mock('howler', () => {
  const rate = 24000
  // 0.5 s silence, then 0.5 s of a loud 150 Hz tone (RMS about −13 dBFS).
  const samples = Float32Array.from({ length: rate }, (_, i) => (i < rate / 2 ? 0 : 0.32 * Math.sin((2 * Math.PI * 150 * i) / rate)))
  class Howl {
    once() {
      return this
    }
    play() {
      return 1001
    }
    playing(id: number) {
      return id === 1001 && state.playing
    }
    seek(id: number) {
      return id === 1001 ? state.seek : this
    }
    off() {
      return this
    }
    unload() {}
    pos() {}
    pannerAttr() {}
    fade() {}
    volume() {
      return 1
    }
    pause() {}
    state() {
      return 'loaded'
    }
  }
  const ctx = { decodeAudioData: async () => ({ sampleRate: rate, getChannelData: () => samples }) }
  return { Howl, Howler: { ctx, autoSuspend: true, pos() {}, orientation() {} } }
})
vi.stubGlobal('fetch', async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) }))

const { createHowlerSound } = await import('./howlerSound.ts')

describe('the loudness of the line playing now', () => {
  afterEach(() => {
    state.seek = 0
    state.playing = true
  })

  it('reads the line at howler’s playhead, only for its own source, and 0 when paused, ended or before decoding', async () => {
    const sound = createHowlerSound()
    const father = [-0.9, 1.6, -3] as const
    sound.play({ id: 1, url: 'father.ogg', durationMs: 1000, position: father }, () => {})
    expect(sound.loudness()).toBe(0) // not decoded yet
    await vi.waitFor(() => {
      state.seek = 0.75
      expect(sound.loudness()).toBe(1)
    })
    expect(sound.loudness(father)).toBe(1)
    expect(sound.loudness([father[0] + 0.005, father[1], father[2]])).toBe(1) // within 1 cm
    expect(sound.loudness([0.9, 1.6, -3])).toBe(0) // another figure's place
    expect(sound.loudness(null)).toBe(0) // the narrator
    state.seek = 0.25
    expect(sound.loudness(father)).toBe(0) // the silent half of the line
    state.seek = 0.75
    sound.pause(0)
    expect(sound.loudness()).toBe(0)
    sound.resume()
    expect(sound.loudness()).toBe(1)
    state.playing = false
    expect(sound.loudness()).toBe(0)
    state.playing = true
    sound.stop()
    expect(sound.loudness()).toBe(0)
  })
})
