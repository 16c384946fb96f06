import * as Plot from '@observablehq/plot'
import { chartWidth } from '../charts/chartSize.ts'

export interface AlliancePoint {
  /** Contact key on the x axis (its label comes from `contactLabels`). */
  contact: string
  value: number
}

/** The two sides' colours and marks: a filled circle for the client, a hollow square for the worker. */
export const sideStyle = {
  client: { color: '#1f5f8b', symbol: 'circle' as const },
  worker: { color: '#9c4221', symbol: 'square' as const },
}

/**
 * One part over the contacts: the client as filled circles on a solid line, the worker as hollow squares on a dashed
 * line, so the sides differ in shape and fill as well as colour (and survive black-and-white printing). The kind of
 * contact is part of each x label.
 */
export function allianceChart(args: {
  client: readonly AlliancePoint[]
  worker: readonly AlliancePoint[]
  contacts: readonly string[]
  contactLabels: Record<string, string>
  points: number
  yLabel: string
  xLabel: string
  names: { client: string; worker: string }
}): SVGSVGElement | HTMLElement {
  const { client, worker } = args
  const x = (p: AlliancePoint) => p.contact
  const y = (p: AlliancePoint) => p.value
  return Plot.plot({
    width: chartWidth,
    height: 190,
    marginLeft: 50,
    marginBottom: 55,
    x: { type: 'point', domain: [...args.contacts], label: args.xLabel, tickFormat: (k: string) => args.contactLabels[k] ?? k, tickRotate: -20, padding: 0.4 },
    y: { domain: [1, args.points], label: args.yLabel, grid: true, ticks: args.points },
    marks: [
      Plot.line(client, { x, y, stroke: sideStyle.client.color, strokeWidth: 2 }),
      Plot.line(worker, { x, y, stroke: sideStyle.worker.color, strokeWidth: 2, strokeDasharray: '5,4' }),
      // The hollow square first and a smaller filled circle on top: where both sides agree, the circle sits inside the square.
      Plot.dot(worker, { x, y, symbol: sideStyle.worker.symbol, fill: 'white', stroke: sideStyle.worker.color, strokeWidth: 2.5, r: 7, className: 'alliance-worker', title: (p: AlliancePoint) => `${args.names.worker}: ${p.value.toFixed(1)}` }),
      Plot.dot(client, { x, y, symbol: sideStyle.client.symbol, fill: sideStyle.client.color, r: 4.5, className: 'alliance-client', title: (p: AlliancePoint) => `${args.names.client}: ${p.value.toFixed(1)}` }),
    ],
  })
}
