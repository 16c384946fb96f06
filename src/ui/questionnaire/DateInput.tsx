import type { Item } from '../../script/schema.ts'
import type { Language } from '../../script/localized.ts'
import { isoDay, shiftDay } from '../../log/calendarDay.ts'
import type { ItemValue } from './ItemInputs.tsx'

export const defaultMaxDaysBack = 60

/** Today or an earlier day within the item's range; a day in the future is never accepted. */
export function dateInRange(item: Extract<Item, { type: 'date' }>, value: ItemValue | undefined, today = new Date()): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return value <= isoDay(today) && value >= isoDay(shiftDay(today, -(item.maxDaysBack ?? defaultMaxDaysBack)))
}

/** A date field that starts at today and cannot go past it, with "today" and "yesterday" as one-tap choices. */
export function DateInput({ item, language, value, onChange, labelledBy }: { item: Extract<Item, { type: 'date' }>; language: Language; value: ItemValue | undefined; onChange(value: ItemValue): void; labelledBy: string }) {
  const today = new Date()
  const max = isoDay(today)
  const min = isoDay(shiftDay(today, -(item.maxDaysBack ?? defaultMaxDaysBack)))
  const current = typeof value === 'string' ? value : max
  const quick = [
    { day: max, label: language === 'nl' ? 'Vandaag' : 'Today' },
    { day: isoDay(shiftDay(today, -1)), label: language === 'nl' ? 'Gisteren' : 'Yesterday' },
  ].filter((q) => q.day >= min)
  return (
    <div className="date-answer">
      <div role="radiogroup" aria-labelledby={labelledBy} className="likert-points">
        {quick.map((q) => (
          <button key={q.day} type="button" role="radio" aria-checked={current === q.day} onClick={() => onChange(q.day)}>
            {q.label}
          </button>
        ))}
      </div>
      <input className="big-input" type="date" aria-labelledby={labelledBy} min={min} max={max} value={current} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}
