import * as Plot from '@observablehq/plot'
import { chartWidth } from './chartSize.ts'

export interface TimelineSpan {
  row: string
  from: number
  to: number
  kind: 'beat' | 'pause'
}

/** Beats as bars on the session's time axis (seconds), safety pauses on their own row in red. */
export function timelineChart(spans: readonly TimelineSpan[], xLabel: string): SVGSVGElement | HTMLElement {
  const rows = [...new Set(spans.map((s) => s.row))]
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, 40 + rows.length * 22),
    marginLeft: 150,
    x: { label: xLabel, grid: true },
    y: { label: null, domain: rows },
    color: { domain: ['beat', 'pause'], range: ['#1f5f8b', '#c0392b'] },
    marks: [Plot.barX(spans, { y: 'row', x1: 'from', x2: 'to', fill: 'kind', title: (s: TimelineSpan) => `${s.row}: ${s.from.toFixed(1)}–${s.to.toFixed(1)} s` })],
  })
}
