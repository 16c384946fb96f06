import type { Beat } from './schema.ts'
import type { BeatEvent } from './vocabulary.ts'

/** The event a beat waits for follows from what it does: a line waits for "continue", a question for "answered". */
export function eventForBeat(beat: Pick<Beat, 'say' | 'ask' | 'wait'> & { do?: Beat['do'] }): BeatEvent | undefined {
  if (beat.ask !== undefined) return 'answered'
  // A spoken line moves the beat on when it has been heard (or, in tests, when its time has passed).
  if (beat.do?.some((a) => a.type === 'play' || a.type === 'playRecording') && beat.wait === undefined) return 'cue-ended'
  // A line shown during a wait has no button: the wait moves the beat on.
  if (beat.wait !== undefined) return 'deadline'
  if (beat.say !== undefined) return 'continue'
  return undefined
}

