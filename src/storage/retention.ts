import { defaultRetentionDays, type SessionStore } from './sessionStore.ts'

/** Removes sessions older than the retention setting. Runs at every app start, so nothing outstays its welcome. */
export async function purgeExpiredSessions(store: SessionStore, now: Date = new Date()): Promise<number> {
  const days = (await store.getSetting('retentionDays')) ?? defaultRetentionDays
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
  return store.deleteSessionsBefore(cutoff)
}

/** Choices offered in settings, in days. */
export const retentionChoices = [7, 30, 90, 180] as const
