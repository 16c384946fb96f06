import { useFrame, useThree } from '@react-three/fiber'
import { XROrigin, useXR, useXRInputSourceState, useXRSessionVisibilityState } from '@react-three/xr'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Object3D, Raycaster, SRGBColorSpace, Vector3, WebGLRenderTarget, type Camera, type Scene, type WebGLRenderer } from 'three'
import type { SoundService } from '../audio/soundService.ts'
import type { SceneContext, SceneInputEvent } from '../engine/sceneTypes.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import { ChildBedroom } from './environments/ChildBedroom.tsx'
import { childEyeTargets, extraSpots, eyeHeights, figureSpots, soundSources } from './environments/childEyeLayout.ts'
import { Figure } from './figures/Figure.tsx'
import type { FigureLook } from './figures/buildFigure.ts'
import { createDwellTracker, type DwellTracker, type Vec3 } from './headDirectionDwell.ts'
import { PauseSpace } from './PauseSpace.tsx'
import { ReflectionPanel } from './ReflectionPanel.tsx'
import { publishTestHook } from './testHook.ts'

type Intensity = 'heard' | 'seen' | 'full'

/** Renders the scene once more from an eye camera into a texture and returns it as a PNG (tests only). */
function eyeSnapshot(gl: WebGLRenderer, world: Object3D, eye: Camera, width = 960, height = 720): string {
  const target = new WebGLRenderTarget(width, height)
  target.texture.colorSpace = SRGBColorSpace
  const xrEnabled = gl.xr.enabled
  const previous = gl.getRenderTarget()
  gl.xr.enabled = false
  gl.setRenderTarget(target)
  gl.render(world as Scene, eye)
  gl.setRenderTarget(previous)
  gl.xr.enabled = xrEnabled
  const pixels = new Uint8Array(width * height * 4)
  gl.readRenderTargetPixels(target, 0, 0, width, height, pixels)
  target.dispose()
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const image = canvas.getContext('2d')!.createImageData(width, height)
  // WebGL rows start at the bottom.
  for (let y = 0; y < height; y++) image.data.set(pixels.subarray((height - 1 - y) * width * 4, (height - y) * width * 4), y * width * 4)
  canvas.getContext('2d')!.putImageData(image, 0, 0)
  return canvas.toDataURL('image/png')
}

/** For the e2e test of intensities: can the eyes see each figure's chest, or is a wall in the way? */
function figuresInSight(world: Object3D, eyes: Vector3): Record<string, boolean> {
  const out: Record<string, boolean> = {}
  world.traverse((o) => {
    if (!o.name.startsWith('figure:')) return
    const chest = o.getWorldPosition(new Vector3()).add(new Vector3(0, 1.2, 0))
    const ray = new Raycaster(eyes, chest.clone().sub(eyes).normalize(), 0.05, chest.distanceTo(eyes))
    const hits = ray.intersectObject(world, true).filter((h) => h.object.visible)
    const first = hits[0]?.object
    let insideFigure = false
    for (let p: Object3D | null = first ?? null; p; p = p.parent) if (p === o) insideFigure = true
    out[o.name.slice('figure:'.length)] = hits.length === 0 || insideFigure
  })
  return out
}

