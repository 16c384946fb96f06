import type { Beat } from './schema.ts'
import type { BeatEvent } from './vocabulary.ts'

/** The event a beat waits for follows from what it does: a line waits for "continue", a question for "answered". */
export function eventForBeat(beat: Pick<Beat, 'say' | 'ask' | 'wait'>): BeatEvent | undefined {
  if (beat.ask !== undefined) return 'answered'
  // A line shown during a wait has no button: the wait moves the beat on.
  if (beat.wait !== undefined) return 'deadline'
  if (beat.say !== undefined) return 'continue'
  return undefined
}

