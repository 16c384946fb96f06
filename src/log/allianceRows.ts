/**
 * The Psych-DS table of a check-in (client's or worker's): one row per answer, with the side, the contact it is
 * about, and each statement's part, direction and scale as columns, so a team can stack many clients' files and
 * analyse them together. What an item means comes from the scene file, as in the debrief.
 */
import type { LogRecord } from '../engine/runtime.ts'
import type { ScenarioScript } from '../script/schema.ts'

export const checkInColumns = ['subject', 'session', 'task', 'side', 'contact_date', 'contact_kind', 'contact_planned', 'seq', 'item', 'part', 'reverse', 'points', 'value', 'latency_ms'] as const

export type CheckInRow = Record<(typeof checkInColumns)[number], string | number | boolean | null>

export function checkInRows(events: readonly LogRecord[], info: { clientCode: string; sessionNumber: number; sceneId: string }, script: ScenarioScript): CheckInRow[] {
  const answers = events.filter((e) => e.type === 'answer.given').map((e) => ({ seq: e.seq, ...(e.data as { item: string; value: string | number | null; latencyMs?: number }) }))
  const contextValue = (field: string) => {
    const id = Object.entries(script.items).find(([, item]) => (item.type === 'date' || item.type === 'choice') && item.context === field)?.[0]
    const value = id === undefined ? undefined : answers.filter((a) => a.item === id).at(-1)?.value
    return typeof value === 'string' ? value : null
  }
  const context = { contact_date: contextValue('contact-date'), contact_kind: contextValue('contact-kind'), contact_planned: contextValue('contact-planned') }
  return answers.map((a) => {
    const item = script.items[a.item]
    const statement = item?.type === 'likert' && item.part !== undefined ? item : null
    return {
      subject: info.clientCode,
      session: info.sessionNumber,
      task: info.sceneId,
      side: script.checkIn?.side ?? null,
      ...context,
      seq: a.seq,
      item: a.item,
      part: statement?.part ?? null,
      reverse: statement ? (statement.reverse ?? false) : null,
      points: item?.type === 'likert' ? item.points : null,
      value: a.value ?? null,
      latency_ms: typeof a.latencyMs === 'number' ? a.latencyMs : null,
    }
  })
}
