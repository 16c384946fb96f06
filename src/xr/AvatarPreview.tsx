import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { useLayoutEffect, useRef, useState } from 'react'
import { Box3, MathUtils, Vector3, type Group, type PerspectiveCamera } from 'three'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { presentLook } from './figures/avatarLook.ts'
import type { BuiltFigure } from './figures/buildFigure.ts'
import { Figure } from './figures/Figure.tsx'

/** What the preview shows: the whole figure, or a close-up of the face (hair, beard, skin and age show there). */
export type AvatarPreviewFraming = 'whole' | 'face'

export interface AvatarPreviewProps {
  choices: AvatarChoices
  /** The canvas's accessible name. Required. */
  label: string
  /** Default 'whole'. */
  framing?: AvatarPreviewFraming
}

/**
 * The lobby's live preview of the client's avatar: the figure standing, turning slowly, lit softly, framed so that
 * the whole figure (or the face) fits the canvas whatever its shape, a wide strip on a laptop or a square on a phone.
 */
export default function AvatarPreview({ choices, label, framing = 'whole' }: AvatarPreviewProps) {
  const look = presentLook(choices)
  // The head's centre, read from the built figure (its proportions change with height, build and age).
  const [faceY, setFaceY] = useState(look.height * 0.93)
  const root = useRef<Group>(null)
  return (
    <div className="avatar-preview" role="img" aria-label={label} data-framing={framing}>
      <Canvas camera={{ fov: 32 }} gl={{ antialias: true, preserveDrawingBuffer: __TEST_MODE__ }} data-testid="avatar-canvas">
        <color attach="background" args={['#e9eef2']} />
        <hemisphereLight args={['#ffffff', '#8a8f99', 2.2]} />
        <directionalLight position={[2, 3, 3]} intensity={1.4} />
        <Framing framing={framing} height={look.height} faceY={faceY} root={root} />
        <Turning groupRef={root}>
          <Figure look={look} pose="stand" onBuilt={(figure) => setFaceY(headCentreY(figure))} />
        </Turning>
      </Canvas>
    </div>
  )
}

/** Height of the middle of the head: halfway between the head joint (the skull's base) and the top of the figure. */
function headCentreY(figure: BuiltFigure): number {
  figure.root.updateMatrixWorld(true)
  const head = figure.joints.head.getWorldPosition(new Vector3())
  return (head.y + figure.height) / 2
}

/** The figure is about this wide with arms hanging (m); the face close-up shows this much around the head's centre. */
const wholeWidth = 0.75
const faceSpan = { width: 0.42, height: 0.46 }

/**
 * Puts the camera straight in front of what is to be seen, far enough back that it fits both the canvas's height and
 * its width (three's field of view is vertical, so a narrow canvas needs more distance). R3F's default camera looks at
 * the origin, which is the figure's feet: that default showed legs and a torso and never the face.
 */
function Framing({ framing, height, faceY, root }: { framing: AvatarPreviewFraming; height: number; faceY: number; root: React.RefObject<Group | null> }) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const size = useThree((s) => s.size)
  useLayoutEffect(() => {
    const aspect = size.width / Math.max(1, size.height)
    const halfV = MathUtils.degToRad(camera.fov / 2)
    const halfH = Math.atan(Math.tan(halfV) * aspect)
    const centreY = framing === 'whole' ? height / 2 : faceY
    const spanV = framing === 'whole' ? height * 1.12 : faceSpan.height
    const spanH = framing === 'whole' ? wholeWidth * 1.12 : faceSpan.width
    // Distance to the figure's middle plane, plus its half depth so the nearest part (the nose, the toes) also fits.
    const distance = Math.max(spanV / 2 / Math.tan(halfV), spanH / 2 / Math.tan(halfH)) + 0.15
    camera.position.set(0, centreY, distance)
    camera.lookAt(0, centreY, 0)
    camera.updateProjectionMatrix()
  }, [camera, size.width, size.height, framing, height, faceY])

  // Test builds: where the figure and its head land in the canvas, from the camera that draws it.
  useLayoutEffect(() => {
    if (!__TEST_MODE__) return
    ;(window as unknown as { __perspectiefAvatarFraming?: () => unknown }).__perspectiefAvatarFraming = () => projectFigure(camera, root.current, faceY)
  }, [camera, root, faceY])
  return null
}

/**
 * The figure's bounding box (every vertex as posed, three's precise Box3) and its head's centre, projected into the
 * canvas: x and y from 0 to 1, left to right and top to bottom. Inside the canvas means every value is in 0–1.
 */
function projectFigure(camera: PerspectiveCamera, root: Group | null, faceY: number) {
  if (!root) return null
  root.updateMatrixWorld(true)
  const bounds = new Box3().setFromObject(root, true)
  const toCanvas = (v: Vector3) => {
    const p = v.clone().project(camera)
    return { x: (p.x + 1) / 2, y: (1 - p.y) / 2 }
  }
  const corners = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
    toCanvas(new Vector3(i & 1 ? bounds.max.x : bounds.min.x, i & 2 ? bounds.max.y : bounds.min.y, i & 4 ? bounds.max.z : bounds.min.z)),
  )
  return {
    box: { left: Math.min(...corners.map((c) => c.x)), right: Math.max(...corners.map((c) => c.x)), top: Math.min(...corners.map((c) => c.y)), bottom: Math.max(...corners.map((c) => c.y)) },
    head: toCanvas(new Vector3(0, faceY, 0)),
  }
}

function Turning({ groupRef, children }: { groupRef: React.RefObject<Group | null>; children: React.ReactNode }) {
  // A slow swing, not a full turn: the face stays mostly towards the client.
  useFrame(({ clock }) => groupRef.current && (groupRef.current.rotation.y = Math.sin(clock.elapsedTime * 0.6) * 0.5))
  return <group ref={groupRef}>{children}</group>
}
