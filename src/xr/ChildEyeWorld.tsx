import { useThree } from '@react-three/fiber'
import { XROrigin, useXR } from '@react-three/xr'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Vector3 } from 'three'
import { onCueEnd, useForgetPlayedCueOnUnmount } from './cueEnd.ts'
import { ChildBedroom } from './environments/ChildBedroom.tsx'
import { childEyeTargets, extraSpots, eyeHeights, figureSpots, placeSpot, voiceSource, type FigureRole } from './environments/childEyeLayout.ts'
import { Figure } from './figures/Figure.tsx'
import type { FigureLook } from './figures/buildFigure.ts'
import type { Vec3 } from './headDirectionDwell.ts'
import { PauseSpace } from './PauseSpace.tsx'
import { Placed, useGesture, type GestureCue, type Spot } from './Placed.tsx'
import { ReflectionPanel } from './ReflectionPanel.tsx'
import { orderedTargets, useSceneFrame } from './sceneFrame.ts'
import { useLookRecorder } from './lookRecorder.ts'
import { publishTestHook } from './testHook.ts'
import { buttonCentres, clientOriginName, eyeSnapshot, figuresInSight, viewOf, viewQuaternion } from './testViews.ts'
import type { VrWorldProps } from './vrWorldProps.ts'

type Intensity = 'heard' | 'seen' | 'full'

