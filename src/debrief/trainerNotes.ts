/** A note the trainer made on the console during the session, where it falls on the session's time axis. */
export interface TrainerNote {
  beat: string
  /** ms after the session's first event (the beat timeline's axis). */
  atMs: number
  text: string
}

/** The trainer's notes from a session's events (`trainer.command` records with command `note`), in order. */
export function trainerNotes(events: readonly { t: number; type: string; data: unknown }[]): TrainerNote[] {
  const start = events[0]?.t ?? 0
  return events.flatMap((e) => {
    if (e.type !== 'trainer.command') return []
    const data = e.data as { beat?: unknown; command?: unknown; note?: unknown }
    if (data.command !== 'note' || typeof data.note !== 'string') return []
    return [{ beat: String(data.beat), atMs: Math.round(e.t - start), text: data.note }]
  })
}
