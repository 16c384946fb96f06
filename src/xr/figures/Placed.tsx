import { useFrame } from '@react-three/fiber'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { Group } from 'three'

/** Where a figure's root goes and which way it faces (0 = towards +Z). */
export interface Spot {
  position: [number, number, number]
  rotationY: number
}

/**
 * A figure's place in the world, from the scene's `place` actions: `spot` null means away (not home, not drawn);
 * a new spot is reached by walking over `walkMs` (turned towards where it goes, then to the spot's own facing).
 * Coming from away, the figure walks in from `entrance`.
 */
export function Placed({ name, spot, walkMs, entrance, children }: { name: string; spot: Spot | null; walkMs: number; entrance: Spot; children: ReactNode }) {
  const group = useRef<Group>(null)
  const walk = useRef<{ from: Spot; to: Spot; ms: number; elapsed: number } | null>(null)
  const last = useRef<Spot | null>(spot)
  const key = spot ? `${spot.position.join(',')}:${spot.rotationY}` : 'away'
  useEffect(() => {
    const from = last.current ?? entrance
    last.current = spot
    if (!spot) return
    walk.current = walkMs > 0 ? { from, to: spot, ms: walkMs, elapsed: 0 } : null
    if (!walk.current && group.current) {
      group.current.position.set(...spot.position)
      group.current.rotation.y = spot.rotationY
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  useFrame((_, delta) => {
    const w = walk.current
    const g = group.current
    if (!w || !g) return
    w.elapsed = Math.min(w.ms, w.elapsed + delta * 1000)
    const t = w.elapsed / w.ms
    const s = t * t * (3 - 2 * t)
    const [fx, fy, fz] = w.from.position
    const [tx, ty, tz] = w.to.position
    g.position.set(fx + (tx - fx) * s, fy + (ty - fy) * s, fz + (tz - fz) * s)
    const heading = Math.atan2(tx - fx, tz - fz)
    g.rotation.y = t < 0.85 ? heading : heading + shortest(heading, w.to.rotationY) * ((t - 0.85) / 0.15)
    if (w.elapsed >= w.ms) walk.current = null
  })
  const at = spot ?? entrance
  return (
    <group ref={group} name={name} visible={spot !== null} position={walk.current ? undefined : at.position} rotation-y={walk.current ? undefined : at.rotationY}>
      {children}
    </group>
  )
}

function shortest(from: number, to: number): number {
  return Math.atan2(Math.sin(to - from), Math.cos(to - from))
}

/** A one-shot gesture (the scene's `gesture` action): its pose while it plays, else null. `id` changes per gesture. */
export function useGesture(gesture: { gesture: string; holdMs: number; id: number } | undefined, easeSeconds: number): string | null {
  const [active, setActive] = useState<string | null>(null)
  const id = gesture?.id
  useEffect(() => {
    if (!gesture) return
    setActive(gesture.gesture)
    const timer = setTimeout(() => setActive(null), gesture.holdMs + easeSeconds * 1000)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  return active
}
