import type { SessionClock } from '../engine/clock.ts'
import type { LogRecord } from '../engine/runtime.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'

/**
 * Closes a session that cannot go on (its scene changed, its snapshot is gone), appending a logged reason after
 * the last committed record. What was recorded stays; nothing is guessed.
 */
export async function closeWithReason(store: SessionStore, clock: SessionClock, meta: SessionMeta, reason: string): Promise<void> {
  const events = await store.events(meta.id)
  const record: LogRecord = {
    seq: (events.at(-1)?.seq ?? 0) + 1,
    type: 'session.closed',
    data: { reason },
    sessionId: meta.id,
    t: clock.perf(),
    wall: new Date(clock.now()).toISOString(),
  }
  await store.closeSession(meta.id, reason, record)
  if ((await store.getSetting('activeSessionId')) === meta.id) await store.setSetting('activeSessionId', null)
}
