/** How a cue ended: heard to its end, or given up on by the watchdog. */
export type CueEnd = 'ended' | 'timeout'

/** How long past its known duration a cue may run before the watchdog ends it (ms of scene time). */
export const cueTimeoutMarginMs = 1500

/** Where a sound comes from, in world metres; null plays it without position (the narrator). */
export type SoundPosition = readonly [number, number, number] | null

export interface Cue {
  /** Changes for every new cue, so the same line twice plays twice. */
  id: number
  url: string | null
  /** Length of the recording, used when it cannot be played and to end it early on a fast test clock. */
  durationMs: number
  position: SoundPosition
}

/**
 * The sound interface scenes use. The howler implementation is the real one; renderers only see this, so the
 * scene logic never depends on how sound is made.
 */
export interface SoundService {
  /** Must be called inside a user gesture (a click): browsers keep audio locked until then. */
  unlock(): void
  /**
   * Plays a cue; `onEnded` fires once: 'ended' when it has been heard (or failed to load, after its duration), or
   * 'timeout' when the audio never said it ended and its duration plus `cueTimeoutMarginMs` has passed (paused time
   * not counted). A scene therefore never waits for ever on a line.
   */
  play(cue: Cue, onEnded: (how: CueEnd) => void): void
  /**
   * How loud the line playing now is at this moment, 0 (silent, or nothing playing) … 1, from the line's own samples
   * (src/audio/loudness.ts); for a speaking figure's jaw. With `from`, only a line played from that position (within
   * 1 cm) counts, so each figure can ask for its own voice: `loudness(fatherVoicePosition)`. Read it every frame.
   */
  loudness(from?: SoundPosition): number
  /** The listener follows the head every frame, so voices come from where the parents stand. */
  setListener(position: readonly [number, number, number], forward: readonly [number, number, number]): void
  /** Safety pause: fade out and hold; `resume` picks up where it was. */
  pause(fadeMs?: number): void
  resume(): void
  stop(): void
}
