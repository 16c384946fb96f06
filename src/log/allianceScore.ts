/**
 * Working-alliance check-ins (issue 17): per-part scores of one side's answers about one contact, both sides of a
 * client's contacts lined up by contact date, neutral talking points, and a summary per kind of contact.
 *
 * What the statements mean comes from the scene file (each statement's `part`, `reverse` and number of points), so a
 * licensed item set scores the same way with no code change. Nothing is ever guessed: a part with an unanswered
 * statement is incomplete, and so is the overall line of that contact.
 */

export type CheckInSide = 'client' | 'worker'

/** What the scorer needs to know of one statement. */
export interface StatementInfo {
  part: string
  /** Agreeing means a weaker alliance (friction). */
  reverse: boolean
  points: number
}

export interface PartScore {
  /** Mean of the answers as given (a friction part: higher is more friction); null when incomplete. */
  mean: number | null
  /** The same, turned so that higher is always a stronger alliance (reverse statements flipped); null when incomplete. */
  allianceMean: number | null
  answered: number
  total: number
  complete: boolean
  reverse: boolean
}

export interface CheckInScore {
  parts: Record<string, PartScore>
  /** Mean of the parts' alliance means (friction reversed); null if any part is incomplete. */
  overall: number | null
}

export type AnswerValue = string | number | null | undefined

/** Scores one check-in: `answers` by item id (a missing or null answer is unanswered). */
export function scoreCheckIn(answers: Readonly<Record<string, AnswerValue>>, statements: Readonly<Record<string, StatementInfo>>): CheckInScore {
  const byPart = new Map<string, { item: string; info: StatementInfo }[]>()
  for (const [item, info] of Object.entries(statements)) byPart.set(info.part, [...(byPart.get(info.part) ?? []), { item, info }])
  const parts: Record<string, PartScore> = {}
  for (const [part, list] of byPart) {
    const given = list.flatMap(({ item, info }) => {
      const value = answers[item]
      return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= info.points ? [{ value, info }] : []
    })
    const complete = given.length === list.length
    const mean = complete ? given.reduce((s, g) => s + g.value, 0) / given.length : null
    const allianceMean = complete ? given.reduce((s, g) => s + (g.info.reverse ? g.info.points + 1 - g.value : g.value), 0) / given.length : null
    parts[part] = { mean, allianceMean, answered: given.length, total: list.length, complete, reverse: list.some((s) => s.info.reverse) }
  }
  const all = Object.values(parts)
  const overall = all.length > 0 && all.every((p) => p.complete) ? all.reduce((s, p) => s + p.allianceMean!, 0) / all.length : null
  return { parts, overall }
}

/** One side's check-in about one contact, as the debrief reads it from a session. */
export interface CheckInRecord {
  side: CheckInSide
  /** `YYYY-MM-DD`; null when the date was not answered (the record then stands on its own). */
  contactDate: string | null
  kind: string | null
  planned: string | null
  score: CheckInScore
  /** Which session it came from, and the name of its item set (the scene's title). */
  sessionKey: string
  setName: string
}

export interface Contact {
  date: string | null
  /** The client's kind where they answered, the worker's otherwise. */
  kind: string | null
  client: CheckInRecord | null
  worker: CheckInRecord | null
}

/** Both sides of each contact side by side, by contact date (two on one day pair in order); undated ones last. */
export function lineUpContacts(records: readonly CheckInRecord[]): Contact[] {
  const dated = [...new Set(records.map((r) => r.contactDate).filter((d): d is string => d !== null))].sort()
  const contacts: Contact[] = []
  for (const date of [...dated, null]) {
    const clients = records.filter((r) => r.contactDate === date && r.side === 'client')
    const workers = records.filter((r) => r.contactDate === date && r.side === 'worker')
    // Undated answers cannot be paired: each stands alone.
    const pairs = date === null ? [...clients.map((c) => [c, null] as const), ...workers.map((w) => [null, w] as const)] : Array.from({ length: Math.max(clients.length, workers.length) }, (_, i) => [clients[i] ?? null, workers[i] ?? null] as const)
    for (const [client, worker] of pairs) contacts.push({ date, kind: client?.kind ?? worker?.kind ?? null, client, worker })
  }
  return contacts
}

