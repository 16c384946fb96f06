import { useFrame, useThree } from '@react-three/fiber'
import { XROrigin, useXR } from '@react-three/xr'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { BackSide, Euler, Quaternion, Vector3, type Mesh, type MeshBasicMaterial } from 'three'
import { createEphemeralRecordings } from '../audio/ephemeralRecordings.ts'
import { howlerAudioGraph } from '../audio/howlerSound.ts'
import { loudnessFromRms } from '../audio/loudness.ts'
import { createRecordingPlayer } from '../audio/recordingPlayer.ts'
import { spokenAnswer, type Item } from '../script/schema.ts'
import { defaultAvatar } from '../avatar/avatarChoices.ts'
import { futureLook, presentLook, type FutureKind } from './figures/avatarLook.ts'
import type { BuiltFigure } from './figures/buildFigure.ts'
import { Figure } from './figures/Figure.tsx'
import { applyPose } from './figures/poses.ts'
import { chairs, headOf, meetingSources, meetingTargets, seatedEyeHeight, type Seat } from './environments/meetingRoomLayout.ts'
import { MeetingRoom, MirrorReflection } from './environments/MeetingRoom.tsx'
import { onCueEnd, useForgetPlayedCueOnUnmount } from './cueEnd.ts'
import type { Vec3 } from './headDirectionDwell.ts'
import { labelTexture } from './labelTexture.ts'
import { PauseSpace } from './PauseSpace.tsx'
import { ReflectionPanel } from './ReflectionPanel.tsx'
import { orderedTargets, useSceneFrame } from './sceneFrame.ts'
import { useLookRecorder } from './lookRecorder.ts'
import { publishTestHook } from './testHook.ts'
import { buttonCentres, clientOriginName, eyeSnapshot, figuresInSight, viewOf, viewQuaternion } from './testViews.ts'
import type { VrWorldProps } from './vrWorldProps.ts'

const otherSeat = (seat: Seat): Seat => (seat === 'present' ? 'future' : 'present')
/** The way a client in this chair faces, as an XR origin rotation (a session starts facing −Z). */
const facingOf = (seat: Seat) => chairs[seat].facingY - Math.PI
const fadeSeconds = 0.9

/** Hides a figure's head (its bone shrinks to nothing) when it is the client's own body, seen from inside. */
function setHeadHidden(figure: BuiltFigure, hidden: boolean) {
  // The neck carries the head: collapsing it hides neck, head, hair and beard, which the eyes would see from inside.
  figure.joints.neck.scale.setScalar(hidden ? 1e-3 : 1)
}

/**
 * The future-self meeting (FutureU-style): the client's own avatar in a mirror, then the same figure years older in
 * the chair opposite; the client answers aloud (recorded in memory only) or by choice, changes chairs (the view fades)
 * and hears their own answer from the chair they left, then replies as the future self. Safety as in every VR scene.
 */
