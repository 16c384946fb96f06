import { useFrame } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { Group } from 'three'

/** Where a figure's root goes and which way it faces (0 = towards +Z). */
export interface Spot {
  position: [number, number, number]
  rotationY: number
}

interface Walk {
  from: Spot
  to: Spot
  ms: number
  elapsed: number
}

const smoothstep = (t: number) => t * t * (3 - 2 * t)
/** The signed shortest turn from one heading to another, in (−π, π]. */
const shortestTurn = (from: number, to: number) => Math.atan2(Math.sin(to - from), Math.cos(to - from))
/** Share of a walk spent turning from the walking heading to the spot's own facing, at its end. */
const turnShare = 0.15

/**
 * A figure's place in the world, from the scene's `place` actions.
 * - `spot` null means away: not home, not drawn.
 * - A new spot is reached by walking over `walkMs` (0: at once), facing where it goes, then turning to the spot's
 *   own facing over the walk's last 15%.
 * - Coming from away, the figure walks in from `entrance`.
 * The group carries `name` (e.g. `figure:mother`) and `userData.pose`, which the tests that look read.
 */
export function Placed({ name, spot, walkMs, entrance, pose, children }: { name: string; spot: Spot | null; walkMs: number; entrance: Spot; pose?: string; children: ReactNode }) {
  const group = useRef<Group>(null)
  const walk = useRef<Walk | null>(null)
  const last = useRef<Spot | null>(spot)
  const mounted = useRef(false)
  const key = spot ? `${spot.position.join(',')}:${spot.rotationY}` : 'away'
  // Position and facing are set here and in the frame loop only (no props), so a re-render never cuts a walk short.
  useLayoutEffect(() => {
    const cameHome = last.current === null
    last.current = spot
    const g = group.current
    if (!g) return
    const first = !mounted.current
    mounted.current = true
    if (!spot) {
      walk.current = null
      g.position.set(...entrance.position)
      g.rotation.y = entrance.rotationY
      return
    }
    // A scene that resumes mid-way (a reload) shows each figure where it is, without replaying the walk.
    const from: Spot = cameHome ? entrance : { position: [g.position.x, g.position.y, g.position.z], rotationY: g.rotation.y }
    walk.current = walkMs > 0 && !first ? { from, to: spot, ms: walkMs, elapsed: 0 } : null
    if (walk.current) {
      g.position.set(...from.position)
      g.rotation.y = from.rotationY
    } else {
      g.position.set(...spot.position)
      g.rotation.y = spot.rotationY
    }
    // The walk restarts only when the place itself changes, not when the parent re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  useFrame((_, delta) => {
    const w = walk.current
    const g = group.current
    if (!w || !g) return
    w.elapsed = Math.min(w.ms, w.elapsed + delta * 1000)
    const t = w.elapsed / w.ms
    const s = smoothstep(t)
    const [fx, fy, fz] = w.from.position
    const [tx, ty, tz] = w.to.position
    g.position.set(fx + (tx - fx) * s, fy + (ty - fy) * s, fz + (tz - fz) * s)
    const heading = Math.hypot(tx - fx, tz - fz) > 1e-3 ? Math.atan2(tx - fx, tz - fz) : w.to.rotationY
    g.rotation.y = t < 1 - turnShare ? heading : heading + shortestTurn(heading, w.to.rotationY) * ((t - (1 - turnShare)) / turnShare)
    if (w.elapsed >= w.ms) walk.current = null
  })
  return (
    <group ref={group} name={name} visible={spot !== null} userData={{ pose }}>
      {children}
    </group>
  )
}

/** A one-shot gesture from the scene's `gesture` action: `id` grows with every new one. */
export interface GestureCue {
  gesture: string
  holdMs: number
  id: number
}

/** The pose a one-shot gesture shows while it plays (easing in over `easeSeconds`, then held `holdMs`), else null. */
export function useGesture(gesture: GestureCue | undefined, easeSeconds: number): string | null {
  const [active, setActive] = useState<string | null>(null)
  const id = gesture?.id
  useEffect(() => {
    if (!gesture) return
    setActive(gesture.gesture)
    const timer = setTimeout(() => setActive(null), gesture.holdMs + easeSeconds * 1000)
    return () => clearTimeout(timer)
    // Each gesture plays once: only a new id starts it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  return active
}
