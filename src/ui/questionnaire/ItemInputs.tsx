import { circlesOffset } from '../../widgets/circlesPair.ts'
import { AgreePictogram } from './AgreePictogram.tsx'
import type { Item } from '../../script/schema.ts'
import type { Language } from '../../script/localized.ts'
import { useT } from '../../i18n/useT.ts'

export type ItemValue = string | number | null

interface InputProps<I extends Item> {
  item: I
  language: Language
  value: ItemValue | undefined
  onChange(value: ItemValue): void
  labelledBy: string
}

/** 1..N as big buttons in a row, with the scale's ends in words. */
export function LikertInput({ item, language, value, onChange, labelledBy }: InputProps<Extract<Item, { type: 'likert' }>>) {
  const points = Array.from({ length: item.points }, (_, i) => i + 1)
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="likert">
      <div className="likert-points">
        {points.map((p) => (
          <button
            key={p}
            type="button"
            role="radio"
            aria-checked={value === p}
            aria-label={p === 1 ? `${p}: ${item.anchors.low[language]}` : p === item.points ? `${p}: ${item.anchors.high[language]}` : String(p)}
            onClick={() => onChange(p)}
          >
            {item.pictograms && <AgreePictogram point={p} points={item.points} />}
            {p}
          </button>
        ))}
      </div>
      <div className="likert-anchors" aria-hidden="true">
        <span>{item.anchors.low[language]}</span>
        <span>{item.anchors.high[language]}</span>
      </div>
    </div>
  )
}

/** Word choices as big buttons in a column. A spoken item answers with its choices on a 2D screen (no recording here). */
export function ChoiceInput({ item, language, value, onChange, labelledBy }: InputProps<Extract<Item, { type: 'choice' | 'spoken' }>>) {
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="choice-list">
      {item.options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className="choice big" onClick={() => onChange(o.value)}>
          {o.label[language]}
        </button>
      ))}
    </div>
  )
}

/** The overlapping-circles item: pairs of circles from apart to one, as big buttons in a row. */
export function CirclesInput({ item, language, value, onChange, labelledBy }: InputProps<Extract<Item, { type: 'circles' }>>) {
  const steps = Array.from({ length: item.points }, (_, i) => i + 1)
  const left = item.circles.left[language]
  const right = item.circles.right[language]
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="circles">
      <p className="circles-legend">
        <span className="circle-key left" aria-hidden="true" /> {left} <span className="circle-key right" aria-hidden="true" /> {right}
      </p>
      <div className="likert-points">
        {steps.map((step) => {
          const offset = circlesOffset(step, item.points) * 14
          return (
            <button key={step} type="button" role="radio" aria-checked={value === step} aria-label={`${step} / ${item.points}`} onClick={() => onChange(step)}>
              <svg viewBox="0 0 64 36" width="64" height="36" aria-hidden="true">
                <circle cx={32 - offset} cy={18} r={14} fill="none" stroke="#1f5f8b" strokeWidth={2.5} />
                <circle cx={32 + offset} cy={18} r={14} fill="none" stroke="#b5542e" strokeWidth={2.5} />
              </svg>
            </button>
          )
        })}
      </div>
    </div>
  )
}

export function SliderInput({ item, language, value, onChange, labelledBy }: InputProps<Extract<Item, { type: 'slider' }>>) {
  const t = useT()
  const current = typeof value === 'number' ? value : (item.min + item.max) / 2
  return (
    <div className="slider">
      <input
        type="range"
        min={item.min}
        max={item.max}
        step={item.step}
        value={current}
        aria-labelledby={labelledBy}
        aria-valuetext={String(current)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <div className="likert-anchors" aria-hidden="true">
        <span>{item.anchors.low[language]}</span>
        <span>{item.anchors.high[language]}</span>
      </div>
      <p aria-live="polite">{t('sliderValue', { value: current })}</p>
    </div>
  )
}

export function TextInput({ item, value, onChange, labelledBy }: InputProps<Extract<Item, { type: 'text' }>>) {
  const t = useT()
  const text = typeof value === 'string' ? value : ''
  return (
    <div className="text-answer">
      <textarea
        aria-labelledby={labelledBy}
        placeholder={t('typeHere')}
        maxLength={item.maxLength}
        rows={4}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint">{t('charactersLeft', { n: item.maxLength - text.length })}</p>
    </div>
  )
}
