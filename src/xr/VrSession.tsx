import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { XR, useXR } from '@react-three/xr'
import { useEffect, useMemo, useRef, useState } from 'react'
import { createHowlerSound } from '../audio/howlerSound.ts'
import type { RuntimeView } from '../engine/runtime.ts'
import type { SceneContext, SceneInputEvent } from '../engine/sceneTypes.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import { createVoiceRecorder, type MicrophoneState } from '../audio/voiceRecorder.ts'
import { ChildEyeWorld } from './ChildEyeWorld.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'
import { emulationRequested, installEmulatorIfRequested } from './emulation.ts'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { FutureSelfWorld } from './FutureSelfWorld.tsx'
import type { VrWorldProps } from './vrWorldProps.ts'
import { createSceneXRStore } from './xrStore.ts'
import { RoomPose, useRoomLink } from './roomLink.tsx'

/** One world per built-in environment; a new environment adds its world here. */
const worlds: Record<NonNullable<BundledScene['script']['vr']>['environment'], (props: VrWorldProps) => React.JSX.Element> = {
  'child-bedroom': ChildEyeWorld,
  'meeting-room': FutureSelfWorld,
}

const words = {
  nl: {
    intro: 'De begeleider zet de bril op bij de cliënt. Druk dan op Start. Stoppen kan altijd: knop B of Y, beide knijpknoppen, Escape, of de grote stopknop hier.',
    enter: 'Start in de VR-bril',
    preview: 'Bekijk op dit scherm',
    noHeadset: 'Geen VR-bril gevonden. Je kunt de scène op dit scherm bekijken (slepen om rond te kijken).',
    stop: 'STOP',
    paused: 'Gepauzeerd. Rustige ruimte in de bril.',
    resume: 'Ga verder',
    end: 'Stoppen',
    micAsking: 'De app vraagt om de microfoon. Je stem wordt alleen nu gebruikt en nergens bewaard.',
    micReady: 'De microfoon staat aan. De app bewaart geen opnames: ze worden gewist na de sessie, bij een pauze of als de app sluit.',
    micNone: 'Geen microfoon. Dat is niet erg: de cliënt antwoordt door te kiezen.',
    micRefused: 'De microfoon mag niet worden gebruikt. Dat is niet erg: de cliënt antwoordt door te kiezen.',
    pairCode: 'Code voor de console van de begeleider',
    consoleOn: 'De console van de begeleider is verbonden en kijkt mee.',
    consoleGone: 'De console van de begeleider is even weg. De sessie gaat gewoon door.',
  },
  en: {
    intro: 'The trainer puts the headset on the client. Then press Start. Stopping is always possible: button B or Y, both grips, Escape, or the big stop button here.',
    enter: 'Start in the VR headset',
    preview: 'View on this screen',
    noHeadset: 'No VR headset found. You can view the scene on this screen (drag to look around).',
    stop: 'STOP',
    paused: 'Paused. Calm space in the headset.',
    resume: 'Go on',
    end: 'Stop',
    micAsking: 'The app asks for the microphone. Your voice is only used now and never kept.',
    micReady: 'The microphone is on. Recordings stay in memory only and are wiped after the session, on a pause, or when the app closes.',
    micNone: 'No microphone. That is fine: the client answers by choosing.',
    micRefused: 'The microphone may not be used. That is fine: the client answers by choosing.',
    pairCode: "Code for the trainer's console",
    consoleOn: "The trainer's console is connected and watching.",
    consoleGone: "The trainer's console is away for a moment. The session goes on.",
  },
}

export interface VrSessionProps {
  scene: BundledScene
  view: RuntimeView
  language: Language
  send(input: SceneInputEvent): void
  /** The client's avatar, for scenes with `vr.avatar` (built in the lobby). Default none. */
  avatar?: AvatarChoices | null
}

/**
 * The VR shell: a 2D start screen that unlocks audio inside its click and then enters VR (never the browser's own
 * button), the trainer's stop button, and the 3D scene, in a headset or previewed in a window with mouse-look.
 */
