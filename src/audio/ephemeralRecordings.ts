/**
 * The client's spoken answers in the future-self scene, held in this tab's memory only. They are never written to
 * storage, never put in a log record and never exported: only that a recording was made and how long it was goes
 * into the research log. Everything here is dropped at the end of a session, on a safety pause, and (being memory)
 * by a crash or a reload.
 */
export interface EphemeralRecording {
  blob: Blob
  durationMs: number
}

export interface EphemeralRecordings {
  keep(item: string, recording: EphemeralRecording): void
  get(item: string): EphemeralRecording | undefined
  discardAll(): void
  count(): number
}

export function createEphemeralRecordings(): EphemeralRecordings {
  const byItem = new Map<string, EphemeralRecording>()
  return {
    keep: (item, recording) => void byItem.set(item, recording),
    get: (item) => byItem.get(item),
    discardAll: () => byItem.clear(),
    count: () => byItem.size,
  }
}