export function FutureSelfWorld({ scene, context, language, sound, send, completed, avatar, recorder }: VrWorldProps) {
  const { script } = scene
  const choices = avatar ?? defaultAvatar
  const years = Number(context.params.years ?? 10)
  const future = (context.params.future ?? 'changed') as FutureKind
  const paused = context.paused !== null
  const seat: Seat = context.seat ?? 'present'
  const mirrorShown = context.props?.mirror === true && seat === 'present'
  const session = useXR((s) => s.session)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const world = useThree((s) => s.scene)
  const beat = script.beats.find((b) => b.id === context.beat)
  const item: Item | undefined = beat?.ask ? script.items[beat.ask] : undefined
  const looks = useMemo(() => ({ present: presentLook(choices), future: futureLook(choices, years, future) }), [choices, years, future])

  // The client's head goes where the chair's sitter's head is; in a headset the origin absorbs their real height.
  const [headHeight, setHeadHeight] = useState<number | null>(null)
  const head = headOf(seat)
  const originY = session && headHeight !== null ? seatedEyeHeight - headHeight : 0
  useEffect(() => {
    if (session) return
    setHeadHeight(null)
    camera.position.copy(head)
    camera.userData.baseYaw = facingOf(seat)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, seat, camera])

  // Recordings live in this component's memory only; a pause, the end and leaving the scene drop them.
  const recordings = useMemo(() => createEphemeralRecordings(), [])
  const player = useMemo(() => createRecordingPlayer(() => howlerAudioGraph()?.context ?? null, (ctx) => howlerAudioGraph()?.output ?? ctx.destination), [])
  useEffect(
    () => () => {
      player.stop()
      recorder?.cancel()
      recordings.discardAll()
    },
    [player, recorder, recordings],
  )
  useEffect(() => {
    if (!completed) return
    recorder?.close()
    recordings.discardAll()
  }, [completed, recorder, recordings])

  const frame = useSceneFrame({
    beat: context.beat,
    paused,
    targets: useMemo(() => Object.fromEntries(orderedTargets(meetingTargets, script.vr?.targets).map(([k, v]) => [k, [v.x, v.y, v.z] as Vec3])), []),
    coneDeg: script.vr?.dwellConeDeg ?? 18,
    cones: script.vr?.dwellCones,
    sound,
    send,
    onFrame: (worldHead) => {
      if (session && headHeight === null && worldHead.y - originY > 0.3) setHeadHeight(worldHead.y - originY)
    },
  })
  const { endBeat } = frame

  // A recorded answer that cannot be played (answered by choice, or dropped by a pause) is shown as words instead.
  const [bubble, setBubble] = useState<{ text: string; from: string | null } | null>(null)
  const played = useRef<number | null>(null)
  const cleanup = useRef<(() => void) | null>(null)
  useEffect(() => {
    const cue = context.cue
    if (!cue || completed || paused || played.current === cue.id) return
    played.current = cue.id
    const beatAtCue = context.beat
    const from = cue.from ? meetingSources[cue.from] : undefined
    const position = from ? ([from.x, from.y, from.z] as const) : null
    if (!cue.recording) {
      const voice = scene.voices?.[language]?.[cue.line]
      sound.play({ id: cue.id, url: voice?.url ?? null, durationMs: voice?.durationMs ?? 2500, position }, onCueEnd(send, beatAtCue, cue.line, () => endBeat({ type: 'cue-ended', beat: beatAtCue, line: cue.line })))
      return
    }
    const itemId = cue.line
    const pitchSemitones = cue.recording.pitchSemitones
    const showInstead = (reason: 'answered-by-choice' | 'discarded' | 'not-recorded') => {
      send({ type: 'measure', forBeat: beatAtCue, kind: 'voice.missing', data: { item: itemId, reason } })
      const answer = context.answers[itemId]
      const spokenItem = script.items[itemId]
      const option = spokenItem?.type === 'spoken' ? spokenItem.options.find((o) => o.value === answer) : undefined
      const text = option ? `“${option.label[language]}”` : language === 'nl' ? '(Je opname is niet bewaard.)' : '(Your recording was not kept.)'
      setBubble({ text, from: cue.from })
      const timer = setTimeout(() => {
        setBubble(null)
        endBeat({ type: 'cue-ended', beat: beatAtCue, line: itemId })
      }, (2500 + text.length * 40) / context.timeScale)
      cleanup.current = () => clearTimeout(timer)
    }
    const recording = recordings.get(itemId)
    if (!recording) {
      // "spoken" is only ever answered with a recording in hand, so a spoken answer without one was dropped (pause, crash).
      showInstead(context.answers[itemId] === spokenAnswer ? 'discarded' : 'answered-by-choice')
      return
    }
    const cueId = cue.id
    const startedAt = performance.now()
    player.play(recording.blob, { position, pitchSemitones }, ({ played: ok, durationMs, timedOut }) => {
      // A pause stops the playback; the resumed beat plays the cue again (the recording is gone by then).
      if (played.current !== cueId) return
      if (timedOut) send({ type: 'measure', forBeat: beatAtCue, kind: 'cue.timeout', data: { line: itemId, waitedMs: Math.round(performance.now() - startedAt) } })
      if (!ok) return showInstead('not-recorded')
      send({ type: 'measure', forBeat: beatAtCue, kind: 'voice.played', data: { item: itemId, durationMs, pitchSemitones } })
      endBeat({ type: 'cue-ended', beat: beatAtCue, line: itemId })
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context.cue, context.beat, completed, paused, language, scene])
  useForgetPlayedCueOnUnmount(played)

  // Safety pause: sound fades; recordings, a recording in progress and a playback are dropped.
  useEffect(() => {
    if (!paused) {
      sound.resume()
      return
    }
    sound.pause()
    recorder?.cancel()
    recordings.discardAll()
    if (player.playing() || bubble) {
      played.current = null
      player.stop()
      cleanup.current?.()
      setBubble(null)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paused])
  useEffect(() => () => sound.stop(), [sound])

  // A spoken question records while it is shown (never while paused); a tap on a choice throws the recording away.
  const spoken = item?.type === 'spoken' ? item : undefined
  const [recordingNow, setRecordingNow] = useState(false)
  useEffect(() => {
    if (!spoken || paused || completed || recorder?.state() !== 'ready') return
    recorder.start(spoken.maxSeconds * 1000)
    setRecordingNow(true)
    return () => {
      recorder.cancel()
      setRecordingNow(false)
    }
  }, [spoken, context.beat, paused, completed, recorder])
  const answer = (value: string | number, latencyMs: number) => {
    if (!beat?.ask) return
    recorder?.cancel()
    endBeat({ type: 'answered', beat: beat.id, item: beat.ask, value, latencyMs: Math.max(0, Math.round(latencyMs)) })
  }
  const finishing = useRef<string | null>(null)
  const doneTalking = async (latencyMs: number) => {
    if (!beat?.ask || !recorder || finishing.current === beat.id) return
    finishing.current = beat.id
    const itemId = beat.ask
    const beatId = beat.id
    const recording = await recorder.stop()
    setRecordingNow(false)
    if (recording) {
      recordings.keep(itemId, recording)
      send({ type: 'measure', forBeat: beatId, kind: 'voice.recorded', data: { item: itemId, durationMs: recording.durationMs } })
    }
    endBeat({ type: 'answered', beat: beatId, item: itemId, value: recording ? spokenAnswer : null, latencyMs: Math.max(0, Math.round(latencyMs)) })
  }

  // The figure whose recording is playing moves its head with its own voice.
  const speakerOf = (figure: Seat) => (from: string | null | undefined) => from === `${figure}-self`
  const nodWithVoice = (figure: Seat) => (built: BuiltFigure) => {
    const speaking = speakerOf(figure)(context.cue?.from) && player.playing()
    built.joints.head.rotation.x += speaking ? Math.min(0.15, player.level() * 1.5) : 0
    setHeadHidden(built, seat === figure)
  }
  // The head of the body the client now sits in is hidden before the first frame after the swap is drawn (the frame
  // callback above also keeps it so, but runs only after this world's own frame work).
  const builtBodies = useRef<Partial<Record<Seat, BuiltFigure>>>({})
  useLayoutEffect(() => {
    for (const figure of ['present', 'future'] as const) {
      const built = builtBodies.current[figure]
      if (!built) continue
      setHeadHidden(built, seat === figure)
      // The body the client now sits in sits plainly at once (see poseOf), not after an ease from the script's pose.
      if (seat === figure) {
        applyPose(built.joints, 'sit', 1)
        built.ground()
      }
    }
  }, [seat])
  // In the mirror the client's reflection turns its head as the client does.
  const headTurn = useMemo(() => ({ euler: new Euler(0, 0, 0, 'YXZ'), quaternion: new Quaternion() }), [])
  const followHead = (built: BuiltFigure) => {
    headTurn.euler.setFromQuaternion(camera.getWorldQuaternion(headTurn.quaternion), 'YXZ')
    // Yaw relative to the way the client's chair faces (the camera's own zero looks along −Z, as that chair does).
    const yaw = headTurn.euler.y - facingOf('present')
    const wrapped = Math.atan2(Math.sin(yaw), Math.cos(yaw))
    built.joints.head.rotation.y += Math.max(-1.1, Math.min(1.1, wrapped))
    built.joints.head.rotation.x += Math.max(-0.6, Math.min(0.6, -headTurn.euler.x))
  }

  const looksSoFar = useLookRecorder(context.beat, world, gl, () => viewOf(gl, camera, session !== null && session !== undefined), `${seat}-self`)
  publishTestHook({
    beat: context.beat,
    originY,
    eye: seatedEyeHeight,
    renderStats: frame.renderStats,
    targets: meetingTargets,
    buttons: () => buttonCentres(world),
    toReference: (p) => {
      const local = new Vector3(p[0] - head.x, p[1] - originY, p[2] - head.z).applyAxisAngle(new Vector3(0, 1, 0), -facingOf(seat))
      return [local.x, local.y, local.z]
    },
    camera: () => {
      const p = camera.getWorldPosition(new Vector3())
      return [p.x, p.y, p.z]
    },
    figuresInSight: () => figuresInSight(world, camera.getWorldPosition(new Vector3()), 0.9),
    viewQuaternion: () => viewQuaternion(viewOf(gl, camera, session !== null && session !== undefined)),
    snapshot: () => eyeSnapshot(gl, world, viewOf(gl, camera, session !== null && session !== undefined)),
    looks: looksSoFar,
    seat,
    voice: {
      playing: () => player.playing(),
      level: () => player.level(),
      dominantHz: () => player.dominantHz(),
      position: () => player.position(),
      recordings: () => recordings.count(),
      recording: () => recorder?.recording() ?? false,
    },
  })

  // The body the client sits in keeps the plain seated pose whatever the script gave it: the client's own posture is
  // their own, and a slumped body under a fixed eye fills the lower half of the view with its shoulders.
  const poseOf = (figure: Seat) => (figure === seat ? 'sit' : (context.poses[`${figure}-self`] ?? 'sit'))
  const faceOf = (figure: Seat) => context.faces?.[`${figure}-self`] ?? 'calm'
  // The other self looks at the client (the eyes of the body the client sits in); the client's own body does not gaze.
  const gazeOf = (figure: Seat) => (): readonly [number, number, number] | null => {
    if (figure === seat) return null
    const h = headOf(seat)
    return [h.x, h.y, h.z]
  }
  // The jaw moves with the figure's own voice: a recording played back from its chair, or a line from its chair.
  const voiceLoudness = (figure: Seat) => () => {
    if (speakerOf(figure)(context.cue?.from) && player.playing()) return loudnessFromRms(player.level())
    const at = meetingSources[`${figure}-self`]!
    return sound.loudness([at.x, at.y, at.z])
  }
  return (
    <>
      <XROrigin name={clientOriginName} position={[head.x, originY, head.z]} rotation-y={facingOf(seat)} />
      <SeatFade seat={seat} />
      {paused ? (
        <group position={[head.x, 0, head.z]} rotation-y={facingOf(seat)}>
          <PauseSpace eye={seatedEyeHeight} language={language} onResume={() => send({ type: 'resume' })} onStop={() => send({ type: 'stop', reason: 'client chose to stop' })} />
        </group>
      ) : (
        <>
          <MeetingRoom future={future} mirrorShown={mirrorShown} futureChairShown={!mirrorShown}>
            <MirrorReflection look={looks.present} afterPose={followHead} />
          </MeetingRoom>
          {(['present', 'future'] as const).map((figure) =>
            figure === 'future' && mirrorShown ? null : (
              <group key={figure} name={`figure:${figure}-self`} userData={{ pose: poseOf(figure) }} position={[chairs[figure].x, 0, chairs[figure].z]} rotation-y={chairs[figure].facingY}>
                <Figure look={looks[figure]} pose={poseOf(figure)} transitionSeconds={figure === seat ? 0 : undefined} expression={faceOf(figure)} gazeAt={gazeOf(figure)} loudness={voiceLoudness(figure)} afterPose={nodWithVoice(figure)} onBuilt={(built) => {
                    builtBodies.current[figure] = built
                    setHeadHidden(built, seat === figure)
                  }} />
              </group>
            ),
          )}
          {bubble && <SpeechBubble text={bubble.text} from={bubble.from} seat={seat} />}
          {item && beat?.ask && (
            // With the mirror between the chairs (0.9 m away), the panel comes in front of it at the same size to the
            // eye (0.6 × the distance, 0.6 × the size): drawn over the glass but behind it in depth, the two eyes
            // would disagree about which is in front.
            <group position={[head.x, seatedEyeHeight, head.z]} rotation-y={facingOf(seat)} scale={mirrorShown ? 0.6 : 1}>
              <ReflectionPanel
                key={beat.id}
                itemId={beat.ask}
                item={item}
                language={language}
                speaking={spoken ? { recording: recordingNow, noMicrophone: recorder?.state() !== 'ready', onDone: (t) => void doneTalking(t) } : undefined}
                onAnswer={answer}
              />
            </group>
          )}
        </>
      )}
    </>
  )
}

/** The swap: the view goes black and opens again in the other chair. A dark sphere around the eyes, fading out. */
function SeatFade({ seat }: { seat: Seat }) {
  const mesh = useRef<Mesh>(null)
  const since = useRef<{ seat: Seat; t: number }>({ seat, t: Infinity })
  const camera = useThree((s) => s.camera)
  useFrame((_, delta) => {
    if (since.current.seat !== seat) since.current = { seat, t: 0 }
    else since.current.t += delta
    const m = mesh.current
    if (!m) return
    const opacity = Math.max(0, 1 - since.current.t / fadeSeconds)
    ;(m.material as MeshBasicMaterial).opacity = opacity
    m.visible = opacity > 0
    camera.getWorldPosition(m.position)
  })
  return (
    <mesh ref={mesh} visible={false} renderOrder={1000} name="seat-fade">
      <sphereGeometry args={[0.3, 12, 8]} />
      <meshBasicMaterial color="#000000" side={BackSide} transparent depthTest={false} depthWrite={false} />
    </mesh>
  )
}

/** Words above the chair a missing recording would have come from. */
function SpeechBubble({ text, from, seat }: { text: string; from: string | null; seat: Seat }) {
  const texture = useMemo(() => labelTexture(text, { width: 1024, height: 220, background: '#fffdf6' }), [text])
  useEffect(() => () => texture.dispose(), [texture])
  const speaker: Seat = from === 'future-self' ? 'future' : from === 'present-self' ? 'present' : otherSeat(seat)
  const at = headOf(speaker)
  return (
    <mesh name="speech-bubble" position={[at.x, at.y + 0.42, at.z]} rotation-y={facingOf(seat)}>
      <planeGeometry args={[0.9, 0.19]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}

