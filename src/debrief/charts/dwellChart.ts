import * as Plot from '@observablehq/plot'
import { chartWidth } from './chartSize.ts'
import type { DwellRow } from '../sessionFacts.ts'

/** Share of each beat's time the head pointed at each target (a cone around the target's centre). */
export function dwellChart(rows: readonly DwellRow[], xLabel: string): SVGSVGElement | HTMLElement {
  const beats = [...new Set(rows.map((r) => r.beat))]
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, 50 + beats.length * 26),
    marginLeft: 150,
    x: { label: xLabel },
    y: { label: null, domain: beats },
    color: { scheme: 'blues', domain: [0, 100] },
    marks: [
      Plot.cell(rows, { x: 'target', y: 'beat', fill: (r: DwellRow) => r.share * 100, title: (r: DwellRow) => `${r.beat}, ${r.target}: ${Math.round(r.share * 100)}%` }),
      Plot.text(rows, { x: 'target', y: 'beat', text: (r: DwellRow) => `${Math.round(r.share * 100)}%`, fill: (r: DwellRow) => (r.share > 0.5 ? 'white' : 'black') }),
    ],
  })
}
