import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useLanguage } from '../i18n/languageStore.ts'
import { reasonWords } from '../i18n/reasonWords.ts'
import { connectConsole, type ConsoleLink, type ConsoleStatus } from '../room/consoleLink.ts'
import { codePattern, maxNoteChars, type CommandName, type PoseFrame, type SessionState } from '../room/protocol.ts'
import { TopView, type PoseRef } from './TopView.tsx'

export type { PoseRef }

const words = {
  nl: {
    title: 'Console van de begeleider',
    switchLanguage: 'English',
    intro: 'Typ de zes cijfers die de bril laat zien bij het startscherm.',
    code: 'Code uit de bril',
    pair: 'Koppel',
    waiting: 'Zoekt de server in deze ruimte…',
    wrongCode: 'Die code klopt niet, of is verlopen. Kijk opnieuw in de bril.',
    rateLimited: 'Te vaak een verkeerde code. Wacht een paar minuten.',
    busy: 'Er is al een console gekoppeld aan deze bril.',
    headsetOn: 'Bril verbonden',
    headsetOff: 'Bril niet verbonden: de sessie gaat in de bril gewoon door. Deze console sluit weer aan.',
    noState: 'Wacht op de bril…',
    scene: 'Scène',
    beat: 'Stap',
    line: 'Zin',
    inBeat: 'Tijd in deze stap',
    safety: 'Veiligheid',
    running: 'loopt',
    paused: 'gepauzeerd',
    completed: 'afgelopen',
    clientChoice: 'De cliënt kiest in de bril: verder gaan of stoppen. U kunt de keuze bevestigen.',
    dwell: 'Kijkt naar (deze stap)',
    answers: 'Antwoorden',
    none: 'nog geen',
    microphone: 'Microfoon',
    micNone: 'geen',
    micReady: 'staat aan',
    micRecording: 'neemt nu op',
    mirror: 'Wat de cliënt ziet',
    top: 'Bovenaanzicht: waar de cliënt kijkt',
    timeline: 'Verloop',
    pause: 'Pauze',
    resume: 'Ga verder',
    stop: 'Stop',
    repeat: 'Herhaal zin',
    skip: 'Volgende stap',
    note: 'Notitie',
    notePlaceholder: 'Korte notitie bij dit moment',
    noteSaved: 'Notitie opgeslagen in de bril',
    unpair: 'Ontkoppel',
  },
  en: {
    title: "Trainer's console",
    switchLanguage: 'Nederlands',
    intro: 'Type the six digits the headset shows on its start screen.',
    code: 'Code from the headset',
    pair: 'Pair',
    waiting: 'Looking for the server in this room…',
    wrongCode: 'That code is wrong or has expired. Look in the headset again.',
    rateLimited: 'Too many wrong codes. Wait a few minutes.',
    busy: 'Another console is already paired with this headset.',
    headsetOn: 'Headset connected',
    headsetOff: 'Headset not connected: the session goes on in the headset. This console reconnects.',
    noState: 'Waiting for the headset…',
    scene: 'Scene',
    beat: 'Step',
    line: 'Line',
    inBeat: 'Time in this step',
    safety: 'Safety',
    running: 'running',
    paused: 'paused',
    completed: 'ended',
    clientChoice: 'The client chooses in the headset: go on or stop. You can confirm the choice.',
    dwell: 'Looking at (this step)',
    answers: 'Answers',
    none: 'none yet',
    microphone: 'Microphone',
    micNone: 'none',
    micReady: 'on',
    micRecording: 'recording now',
    mirror: 'What the client sees',
    top: 'Top view: where the client looks',
    timeline: 'Timeline',
    pause: 'Pause',
    resume: 'Go on',
    stop: 'Stop',
    repeat: 'Repeat line',
    skip: 'Next step',
    note: 'Note',
    notePlaceholder: 'A short note on this moment',
    noteSaved: 'Note saved in the headset',
    unpair: 'Unpair',
  },
}

export interface ConsoleAppProps {
  /** The live mirror: the scene's own world, drawn from the client's head pose (composed by the app). */
  renderMirror(state: SessionState, pose: PoseRef): ReactNode
  /** The scene's look targets on the floor plan (x, z in metres), for the top view. */
  targetsOf(sceneId: string): Record<string, [number, number]>
  titleOf(sceneId: string, language: 'nl' | 'en'): string
  /**
   * What the trainer reads for a beat and a look target: their names from the scene file in the console's language
   * (ids are for the CSV, never for a Dutch screen). Default: the id itself.
   */
  namesOf?(sceneId: string, language: 'nl' | 'en'): SceneNames
}

export interface SceneNames {
  beat(id: string): string
  target(id: string): string
}

const idsAsNames: SceneNames = { beat: (id) => id, target: (id) => id }

interface Note {
  text: string
  beat: string
}

