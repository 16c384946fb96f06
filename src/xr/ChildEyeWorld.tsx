import { useThree } from '@react-three/fiber'
import { XROrigin, useXR } from '@react-three/xr'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Vector3 } from 'three'
import { onCueEnd, useForgetPlayedCueOnUnmount } from './cueEnd.ts'
import { ChildBedroom } from './environments/ChildBedroom.tsx'
import { childEyeTargets, extraSpots, eyeHeights, figureSpots, soundSources } from './environments/childEyeLayout.ts'
import { Figure } from './figures/Figure.tsx'
import { Placed, useGesture } from './figures/Placed.tsx'
import type { FigureLook } from './figures/buildFigure.ts'
import type { Vec3 } from './headDirectionDwell.ts'
import { PauseSpace } from './PauseSpace.tsx'
import { ReflectionPanel } from './ReflectionPanel.tsx'
import { useSceneFrame } from './sceneFrame.ts'
import { publishTestHook } from './testHook.ts'
import { useLookRecorder } from './lookRecorder.ts'
import { buttonCentres, eyeSnapshot, figuresInSight, viewOf } from './testViews.ts'
import type { VrWorldProps } from './vrWorldProps.ts'

type Intensity = 'heard' | 'seen' | 'full'

const looks: Record<'father' | 'mother' | 'sibling', FigureLook> = {
  father: { height: 1.84, build: 'broad', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, beard: 'stubble', top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' },
  mother: { height: 1.68, build: 'slim', skin: '#d8aa8c', hair: { style: 'ponytail', colour: '#6b3e26' }, top: '#9b4d5a', bottom: '#3a4660', shoes: '#2a2a2a' },
  sibling: { height: 1.5, build: 'slim', skin: '#d2a284', hair: { style: 'long', colour: '#4a3222' }, top: '#5c8a6e', bottom: '#34495e', shoes: '#3d3d3d' },
}

/** The child's-eye scene: room, parents, voices from where they stand, head-direction dwell, safety, reflection. */
export function ChildEyeWorld({ scene, context, language, sound, send, completed }: VrWorldProps) {
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
    sound.play(
      { id: cue.id, url: voice?.url ?? null, durationMs: voice?.durationMs ?? 2500, position: from ? [from.x, from.y, from.z] : null },
      onCueEnd(send, beatAtCue, cue.line, () => endBeat({ type: 'cue-ended', beat: beatAtCue, line: cue.line })),
    )
  }, [context.cue, context.beat, completed, language, scene, send, sound])
  useForgetPlayedCueOnUnmount(played)
  useEffect(() => (paused ? sound.pause() : sound.resume()), [paused, sound])
  useEffect(() => () => sound.stop(), [sound])

  // Head-direction dwell, safety inputs and render counts; in a headset, the first good head height sets the origin.
  const targets = useMemo(() => Object.fromEntries(Object.entries(childEyeTargets).map(([k, v]) => [k, [v.x, v.y, v.z] as Vec3])), [])
  const { endBeat, renderStats } = useSceneFrame({
    beat: context.beat,
    paused,
    targets,
    coneDeg: script.vr?.dwellConeDeg ?? 18,
    sound,
    send,
    onFrame: (head) => {
      if (session && headHeight === null && head.y - originY > 0.3) setHeadHeight(head.y - originY)
    },
  })
  const world = useThree((s) => s.scene)
  const seen = useLookRecorder(context.beat, world, gl, () => viewOf(gl, camera, session !== null && session !== undefined))
  publishTestHook({
    beat: context.beat,
    originY,
    eye,
    renderStats,
    targets: childEyeTargets,
    buttons: () => buttonCentres(world),
    toReference: (p) => [p[0], p[1] - originY, p[2]],
    camera: () => {
      const p = camera.getWorldPosition(new Vector3())
      return [p.x, p.y, p.z]
    },
    figuresInSight: () => figuresInSight(world, camera.getWorldPosition(new Vector3())),
    snapshot: () => eyeSnapshot(gl, world, viewOf(gl, camera, session !== null && session !== undefined)),
    looks: seen,
  })

  const item = beat?.ask ? script.items[beat.ask] : undefined
  const pose = (figure: string) => context.poses[figure] ?? (figure === 'sibling' ? 'sit-floor' : 'stand')
  const spots = figureSpots[intensity]
  // The script's `place` actions: `hallway` is the intensity's own spot, `bed` beside the child's bed, `away` not home.
  const spotOf = (who: 'father' | 'mother' | 'sibling') => {
    const at = context.places?.[who]?.at
    return at === 'away' ? null : at === 'bed' ? extraSpots.motherAtBed : spots[who]
  }
  return (
    <>
      <XROrigin position={[0, originY, 0]} />
      {paused ? (
        <PauseSpace eye={eye} language={language} onResume={() => send({ type: 'resume' })} onStop={() => send({ type: 'stop', reason: 'client chose to stop' })} />
      ) : (
        <>
          <ChildBedroom intensity={intensity} sibling={sibling} />
          {(['father', 'mother', ...(sibling ? ['sibling' as const] : [])] as const).map((who) => (
            <Placed key={who} name={`figure:${who}`} spot={spotOf(who)} walkMs={(context.places?.[who]?.walkMs ?? 0) / (context.timeScale || 1)} entrance={extraSpots.entrance}>
              <ChildEyeFigure who={who} pose={pose(who)} gesture={context.gestures?.[who]} />
            </Placed>
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

function ChildEyeFigure({ who, pose, gesture }: { who: 'father' | 'mother' | 'sibling'; pose: string; gesture?: { gesture: string; holdMs: number; id: number } }) {
  // A one-shot gesture (the blow) is quick: 0.25 s into it, then back over the usual ease.
  const active = useGesture(gesture, 0.25)
  return <Figure look={looks[who]} pose={active ?? pose} transitionSeconds={active ? 0.25 : 0.6} position={[0, 0, 0]} rotationY={0} />
}
