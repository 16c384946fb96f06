import * as Plot from '@observablehq/plot'
import { chartWidth } from './chartSize.ts'

export interface TimelineSpan {
  row: string
  from: number
  to: number
  kind: 'beat' | 'pause'
}

/** A trainer's note from the console: a mark on its own row at the moment it was made. */
export interface TimelineNote {
  row: string
  at: number
  text: string
}

/** Beats as bars on the session's time axis (seconds), safety pauses on their own row in red, the trainer's notes as marks. */
export function timelineChart(spans: readonly TimelineSpan[], xLabel: string, notes: readonly TimelineNote[] = []): SVGSVGElement | HTMLElement {
  const rows = [...new Set([...spans.map((s) => s.row), ...notes.map((n) => n.row)])]
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, 40 + rows.length * 22),
    marginLeft: 150,
    x: { label: xLabel, grid: true },
    y: { label: null, domain: rows },
    color: { domain: ['beat', 'pause'], range: ['#1f5f8b', '#c0392b'] },
    marks: [
      Plot.barX(spans, { y: 'row', x1: 'from', x2: 'to', fill: 'kind', title: (s: TimelineSpan) => `${s.row}: ${s.from.toFixed(1)}–${s.to.toFixed(1)} s` }),
      ...(notes.length > 0
        ? [
            Plot.dot(notes, { y: 'row', x: 'at', r: 6, fill: '#e0a526', stroke: '#1b2a36', title: (n: TimelineNote) => `${n.at.toFixed(1)} s: ${n.text}` }),
            Plot.text(notes, { y: 'row', x: 'at', text: (n: TimelineNote) => (n.text.length > 24 ? `${n.text.slice(0, 23)}…` : n.text), dx: 8, textAnchor: 'start', fontSize: 11 }),
          ]
        : []),
    ],
  })
}
