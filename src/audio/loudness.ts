/**
 * The loudness of a voice line as it plays, for a figure's jaw: the RMS of the line's own samples in a short window
 * around the playhead, on a decibel scale mapped to 0..1.
 *
 * Why the line's own samples and not an AnalyserNode on the output: howler routes a positioned sound through its
 * panner before the sound's gain node, so anything that can be tapped hears the voice after distance attenuation
 * and HRTF filtering; the jaw would open less for a parent standing further away. The decoded line is the voice as
 * spoken. It is read at howler's own playhead (`seek`), so a paused line reads as paused.
 */
export interface LoudnessScale {
  /** RMS level, dBFS, that maps to 0 (and anything quieter). Default −50 (below a voice's quiet consonants). */
  floorDb?: number
  /** RMS level, dBFS, that maps to 1 (and anything louder). Default −15 (loud speech normalised to a −3 dBFS peak). */
  fullDb?: number
}

export const loudnessDefaults: Required<LoudnessScale> = { floorDb: -50, fullDb: -15 }

/** Root mean square of samples[from, to). */
export function rms(samples: ArrayLike<number>, from = 0, to = samples.length): number {
  const a = Math.max(0, from)
  const b = Math.min(samples.length, to)
  if (b <= a) return 0
  let sum = 0
  for (let i = a; i < b; i++) sum += samples[i]! * samples[i]!
  return Math.sqrt(sum / (b - a))
}

/** An RMS level (1 = full scale) as loudness 0..1: linear in decibels between the floor and full levels. */
export function loudnessFromRms(level: number, scale: LoudnessScale = {}): number {
  const { floorDb, fullDb } = { ...loudnessDefaults, ...scale }
  if (!(level > 0)) return 0
  const db = 20 * Math.log10(level)
  return Math.min(1, Math.max(0, (db - floorDb) / (fullDb - floorDb)))
}

/** A line's loudness over time: one value per `hopSeconds`, each the loudness of the window centred there. */
export interface LoudnessEnvelope {
  hopSeconds: number
  values: Float32Array
}

/**
 * The envelope of a decoded line (its first channel: the voices are mono). Windows of 30 ms (about two periods of a
 * low voice, so the RMS does not ripple with the pitch) every 10 ms; computed once per line, read every frame.
 */
export function loudnessEnvelope(samples: Float32Array, sampleRate: number, scale: LoudnessScale = {}, hopSeconds = 0.01, windowSeconds = 0.03): LoudnessEnvelope {
  const hop = Math.max(1, Math.round(hopSeconds * sampleRate))
  const half = Math.max(1, Math.round((windowSeconds * sampleRate) / 2))
  const values = new Float32Array(Math.ceil(samples.length / hop))
  for (let k = 0; k < values.length; k++) values[k] = loudnessFromRms(rms(samples, k * hop - half, k * hop + half), scale)
  return { hopSeconds: hop / sampleRate, values }
}

/** The envelope's value at `seconds` into the line (0 before it and after its end). */
export function loudnessAt(envelope: LoudnessEnvelope, seconds: number): number {
  if (!(seconds >= 0)) return 0
  return envelope.values[Math.round(seconds / envelope.hopSeconds)] ?? 0
}
