import { useState, type FormEvent } from 'react'
import { useLanguage } from '../../i18n/languageStore.ts'
import { downloadFile } from '../../export/downloadFile.ts'
import { bundleFileName, type SessionBundle } from '../../export/sessionBundle.ts'
import { datasetTable } from '../../export/datasetTable.ts'
import { psychDsZip, psychDsZipName } from '../../export/psychDsDataset.ts'
import { isoDay, shiftDay } from '../../log/calendarDay.ts'
import type { BundledScene } from '../../script/bundledScene.ts'
import type { Item } from '../../script/schema.ts'
import { isValidClientCode, normaliseClientCode } from '../../storage/clientCode.ts'
import { addOwnSession, useDebrief } from '../debriefStore.ts'
import { allianceText, type AllianceKey } from './allianceText.ts'
import { runCheckIn, type CheckInAnswers } from './runCheckIn.ts'
import './alliance.css'

/**
 * "Voor de begeleider": the worker's side of a check-in, on the trainer's laptop. The whole form on one page (a
 * worker at a laptop, not a client on a phone); it runs through the scene's beats like any session and is added to
 * the report like an imported file: in this window only, unless the trainer keeps data on this laptop.
 */
export function WorkerCheckIn({ scenes, appVersion }: { scenes: readonly BundledScene[]; appVersion: string }) {
  const language = useLanguage((s) => s.language)
  const say = (key: AllianceKey, vars?: Record<string, string | number>) => allianceText(language, key, vars)
  const [sceneId, setSceneId] = useState<string | null>(null)
  const [saved, setSaved] = useState<SessionBundle | null>(null)
  if (scenes.length === 0) return null
  const scene = scenes.find((s) => s.script.id === sceneId)

  return (
    <section className="worker-checkin no-print" aria-labelledby="worker-checkin-title" data-testid="worker-checkin">
      <h2 id="worker-checkin-title">{say('formTitle')}</h2>
      <p>{say('formIntro')}</p>
      {saved && (
        <div role="status" data-testid="worker-checkin-saved">
          <p>
            {say('formDone', { code: saved.session.clientCode, date: contactDateOf(saved) ?? '–' })} {useDebrief.getState().kept ? '' : say('formNotKept')}
          </p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => downloadFile(bundleFileName(saved), JSON.stringify(saved, null, 2), 'application/json')}>
              {say('formDownload')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const table = datasetTable(saved, scenes.find((s) => s.script.id === saved.scene.id)?.script)
                downloadFile(psychDsZipName(table), psychDsZip(table, appVersion), 'application/zip')
              }}
            >
              {say('formDataset')}
            </button>
          </div>
        </div>
      )}
      {!scene && (
        <div className="actions">
          {scenes.map((s) => (
            <button key={s.script.id} type="button" className="primary" data-scene={s.script.id} onClick={() => (setSaved(null), setSceneId(s.script.id))}>
              {say('formOpen')}
              {scenes.length > 1 ? `: ${s.script.title[language]}` : ''}
            </button>
          ))}
        </div>
      )}
      {scene && (
        <CheckInForm
          scene={scene}
          appVersion={appVersion}
          onCancel={() => setSceneId(null)}
          onSaved={(bundle) => {
            setSaved(bundle)
            setSceneId(null)
          }}
        />
      )}
    </section>
  )
}

function contactDateOf(bundle: SessionBundle): string | null {
  const answer = bundle.events.filter((e) => e.type === 'answer.given' && typeof e.data.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.data.value as string)).at(0)
  return answer ? (answer.data.value as string) : null
}

