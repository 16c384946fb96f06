import * as Plot from '@observablehq/plot'
import { chartHeight, chartWidth } from './chartSize.ts'

export interface CellPoint {
  session: string
  /** The cell's name in the report's language, e.g. "drank weg" for alcohol-push. */
  cell: string
  meanRt: number
}

/** Mean initiation RT of each cell (category × direction), one coloured line per session; `cells` names them in order. */
export function cellsChart(points: readonly CellPoint[], yLabel: string, cells: readonly string[]): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: chartWidth,
    height: chartHeight,
    marginLeft: 60,
    x: { label: null, type: 'point', padding: 0.5, domain: [...cells] },
    y: { label: yLabel, grid: true, nice: true },
    color: { legend: true, type: 'categorical' },
    marks: [
      Plot.line(points, { x: 'cell', y: 'meanRt', stroke: 'session', z: 'session' }),
      Plot.dot(points, { x: 'cell', y: 'meanRt', fill: 'session', r: 4, title: (p: CellPoint) => `${p.session}, ${p.cell}: ${Math.round(p.meanRt)} ms` }),
    ],
  })
}
