import { useFrame } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { buildFigure, type BuiltFigure, type FigureLook } from './buildFigure.ts'
import { isExpressionName, type ExpressionName } from './expressions.ts'
import { createFigureAnimator } from './figureAnimator.ts'
import { applyPose, isPoseName, type PoseName } from './poses.ts'
import { hashToUint32 } from '../../engine/drill/seededRandom.ts'

export interface FigureProps {
  look: FigureLook
  /** One of poseNames; an unknown name (say, from scene data) falls back to 'stand'. Default 'stand'. */
  pose?: PoseName | (string & {})
  /** Where the figure's root goes: its feet when standing, its seat when sitting (the figure is grounded on it). */
  position?: [number, number, number]
  /** Turn about y; 0 faces +Z. */
  rotationY?: number
  /**
   * Seconds to ease into a new pose (a smoothstep). Default 0.35: quick enough for a gesture to read as one, slow
   * enough that nothing snaps.
   */
  transitionSeconds?: number
  visible?: boolean
  /** Breathing, a slow shift of weight and blinking (idleLife.ts). Default true. */
  idle?: boolean
  /**
   * Seeds this figure's breathing and blinking, so that figures do not move in step. Default: derived from the look
   * (two figures that look alike get the same seed; give them different seeds).
   */
  seed?: number
  /** The face it shows (expressions.ts): 'calm' | 'angry' | 'afraid' | 'sad'; eased over about 0.3 s. Default 'calm'. */
  expression?: ExpressionName | (string & {})
  /**
   * Where the figure looks, in world metres, read every frame; null looks where the pose looks. The head turns at
   * most 60° aside and 30° up or down, eased (gaze.ts). Default none (the pose's own direction).
   */
  gazeAt?: () => readonly [number, number, number] | null
  /**
   * The loudness of the figure's own voice now, 0..1, read every frame (e.g. the sound service's `loudness(from)`);
   * the jaw opens with it, fast on and about 100 ms off (jawFollower.ts). Default none: the jaw stays closed.
   */
  loudness?: () => number
  /**
   * Called every frame after the pose, idle life, gaze and face, to add live movement on top (a head that follows
   * the client's head, a nod while speaking). The pose is re-applied every frame, so changes do not pile up. Default
   * none.
   */
  afterPose?(figure: BuiltFigure, delta: number): void
  /** Called once per built figure (e.g. to hide its head for a first-person body). Default none. */
  onBuilt?(figure: BuiltFigure): void
}

/**
 * A procedural person (buildFigure) in a pose, alive: the per-frame layers (pose, idle life, gaze, face) are in
 * figureAnimator.ts. Built once per look, disposed on unmount.
 */
export function Figure({
  look,
  pose = 'stand',
  position = [0, 0, 0],
  rotationY = 0,
  transitionSeconds = 0.35,
  visible = true,
  idle = true,
  seed,
  expression = 'calm',
  gazeAt,
  loudness,
  afterPose,
  onBuilt,
}: FigureProps) {
  // Rebuild only when the look's content changes, not when the parent passes a new object literal.
  const lookKey = JSON.stringify(look)
  const figure = useMemo(() => buildFigure(JSON.parse(lookKey) as FigureLook), [lookKey])
  useEffect(() => () => figure.dispose(), [figure])

  const target: PoseName = isPoseName(pose) ? pose : 'stand'
  const face: ExpressionName = isExpressionName(expression) ? expression : 'calm'
  // A newly built figure starts in the pose it is given then, at once.
  const latestPose = useRef(target)
  latestPose.current = target
  const animator = useMemo(() => createFigureAnimator(figure, seed ?? hashToUint32(lookKey), latestPose.current), [figure, seed, lookKey])

  useLayoutEffect(() => {
    applyPose(figure.joints, latestPose.current, 1)
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
    animator.step(delta, { pose: target, transitionSeconds, idle, expression: face, gaze: gazeAt?.() ?? null, loudness: loudness?.() ?? 0, external: afterPose !== undefined })
    afterPose?.(figure, delta)
  })

  return <primitive object={figure.root} position={position} rotation-y={rotationY} visible={visible} />
}
