import { useFrame } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { buildFigure, type BuiltFigure, type FigureLook } from './buildFigure.ts'
import { applyPose, isPoseName, type PoseName } from './poses.ts'

export interface FigureProps {
  look: FigureLook
  /** One of poseNames; an unknown name (say, from scene data) falls back to 'stand'. Default 'stand'. */
  pose?: PoseName | (string & {})
  /** Where the figure's root goes: its feet when standing, its seat when sitting (the figure is grounded on it). */
  position?: [number, number, number]
  /** Turn about y; 0 faces +Z. */
  rotationY?: number
  /** Seconds to ease into a new pose. Default 0.6. */
  transitionSeconds?: number
  visible?: boolean
  /**
   * Called every frame after the pose, to add live movement on top (a head that follows the client's head, a nod
   * while speaking). The pose is re-applied every frame while this is given, so changes do not pile up. Default none.
   */
  afterPose?(figure: BuiltFigure, delta: number): void
  /** Called once per built figure (e.g. to hide its head for a first-person body). Default none. */
  onBuilt?(figure: BuiltFigure): void
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t))

/**
 * A procedural person (buildFigure) in a pose. Built once per look, disposed on unmount; a change of pose eases over
 * about 0.6 s (a smoothstep, by slerping each frame the share of the remaining way that the curve covers).
 */
export function Figure({ look, pose = 'stand', position = [0, 0, 0], rotationY = 0, transitionSeconds = 0.6, visible = true, afterPose, onBuilt }: FigureProps) {
  // Rebuild only when the look's content changes, not when the parent passes a new object literal.
  const lookKey = JSON.stringify(look)
  const figure = useMemo(() => buildFigure(JSON.parse(lookKey) as FigureLook), [lookKey])
  useEffect(() => () => figure.dispose(), [figure])

  const target: PoseName = isPoseName(pose) ? pose : 'stand'
  const ease = useRef<{ pose: PoseName; elapsed: number }>({ pose: target, elapsed: Infinity })

  // A new figure starts in its pose at once.
  useLayoutEffect(() => {
    applyPose(figure.joints, ease.current.pose, 1)
    figure.ground()
    // A figure never catches a controller ray meant for a button behind or beside it.
    figure.root.traverse((o) => {
      o.pointerEvents = 'none'
      o.raycast = () => {}
    })
    onBuilt?.(figure)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figure])

  useFrame((_, delta) => {
    const e = ease.current
    if (e.pose !== target) {
      e.pose = target
      e.elapsed = 0
    }
    const duration = Math.max(1e-3, transitionSeconds)
    if (e.elapsed >= duration) {
      if (afterPose) {
        applyPose(figure.joints, target, 1)
        afterPose(figure, delta)
      }
      return
    }
    const before = smoothstep(e.elapsed / duration)
    e.elapsed = Math.min(duration, e.elapsed + delta)
    const after = smoothstep(e.elapsed / duration)
    applyPose(figure.joints, target, before >= 1 ? 1 : (after - before) / (1 - before))
    figure.ground()
    afterPose?.(figure, delta)
  })

  return <primitive object={figure.root} position={position} rotation-y={rotationY} visible={visible} />
}
