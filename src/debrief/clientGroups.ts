import { baseSceneOf } from './sceneInfo.ts'
import type { SessionFacts } from './sessionFacts.ts'

export interface ClientGroup {
  clientCode: string
  /** In date order, except that a follow-up stands right after the session it follows. */
  sessions: { facts: SessionFacts; followUpOf: SessionFacts | null }[]
  drillSessions: SessionFacts[]
}

/** Sessions grouped by client code; follow-ups (`<scene>-followup`) placed next to the latest earlier session of their scene. */
export function groupByClient(all: readonly SessionFacts[]): ClientGroup[] {
  const codes = [...new Set(all.map((f) => f.bundle.session.clientCode))].sort()
  return codes.map((clientCode) => {
    const mine = all.filter((f) => f.bundle.session.clientCode === clientCode).sort((a, b) => a.bundle.session.createdAt.localeCompare(b.bundle.session.createdAt))
    const followUps = new Map<SessionFacts, SessionFacts>()
    for (const f of mine) {
      const base = baseSceneOf(f.bundle.scene.id)
      if (!base) continue
      const followed = mine.filter((o) => o.bundle.scene.id === base && o.bundle.session.createdAt <= f.bundle.session.createdAt).at(-1)
      if (followed) followUps.set(f, followed)
    }
    const ordered: ClientGroup['sessions'] = []
    for (const f of mine) {
      if (followUps.has(f)) continue
      ordered.push({ facts: f, followUpOf: null })
      for (const [follow, base] of followUps) if (base === f) ordered.push({ facts: follow, followUpOf: f })
    }
    return { clientCode, sessions: ordered, drillSessions: mine.filter((f) => f.kind === 'drill') }
  })
}
