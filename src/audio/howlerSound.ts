import { Howl, Howler } from 'howler'
import { loudnessAt, loudnessEnvelope, type LoudnessEnvelope } from './loudness.ts'
import { cueTimeoutMarginMs, type Cue, type CueEnd, type SoundPosition, type SoundService } from './soundService.ts'

export interface HowlerSoundOptions {
  /** Test builds run scenes faster: a cue then ends after durationMs / timeScale. Default 1 (real time). */
  timeScale?: number
}

/** howler.js with the Web Audio panner: spatial voices, fade on pause, and a timer fallback for failed files. */
export function createHowlerSound(options: HowlerSoundOptions = {}): SoundService {
  const timeScale = options.timeScale ?? 1
  // howler suspends its audio context after 30 s of silence (a long question, a safety pause); the next line then
  // waits for the context to wake, which delays its start, and a play deferred that way can outlive its sound.
  Howler.autoSuspend = false
  interface Playing {
    howl: Howl | null
    soundId: number | null
    /** The planned end: the fallback for a failed file, and the fast clock in tests. */
    timer: ReturnType<typeof setTimeout> | null
    remainingMs: number
    startedAt: number
    /** The watchdog: ends the cue when the audio never reports its end (duration + margin, paused time not counted). */
    watchdog: ReturnType<typeof setTimeout> | null
    watchdogRemainingMs: number
    watchdogStartedAt: number
    end: (how: CueEnd) => void
    /** Where the line plays from. */
    position: SoundPosition
    /** The line's loudness over time, once its own decode is done (null until then, or without Web Audio). */
    envelope: LoudnessEnvelope | null
  }
  let current: Playing | null = null
  let paused = false

  const clearCurrent = () => {
    if (!current) return
    if (current.timer) clearTimeout(current.timer)
    if (current.watchdog) clearTimeout(current.watchdog)
    // Every listener goes first, howler's own too: a play that howler deferred (until the file loads or the audio
    // context resumes) must not run on a sound that is gone (it threw "Cannot set properties of undefined").
    current.howl?.off()
    current.howl?.unload()
    current = null
  }

  const armWatchdog = (cue: Playing) => {
    cue.watchdogStartedAt = performance.now()
    cue.watchdog = setTimeout(() => cue.end('timeout'), Math.max(0, cue.watchdogRemainingMs))
  }
  const holdWatchdog = (cue: Playing) => {
    if (!cue.watchdog) return
    clearTimeout(cue.watchdog)
    cue.watchdog = null
    cue.watchdogRemainingMs = Math.max(0, cue.watchdogRemainingMs - (performance.now() - cue.watchdogStartedAt))
  }

  /** Ends the cue after `ms` of wall time: the fallback when a file fails, and the fast clock in tests. */
  const endAfter = (ms: number) => {
    if (!current) return
    const cue = current
    if (cue.timer) clearTimeout(cue.timer)
    cue.remainingMs = ms
    cue.startedAt = performance.now()
    cue.timer = setTimeout(() => cue.end('ended'), Math.max(0, ms))
  }

  /**
   * Decodes the line a second time, for its loudness over time (loudness.ts says why not an analyser); the file is
   * the one howler has just fetched, so it comes from the browser's cache, and a line is a few seconds of mono.
   */
  const readEnvelope = (cue: Playing, url: string) => {
    const ctx = Howler.ctx as AudioContext | undefined
    if (!ctx || typeof fetch !== 'function') return
    void fetch(url)
      .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${response.status}`))))
      .then((bytes) => ctx.decodeAudioData(bytes))
      .then((buffer) => {
        if (current === cue) cue.envelope = loudnessEnvelope(buffer.getChannelData(0), buffer.sampleRate)
      })
      .catch(() => {
        // No loudness for this line: the jaw stays closed, the line still plays.
      })
  }

  return {
    unlock() {
      // Resuming the context inside the click is what unlocks it (Quest Browser, iOS Safari).
      void Howler.ctx?.resume?.()
    },
    play(cue: Cue, onEnded: (how: CueEnd) => void) {
      clearCurrent()
      let done = false
      const end = (how: CueEnd) => {
        if (done) return
        done = true
        clearCurrent()
        onEnded(how)
      }
      const now = performance.now()
      const playing: Playing = {
        howl: null,
        soundId: null,
        timer: null,
        remainingMs: cue.durationMs,
        startedAt: now,
        watchdog: null,
        watchdogRemainingMs: (cue.durationMs + cueTimeoutMarginMs) / timeScale,
        watchdogStartedAt: now,
        end,
        position: cue.position,
        envelope: null,
      }
      current = playing
      armWatchdog(playing)
      if (cue.url) {
        const howl = new Howl({ src: [cue.url], format: ['ogg'], html5: false, volume: 1 })
        current.howl = howl
        howl.once('loaderror', () => endAfter(cue.durationMs / timeScale))
        howl.once('playerror', () => endAfter(cue.durationMs / timeScale))
        howl.once('end', () => end('ended'))
        const soundId = howl.play()
        current.soundId = soundId
        if (cue.position) {
          howl.pos(cue.position[0], cue.position[1], cue.position[2], soundId)
          howl.pannerAttr({ panningModel: 'HRTF', distanceModel: 'inverse', refDistance: 1, rolloffFactor: 1 }, soundId)
        }
        if (timeScale > 1) endAfter(cue.durationMs / timeScale)
        readEnvelope(playing, cue.url)
      } else endAfter(cue.durationMs / timeScale)
      if (paused) this.pause(0)
    },
    loudness(from) {
      const cue = current
      if (!cue?.envelope || !cue.howl || cue.soundId === null || paused) return 0
      if (from !== undefined) {
        const at = cue.position
        if (from === null ? at !== null : at === null || Math.hypot(at[0] - from[0], at[1] - from[1], at[2] - from[2]) > 0.01) return 0
      }
      // playing() first: it also confirms the id, and seek() with an unknown id would seek to that many seconds.
      if (!cue.howl.playing(cue.soundId)) return 0
      const seconds = cue.howl.seek(cue.soundId)
      return typeof seconds === 'number' ? loudnessAt(cue.envelope, seconds) : 0
    },
    setListener(position, forward) {
      Howler.pos(position[0], position[1], position[2])
      Howler.orientation(forward[0], forward[1], forward[2], 0, 1, 0)
    },
    pause(fadeMs = 400) {
      paused = true
      if (!current) return
      const cue = current
      holdWatchdog(cue)
      if (cue.timer) {
        clearTimeout(cue.timer)
        cue.timer = null
        cue.remainingMs = Math.max(0, cue.remainingMs - (performance.now() - cue.startedAt))
      }
      if (cue.howl && cue.soundId !== null) {
        const { howl, soundId } = cue
        howl.fade(howl.volume(), 0, fadeMs, soundId)
        // Only if this cue still plays and is still paused when the fade is done.
        setTimeout(() => current === cue && paused && howl.pause(soundId), fadeMs)
      }
    },
    resume() {
      paused = false
      if (!current) return
      const cue = current
      if (!cue.watchdog) armWatchdog(cue)
      if (cue.howl && cue.soundId !== null) {
        cue.howl.play(cue.soundId)
        cue.howl.fade(0, 1, 300, cue.soundId)
      }
      if (!cue.howl || timeScale > 1 || cue.howl.state() !== 'loaded') endAfter(cue.remainingMs)
    },
    stop() {
      paused = false
      clearCurrent()
    },
  }
}

/** howler's audio context and master gain, so that other Web Audio playback shares its unlock and volume. */
export function howlerAudioGraph(): { context: AudioContext; output: AudioNode } | null {
  const ctx = Howler.ctx as AudioContext | undefined
  return ctx ? { context: ctx, output: (Howler.masterGain as GainNode | undefined) ?? ctx.destination } : null
}
