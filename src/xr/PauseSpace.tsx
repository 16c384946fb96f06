import { useEffect, useMemo } from 'react'
import { BackSide } from 'three'
import type { Language } from '../script/localized.ts'
import { labelTexture } from './labelTexture.ts'
import { VrButton } from './VrButton.tsx'

const words = {
  nl: { message: 'Even pauze. Je bent veilig. Haal rustig adem.', resume: 'Ga verder', stop: 'Stoppen' },
  en: { message: 'A short break. You are safe. Breathe calmly.', resume: 'Go on', stop: 'Stop' },
}

/**
 * The calm neutral space of a safety pause: the room and the parents are gone, a soft blue-green surround, one
 * reassuring sentence, and two big choices.
 */
export function PauseSpace({ eye, language, onResume, onStop }: { eye: number; language: Language; onResume(): void; onStop(): void }) {
  const w = words[language]
  const message = useMemo(() => labelTexture(w.message, { width: 1400, height: 260, background: '#e3f0e8' }), [w.message])
  useEffect(() => () => message.dispose(), [message])
  return (
    <group name="pause-space">
      <mesh>
        <sphereGeometry args={[6, 24, 16]} />
        <meshBasicMaterial color="#b9d3cf" side={BackSide} />
      </mesh>
      <mesh position={[0, eye + 0.2, -1.6]}>
        <planeGeometry args={[1.3, 0.24]} />
        <meshBasicMaterial map={message} toneMapped={false} />
      </mesh>
      <group position={[0, eye - 0.15, -1.3]}>
        <VrButton id="resume" label={w.resume} position={[0.24, 0, 0]} width={0.4} height={0.18} onSelect={onResume} />
        <VrButton id="stop" label={w.stop} position={[-0.24, 0, 0]} width={0.4} height={0.18} onSelect={onStop} />
      </group>
    </group>
  )
}
