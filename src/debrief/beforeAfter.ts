import type { SceneAnswer } from '../log/sceneSummary.ts'
import type { MeasurePoint } from './charts/measuresChart.ts'

/**
 * A scene that asks the same measure before and after (items `<measure>-before` and `<measure>-after`, as the
 * future-self scene does) gets its numeric answers paired, in the order the measures were first asked. A measure
 * answered only once is left out: a before without an after says nothing about change.
 */
export function beforeAfterPoints(answers: readonly SceneAnswer[], labels: { before: string; after: string }, nameOf: (measure: string) => string = (m) => m): MeasurePoint[] {
  const value = (item: string) => answers.find((a) => a.item === item && typeof a.value === 'number')?.value as number | undefined
  const measures = [...new Set(answers.flatMap((a) => (a.item.endsWith('-before') ? [a.item.slice(0, -'-before'.length)] : [])))]
  return measures.flatMap((m) => {
    const before = value(`${m}-before`)
    const after = value(`${m}-after`)
    if (before === undefined || after === undefined) return []
    return [
      { item: nameOf(m), session: labels.before, value: before },
      { item: nameOf(m), session: labels.after, value: after },
    ]
  })
}

/** What the log says about spoken answers: how many were recorded and played back, and how many were chosen instead. */
export function spokenAnswerCounts(events: readonly { type: string; data: Record<string, unknown> }[]): { recorded: number; played: number; chosen: number; dropped: number } {
  const count = (type: string, reason?: string) => events.filter((e) => e.type === type && (reason === undefined || e.data.reason === reason)).length
  return { recorded: count('voice.recorded'), played: count('voice.played'), chosen: count('voice.missing', 'answered-by-choice'), dropped: count('voice.missing', 'discarded') }
}