/** The trainer's console: pair by code, watch the client's view and the session's state, steer the session. */
export function ConsoleApp({ renderMirror, targetsOf, titleOf, namesOf }: ConsoleAppProps) {
  const { language, setLanguage } = useLanguage()
  const w = words[language]
  // Why the scene is paused, in the trainer's words ("gepauzeerd vanaf de console…"); an unknown reason as it is.
  const pausedWords = (reason: string) => reasonWords(language, reason) ?? `${w.paused} (${reason})`
  const [status, setStatus] = useState<ConsoleStatus>({ phase: 'connecting', headsetConnected: false, refused: null })
  const [state, setStateNow] = useState<SessionState | null>(null)
  const names = state && namesOf ? namesOf(state.sceneId, language) : idsAsNames
  // When the last state arrived on this laptop: the two clocks need not agree, so times count from arrival.
  const receivedAt = useRef(0)
  const setState = (next: SessionState) => {
    receivedAt.current = Date.now()
    setStateNow(next)
  }
  const [code, setCode] = useState('')
  const [note, setNote] = useState('')
  const [notes, setNotes] = useState<Note[]>([])
  const [lastAck, setLastAck] = useState<{ id: number; ok: boolean } | null>(null)
  const [, setTick] = useState(0)
  const pose = useRef<PoseFrame | null>(null)
  const link = useRef<ConsoleLink | null>(null)

  useEffect(() => {
    const l = connectConsole({
      onStatus: setStatus,
      onPose: (p) => (pose.current = p),
      onState: setState,
      onAck: (id, ok) => setLastAck({ id, ok }),
    })
    link.current = l
    if (__TEST_MODE__) (window as unknown as { __perspectiefConsoleLink: ConsoleLink }).__perspectiefConsoleLink = l
    return () => l.close()
  }, [])
  // The time in the beat counts on between state frames.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 500)
    return () => clearInterval(timer)
  }, [])

  const send = (command: CommandName, options: { text?: string; beat?: string } = {}) => link.current?.command(command, options) ?? null
  const sendNote = () => {
    const text = note.trim().slice(0, maxNoteChars)
    if (!text || !state) return
    if (send('note', { text }) === null) return
    setNotes((n) => [...n, { text, beat: state.beat }])
    setNote('')
  }

  const refusedText = status.refused === 'wrong-code' ? w.wrongCode : status.refused === 'rate-limited' ? w.rateLimited : status.refused === 'busy' ? w.busy : null
  const paired = status.phase === 'paired'

  return (
    <div className="console-page" data-testid="console" data-phase={status.phase} data-headset={status.headsetConnected}>
      <header className="topbar">
        <span className="brand">Perspectief · {w.title}</span>
        <nav>
          <button type="button" className="link" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {w.switchLanguage}
          </button>
          {paired && (
            <button type="button" className="link" onClick={() => link.current?.unpair()}>
              {w.unpair}
            </button>
          )}
        </nav>
      </header>
      {!paired && (
        <main className="console-pair">
          <h1>{w.title}</h1>
          <p>{status.phase === 'connecting' ? w.waiting : w.intro}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (codePattern.test(code)) link.current?.join(code)
            }}
          >
            <label htmlFor="console-code">{w.code}</label>
            <input id="console-code" className="console-code-input" inputMode="numeric" autoComplete="off" maxLength={6} pattern="\d{6}" value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))} />
            <button type="submit" className="primary big" disabled={status.phase !== 'ready' || !codePattern.test(code)}>
              {w.pair}
            </button>
          </form>
          {refusedText && (
            <p className="warning" role="alert" data-testid="console-refused" data-reason={status.refused}>
              {refusedText}
            </p>
          )}
        </main>
      )}
      {paired && (
        <main className="console-main">
          <p className={status.headsetConnected ? 'console-live' : 'warning'} role="status" data-testid="console-headset">
            {status.headsetConnected ? w.headsetOn : w.headsetOff}
          </p>
          {!state && <p>{w.noState}</p>}
          {state && (
            <div className="console-grid">
              <section className="console-mirror" aria-label={w.mirror}>
                <h2>{w.mirror}</h2>
                {renderMirror(state, pose)}
              </section>
              <section className="console-top" aria-label={w.top}>
                <h2>{w.top}</h2>
                <TopView pose={pose} targets={targetsOf(state.sceneId)} dwell={state.dwell} nameOf={names.target} />
              </section>
              <section className="console-state" data-testid="console-state" data-beat={state.beat} data-safety={state.status === 'completed' ? 'completed' : state.paused ? 'paused' : 'running'}>
                <dl>
                  <dt>{w.scene}</dt>
                  <dd>{titleOf(state.sceneId, language)}</dd>
                  <dt>{w.beat}</dt>
                  <dd data-testid="console-beat">{names.beat(state.beat)}</dd>
                  <dt>{w.line}</dt>
                  <dd className="console-line">{state.line ?? '—'}</dd>
                  <dt>{w.inBeat}</dt>
                  <dd>{formatSeconds(state.sentAt - state.beatSince + (state.status === 'active' && !state.paused ? Date.now() - receivedAt.current : 0))}</dd>
                  <dt>{w.safety}</dt>
                  <dd data-testid="console-safety">{state.status === 'completed' ? w.completed : state.paused ? pausedWords(state.paused.reason) : w.running}</dd>
                  <dt>{w.dwell}</dt>
                  <dd>
                    {Object.keys(state.dwell).length === 0
                      ? '—'
                      : Object.entries(state.dwell)
                          .map(([k, v]) => `${names.target(k)} ${Math.round(v * 100)}%`)
                          .join(' · ')}
                  </dd>
                  <dt>{w.answers}</dt>
                  <dd data-testid="console-answers">
                    {Object.keys(state.answers).length === 0
                      ? w.none
                      : Object.entries(state.answers)
                          .map(([k, v]) => `${k}: ${v ?? '—'}`)
                          .join(' · ')}
                  </dd>
                  <dt>{w.microphone}</dt>
                  <dd>{state.microphone === 'none' ? w.micNone : state.microphone === 'recording' ? w.micRecording : w.micReady}</dd>
                </dl>
                {state.paused && <p className="hint">{w.clientChoice}</p>}
              </section>
              <section className="console-controls" aria-label="Bediening">
                <div className="console-buttons">
                  <button type="button" className="danger big" disabled={!status.headsetConnected || state.paused !== null || state.status === 'completed'} onClick={() => send('pause')}>
                    {w.pause}
                  </button>
                  <button type="button" className="primary big" disabled={!status.headsetConnected || state.paused === null} onClick={() => send('resume')}>
                    {w.resume}
                  </button>
                  <button type="button" className="secondary big" disabled={!status.headsetConnected || state.paused !== null || state.status === 'completed'} onClick={() => send('repeat', { beat: state.beat })}>
                    {w.repeat}
                  </button>
                  <button type="button" className="secondary big" disabled={!status.headsetConnected || state.paused !== null || state.status === 'completed'} onClick={() => send('skip', { beat: state.beat })}>
                    {w.skip}
                  </button>
                  <button type="button" className="danger big" disabled={!status.headsetConnected || state.status === 'completed'} onClick={() => send('stop')}>
                    {w.stop}
                  </button>
                </div>
                <form
                  className="console-note"
                  onSubmit={(e) => {
                    e.preventDefault()
                    sendNote()
                  }}
                >
                  <label htmlFor="console-note">{w.note}</label>
                  <input id="console-note" maxLength={maxNoteChars} placeholder={w.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} />
                  <button type="submit" className="secondary big" disabled={!status.headsetConnected || !note.trim()}>
                    {w.note}
                  </button>
                </form>
                {lastAck?.ok && notes.length > 0 && (
                  <p className="hint" role="status">
                    {w.noteSaved}
                  </p>
                )}
              </section>
              <section className="console-timeline" aria-label={w.timeline}>
                <h2>{w.timeline}</h2>
                <Timeline state={state} notes={notes} names={names} />
              </section>
            </div>
          )}
        </main>
      )}
    </div>
  )
}