export default function VrSession({ scene, view, language, send, avatar = null }: VrSessionProps) {
  const w = words[language]
  const World = worlds[scene.script.vr?.environment ?? 'child-bedroom']
  // Scenes with spoken answers ask for the microphone on this 2D screen, where the trainer can help with the prompt.
  const needsMicrophone = Object.values(scene.script.items).some((i) => i.type === 'spoken')
  const recorder = useMemo(() => (needsMicrophone ? createVoiceRecorder() : null), [needsMicrophone])
  const [microphone, setMicrophone] = useState<MicrophoneState | 'asking' | null>(needsMicrophone ? 'asking' : null)
  useEffect(() => {
    if (!recorder) return
    // An answer that comes after this effect was cleaned up (StrictMode runs it twice) is not this screen's.
    let current = true
    void recorder.open().then((state) => current && setMicrophone(state))
    return () => {
      current = false
      recorder.close()
    }
  }, [recorder])
  const [emulatorReady, setEmulatorReady] = useState(!emulationRequested())
  useEffect(() => {
    void installEmulatorIfRequested()?.then(() => setEmulatorReady(true))
  }, [])
  const store = useMemo(() => (emulatorReady ? createSceneXRStore() : null), [emulatorReady])
  const sound = useMemo(() => createHowlerSound({ timeScale: view.context.timeScale }), [view.context.timeScale])
  const [started, setStarted] = useState(false)
  // enterVR needs the canvas connected to the XR store; until then there is nothing to start.
  const [canvasReady, setCanvasReady] = useState(false)
  const [vrSupported, setVrSupported] = useState<boolean | null>(null)
  useEffect(() => {
    if (!emulatorReady) return
    void (navigator.xr?.isSessionSupported('immersive-vr') ?? Promise.resolve(false)).then(setVrSupported, () => setVrSupported(false))
  }, [emulatorReady])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && send({ type: 'pause', reason: 'keyboard' })
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [send])
  const context = view.context as SceneContext
  const room = useRoomLink({ scene, view, language, send, avatar, recorder })
  const paused = context.paused !== null
  const completed = view.status === 'completed'
  // At the end the headset session closes, so the trainer has the page (and the export) back.
  useEffect(() => {
    if (!completed || !store) return
    const timer = setTimeout(() => void store.getState().session?.end().catch(() => undefined), 1500 / context.timeScale)
    return () => clearTimeout(timer)
  }, [completed, store, context.timeScale])

  const start = (vr: boolean) => {
    sound.unlock()
    setStarted(true)
    if (vr) void store?.enterVR()
  }

  return (
    <div className="vr-session" data-testid="vr-session">
      <div className="vr-canvas">
        {store && (
          <Canvas
            camera={{ fov: 70, near: 0.05, far: 50, position: [0, 1, 0.2] }}
            // Test builds render with software GL, where multisampling costs two thirds of every frame (10 against 31
            // frames a second in the emulated headset); draw calls and triangles are the same either way.
            gl={{ antialias: !__TEST_MODE__, preserveDrawingBuffer: __TEST_MODE__ }}
            data-testid="vr-canvas"
>
            <XR store={store}>
              <FirstFrame onFrame={() => setCanvasReady(true)} />
              <RoomPose room={room} />
              {started && <World scene={scene} context={context} language={language} sound={sound} send={send} completed={view.status === 'completed'} avatar={avatar} recorder={recorder} />}
              {started && <MouseLook />}
            </XR>
          </Canvas>
        )}
      </div>
      {!started && (
        <div className="vr-start">
          <h1 className="vr-start-title">{scene.script.title[language]}</h1>
          <ReadAloudButton text={w.intro} />
          <p>{w.intro}</p>
          {vrSupported === false && <p className="hint">{w.noHeadset}</p>}
          {/* The start buttons come before the pairing code and the microphone line, so a small window shows them first. */}
          <div className="actions">
            {vrSupported && canvasReady && microphone !== 'asking' && (
              <button type="button" className="primary big" onClick={() => start(true)}>
                {w.enter}
              </button>
            )}
            <button type="button" className="secondary" disabled={!canvasReady || microphone === 'asking'} onClick={() => start(false)}>
              {w.preview}
            </button>
          </div>
          {room.status.phase === 'code' && room.status.code && (
            <p className="room-code">
              <span>{w.pairCode}</span>
              <strong data-testid="pairing-code">{room.status.code}</strong>
            </p>
          )}
          {room.status.phase === 'paired' && (
            <p className="hint" role="status" data-testid="console-state" data-connected={room.status.consoleConnected}>
              {room.status.consoleConnected ? w.consoleOn : w.consoleGone}
            </p>
          )}
          {microphone && (
            <p className="hint" role="status" data-testid="microphone-state">
              {microphone === 'asking' ? w.micAsking : microphone === 'ready' ? w.micReady : microphone === 'none' ? w.micNone : w.micRefused}
            </p>
          )}
        </div>
      )}
      {started && !paused && !completed && (
        <button type="button" className="vr-stop" onClick={() => send({ type: 'pause', reason: 'trainer' })}>
          {w.stop}
        </button>
      )}
      {started && paused && (
        <div className="vr-paused" role="status">
          <p>{w.paused}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => send({ type: 'resume' })}>
              {w.resume}
            </button>
            <button type="button" className="danger" onClick={() => send({ type: 'stop', reason: 'trainer ended after pause' })}>
              {w.end}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

/** Reports the first rendered frame: by then the XR store is connected and `enterVR` can work. */
function FirstFrame({ onFrame }: { onFrame(): void }) {
  const done = useRef(false)
  useFrame(() => {
    if (done.current) return
    done.current = true
    onFrame()
  })
  return null
}

/** Desktop preview: drag to look around (yaw and pitch only; no roll, no movement). Off in a headset. */
function MouseLook() {
  const session = useXR((s) => s.session)
  const canvas = useThree((s) => s.gl.domElement)
  const drag = useRef<{ x: number; y: number } | null>(null)
  const look = useRef({ yaw: 0, pitch: 0 })
  useEffect(() => {
    const down = (e: PointerEvent) => (drag.current = { x: e.clientX, y: e.clientY })
    const up = () => (drag.current = null)
    const move = (e: PointerEvent) => {
      if (!drag.current) return
      look.current.yaw -= (e.clientX - drag.current.x) * 0.004
      look.current.pitch = Math.max(-1.2, Math.min(1.2, look.current.pitch - (e.clientY - drag.current.y) * 0.004))
      drag.current = { x: e.clientX, y: e.clientY }
    }
    canvas.addEventListener('pointerdown', down)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointermove', move)
    return () => {
      canvas.removeEventListener('pointerdown', down)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointermove', move)
    }
  }, [canvas])
  useFrame(({ camera }) => {
    // A scene may seat the viewer facing another way (`baseYaw`, e.g. the future self's chair).
    if (!session) camera.rotation.set(look.current.pitch, look.current.yaw + ((camera.userData.baseYaw as number | undefined) ?? 0), 0, 'YXZ')
  })
  return null
}
