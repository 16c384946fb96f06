import * as Plot from '@observablehq/plot'
import { chartHeight, chartWidth } from './chartSize.ts'

export interface BiasPoint {
  session: string
  dd: number
  lower: number | null
  upper: number | null
}

/** The drill's double difference per session against a zero line, each with its bootstrap interval. */
export function biasChart(points: readonly BiasPoint[], yLabel: string, xLabel: string): SVGSVGElement | HTMLElement {
  const withInterval = points.filter((p) => p.lower !== null && p.upper !== null)
  return Plot.plot({
    width: chartWidth,
    height: chartHeight,
    marginLeft: 60,
    x: { label: xLabel, type: 'band', domain: points.map((p) => p.session) },
    y: { label: yLabel, grid: true, nice: true },
    marks: [
      Plot.ruleY([0], { stroke: '#333', strokeWidth: 1.5 }),
      Plot.ruleX(withInterval, { x: 'session', y1: 'lower', y2: 'upper', stroke: '#1f5f8b', strokeWidth: 3, strokeOpacity: 0.5 }),
      Plot.dot(points, { x: 'session', y: 'dd', fill: '#1f5f8b', r: 5, title: (p: BiasPoint) => `${p.session}: ${Math.round(p.dd)} ms` }),
      Plot.line(points, { x: 'session', y: 'dd', stroke: '#1f5f8b', strokeDasharray: '3,3' }),
    ],
  })
}
