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

/** Where the session went on after a reload: a dashed line across all rows, labelled once at the top. */
export interface TimelineResume {
  at: number
  label: string
}

/**
 * Beats as bars on session time (seconds, summed across page loads: log/sessionTime.ts), safety pauses on their own
 * row in red, each resume as a dashed line, the trainer's notes as marks.
 */
export function timelineChart(spans: readonly TimelineSpan[], xLabel: string, notes: readonly TimelineNote[] = [], resumes: readonly TimelineResume[] = []): SVGSVGElement | HTMLElement {
  const rows = [...new Set([...spans.map((s) => s.row), ...notes.map((n) => n.row)])]
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, 40 + rows.length * 22),
    marginLeft: 150,
    marginTop: resumes.length > 0 ? 30 : 20,
    x: { label: xLabel, grid: true },
    y: { label: null, domain: rows },
    color: { domain: ['beat', 'pause'], range: ['#1f5f8b', '#c0392b'] },
    marks: [
      ...(resumes.length > 0
        ? [
            Plot.ruleX(resumes, { x: 'at', stroke: '#555', strokeDasharray: '4,3', title: (r: TimelineResume) => `${r.label}: ${r.at.toFixed(1)} s` }),
            Plot.text(resumes, { x: 'at', frameAnchor: 'top', text: 'label', dy: -4, textAnchor: 'start', dx: 3, fontSize: 10 }),
          ]
        : []),
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