const looks: Record<FigureRole, FigureLook> = {
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
    const from = cue.from ? voiceSource(cue.from, intensity, context.places?.[cue.from]?.at) : null
    const beatAtCue = context.beat
    sound.play(
      { id: cue.id, url: voice?.url ?? null, durationMs: voice?.durationMs ?? 2500, position: from ? [from.x, from.y, from.z] : null },
      onCueEnd(send, beatAtCue, cue.line, () => endBeat({ type: 'cue-ended', beat: beatAtCue, line: cue.line })),
    )
    // The places are read when a line starts: a parent speaks from where the script has put them by then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context.cue, context.beat, completed, language, scene, send, sound])
  useForgetPlayedCueOnUnmount(played)
  useEffect(() => (paused ? sound.pause() : sound.resume()), [paused, sound])
  useEffect(() => () => sound.stop(), [sound])

  // Head-direction dwell, safety inputs and render counts; in a headset, the first good head height sets the origin.
  const targets = useMemo(() => Object.fromEntries(orderedTargets(childEyeTargets, script.vr?.targets).map(([k, v]) => [k, [v.x, v.y, v.z] as Vec3])), [])
  const { endBeat, renderStats } = useSceneFrame({
    beat: context.beat,
    paused,
    targets,
    coneDeg: script.vr?.dwellConeDeg ?? 18,
    cones: script.vr?.dwellCones,
    sound,
    send,
    onFrame: (head) => {
      if (session && headHeight === null && head.y - originY > 0.3) setHeadHeight(head.y - originY)
    },
  })
  const world = useThree((s) => s.scene)
  const looksSoFar = useLookRecorder(context.beat, world, gl, () => viewOf(gl, camera, session !== null && session !== undefined))
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
    viewQuaternion: () => viewQuaternion(viewOf(gl, camera, session !== null && session !== undefined)),
    snapshot: () => eyeSnapshot(gl, world, viewOf(gl, camera, session !== null && session !== undefined)),
    looks: looksSoFar,
  })

  const item = beat?.ask ? script.items[beat.ask] : undefined
  const pose = (figure: string) => context.poses[figure] ?? (figure === 'sibling' ? 'sit-floor' : 'stand')
  // The script's `place` actions; a figure no action has placed stands at its own spot for the intensity.
  const placeOf = (who: FigureRole) => context.places?.[who]
  const spotOf = (who: FigureRole) => {
    const place = placeOf(who)
    return place ? placeSpot(place.at, who, intensity) : figureSpots[intensity][who]
  }
  // Gaze: by the bed or at the door the mother looks at the child; in the hallway the parents look at each other;
  // the sibling watches the door. Read every frame, so a walking figure keeps its eyes on its target.
  const eyeNow = useMemo(() => new Vector3(), [])
  const clientEye = (): readonly [number, number, number] => {
    // In a headset the XR camera carries the real head pose; the scene's camera does not move with it.
    const from = session ? gl.xr.getCamera() : camera
    eyeNow.setFromMatrixPosition(from.matrixWorld)
    return [eyeNow.x, eyeNow.y, eyeNow.z]
  }
  const headOf = (who: 'father' | 'mother'): readonly [number, number, number] | null => {
    const spot = spotOf(who)
    return spot ? [spot.position[0], who === 'father' ? 1.7 : 1.55, spot.position[2]] : null
  }
  const gazeOf = (who: FigureRole) => (): readonly [number, number, number] | null => {
    if (who === 'sibling') return [extraSpots.doorway.position[0], 1.4, extraSpots.doorway.position[2]]
    const at = placeOf(who)?.at
    if (at === 'bed' || at === 'doorway') return clientEye()
    return headOf(who === 'father' ? 'mother' : 'father')
  }
  // The jaw follows the parent's own voice: the line playing from where that parent speaks (found once per render,
  // not in every frame's loudness read).
  const voiceLoudness = (who: 'father' | 'mother') => {
    const at = voiceSource(who, intensity, placeOf(who)?.at)
    const from = at ? ([at.x, at.y, at.z] as const) : null
    return () => (from ? sound.loudness(from) : 0)
  }
  return (
    <>
      <XROrigin name={clientOriginName} position={[0, originY, 0]} />
      {paused ? (
        <PauseSpace eye={eye} language={language} onResume={() => send({ type: 'resume' })} onStop={() => send({ type: 'stop', reason: 'client chose to stop' })} />
      ) : (
        <>
          <ChildBedroom intensity={intensity} sibling={sibling} />
          {(['father', 'mother', ...(sibling ? ['sibling' as const] : [])] as const).map((who) => (
            <ChildEyeFigure
              key={who}
              who={who}
              spot={spotOf(who)}
              walkMs={(placeOf(who)?.walkMs ?? 0) / context.timeScale}
              pose={pose(who)}
              face={context.faces?.[who] ?? 'calm'}
              gesture={context.gestures?.[who]}
              timeScale={context.timeScale}
              gazeAt={gazeOf(who)}
              loudness={who === 'sibling' ? undefined : voiceLoudness(who)}
            />
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

interface ChildEyeFigureProps {
  who: FigureRole
  /** Where the script placed it (null: away), reached over walkMs. */
  spot: Spot | null
  walkMs: number
  pose: string
  /** The face the script gave it (a name of expressionNames). */
  face: string
  gesture?: GestureCue
  timeScale: number
  gazeAt(): readonly [number, number, number] | null
  /** The loudness of its own voice now, 0..1 (none for the sibling, who does not speak). */
  loudness?: () => number
}

/** One parent or the sibling where the script put them: the beat's pose, or a one-shot gesture (the blow) while it plays. */
function ChildEyeFigure({ who, spot, walkMs, pose, face, gesture, timeScale, gazeAt, loudness }: ChildEyeFigureProps) {
  // A gesture is quick: a quarter second into it, held (on the scene's clock), then back over the usual ease.
  const active = useGesture(gesture && { ...gesture, holdMs: gesture.holdMs / timeScale }, 0.25)
  const shown = active ?? pose
  return (
    <Placed name={`figure:${who}`} spot={spot} walkMs={walkMs} entrance={extraSpots.entrance} pose={shown}>
      <Figure look={looks[who]} pose={shown} expression={face} gazeAt={gazeAt} loudness={loudness} transitionSeconds={active ? 0.25 : undefined} position={[0, 0, 0]} rotationY={0} />
    </Placed>
  )
}
