import { useFrame } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import { buildChildBedroom } from './buildChildBedroom.ts'
import { doorOpen as defaultDoorOpen, type Intensity } from './childEyeLayout.ts'

export interface ChildBedroomProps {
  intensity: Intensity
  sibling: boolean
  /** How far the door stands open, 0..1 of its 90° swing. Default: the layout's value for the intensity. */
  doorOpen?: number
  /** Seconds the door takes to cover most (about 95%) of a change. Default 1.2: a slow, quiet swing. */
  doorSeconds?: number
}

/** The child's bedroom at night (buildChildBedroom), built once per intensity and sibling, with the door easing to `doorOpen`. */
export function ChildBedroom({ intensity, sibling, doorOpen, doorSeconds = 1.2 }: ChildBedroomProps) {
  const room = useMemo(() => buildChildBedroom({ intensity, sibling }), [intensity, sibling])
  useEffect(() => () => room.dispose(), [room])
  const target = Math.min(1, Math.max(0, doorOpen ?? defaultDoorOpen[intensity]))

  // A new room starts with the door where it should be.
  useLayoutEffect(() => {
    room.setDoorOpen(target)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room])

  useFrame((_, delta) => {
    const current = room.doorFraction
    if (current === target) return
    // Exponential approach: about 95% of the way in doorSeconds (three time constants).
    const k = 1 - Math.exp((-3 * delta) / Math.max(1e-3, doorSeconds))
    const next = current + (target - current) * k
    room.setDoorOpen(Math.abs(target - next) < 0.002 ? target : next)
  })

  return <primitive object={room.root} />
}
