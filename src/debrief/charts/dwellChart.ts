import * as Plot from '@observablehq/plot'
import { chartWidth } from './chartSize.ts'
import { noneTarget, type DwellRow } from '../sessionFacts.ts'

/**
 * Share of each beat's measured time the head pointed at each target (exclusive: the nearest target whose cone
 * holds the gaze), and the rest on none of them; a beat's row sums to 100%. `noneLabel` names that last column.
 */
export function dwellChart(rows: readonly DwellRow[], xLabel: string, noneLabel: string): SVGSVGElement | HTMLElement {
  const beats = [...new Set(rows.map((r) => r.beat))]
  const label = (target: string) => (target === noneTarget ? noneLabel : target)
  const shown = rows.map((r) => ({ ...r, target: label(r.target) }))
  const targets = [...new Set(shown.map((r) => r.target))]
  return Plot.plot({
    width: chartWidth,
    height: Math.max(140, 50 + beats.length * 26),
    marginLeft: 150,
    x: { label: xLabel, domain: [...targets.filter((t) => t !== noneLabel), noneLabel] },
    y: { label: null, domain: beats },
    color: { scheme: 'blues', domain: [0, 100] },
    marks: [
      Plot.cell(shown, { x: 'target', y: 'beat', fill: (r: DwellRow) => r.share * 100, title: (r: DwellRow) => `${r.beat}, ${r.target}: ${Math.round(r.share * 100)}%` }),
      Plot.text(shown, { x: 'target', y: 'beat', text: (r: DwellRow) => `${Math.round(r.share * 100)}%`, fill: (r: DwellRow) => (r.share > 0.5 ? 'white' : 'black') }),
    ],
  })
}