function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** The beats so far as bars, pauses in red beneath, notes as marks. */
function Timeline({ state, notes, names }: { state: SessionState; notes: Note[]; names: SceneNames }) {
  const now = state.timeline.length > 0 ? state.timeline.at(-1)!.atMs + (state.sentAt - state.beatSince) : 0
  const end = Math.max(1, now)
  const x = (ms: number) => `${(Math.min(ms, end) / end) * 100}%`
  return (
    <div className="timeline" data-testid="console-timeline">
      <div className="timeline-row">
        {state.timeline.map((b, i) => {
          const to = state.timeline[i + 1]?.atMs ?? end
          return (
            <span key={`${b.beat}-${i}`} className={`timeline-beat${i === state.timeline.length - 1 ? ' current' : ''}`} style={{ left: x(b.atMs), width: `calc(${x(to)} - ${x(b.atMs)})` }} title={names.beat(b.beat)}>
              {names.beat(b.beat)}
            </span>
          )
        })}
      </div>
      <div className="timeline-row pauses">
        {state.pauses.map((p, i) => (
          <span key={i} className="timeline-pause" style={{ left: x(p.atMs), width: `calc(${x(p.atMs + (p.ms ?? end - p.atMs))} - ${x(p.atMs)})` }} title={p.reason}>
            ‖
          </span>
        ))}
      </div>
      <ul className="timeline-notes">
        {notes.map((n, i) => (
          <li key={i}>
            <strong>{names.beat(n.beat)}</strong> {n.text}
          </li>
        ))}
      </ul>
    </div>
  )
}