/** The difference between the sides that makes a talking point, in scale points. */
export const differenceThreshold = 2
const epsilon = 1e-9

export type TalkingPoint =
  | { rule: 'sides-differ'; part: string; date: string | null; client: number; worker: number; difference: number }
  | { rule: 'friction-rises'; part: string; side: CheckInSide; dates: (string | null)[]; values: number[] }

/**
 * Where to talk: the sides differ by `differenceThreshold` points or more on a part of one contact, or a reverse
 * (friction) part rises at each of one side's last three contacts. Flat or falling is no talking point.
 */
export function talkingPoints(contacts: readonly Contact[]): TalkingPoint[] {
  const points: TalkingPoint[] = []
  for (const contact of contacts) {
    if (!contact.client || !contact.worker) continue
    for (const [part, c] of Object.entries(contact.client.score.parts)) {
      const w = contact.worker.score.parts[part]
      if (c.mean === null || !w || w.mean === null) continue
      const difference = Math.abs(c.mean - w.mean)
      if (difference >= differenceThreshold - epsilon) points.push({ rule: 'sides-differ', part, date: contact.date, client: c.mean, worker: w.mean, difference })
    }
  }
  for (const side of ['client', 'worker'] as const) {
    const mine = contacts.map((c) => c[side]).filter((r): r is CheckInRecord => r !== null)
    const reverseParts = [...new Set(mine.flatMap((r) => Object.entries(r.score.parts).filter(([, p]) => p.reverse).map(([part]) => part)))]
    for (const part of reverseParts) {
      const last = mine.filter((r) => r.score.parts[part]?.mean !== null && r.score.parts[part] !== undefined).slice(-3)
      if (last.length < 3) continue
      const values = last.map((r) => r.score.parts[part]!.mean!)
      if (values[0]! < values[1]! - epsilon && values[1]! < values[2]! - epsilon) points.push({ rule: 'friction-rises', part, side, dates: last.map((r) => r.contactDate), values })
    }
  }
  return points
}

/** Face to face against remote: the groups the research compares. */
export type ContactMode = 'face-to-face' | 'remote'
export const faceToFace: readonly string[] = ['office', 'home']
export const modeOf = (kind: string | null): ContactMode | null => (kind === null ? null : faceToFace.includes(kind) ? 'face-to-face' : 'remote')

/** Fewer contacts than this in a group, and the summary says it cannot say anything. */
export const minContactsPerMode = 3

export interface ModeSummary {
  mode: ContactMode
  /** Contacts of this kind with an answer from this side. */
  counts: Record<CheckInSide, number>
  /** Per side and part, the mean of the complete part scores; null when there are none. */
  means: Record<CheckInSide, Record<string, number | null>>
}

export interface ModeComparison {
  groups: ModeSummary[]
  /** True when both groups have at least `minContactsPerMode` contacts for each side that answered at all. */
  enough: boolean
}

export function modeSummary(contacts: readonly Contact[], parts: readonly string[], min = minContactsPerMode): ModeComparison {
  const groups = (['face-to-face', 'remote'] as const).map((mode): ModeSummary => {
    const inMode = contacts.filter((c) => modeOf(c.kind) === mode)
    const counts = { client: inMode.filter((c) => c.client).length, worker: inMode.filter((c) => c.worker).length }
    const meanOf = (side: CheckInSide) =>
      Object.fromEntries(
        parts.map((part) => {
          const values = inMode.map((c) => c[side]?.score.parts[part]?.mean ?? null).filter((v): v is number => v !== null)
          return [part, values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length]
        }),
      )
    return { mode, counts, means: { client: meanOf('client'), worker: meanOf('worker') } }
  })
  const answeredSides = (['client', 'worker'] as const).filter((side) => groups.some((g) => g.counts[side] > 0))
  const enough = answeredSides.length > 0 && answeredSides.every((side) => groups.every((g) => g.counts[side] >= min))
  return { groups, enough }
}
