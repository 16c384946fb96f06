import { useMemo, useRef } from 'react'
import type { Item } from '../script/schema.ts'
import type { Language } from '../script/localized.ts'
import { labelTexture } from './labelTexture.ts'
import { VrButton } from './VrButton.tsx'

/** Where the panel floats in the viewer's own space: straight ahead, a little below the eyes, within reach of a ray. */
export const panelCentre: [number, number, number] = [0, -0.15, -1.3]

/** Button centres in panel space, for the choices of an item: a row of 1–7, or a column of words. */
export function buttonLayout(item: Item): { value: string | number; label: (l: Language) => string; position: [number, number, number]; width: number }[] {
  if (item.type === 'likert') {
    const n = item.points
    const width = Math.min(0.14, 1.2 / n)
    return Array.from({ length: n }, (_, i) => ({ value: i + 1, label: () => String(i + 1), position: [(i - (n - 1) / 2) * (width + 0.03), 0, 0], width }))
  }
  if (item.type === 'choice') {
    const columns = item.options.length > 3 ? 2 : 1
    return item.options.map((o, i) => ({
      value: o.value,
      label: (l: Language) => o.label[l],
      position: [columns === 1 ? 0 : (i % 2 === 0 ? -0.21 : 0.21), 0.1 - Math.floor(i / columns) * 0.19, 0],
      width: 0.4,
    }))
  }
  return []
}

/**
 * A reflection question in VR: one question, big buttons, answered with a controller ray (or the mouse in the
 * preview). The same items as the 2D questionnaire; sliders and free text stay in 2D.
 */
export function ReflectionPanel({ itemId, item, language, onAnswer }: { itemId: string; item: Item; language: Language; onAnswer(value: string | number, timeStamp: number): void }) {
  const shownAt = useRef(performance.now())
  const prompt = useMemo(() => labelTexture(item.prompt[language], { width: 1400, height: 240, background: '#1d2b36', color: '#ffffff' }), [item, language])
  const buttons = buttonLayout(item)
  const anchors =
    item.type === 'likert' ? `${item.anchors.low[language]}  ←  →  ${item.anchors.high[language]}` : null
  const anchorTexture = useMemo(() => (anchors ? labelTexture(anchors, { width: 1400, height: 120, background: '#f6f4ef' }) : null), [anchors])
  return (
    <group name={`panel:${itemId}`} position={panelCentre}>
      <mesh position={[0, 0.36, 0]}>
        <planeGeometry args={[1.2, 0.2]} />
        <meshBasicMaterial map={prompt} toneMapped={false} />
      </mesh>
      {anchorTexture && (
        <mesh position={[0, -0.14, 0]}>
          <planeGeometry args={[1.2, 0.1]} />
          <meshBasicMaterial map={anchorTexture} toneMapped={false} />
        </mesh>
      )}
      {buttons.map((b) => (
        <VrButton key={String(b.value)} id={`${itemId}:${b.value}`} label={b.label(language)} position={b.position} width={b.width} height={0.15} onSelect={(t) => onAnswer(b.value, t - shownAt.current)} />
      ))}
    </group>
  )
}
