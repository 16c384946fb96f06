/**
 * One session, many exports. The app offers an export mid-session, so a trainer can hold a partial and a complete
 * file of one session. Files that claim the same session (same id, same scene script) are compared event by event
 * (by `seq`):
 * - the same events: the second file is refused as already open;
 * - the new file holds every event of the open one and more: it replaces it (a later export), said in the log;
 * - the open one already holds every event of the new one: the new one (an earlier export) is not added, said;
 * - they disagree on a shared event, or each has events the other lacks: both are shown, marked as a conflict.
 *   Nothing is merged or silently dropped.
 */
import { FileProblem } from '../export/fileProblem.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { sessionKey } from './importFile.ts'
import type { KeptSession } from './keptSessions.ts'

export type Placement =
  | { kind: 'added'; sessions: KeptSession[] }
  | { kind: 'replaced'; sessions: KeptSession[]; other: string; more: number }
  | { kind: 'older'; sessions: KeptSession[]; other: string }
  | { kind: 'conflict'; sessions: KeptSession[]; other: string; seq: number }

type Relation = { kind: 'same' } | { kind: 'extends'; more: number } | { kind: 'older' } | { kind: 'conflict'; seq: number }

function relation(open: SessionBundle, incoming: SessionBundle): Relation {
  const before = new Map(open.events.map((e) => [e.seq, JSON.stringify(e)]))
  const after = new Map(incoming.events.map((e) => [e.seq, JSON.stringify(e)]))
  const shared = [...after.keys()].filter((seq) => before.has(seq)).sort((a, b) => a - b)
  const differing = shared.find((seq) => before.get(seq) !== after.get(seq))
  if (differing !== undefined) return { kind: 'conflict', seq: differing }
  const onlyOpen = [...before.keys()].filter((seq) => !after.has(seq))
  const onlyNew = [...after.keys()].filter((seq) => !before.has(seq))
  if (onlyOpen.length === 0 && onlyNew.length === 0) return { kind: 'same' }
  if (onlyOpen.length === 0) return { kind: 'extends', more: onlyNew.length }
  if (onlyNew.length === 0) return { kind: 'older' }
  return { kind: 'conflict', seq: Math.min(...onlyOpen, ...onlyNew) }
}

/** Where a newly read file goes among the open sessions; throws FileProblem('duplicate') for the same file again. */
export function placeSession(open: readonly KeptSession[], fileName: string, bundle: SessionBundle, extra: Partial<KeptSession> = {}): Placement {
  const key = sessionKey(bundle)
  const matches = open.filter((s) => sessionKey(s.bundle) === key)
  const incoming: KeptSession = { key, fileName, bundle, ...extra }
  if (matches.length === 0) return { kind: 'added', sessions: [...open, incoming] }
  const relations = matches.map((m) => ({ m, r: relation(m.bundle, bundle) }))
  const same = relations.find((x) => x.r.kind === 'same')
  if (same) throw new FileProblem('duplicate', `same session as ${same.m.fileName}`, { other: same.m.fileName })
  const older = relations.find((x) => x.r.kind === 'older')
  if (older && relations.every((x) => x.r.kind !== 'conflict')) return { kind: 'older', sessions: [...open], other: older.m.fileName }
  if (relations.every((x) => x.r.kind === 'extends')) {
    const first = relations[0]!
    const replaced = new Set(matches)
    return {
      kind: 'replaced',
      sessions: [...open.filter((s) => !replaced.has(s)), { ...incoming, key: first.m.key }],
      other: matches.map((m) => m.fileName).join(', '),
      more: (first.r as { more: number }).more,
    }
  }
  const clash = relations.find((x) => x.r.kind === 'conflict')!
  const seq = (clash.r as { seq: number }).seq
  // Both stay, both marked; the new one gets a key of its own so each can be shown and removed on its own.
  let n = 2
  while (open.some((s) => s.key === `${key}~${n}`)) n++
  return {
    kind: 'conflict',
    sessions: [...open.map((s) => (s === clash.m ? { ...s, conflict: { other: fileName, seq } } : s)), { ...incoming, key: `${key}~${n}`, conflict: { other: clash.m.fileName, seq } }],
    other: clash.m.fileName,
    seq,
  }
}
