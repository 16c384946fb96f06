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
  /** Plays a cue; `onEnded` fires once, when it has been heard (or failed to load, after its duration). */
  play(cue: Cue, onEnded: () => void): void
  /** The listener follows the head every frame, so voices come from where the parents stand. */
  setListener(position: readonly [number, number, number], forward: readonly [number, number, number]): void
  /** Safety pause: fade out and hold; `resume` picks up where it was. */
  pause(fadeMs?: number): void
  resume(): void
  stop(): void
}
