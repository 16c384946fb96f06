/** The part of soundtouchjs (LGPL-2.1, a JavaScript port of Olli Parviainen's SoundTouch) that pitchShift.ts uses. */
declare module 'soundtouchjs' {
  /** Where a filter reads its input: interleaved stereo frames into `target`, from `position`; returns frames read. */
  export interface SampleSource {
    extract(target: Float32Array, numFrames: number, position: number): number
  }
  export class Stretch {
    setParameters(sampleRate: number, sequenceMs: number, seekWindowMs: number, overlapMs: number): void
  }
  export class SoundTouch {
    readonly stretch: Stretch
    pitchSemitones: number
    tempo: number
  }
  export class SimpleFilter {
    constructor(source: SampleSource, pipe: SoundTouch)
    /** Fills `target` with up to `numFrames` interleaved stereo frames; returns how many it wrote. */
    extract(target: Float32Array, numFrames: number): number
  }
}
