import { useEffect, useRef } from 'react'
import type { PoseFrame } from '../room/protocol.ts'

/** The newest head pose, shared with the mirror and the top view without re-rendering React 30 times a second. */
export interface PoseRef {
  current: PoseFrame | null
}

/**
 * A floor plan seen from above: the client's head, the direction they look in (from the streamed pose), and the
 * scene's look targets, each with its share of this beat's dwell. Drawn from the pose ref on every animation frame.
 */
export function TopView({ pose, targets, dwell, nameOf = (id) => id }: { pose: PoseRef; targets: Record<string, [number, number]>; dwell: Record<string, number>; nameOf?: (target: string) => string }) {
  const head = useRef<SVGCircleElement>(null)
  const gaze = useRef<SVGLineElement>(null)
  useEffect(() => {
    let frame = 0
    const draw = () => {
      const p = pose.current
      if (p && head.current && gaze.current) {
        const [x, , z] = p.p
        const [qx, qy, qz, qw] = p.q
        // The camera looks down its -Z axis: that axis rotated by q, projected on the floor.
        const fx = -2 * (qx * qz + qw * qy)
        const fz = -(1 - 2 * (qx * qx + qy * qy))
        const len = Math.hypot(fx, fz) || 1
        head.current.setAttribute('cx', String(x))
        head.current.setAttribute('cy', String(z))
        gaze.current.setAttribute('x1', String(x))
        gaze.current.setAttribute('y1', String(z))
        gaze.current.setAttribute('x2', String(x + (fx / len) * 2.5))
        gaze.current.setAttribute('y2', String(z + (fz / len) * 2.5))
      }
      frame = requestAnimationFrame(draw)
    }
    frame = requestAnimationFrame(draw)
    return () => cancelAnimationFrame(frame)
  }, [pose])
  return (
    <svg className="top-view" viewBox="-3.5 -3.5 7 7" role="img" aria-label="top view">
      <rect x={-3.5} y={-3.5} width={7} height={7} fill="#f3f1ea" />
      <g stroke="#d8d4c8" strokeWidth={0.01}>
        {[-3, -2, -1, 0, 1, 2, 3].map((v) => (
          <g key={v}>
            <line x1={v} y1={-3.5} x2={v} y2={3.5} />
            <line x1={-3.5} y1={v} x2={3.5} y2={v} />
          </g>
        ))}
      </g>
      {Object.entries(targets).map(([name, [x, z]]) => (
        <g key={name}>
          <circle cx={x} cy={z} r={0.12 + 0.25 * (dwell[name] ?? 0)} fill="#1f5f8b" opacity={0.35} />
          <text x={x + 0.15} y={z - 0.15} fontSize={0.28} fill="#1b2a36">
            {nameOf(name)} {dwell[name] !== undefined ? `${Math.round(dwell[name]! * 100)}%` : ''}
          </text>
        </g>
      ))}
      <line ref={gaze} stroke="#c0392b" strokeWidth={0.06} strokeLinecap="round" />
      <circle ref={head} r={0.16} fill="#c0392b" />
    </svg>
  )
}
