import { useEffect, useMemo, useState } from 'react'
import { labelTexture, type LabelOptions } from './labelTexture.ts'

/**
 * Panels and their buttons draw after the scene and ignore its depth, so that nothing in the room (a figure that
 * comes close, a wall) can hide what the client must read or choose.
 */
export const panelRenderOrder = 900

/**
 * The client's pointer (the controller's ray and the dot where it meets a button) draws after the panels, so the dot
 * shows on the button it is on; with the library's default (1) the panel drew over it.
 */
export const clientPointerRenderOrder = 950

export interface VrButtonProps {
  id: string
  label: string
  position: [number, number, number]
  width?: number
  height?: number
  selected?: boolean
  /** A picture instead of the label's text (see labelTexture). */
  picture?: LabelOptions['picture']
  /** Background colour when not hovered or selected. Default a warm white. */
  background?: string
  onSelect(timeStamp: number): void
}

/**
 * A big target a controller ray can hit (R3F pointer events come from the XR rays with `pointerType 'ray'`,
 * and from the mouse in the desktop preview). At least 12 cm wide at arm's length.
 */
export function VrButton({ id, label, position, width = 0.36, height = 0.16, selected = false, picture, background: restBackground = '#f6f4ef', onSelect }: VrButtonProps) {
  const [hover, setHover] = useState(false)
  const background = selected ? '#1f5f8b' : hover ? '#dbe8f1' : restBackground
  const texture = useMemo(
    () => labelTexture(label, { width: 512, height: Math.round((512 * height) / width), background, color: selected ? '#ffffff' : '#1d2b36', picture }),
    [label, background, selected, width, height, picture],
  )
  useEffect(() => () => texture.dispose(), [texture])
  return (
    <mesh
      name={`button:${id}`}
      position={position}
      renderOrder={panelRenderOrder}
      onPointerOver={() => setHover(true)}
      onPointerOut={() => setHover(false)}
      onClick={(e) => {
        e.stopPropagation()
        onSelect(e.nativeEvent?.timeStamp ?? performance.now())
      }}
    >
      <planeGeometry args={[width, height]} />
      <meshBasicMaterial map={texture} toneMapped={false} depthTest={false} depthWrite={false} />
    </mesh>
  )
}
