import { addEffect, useFrame, useThree } from '@react-three/fiber'
import { useXR, useXRInputSourceState, useXRSessionVisibilityState } from '@react-three/xr'
import { useEffect, useMemo, useRef } from 'react'
import { Vector3 } from 'three'
import type { SoundService } from '../audio/soundService.ts'
import type { SceneInputEvent } from '../engine/sceneTypes.ts'
import { headSample, type Vec3 } from './headDirectionDwell.ts'

/**
 * The time R3F's XR loop passed to the current frame callback (the XR frame's time), captured by a global effect
 * that runs just before the frame's useFrame subscribers.
 */
let xrFrameTime: number | null = null
let effectInstalled = false
function captureFrameTimes() {
  if (effectInstalled) return
  effectInstalled = true
  addEffect((timestamp) => {
    xrFrameTime = timestamp
  })
}

/**
 * What every VR scene does around its own content, in one place: a head sample per headset frame for the runtime's
 * dwell measurement (src/engine/headDwell.ts), the safety inputs (B or Y, both grips, the system menu), the listener following the head, and the
 * draw calls and triangles per beat. A scene's world calls this once and gets `endBeat` to send beat-ending inputs.
 */
export interface SceneFrameOptions {
  beat: string
  paused: boolean
  /** Dwell targets in world metres, in the scene's order (ties go to the first). */
  targets: Record<string, Vec3>
  /** Default half-angle of a target's cone, in degrees. */
  coneDeg: number
  /** Per-target cones (`vr.dwellCones`), overriding `coneDeg`. */
  cones?: Record<string, number>
  sound: SoundService
  send(input: SceneInputEvent): void
  /** Called every frame after the head has been sampled (e.g. to keep the eye height right). */
  onFrame?(head: Vector3, forward: Vector3): void
}

/** The scene's dwell targets in the order its `vr.targets` lists them (a tie goes to the first); all when it lists none. */
export function orderedTargets<T>(all: Record<string, T>, listed: readonly string[] | undefined): [string, T][] {
  if (!listed || listed.length === 0) return Object.entries(all)
  return listed.flatMap((name) => (all[name] === undefined ? [] : [[name, all[name]] as [string, T]]))
}

export interface SceneFrame {
  /** Sends an input that ends a beat (the runtime logs the beat's dwell just before it). */
  endBeat(input: Extract<SceneInputEvent, { beat: string }>): void
  /** Largest draw calls and triangles seen per beat, per eye. */
  renderStats: Record<string, { calls: number; triangles: number }>
}

export function useSceneFrame({ beat, paused, targets, coneDeg, cones, sound, send, onFrame }: SceneFrameOptions): SceneFrame {
  const session = useXR((s) => s.session)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  captureFrameTimes()

  const right = useXRInputSourceState('controller', 'right')
  const left = useXRInputSourceState('controller', 'left')
  const visibility = useXRSessionVisibilityState()
  useEffect(() => {
    if (!visibility || !session) return
    send({ type: 'measure', forBeat: beat, kind: 'xr.visibility', data: { state: visibility } })
    if (visibility === 'visible-blurred' || visibility === 'hidden') send({ type: 'pause', reason: 'system-menu' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibility])

  const wasPressed = useRef(false)
  const head = useMemo(() => new Vector3(), [])
  const forward = useMemo(() => new Vector3(), [])
  const renderStats = useRef<Record<string, { calls: number; triangles: number }>>({})
  // How many views the frame whose counts we read had: the headset draws two, the window one. Read a frame late, so
  // the frame in which a session ends is not taken for a single view.
  const viewsOfLastFrame = useRef(1)
  // Default priority: any priority above 0 would make R3F stop drawing the scene itself. The render counts read here
  // are those of the frame just drawn (three resets them when the next render starts).
  useFrame((_state, _delta, xrFrame) => {
    camera.getWorldPosition(head)
    camera.getWorldDirection(forward)
    sound.setListener([head.x, head.y, head.z], [forward.x, forward.y, forward.z])
    // Only headset frames are samples, on the XR frame's own time; the window preview is not the client's head.
    if (xrFrame && xrFrameTime !== null) {
      send({ type: 'head-sample', sample: headSample(xrFrameTime, [head.x, head.y, head.z], [forward.x, forward.y, forward.z], targets, coneDeg, cones) })
    }
    onFrame?.(head, forward)
    const pressed = (c: typeof right, id: string) => c?.gamepad?.[id]?.state === 'pressed'
    const safety = pressed(right, 'b-button') || pressed(left, 'y-button') || (pressed(right, 'xr-standard-squeeze') && pressed(left, 'xr-standard-squeeze'))
    if (safety && !wasPressed.current && !paused) send({ type: 'pause', reason: 'controller' })
    wasPressed.current = safety
    // Draw calls and triangles of the last frame, per eye, per beat (the budget is per beat).
    const views = viewsOfLastFrame.current
    viewsOfLastFrame.current = gl.xr.isPresenting ? 2 : 1
    const info = gl.info.render
    const stats = renderStats.current[beat] ?? { calls: 0, triangles: 0 }
    renderStats.current[beat] = { calls: Math.max(stats.calls, Math.ceil(info.calls / views)), triangles: Math.max(stats.triangles, Math.ceil(info.triangles / views)) }
  })

  return {
    endBeat(input) {
      send(input)
    },
    renderStats: renderStats.current,
  }
}
