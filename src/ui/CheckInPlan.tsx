import { useEffect, useState } from 'react'
import { useApp } from '../state/appStore.ts'
import { beginScene } from '../state/sessionActions.ts'
import { downloadFile } from '../export/downloadFile.ts'
import { checkInRemindersIcs } from '../export/checkInReminders.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { dayDate, isoDay } from '../log/calendarDay.ts'
import { contactToCheckIn, plannedCheckIns } from '../log/contactSchedule.ts'
import { suggestContactDate } from './questionnaire/suggestedDate.ts'
import './questionnaire/checkIn.css'

const words = {
  nl: {
    title: 'Afspraken met je begeleider',
    intro: 'Zet je afspraken hier. Na elke afspraak kun je kort zeggen hoe het ging.',
    offer: 'Hoe ging je afspraak van {date}?',
    add: 'Zet in je plan',
    date: 'Datum van een afspraak',
    remove: 'Haal {date} weg',
    calendar: 'Zet herinneringen in je agenda',
    none: 'Nog geen afspraken in je plan.',
  },
  en: {
    title: 'Appointments with your worker',
    intro: 'Put your appointments here. After each one you can briefly say how it went.',
    offer: 'How did your appointment of {date} go?',
    add: 'Add to your plan',
    date: 'Date of an appointment',
    remove: 'Remove {date}',
    calendar: 'Put reminders in your calendar',
    none: 'No appointments in your plan yet.',
  },
}

/**
 * The check-in in the client's home plan: planned contacts (kept on the device with the client's other data), the
 * check-in offered for the last contact that has none yet, and calendar reminders that carry the contact date.
 */
export function CheckInPlan() {
  const language = useLanguage((s) => s.language)
  const { scenes, sessions, clientCode, store } = useApp()
  const scene = scenes.find((s) => s.script.checkIn?.side === 'client')
  const [contacts, setContacts] = useState<string[]>([])
  const [typed, setTyped] = useState('')
  // Back in the lobby: a check-in started from the list below is about today, not about the last offer.
  useEffect(() => suggestContactDate(null), [])
  useEffect(() => {
    if (!store || !clientCode) return
    void store.getSetting('plannedContacts').then((all) => setContacts(all?.[clientCode] ?? []))
  }, [store, clientCode])
  if (!scene || !store || !clientCode) return null
  const w = words[language]
  const today = isoDay(new Date())
  const label = (day: string) => dayDate(day).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long' })
  const save = async (next: string[]) => {
    const sorted = [...new Set(next)].sort()
    setContacts(sorted)
    const all = (await store.getSetting('plannedContacts')) ?? {}
    await store.setSetting('plannedContacts', { ...all, [clientCode]: sorted })
  }
  // A contact counts as answered once a check-in was completed on or after its day.
  const done = sessions.filter((s) => s.clientCode === clientCode && s.sceneId === scene.script.id && s.status === 'completed').map((s) => isoDay(new Date(s.createdAt)))
  const answered = contacts.filter((c) => done.some((d) => d >= c))
  const offer = contactToCheckIn(contacts, answered, today)
  const upcoming = plannedCheckIns(contacts, today)

  return (
    <section aria-labelledby="check-in-plan-title" className="check-in-plan" data-testid="check-in-plan">
      <h2 id="check-in-plan-title">{w.title}</h2>
      <p>{w.intro}</p>
      {offer && (
        <button
          type="button"
          className="primary big"
          data-testid="check-in-offer"
          data-contact={offer}
          onClick={() => {
            suggestContactDate(offer)
            void beginScene(scene.script.id, {})
          }}
        >
          {w.offer.replace('{date}', label(offer))}
        </button>
      )}
      {contacts.length === 0 ? (
        <p className="hint">{w.none}</p>
      ) : (
        <ul className="planned-contacts">
          {contacts.map((c) => (
            <li key={c}>
              <span>{label(c)}</span>{' '}
              <button type="button" className="secondary" onClick={() => void save(contacts.filter((x) => x !== c))}>
                {w.remove.replace('{date}', label(c))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) void save([...contacts, typed]).then(() => setTyped(''))
        }}
      >
        <label>
          {w.date}
          <input className="big-input" type="date" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {w.add}
        </button>
      </form>
      {upcoming.length > 0 && (
        <button type="button" className="secondary" onClick={() => downloadFile('perspectief.ics', checkInRemindersIcs(upcoming, { language }), 'text/calendar')}>
          {w.calendar}
        </button>
      )}
    </section>
  )
}
