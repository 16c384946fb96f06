import { SimpleFilter, SoundTouch, type SampleSource } from 'soundtouchjs'

/**
 * Lowers or raises a recorded voice by `semitones` and keeps its tempo and length: the future self's reply is the
 * client's own voice, 3 semitones lower, said at the speed the client said it (the perspective-swap studies,
 * Osimo et al. 2015 and Slater et al. 2019, shift pitch, not tempo).
 *
 * SoundTouch does it in two steps: it resamples (which changes pitch and tempo together) and then time-stretches
 * back with overlapping, waveform-matched segments (WSOLA), so the speech keeps its timing. The work is done once,
 * on the whole recording before it plays: a recording lasts seconds, and this takes a few milliseconds per second
 * of sound.
 *
 * Returns one array per channel, each exactly as long as the input channel.
 */
export function shiftPitch(channels: readonly Float32Array[], sampleRate: number, semitones: number): Float32Array[] {
  const left = channels[0]
  if (!left || semitones === 0) return channels.map((c) => c.slice())
  const right = channels[1] ?? left
  const length = left.length
  // SoundTouch holds back the last part until more input comes; a tail of silence lets it out. A quarter second was
  // not enough at −3 semitones: up to 160 ms of the end came out as silence (the e2e pitch test heard 3230 ms of a
  // 3420 ms reply); a second lets all of it out.
  const tail = sampleRate
  const source: SampleSource = {
    extract(target, numFrames, position) {
      const frames = Math.max(0, Math.min(numFrames, length + tail - position))
      for (let i = 0; i < frames; i++) {
        const at = position + i
        target[i * 2] = at < length ? left[at]! : 0
        target[i * 2 + 1] = at < length ? right[at]! : 0
      }
      return frames
    },
  }
  const soundTouch = new SoundTouch()
  // Its segment lengths are in milliseconds, so it must know the rate (its default is 44.1 kHz); zeros keep its
  // automatic sequence and seek settings and its default overlap.
  soundTouch.stretch.setParameters(sampleRate, 0, 0, 0)
  soundTouch.pitchSemitones = semitones
  soundTouch.tempo = 1
  const filter = new SimpleFilter(source, soundTouch)

  const outLeft = new Float32Array(length)
  const outRight = channels.length > 1 ? new Float32Array(length) : null
  const chunk = 4096
  const interleaved = new Float32Array(chunk * 2)
  let written = 0
  while (written < length) {
    const frames = filter.extract(interleaved, Math.min(chunk, length - written))
    if (frames === 0) break
    for (let i = 0; i < frames; i++) {
      outLeft[written + i] = interleaved[i * 2]!
      if (outRight) outRight[written + i] = interleaved[i * 2 + 1]!
    }
    written += frames
  }
  return outRight ? [outLeft, outRight] : [outLeft]
}
