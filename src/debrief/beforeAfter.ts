import type { SceneAnswer } from '../log/sceneSummary.ts'
import type { MeasurePoint } from './charts/measuresChart.ts'

/**
 * A scene that asks the same measure before and after (items `<measure>-before` and `<measure>-after`, as the
 * future-self scene does) gets its numeric answers paired, in the scene file's order of the before items (`itemOrder`;
 * a measure the scene does not list comes last, in the order first asked). A measure answered only once is left out:
 * a before without an after says nothing about change.
 */
export function beforeAfterPoints(
  answers: readonly SceneAnswer[],
  labels: { before: string; after: string },
  nameOf: (measure: string) => string = (m) => m,
  itemOrder: readonly string[] = [],
): MeasurePoint[] {
  const value = (item: string) => answers.find((a) => a.item === item && typeof a.value === 'number')?.value as number | undefined
  const asked = [...new Set(answers.flatMap((a) => (a.item.endsWith('-before') ? [a.item.slice(0, -'-before'.length)] : [])))]
  const rank = (m: string) => {
    const i = itemOrder.indexOf(`${m}-before`)
    return i === -1 ? itemOrder.length + asked.indexOf(m) : i
  }
  const measures = [...asked].sort((a, b) => rank(a) - rank(b))
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

/**
 * The value axis of a chart of answers: from 0 (the bars' base) to the top of the largest scale among the items
 * shown, so a 1–7 item is drawn against 7 even when no one answered above 5. Null when no item's scale is known
 * (the chart then fits its axis to the answers). Values beyond a scale (an edited file) widen it rather than vanish.
 */
export function answerAxis(scales: readonly ({ min: number; max: number } | undefined)[], values: readonly number[]): [number, number] | null {
  const known = scales.filter((s): s is { min: number; max: number } => s !== undefined)
  if (known.length === 0) return null
  return [Math.min(0, ...known.map((s) => s.min), ...values), Math.max(...known.map((s) => s.max), ...values)]
}

/** What the log says about spoken answers: how many were recorded and played back, and how many were chosen instead. */
export function spokenAnswerCounts(events: readonly { type: string; data: Record<string, unknown> }[]): { recorded: number; played: number; chosen: number; dropped: number } {
  const count = (type: string, reason?: string) => events.filter((e) => e.type === type && (reason === undefined || e.data.reason === reason)).length
  return { recorded: count('voice.recorded'), played: count('voice.played'), chosen: count('voice.missing', 'answered-by-choice'), dropped: count('voice.missing', 'discarded') }
}
