import { useEffect, useRef } from 'react'

/**
 * One chart with its title. Plot builds SVG nodes itself (text through text nodes, never markup), and they are
 * attached as nodes: no innerHTML anywhere. `break-inside: avoid` keeps a printed chart on one page.
 *
 * Each chart is drawn in a task of its own, after the report around it is on screen: a report has several charts
 * (a client several per part), and drawn in the same task as the report they made one long task that froze the
 * page after a large import (src/debrief/README.md, "A fast debrief").
 */
export function PlotFigure({ title, note, build, testId }: { title: string; note?: string; build: () => Element; testId: string }) {
  const holder = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let chart: Element | null = null
    const draw = setTimeout(() => {
      chart = build()
      // Plot names its mark groups with aria-label; a plain <g> may not carry one unless it is given a role.
      for (const g of chart.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group')
      holder.current?.replaceChildren(chart)
    })
    return () => {
      clearTimeout(draw)
      chart?.remove()
    }
  }, [build])
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <h4>{title}</h4>
        {note && <p className="hint">{note}</p>}
      </figcaption>
      <div ref={holder} />
    </figure>
  )
}
