import * as Plot from '@observablehq/plot'
import { chartHeight, chartWidth } from './chartSize.ts'

export interface AccuracyPoint {
  session: string
  percent: number
}

export function accuracyChart(points: readonly AccuracyPoint[], yLabel: string, xLabel: string): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: chartWidth,
    height: chartHeight,
    marginLeft: 60,
    x: { label: xLabel, type: 'band', domain: points.map((p) => p.session) },
    y: { label: yLabel, domain: [0, 100], grid: true },
    marks: [
      Plot.barY(points, { x: 'session', y: 'percent', fill: '#7aa6c2', title: (p: AccuracyPoint) => `${p.session}: ${Math.round(p.percent)}%` }),
      Plot.ruleY([0]),
    ],
  })
}
