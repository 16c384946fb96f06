import { sessionTimes } from '../log/sessionTime.ts'

/** A note the trainer made on the console during the session, where it falls on the session's time axis. */
export interface TrainerNote {
  beat: string
  /** Session time (ms, log/sessionTime.ts): the beat timeline's axis, summed across page loads. */
  atMs: number
  text: string
}

/** The trainer's notes from a session's events (`trainer.command` records with command `note`), in order. */
export function trainerNotes(events: readonly { t: number; type: string; data: unknown }[]): TrainerNote[] {
  const times = sessionTimes(events)
  return events.flatMap((e, i) => {
    if (e.type !== 'trainer.command') return []
    const data = e.data as { beat?: unknown; command?: unknown; note?: unknown }
    if (data.command !== 'note' || typeof data.note !== 'string') return []
    return [{ beat: String(data.beat), atMs: Math.round(times[i]!), text: data.note }]
  })
}
