import * as Plot from '@observablehq/plot'
import { chartHeight, chartWidth } from './chartSize.ts'

export interface MeasurePoint {
  item: string
  session: string
  value: number
}

/**
 * Numeric answers of a scene and its follow-up side by side: one group per item, one bar per session. Groups keep the
 * points' order (the caller puts them in the scene's order; Plot would sort them by name), and `axis` fixes the value
 * axis to the items' full scale (beforeAfter.ts `answerAxis`).
 */
export function measuresChart(points: readonly MeasurePoint[], yLabel: string, axis: [number, number] | null = null): SVGSVGElement | HTMLElement {
  const sessions = [...new Set(points.map((p) => p.session))]
  const items = [...new Set(points.map((p) => p.item))]
  return Plot.plot({
    width: chartWidth,
    height: chartHeight + 40,
    marginLeft: 60,
    marginBottom: 60,
    fx: { label: null, tickRotate: -20, domain: items },
    x: { axis: null, domain: sessions },
    y: axis ? { label: yLabel, grid: true, domain: axis } : { label: yLabel, grid: true, nice: true },
    color: { legend: true, domain: sessions },
    marks: [Plot.barY(points, { fx: 'item', x: 'session', y: 'value', fill: 'session', title: (p: MeasurePoint) => `${p.item}, ${p.session}: ${p.value}` }), Plot.ruleY([0])],
  })
}
