/**
 * What the debrief needs to know of a check-in scene (its side, its statements' parts, its context questions), read
 * from the scene file, and one session's answers turned into a check-in record. A licensed item set is read the same
 * way: nothing here names an item.
 */
import type { StatementInfo, CheckInRecord, CheckInSide } from '../../log/allianceScore.ts'
import { scoreCheckIn } from '../../log/allianceScore.ts'
import type { Localized } from '../../script/localized.ts'
import type { ScenarioScript } from '../../script/schema.ts'

export interface AllianceSceneInfo {
  side: CheckInSide
  statements: Record<string, StatementInfo>
  /** Item ids of the context questions. */
  context: { date: string | null; kind: string | null; planned: string | null }
  /** Labels of the parts the scene declares (the built-in parts have theirs in allianceText.ts). */
  partLabels: Record<string, Localized>
  /** Option labels of the contact-kind question, by value. */
  kindLabels: Record<string, Localized>
}

export function checkInInfoOf(script: ScenarioScript): AllianceSceneInfo | undefined {
  if (!script.checkIn) return undefined
  const statements: Record<string, StatementInfo> = {}
  const context: AllianceSceneInfo['context'] = { date: null, kind: null, planned: null }
  let kindLabels: Record<string, Localized> = {}
  for (const [id, item] of Object.entries(script.items)) {
    if (item.type === 'likert' && item.part !== undefined) statements[id] = { part: item.part, reverse: item.reverse ?? false, points: item.points }
    if ((item.type === 'date' || item.type === 'choice') && item.context) {
      const field = item.context === 'contact-date' ? 'date' : item.context === 'contact-kind' ? 'kind' : 'planned'
      context[field] = id
      if (item.type === 'choice' && field === 'kind') kindLabels = Object.fromEntries(item.options.map((o) => [o.value, o.label]))
    }
  }
  const partLabels = Object.fromEntries(Object.entries(script.parts ?? {}).map(([id, p]) => [id, p.label]))
  return { side: script.checkIn.side, statements, context, partLabels, kindLabels }
}

/** The last answer given to each item (a question answered again after a resume counts once). */
export function lastAnswers(answers: readonly { item: string; value: string | number | null }[]): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {}
  for (const a of answers) out[a.item] = a.value
  return out
}

export function checkInRecordOf(sessionKey: string, setName: string, answers: readonly { item: string; value: string | number | null }[], info: AllianceSceneInfo): CheckInRecord {
  const given = lastAnswers(answers)
  const text = (id: string | null) => (id !== null && typeof given[id] === 'string' ? (given[id] as string) : null)
  const date = text(info.context.date)
  return {
    side: info.side,
    contactDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    kind: text(info.context.kind),
    planned: text(info.context.planned),
    score: scoreCheckIn(given, info.statements),
    sessionKey,
    setName,
  }
}
