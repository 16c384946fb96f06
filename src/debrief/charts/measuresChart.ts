import * as Plot from '@observablehq/plot'
import { chartWidth } from './chartSize.ts'

export interface MeasurePoint {
  item: string
  session: string
  value: number
}

/**
 * Numeric answers of a scene and its follow-up side by side: one row per item, one bar per session. Rows keep the
 * points' order (the caller puts them in the scene's order; Plot would sort them by name), and `axis` fixes the value
 * axis to the items' full scale (beforeAfter.ts `answerAxis`). Bars run sideways so that an item's whole question can
 * stand beside them, wrapped over a few lines: rotated labels under the bars were cut off at the page edge.
 */
export function measuresChart(points: readonly MeasurePoint[], yLabel: string, axis: [number, number] | null = null): SVGSVGElement | HTMLElement {
  const sessions = [...new Set(points.map((p) => p.session))]
  const items = [...new Set(points.map((p) => p.item))]
  const barHeight = 16
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, items.length * (sessions.length * barHeight + 34) + 70),
    marginLeft: 250,
    marginRight: 20,
    fy: { label: null, domain: items, padding: 0.15 },
    y: { axis: null, domain: sessions },
    x: axis ? { label: yLabel, grid: true, domain: axis } : { label: yLabel, grid: true, nice: true },
    color: { legend: true, domain: sessions },
    marks: [
      // About 35 characters a line at 11 px type (20 ems, inside the 250 px margin): a question wraps instead of running into the bars.
      Plot.axisFy({ anchor: 'left', label: null, lineWidth: 20, fontSize: 11 }),
      Plot.barX(points, { fy: 'item', y: 'session', x: 'value', fill: 'session', title: (p: MeasurePoint) => `${p.item}, ${p.session}: ${p.value}` }),
      Plot.ruleX([0]),
    ],
  })
}