const looks: Record<'father' | 'mother' | 'sibling', FigureLook> = {
  father: { height: 1.84, build: 'broad', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, beard: 'stubble', top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' },
  mother: { height: 1.68, build: 'slim', skin: '#d8aa8c', hair: { style: 'ponytail', colour: '#6b3e26' }, top: '#9b4d5a', bottom: '#3a4660', shoes: '#2a2a2a' },
  sibling: { height: 1.5, build: 'slim', skin: '#d2a284', hair: { style: 'long', colour: '#4a3222' }, top: '#5c8a6e', bottom: '#34495e', shoes: '#3d3d3d' },
}

export interface VrWorldProps {
  scene: BundledScene
  context: SceneContext
  language: Language
  sound: SoundService
  send(input: SceneInputEvent): void
  completed: boolean
}

/** The child's-eye scene: room, parents, voices from where they stand, head-direction dwell, safety, reflection. */
export function VrWorld({ scene, context, language, sound, send, completed }: VrWorldProps) {
  const { script } = scene
  const intensity = (context.params.intensity ?? 'seen') as Intensity
  const eye = eyeHeights[Number(context.params.childAge ?? 7) as 4 | 7 | 12] ?? eyeHeights[7]
  const sibling = context.params.sibling === true
  const paused = context.paused !== null
  const session = useXR((s) => s.session)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const beat = script.beats.find((b) => b.id === context.beat)

  // In a headset the origin moves so that the client's real head sits at the child's eye height.
  const [headHeight, setHeadHeight] = useState<number | null>(null)
  const originY = session && headHeight !== null ? eye - headHeight : 0
  useEffect(() => {
    if (!session) {
      setHeadHeight(null)
      camera.position.set(0, eye, 0.2)
    }
  }, [session, eye, camera])

  // Voices: play each new cue from its source; tell the scene when it has been heard.
  const played = useRef<number | null>(null)
  useEffect(() => {
    const cue = context.cue
    if (!cue || completed || played.current === cue.id) return
    played.current = cue.id
    const voice = scene.voices?.[language]?.[cue.line]
    const from = cue.from ? soundSources[cue.from as keyof typeof soundSources] : undefined
    const beatAtCue = context.beat
    sound.play({ id: cue.id, url: voice?.url ?? null, durationMs: voice?.durationMs ?? 2500, position: from ? [from.x, from.y, from.z] : null }, () =>
      endBeat({ type: 'cue-ended', beat: beatAtCue, line: cue.line }),
    )
  }, [context.cue, context.beat, completed, language, scene, send, sound])
  useEffect(() => (paused ? sound.pause() : sound.resume()), [paused, sound])
  useEffect(() => () => sound.stop(), [sound])

  // Head-direction dwell per beat, reported when the beat ends.
  const targets = useMemo(() => Object.fromEntries(Object.entries(childEyeTargets).map(([k, v]) => [k, [v.x, v.y, v.z] as Vec3])), [])
  const tracker = useRef<{ beat: string; tracker: DwellTracker; reported: boolean } | null>(null)
  const reportDwell = (beatId: string) => {
    const current = tracker.current
    if (!current || current.beat !== beatId || current.reported) return
    current.reported = true
    send({ type: 'measure', forBeat: current.beat, kind: 'head.dwell', data: { ...current.tracker.report() } })
  }
  useEffect(() => {
    const previous = tracker.current
    if (previous && previous.beat !== context.beat) reportDwell(previous.beat)
    if (!previous || previous.beat !== context.beat) tracker.current = { beat: context.beat, tracker: createDwellTracker(targets, script.vr?.dwellConeDeg ?? 18), reported: false }
  }, [context.beat, send, targets, script.vr?.dwellConeDeg])
  /** Inputs that end a beat carry its dwell first: after the last beat the scene takes no more measurements. */
  const endBeat = (input: Extract<SceneInputEvent, { beat: string }>) => {
    reportDwell(input.beat)
    send(input)
  }

  // Safety: B or Y, or both grips held, pauses; so does the system menu blurring the session.
  const right = useXRInputSourceState('controller', 'right')
  const left = useXRInputSourceState('controller', 'left')
  const visibility = useXRSessionVisibilityState()
  useEffect(() => {
    if (!visibility || !session) return
    send({ type: 'measure', forBeat: context.beat, kind: 'xr.visibility', data: { state: visibility } })
    if (visibility === 'visible-blurred' || visibility === 'hidden') send({ type: 'pause', reason: 'system-menu' })
  }, [visibility])
  const wasPressed = useRef(false)
  const head = useMemo(() => new Vector3(), [])
  const forward = useMemo(() => new Vector3(), [])
  const renderStats = useRef<Record<string, { calls: number; triangles: number }>>({})
  useFrame(() => {
    if (session && headHeight === null) {
      const y = camera.position.y
      if (y > 0.3) setHeadHeight(y)
    }
    camera.getWorldPosition(head)
    camera.getWorldDirection(forward)
    sound.setListener([head.x, head.y, head.z], [forward.x, forward.y, forward.z])
    tracker.current?.tracker.sample(performance.now(), [head.x, head.y, head.z], [forward.x, forward.y, forward.z], paused)
    const pressed = (c: typeof right, id: string) => c?.gamepad?.[id]?.state === 'pressed'
    const safety = pressed(right, 'b-button') || pressed(left, 'y-button') || (pressed(right, 'xr-standard-squeeze') && pressed(left, 'xr-standard-squeeze'))
    if (safety && !wasPressed.current && !paused) send({ type: 'pause', reason: 'controller' })
    wasPressed.current = safety
    // Draw calls and triangles of the last frame, per eye, per beat (the budget is per beat).
    const views = session ? 2 : 1
    const info = gl.info.render
    const stats = renderStats.current[context.beat] ?? { calls: 0, triangles: 0 }
    renderStats.current[context.beat] = { calls: Math.max(stats.calls, Math.ceil(info.calls / views)), triangles: Math.max(stats.triangles, Math.ceil(info.triangles / views)) }
  }, 1)
  const world = useThree((s) => s.scene)
  publishTestHook({
    beat: context.beat,
    originY,
    eye,
    renderStats: renderStats.current,
    targets: childEyeTargets,
    buttons: () => {
      const out: Record<string, [number, number, number]> = {}
      world.traverse((o) => {
        if (o.name.startsWith('button:')) {
          const p = o.getWorldPosition(new Vector3())
          out[o.name.slice('button:'.length)] = [p.x, p.y, p.z]
        }
      })
      return out
    },
    camera: () => {
      const p = camera.getWorldPosition(new Vector3())
      return [p.x, p.y, p.z]
    },
    figuresInSight: () => figuresInSight(world, camera.getWorldPosition(new Vector3())),
    snapshot: () => eyeSnapshot(gl, world, session ? ((gl.xr.getCamera().cameras[0] as Camera | undefined) ?? camera) : camera),
  })

  const item = beat?.ask ? script.items[beat.ask] : undefined
  const pose = (figure: string) => context.poses[figure] ?? (figure === 'sibling' ? 'sit-floor' : 'stand')
  const spots = figureSpots[intensity]
  // "Nothing is wrong": the mother comes into the room to the child's bed.
  const spotOf = (who: 'father' | 'mother' | 'sibling') => (who === 'mother' && pose('mother') === 'comfort' ? extraSpots.motherAtBed : spots[who])
  return (
    <>
      <XROrigin position={[0, originY, 0]} />
      {paused ? (
        <PauseSpace eye={eye} language={language} onResume={() => send({ type: 'resume' })} onStop={() => send({ type: 'stop', reason: 'client chose to stop' })} />
      ) : (
        <>
          <ChildBedroom intensity={intensity} sibling={sibling} />
          {(['father', 'mother', ...(sibling ? ['sibling' as const] : [])] as const).map((who) => (
            <group key={who} name={`figure:${who}`} position={spotOf(who).position} rotation-y={spotOf(who).rotationY}>
              <Figure look={looks[who]} pose={pose(who)} position={[0, 0, 0]} rotationY={0} />
            </group>
          ))}
          {item && beat?.ask && (
            <group position={[0, eye, 0]}>
              <ReflectionPanel
                key={beat.id}
                itemId={beat.ask}
                item={item}
                language={language}
                onAnswer={(value, latencyMs) => endBeat({ type: 'answered', beat: beat.id, item: beat.ask!, value, latencyMs: Math.max(0, Math.round(latencyMs)) })}
              />
            </group>
          )}
        </>
      )}
    </>
  )
}
