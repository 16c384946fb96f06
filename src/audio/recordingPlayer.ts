import { shiftPitch } from './pitchShift.ts'
import { cueTimeoutMarginMs, type SoundPosition } from './soundService.ts'

export interface RecordingPlayback {
  /** Where the voice comes from (world metres), or null when it plays without position. */
  position: SoundPosition
  pitchSemitones: number
}

export interface RecordingPlayer {
  /**
   * Plays a recording; `onEnded` fires once when it has finished, failed to decode, or was stopped, or, with
   * `timedOut`, when the audio never reported its end within its length plus `cueTimeoutMarginMs` (a suspended
   * audio context, for example).
   */
  play(blob: Blob, playback: RecordingPlayback, onEnded: (result: { played: boolean; durationMs: number; timedOut: boolean }) => void): void
  stop(): void
  playing(): boolean
  /** Loudness of what is playing now (RMS, 0..1); drives the speaking figure, and lets tests hear the playback. */
  level(): number
  /** The strongest frequency in what is playing now, in Hz (0 when silent). */
  dominantHz(): number
  /** The panner's position while playing. */
  position(): SoundPosition
}

/**
 * Plays the client's own recorded answer through Web Audio, from a place in the room (an HRTF panner, so it comes
 * from the chair the words were said in), optionally lowered in pitch at the same tempo and length (pitchShift.ts;
 * a playback-rate change would also slow the voice by 16 % for 3 semitones). The analyser sits in the chain so the
 * playing figure can move with its own voice.
 */
/** The same sound, `semitones` higher or lower, as a new buffer of the same length. */
function shifted(ctx: AudioContext, buffer: AudioBuffer, semitones: number): AudioBuffer {
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c))
  const out = ctx.createBuffer(buffer.numberOfChannels, buffer.length, buffer.sampleRate)
  shiftPitch(channels, buffer.sampleRate, semitones).forEach((data, c) => out.copyToChannel(data as Float32Array<ArrayBuffer>, c))
  return out
}

export function createRecordingPlayer(audioContext: () => AudioContext | null, output: (ctx: AudioContext) => AudioNode = (ctx) => ctx.destination): RecordingPlayer {
  let current: { source: AudioBufferSourceNode | null; analyser: AnalyserNode; panner: PannerNode | null; position: SoundPosition; end: (played: boolean) => void } | null = null
  let generation = 0

  return {
    play(blob, playback, onEnded) {
      this.stop()
      const ctx = audioContext()
      const mine = ++generation
      let finished = false
      let durationMs = 0
      let watchdog: ReturnType<typeof setTimeout> | null = null
      const end = (played: boolean, timedOut = false) => {
        if (finished) return
        finished = true
        if (watchdog) clearTimeout(watchdog)
        if (current && generation === mine) current = null
        onEnded({ played, durationMs, timedOut })
      }
      if (!ctx) return end(false)
      const analyser = ctx.createAnalyser()
      analyser.fftSize = 2048
      current = { source: null, analyser, panner: null, position: playback.position, end }
      void blob
        .arrayBuffer()
        .then((bytes) => ctx.decodeAudioData(bytes))
        .then((decoded) => {
          if (generation !== mine || finished) return
          const buffer = playback.pitchSemitones === 0 ? decoded : shifted(ctx, decoded, playback.pitchSemitones)
          const source = ctx.createBufferSource()
          source.buffer = buffer
          durationMs = Math.round(buffer.duration * 1000)
          let tail: AudioNode = source
          if (playback.position) {
            const panner = new PannerNode(ctx, { panningModel: 'HRTF', distanceModel: 'inverse', refDistance: 1, rolloffFactor: 1 })
            panner.positionX.value = playback.position[0]
            panner.positionY.value = playback.position[1]
            panner.positionZ.value = playback.position[2]
            source.connect(panner)
            tail = panner
            if (current) current.panner = panner
          }
          tail.connect(analyser)
          analyser.connect(output(ctx))
          source.onended = () => {
            analyser.disconnect()
            end(true)
          }
          if (current) current.source = source
          source.start()
          watchdog = setTimeout(() => {
            try {
              source.stop()
            } catch {
              // Never started.
            }
            analyser.disconnect()
            end(true, true)
          }, durationMs + cueTimeoutMarginMs)
        })
        .catch(() => end(false))
    },
    stop() {
      const playing = current
      current = null
      generation++
      if (!playing) return
      try {
        playing.source?.stop()
      } catch {
        // Already stopped.
      }
      playing.analyser.disconnect()
      playing.end(false)
    },
    playing: () => current?.source != null,
    level() {
      if (!current?.source) return 0
      const samples = new Float32Array(current.analyser.fftSize)
      current.analyser.getFloatTimeDomainData(samples)
      let sum = 0
      for (const s of samples) sum += s * s
      return Math.sqrt(sum / samples.length)
    },
    dominantHz() {
      if (!current?.source) return 0
      const bins = new Float32Array(current.analyser.frequencyBinCount)
      current.analyser.getFloatFrequencyData(bins)
      let best = 0
      for (let i = 1; i < bins.length; i++) if ((bins[i] ?? -Infinity) > (bins[best] ?? -Infinity)) best = i
      if (bins[best]! < -90) return 0
      // A bin is 23 Hz wide at 48 kHz; a parabola through the peak and its neighbours (in dB) places the tone within it.
      const [before, peak, after] = [bins[best - 1], bins[best]!, bins[best + 1]]
      const offset = before !== undefined && after !== undefined && Number.isFinite(before + after) ? (0.5 * (before - after)) / (before - 2 * peak + after) : 0
      return ((best + (Number.isFinite(offset) ? offset : 0)) * current.analyser.context.sampleRate) / current.analyser.fftSize
    },
    position: () => (current?.source ? current.position : null),
  }
}
