import { Canvas, useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import type { Group } from 'three'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import { presentLook } from './figures/avatarLook.ts'
import { Figure } from './figures/Figure.tsx'

/** The lobby's live preview of the client's avatar: the figure standing, turning slowly, lit softly. */
export default function AvatarPreview({ choices, label }: { choices: AvatarChoices; label: string }) {
  return (
    <div className="avatar-preview" role="img" aria-label={label}>
      <Canvas camera={{ fov: 32, position: [0, 1.05, 4.2] }} gl={{ antialias: true, preserveDrawingBuffer: __TEST_MODE__ }} data-testid="avatar-canvas">
        <color attach="background" args={['#e9eef2']} />
        <hemisphereLight args={['#ffffff', '#8a8f99', 2.2]} />
        <directionalLight position={[2, 3, 3]} intensity={1.4} />
        <Turning>
          <Figure look={presentLook(choices)} pose="stand" />
        </Turning>
      </Canvas>
    </div>
  )
}

function Turning({ children }: { children: React.ReactNode }) {
  const group = useRef<Group>(null)
  // A slow swing, not a full turn: the face stays mostly towards the client.
  useFrame(({ clock }) => group.current && (group.current.rotation.y = Math.sin(clock.elapsedTime * 0.6) * 0.5))
  return <group ref={group}>{children}</group>
}