function CheckInForm({ scene, appVersion, onCancel, onSaved }: { scene: BundledScene; appVersion: string; onCancel(): void; onSaved(bundle: SessionBundle): void }) {
  const language = useLanguage((s) => s.language)
  const say = (key: AllianceKey, vars?: Record<string, string | number>) => allianceText(language, key, vars)
  const today = isoDay(new Date())
  const asked = [...new Set(scene.script.beats.flatMap((b) => (b.ask === undefined ? [] : [b.ask])))].map((id) => [id, scene.script.items[id]!] as const)
  const [code, setCode] = useState('')
  const [answers, setAnswers] = useState<CheckInAnswers>(() => Object.fromEntries(asked.filter(([, item]) => item.type === 'date').map(([id]) => [id, today])))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const answer = (id: string, value: string | number | null) => setAnswers((a) => ({ ...a, [id]: value }))
  const missing = asked.filter(([id, item]) => item.type !== 'text' && (answers[id] === undefined || answers[id] === null)).map(([, item]) => item.prompt[language])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const client = normaliseClientCode(code)
    if (!isValidClientCode(client)) return setProblem(say('formBadCode'))
    for (const [id, item] of asked) {
      const value = answers[id]
      if (item.type === 'date' && (typeof value !== 'string' || value > today || value < isoDay(shiftDay(new Date(), -(item.maxDaysBack ?? 60))))) return setProblem(say('formBadDate'))
    }
    setBusy(true)
    try {
      const own = useDebrief.getState().sessions.filter((s) => s.bundle.session.clientCode === client && s.bundle.scene.id === scene.script.id).length
      const text = Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, typeof v === 'string' && scene.script.items[id]?.type === 'text' && v.trim() === '' ? null : v]))
      const bundle = await runCheckIn(scene, client, text, { appVersion, sessionNumber: own + 1 })
      await addOwnSession(bundleFileName(bundle), bundle)
      onSaved(bundle)
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="worker-checkin-form" data-scene={scene.script.id}>
      <h3>{scene.script.title[language]}</h3>
      <label>
        {say('formCode')}
        <input className="big-input" name="client-code" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="worker-code-hint" />
      </label>
      <p id="worker-code-hint" className="hint">
        {say('formCodeHint')}
      </p>
      {asked.map(([id, item]) => (
        <Question key={id} id={id} item={item} value={answers[id]} onChange={(v) => answer(id, v)} today={today} />
      ))}
      {missing.length > 0 && <p className="hint" data-testid="worker-missing">{say('formMissing', { items: String(missing.length) })}</p>}
      <p role={problem ? 'alert' : undefined} className="error">
        {problem ?? ''}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {say('formSave')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {say('formCancel')}
        </button>
      </div>
    </form>
  )
}

function Question({ id, item, value, onChange, today }: { id: string; item: Item; value: string | number | null | undefined; onChange(value: string | number | null): void; today: string }) {
  const language = useLanguage((s) => s.language)
  const prompt = item.prompt[language]
  if (item.type === 'date') {
    return (
      <label className="question" data-item={id}>
        {prompt}
        <input className="big-input" type="date" max={today} min={isoDay(shiftDay(new Date(), -(item.maxDaysBack ?? 60)))} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      </label>
    )
  }
  if (item.type === 'text') {
    return (
      <label className="question" data-item={id}>
        {prompt}
        <textarea rows={3} maxLength={item.maxLength} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      </label>
    )
  }
  const options: { value: string | number; label: string }[] =
    item.type === 'choice' || item.type === 'spoken'
      ? item.options.map((o) => ({ value: o.value, label: o.label[language] }))
      : item.type === 'likert' || item.type === 'circles'
        ? Array.from({ length: item.points }, (_, i) => ({ value: i + 1, label: String(i + 1) }))
        : item.type === 'slider'
          ? Array.from({ length: Math.floor((item.max - item.min) / item.step) + 1 }, (_, i) => ({ value: item.min + i * item.step, label: String(item.min + i * item.step) }))
          : []
  const anchors = item.type === 'likert' || item.type === 'slider' ? item.anchors : null
  return (
    <fieldset className="question" data-item={id}>
      <legend>{prompt}</legend>
      <div className="scale">
        {options.map((o) => (
          <label key={String(o.value)}>
            <input type="radio" name={id} value={String(o.value)} checked={value === o.value} onChange={() => onChange(o.value)} />
            {anchors && o.value === options[0]!.value ? `${o.label}: ${anchors.low[language]}` : anchors && o.value === options.at(-1)!.value ? `${o.label}: ${anchors.high[language]}` : o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
