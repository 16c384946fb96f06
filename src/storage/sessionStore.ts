import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import type { SnapshotEnvelope } from '../engine/envelope.ts'
import type { LogRecord, SessionPersistence } from '../engine/runtime.ts'
import type { ParamValues } from '../script/schema.ts'

export type SessionStatus = 'active' | 'completed' | 'closed'

/** What is known about a session without reading its events. No names: only the pseudonymous client code. */
export interface SessionMeta {
  id: string
  clientCode: string
  sceneId: string
  sceneVersion: number
  scriptHash: string
  params: ParamValues
  status: SessionStatus
  /** Why a session was closed without completing, in words (e.g. the scene changed). */
  closedReason?: string
  createdAt: string
  updatedAt: string
  eventCount: number
  /** 1 for this client's first session of this scene, 2 for the next, … (Psych-DS `session`). */
  sessionNumber?: number
  /**
   * The client's avatar for scenes that show one (future self). Kept so a resumed session shows the same figure;
   * never exported: the trainer needs the answers, not what the client looks like.
   */
  avatar?: AvatarChoices
}

/**
 * A client's own photo of a drink, for the drill. It never leaves the device: no export includes it, and
 * erase removes it with everything else.
 */
export interface OwnPhoto {
  id: string
  category: 'alcohol' | 'soft'
  blob: Blob
  addedAt: string
}

export interface ConsentRecord {
  given: true
  at: string
  /** Version of the information text the client agreed to. */
  textVersion: number
}

export interface Settings {
  consent: ConsentRecord
  retentionDays: number
  /** The session to reopen straight away after a crash or reload. */
  activeSessionId: string | null
  /** Planned contacts per client code (`YYYY-MM-DD`), for the check-in after each one (src/ui/CheckInPlan.tsx). */
  plannedContacts?: Record<string, string[]>
}

/** Default retention: long enough for a 3-week drill schedule plus a 6-week follow-up, no longer. */
export const defaultRetentionDays = 90

/** Everything the app keeps on the device goes through this; IndexedDB in the app, memory in tests. */
export interface SessionStore extends SessionPersistence {
  createSession(meta: SessionMeta): Promise<void>
  getSession(id: string): Promise<SessionMeta | undefined>
  listSessions(): Promise<SessionMeta[]>
  loadSnapshot(sessionId: string): Promise<SnapshotEnvelope | undefined>
  /** The session's research log in `seq` order. */
  events(sessionId: string): Promise<LogRecord[]>
  /** Ends a session that cannot go on, appending the record that says why; durable even against power loss. */
  closeSession(sessionId: string, reason: string, record: LogRecord): Promise<void>
  getSetting<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined>
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>
  /** Deletes sessions (with their events and snapshots) last touched before `cutoff`; returns how many. */
  deleteSessionsBefore(cutoff: Date): Promise<number>
  listPhotos(): Promise<OwnPhoto[]>
  savePhoto(photo: OwnPhoto): Promise<void>
  deletePhoto(id: string): Promise<void>
  close(): void
}
