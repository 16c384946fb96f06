import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A howler whose sounds load and play but never report their end: the case the watchdog exists for. */
vi.mock('howler', () => {
  class Howl {
    static calls: string[] = []
    once() {
      return this
    }
    play() {
      return 1
    }
    pause() {
      Howl.calls.push('pause')
    }
    fade() {}
    volume() {
      return 1
    }
    unload() {
      Howl.calls.push('unload')
    }
    off() {
      Howl.calls.push('off')
      return this
    }
    pos() {}
    pannerAttr() {}
    state() {
      return 'loaded'
    }
  }
  return { Howl, Howler: { ctx: null, autoSuspend: true, pos() {}, orientation() {} } }
})

const { createHowlerSound } = await import('./howlerSound.ts')
const howlCalls = ((await import('howler')).Howl as unknown as { calls: string[] }).calls

describe('a cue always ends', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
  afterEach(() => vi.useRealTimers())

  it('ends a line whose audio never ends after its length plus 1.5 s, as a timeout', () => {
    const sound = createHowlerSound()
    const ended = vi.fn()
    sound.play({ id: 1, url: 'line.ogg', durationMs: 1000, position: null }, ended)
    vi.advanceTimersByTime(2499)
    expect(ended).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(ended).toHaveBeenCalledExactlyOnceWith('timeout')
  })

  it('does not count paused time', () => {
    const sound = createHowlerSound()
    const ended = vi.fn()
    sound.play({ id: 1, url: 'line.ogg', durationMs: 1000, position: null }, ended)
    vi.advanceTimersByTime(500)
    sound.pause(0)
    vi.advanceTimersByTime(60_000)
    expect(ended).not.toHaveBeenCalled()
    sound.resume()
    vi.advanceTimersByTime(1999)
    expect(ended).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(ended).toHaveBeenCalledExactlyOnceWith('timeout')
  })

  it('a line without a file ends after its length, as heard; a stopped line never reports', () => {
    const sound = createHowlerSound()
    const ended = vi.fn()
    sound.play({ id: 1, url: null, durationMs: 1000, position: null }, ended)
    vi.advanceTimersByTime(1000)
    expect(ended).toHaveBeenCalledExactlyOnceWith('ended')
    const stopped = vi.fn()
    sound.play({ id: 2, url: 'line.ogg', durationMs: 1000, position: null }, stopped)
    sound.stop()
    vi.advanceTimersByTime(10_000)
    expect(stopped).not.toHaveBeenCalled()
  })

  it('drops every listener of a sound before unloading it, and never pauses a line that was resumed during its fade', () => {
    const sound = createHowlerSound()
    sound.play({ id: 1, url: 'line.ogg', durationMs: 1000, position: null }, vi.fn())
    howlCalls.length = 0
    sound.pause(400)
    sound.resume()
    vi.advanceTimersByTime(400)
    expect(howlCalls).toEqual([])
    sound.stop()
    expect(howlCalls).toEqual(['off', 'unload'])
  })

  it('on a fast test clock the watchdog runs fast too', () => {
    const sound = createHowlerSound({ timeScale: 10 })
    const ended = vi.fn()
    sound.play({ id: 1, url: 'line.ogg', durationMs: 1000, position: null }, ended)
    vi.advanceTimersByTime(100)
    expect(ended).toHaveBeenCalledExactlyOnceWith('ended')
  })
})
