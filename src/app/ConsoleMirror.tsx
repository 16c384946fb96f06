import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { useEffect, useMemo } from 'react'
import { Matrix4, Quaternion, Vector3 } from 'three'
import type { SoundService } from '../audio/soundService.ts'
import type { PoseRef } from '../console/ConsoleApp.tsx'
import type { SceneContext } from '../engine/sceneTypes.ts'
import type { SessionState } from '../room/protocol.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import { ChildEyeWorld } from '../xr/ChildEyeWorld.tsx'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { FutureSelfWorld } from '../xr/FutureSelfWorld.tsx'
import type { VrWorldProps } from '../xr/vrWorldProps.ts'
import { createSceneXRStore } from '../xr/xrStore.ts'

/** The same world component per environment as the headset (VrSession). */
const worlds: Record<NonNullable<BundledScene['script']['vr']>['environment'], (props: VrWorldProps) => React.JSX.Element> = {
  'child-bedroom': ChildEyeWorld,
  'meeting-room': FutureSelfWorld,
}

/** The mirror is silent: the voices play in the headset, next to the trainer. */
const silent: SoundService = { unlock() {}, play() {}, loudness: () => 0, setListener() {}, pause() {}, resume() {}, stop() {} }
const ignore = () => undefined

/** The scene's state as a world reads it, rebuilt from the streamed state (no cue: the mirror plays nothing). */
function mirrorContext(state: SessionState): SceneContext {
  return {
    sessionId: 'mirror',
    params: state.params as SceneContext['params'],
    beat: state.beat,
    answers: state.answers,
    flags: state.flags,
    seq: 0,
    deadlineAt: null,
    timeScale: 1,
    startedAt: 0,
    cue: null,
    props: state.props,
    ...(state.seat ? { seat: state.seat } : {}),
    poses: state.poses,
    paused: state.paused ? { reason: state.paused.reason, since: state.paused.since, remainingMs: null } : null,
  }
}

export interface MirrorTestHook {
  /** The mirror camera's world orientation and the newest pose received, as [x, y, z, w]. */
  camera(): [number, number, number, number]
  received(): [number, number, number, number] | null
}

/**
 * The console's live mirror: the scene's own world, with the session's parameters and state, seen from the client's
 * head pose as streamed (about 30 a second), smoothed between frames. Not a video: the headset renders once.
 */
export function ConsoleMirror({ scene, state, pose }: { scene: BundledScene; state: SessionState; pose: PoseRef }) {
  const World = worlds[scene.script.vr?.environment ?? 'child-bedroom']
  const store = useMemo(() => createSceneXRStore(), [])
  const context = useMemo(() => mirrorContext(state), [state])
  return (
    // Drawn on demand: when a new pose arrives and while easing towards it, never more than the pose rate needs.
    <Canvas className="mirror-canvas" frameloop="demand" dpr={1} camera={{ fov: 70, near: 0.05, far: 50, position: [0, 1.2, 0.2] }} gl={{ antialias: !__TEST_MODE__, preserveDrawingBuffer: __TEST_MODE__ }} data-testid="mirror-canvas">
      <XR store={store}>
        <World scene={scene} context={context} language={state.language} sound={silent} send={ignore} completed={state.status === 'completed'} avatar={(state.avatar as AvatarChoices | null) ?? null} recorder={null} />
        <MirrorCamera pose={pose} />
      </XR>
    </Canvas>
  )
}

function MirrorCamera({ pose }: { pose: PoseRef }) {
  const target = useMemo(() => ({ p: new Vector3(), q: new Quaternion(), has: false }), [])
  const world = useMemo(() => ({ p: new Vector3(), q: new Quaternion(), m: new Matrix4(), inv: new Matrix4(), s: new Vector3(1, 1, 1) }), [])
  const seen = useMemo(() => ({ q: new Quaternion() }), [])
  const invalidate = useThree((s) => s.invalidate)
  const easing = useMemo(() => ({ last: null as unknown, moving: true }), [])
  useEffect(() => {
    const timer = setInterval(() => {
      if (pose.current !== easing.last || easing.moving) invalidate()
    }, 1000 / 40)
    return () => clearInterval(timer)
  }, [pose, easing, invalidate])
  useFrame(({ camera }, delta) => {
    const p = pose.current
    if (p) {
      target.p.set(p.p[0], p.p[1], p.p[2])
      target.q.set(p.q[0], p.q[1], p.q[2], p.q[3]).normalize()
      if (!target.has) {
        world.p.copy(target.p)
        world.q.copy(target.q)
        target.has = true
      }
    }
    if (!target.has) return
    // Interpolate towards the newest pose: most of the way within one pose interval (33 ms), no overshoot.
    const k = 1 - Math.exp(-Math.min(delta, 0.1) / 0.03)
    world.p.lerp(target.p, k)
    world.q.slerp(target.q, k)
    easing.last = p
    easing.moving = world.q.angleTo(target.q) > 1e-4 || world.p.distanceToSquared(target.p) > 1e-8
    // The camera may sit under the world's XR origin: set its local pose so that its world pose is the head's.
    world.m.compose(world.p, world.q, world.s)
    if (camera.parent) {
      camera.parent.updateWorldMatrix(true, false)
      world.m.premultiply(world.inv.copy(camera.parent.matrixWorld).invert())
    }
    world.m.decompose(camera.position, camera.quaternion, world.s)
    world.s.set(1, 1, 1)
    camera.updateMatrixWorld()
    if (__TEST_MODE__) {
      camera.getWorldQuaternion(seen.q)
      const hook: MirrorTestHook = { camera: () => [seen.q.x, seen.q.y, seen.q.z, seen.q.w], received: () => (pose.current ? [...pose.current.q] : null) }
      ;(window as unknown as { __perspectiefMirror: MirrorTestHook }).__perspectiefMirror = hook
    }
  })
  return null
}
