import { useEffect, useMemo, useRef } from 'react'
import type { Item } from '../script/schema.ts'
import type { Language } from '../script/localized.ts'
import { circlesOffset } from '../widgets/circlesPair.ts'
import { labelTexture, type LabelOptions } from './labelTexture.ts'
import { panelRenderOrder, VrButton } from './VrButton.tsx'

/** Where the panel floats in the viewer's own space: straight ahead, a little below the eyes, within reach of a ray. */
export const panelCentre: [number, number, number] = [0, -0.15, -1.3]

interface ButtonSpec {
  value: string | number
  label: (l: Language) => string
  position: [number, number, number]
  width: number
  height: number
  picture?: LabelOptions['picture']
}

function circlesPicture(step: number, points: number): LabelOptions['picture'] {
  return (g, width, height) => {
    const r = Math.min(width / 4.6, height * 0.38)
    const offset = circlesOffset(step, points) * r
    g.lineWidth = Math.max(4, r * 0.09)
    for (const [dx, colour] of [[-offset, '#1f5f8b'], [offset, '#b5542e']] as const) {
      g.strokeStyle = colour
      g.beginPath()
      g.arc(width / 2 + dx, height / 2, r, 0, Math.PI * 2)
      g.stroke()
    }
  }
}

/** Button centres in panel space, for the choices of an item: a row of 1–7, a row of circle pairs, or a column of words. */
export function buttonLayout(item: Item): ButtonSpec[] {
  if (item.type === 'likert') {
    const n = item.points
    const width = Math.min(0.14, 1.2 / n)
    return Array.from({ length: n }, (_, i) => ({ value: i + 1, label: () => String(i + 1), position: [(i - (n - 1) / 2) * (width + 0.03), 0, 0], width, height: 0.15 }))
  }
  if (item.type === 'circles') {
    const n = item.points
    const width = Math.min(0.16, 1.25 / n)
    return Array.from({ length: n }, (_, i) => ({
      value: i + 1,
      label: () => String(i + 1),
      position: [(i - (n - 1) / 2) * (width + 0.02), 0, 0],
      width,
      height: 0.15,
      picture: circlesPicture(i + 1, n),
    }))
  }
  if (item.type === 'choice' || item.type === 'spoken') {
    const columns = item.options.length > 3 ? 2 : 1
    return item.options.map((o, i) => ({
      value: o.value,
      label: (l: Language) => o.label[l],
      position: [columns === 1 ? 0 : i % 2 === 0 ? -0.21 : 0.21, 0.1 - Math.floor(i / columns) * 0.19, 0],
      width: 0.4,
      height: 0.15,
    }))
  }
  return []
}

const words = {
  nl: { done: 'Klaar met praten', recording: '● Je stem wordt opgenomen, alleen voor nu. Niets wordt bewaard.', noMicrophone: 'Geen microfoon: kies een antwoord.', left: 'links', right: 'rechts' },
  en: { done: 'Done talking', recording: '● Your voice is being recorded, for now only. Nothing is kept.', noMicrophone: 'No microphone: choose an answer.', left: 'left', right: 'right' },
}

export interface SpeakingState {
  /** The microphone is recording this answer. */
  recording: boolean
  /** There is no microphone (none, or refused): the panel says so, and only the choices remain. */
  noMicrophone: boolean
  onDone(timeStamp: number): void
}

/**
 * A reflection question in VR: one question, big buttons, answered with a controller ray (or the mouse in the
 * preview). The same items as the 2D questionnaire; sliders and free text stay in 2D. A spoken item adds a
 * "done talking" button above its choices while the microphone records.
 */
export function ReflectionPanel({
  itemId,
  item,
  language,
  speaking,
  onAnswer,
}: {
  itemId: string
  item: Item
  language: Language
  speaking?: SpeakingState
  onAnswer(value: string | number, timeStamp: number): void
}) {
  const shownAt = useRef(performance.now())
  const w = words[language]
  const prompt = useMemo(() => labelTexture(item.prompt[language], { width: 1400, height: 240, background: '#1d2b36', color: '#ffffff' }), [item, language])
  useEffect(() => () => prompt.dispose(), [prompt])
  // Memoised: a button's picture function is part of its texture's identity.
  const buttons = useMemo(() => buttonLayout(item), [item])
  const note =
    item.type === 'likert'
      ? `${item.anchors.low[language]}  ←  →  ${item.anchors.high[language]}`
      : item.type === 'circles'
        ? `${w.left}: ${item.circles.left[language]}   ·   ${w.right}: ${item.circles.right[language]}`
        : speaking?.recording
          ? w.recording
          : speaking?.noMicrophone
            ? w.noMicrophone
            : null
  const noteTexture = useMemo(() => (note ? labelTexture(note, { width: 1400, height: 120, background: speaking?.recording ? '#fbe9e4' : '#f6f4ef' }) : null), [note, speaking?.recording])
  useEffect(() => () => noteTexture?.dispose(), [noteTexture])
  const below = item.type === 'likert' || item.type === 'circles'
  // While a spoken answer records, the prompt, the recording note and "done talking" stack above the choices, which
  // move down to leave a gap (they once overlapped "done talking" by 2 cm, and a ray meant for a choice hit it).
  const choicesDown = speaking?.recording ? -0.06 : 0
  const lowest = Math.min(0, ...buttons.map((b) => b.position[1])) + choicesDown
  return (
    <group name={`panel:${itemId}`} position={panelCentre}>
      <mesh position={[0, speaking?.recording ? 0.52 : 0.36, 0]} renderOrder={panelRenderOrder}>
        <planeGeometry args={[1.2, 0.2]} />
        <meshBasicMaterial map={prompt} toneMapped={false} depthTest={false} depthWrite={false} />
      </mesh>
      {noteTexture && (
        <mesh position={[0, below ? -0.14 : speaking?.recording ? 0.36 : lowest - 0.15, 0]} renderOrder={panelRenderOrder}>
          <planeGeometry args={[1.2, 0.1]} />
          <meshBasicMaterial map={noteTexture} toneMapped={false} depthTest={false} depthWrite={false} />
        </mesh>
      )}
      {speaking?.recording && <VrButton id={`${itemId}:done-talking`} label={w.done} position={[0, 0.23, 0]} width={0.6} height={0.15} background="#d9efe0" onSelect={(t) => speaking.onDone(t - shownAt.current)} />}
      {buttons.map((b) => (
        <VrButton key={String(b.value)} id={`${itemId}:${b.value}`} label={b.label(language)} position={[b.position[0], b.position[1] + choicesDown, b.position[2]]} width={b.width} height={b.height} picture={b.picture} onSelect={(t) => onAnswer(b.value, t - shownAt.current)} />
      ))}
    </group>
  )
}
