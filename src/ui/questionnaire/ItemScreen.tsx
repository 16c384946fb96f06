import { useState, type MouseEvent } from 'react'
import type { Item } from '../../script/schema.ts'
import { useLanguage } from '../../i18n/languageStore.ts'
import { useT } from '../../i18n/useT.ts'
import { ReadAloudButton } from '../../widgets/ReadAloudButton.tsx'
import { ChoiceInput, CirclesInput, LikertInput, SliderInput, TextInput, type ItemValue } from './ItemInputs.tsx'
import { DateInput, dateInRange } from './DateInput.tsx'
import { isoDay } from '../../log/calendarDay.ts'
import { suggestedContactDate } from './suggestedDate.ts'

export interface ItemAnswer {
  value: ItemValue
  /** The confirming tap's `event.timeStamp`, on the `performance.now()` clock. */
  timeStamp: number
}

/**
 * One question on one screen: prompt, read-aloud, the answer control, and "next". Used by the questionnaire
 * scene type and, later, for reflection items in the other scenarios.
 */
export function ItemScreen({ itemId, item, onAnswer }: { itemId: string; item: Item; onAnswer(answer: ItemAnswer): void }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const [value, setValue] = useState<ItemValue | undefined>(item.type === 'slider' ? (item.min + item.max) / 2 : item.type === 'date' ? ((item.context === 'contact-date' ? suggestedContactDate() : null) ?? isoDay(new Date())) : undefined)
  const [nudge, setNudge] = useState(false)
  const promptId = `prompt-${itemId}`
  const optionText =
    item.type === 'choice' || item.type === 'spoken' ? item.options.map((o) => o.label[language]).join(', ') : item.type === 'likert' || item.type === 'slider' ? `${item.anchors.low[language]} … ${item.anchors.high[language]}` : ''

  const answered = value !== undefined && !(item.type === 'text' && !item.optional && String(value).trim() === '') && (item.type !== 'date' || dateInRange(item, value))
  const submit = (e: MouseEvent) => {
    if (!answered) {
      setNudge(true)
      return
    }
    const final = item.type === 'text' && String(value).trim() === '' ? null : (value ?? null)
    onAnswer({ value: final, timeStamp: e.timeStamp })
  }
  const skip = (e: MouseEvent) => onAnswer({ value: null, timeStamp: e.timeStamp })

  const common = { language, value, onChange: (v: ItemValue) => (setValue(v), setNudge(false)), labelledBy: promptId }
  return (
    <section className="item" data-item={itemId}>
      <h2 id={promptId} className="prompt">
        {item.prompt[language]}
      </h2>
      <ReadAloudButton text={`${item.prompt[language]} ${optionText}`} />
      {item.type === 'likert' && <LikertInput item={item} {...common} />}
      {(item.type === 'choice' || item.type === 'spoken') && <ChoiceInput item={item} {...common} />}
      {item.type === 'circles' && <CirclesInput item={item} {...common} />}
      {item.type === 'slider' && <SliderInput item={item} {...common} />}
      {item.type === 'text' && <TextInput item={item} {...common} />}
      {item.type === 'date' && <DateInput item={item} {...common} />}
      <p role={nudge ? 'alert' : undefined} className="error">
        {nudge ? t('answerRequired') : ''}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={submit} data-ready={answered}>
          {t('next')}
        </button>
        {item.type === 'text' && item.optional && (
          <button type="button" className="secondary" onClick={skip}>
            {t('skip')}
          </button>
        )}
      </div>
    </section>
  )
}
