import { useEffect, useState } from 'react'
import { go, useApp } from '../state/appStore.ts'
import { exportSession } from '../state/exportActions.ts'
import { eraseEverything, setRetentionDays } from '../state/deviceActions.ts'
import { defaultRetentionDays } from '../storage/sessionStore.ts'
import { retentionChoices } from '../storage/retention.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'
import { SceneFileCheck } from './SceneFileCheck.tsx'

export function SettingsScreen() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const store = useApp((s) => s.store)
  const allSessions = useApp((s) => s.sessions)
  const scenes = useApp((s) => s.scenes)
  const clientCode = useApp((s) => s.clientCode)
  const error = useApp((s) => s.error)
  const [retention, setRetention] = useState<number | null>(null)
  const [saved, setSaved] = useState(false)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    void store?.getSetting('retentionDays').then((d) => setRetention(d ?? defaultRetentionDays))
  }, [store])
  // A shared device: only the current client's sessions are shown here, never other people's.
  const sessions = clientCode ? allSessions.filter((s) => s.clientCode === clientCode) : []
  const titleOf = (id: string) => scenes.find((s) => s.script.id === id)?.script.title[language] ?? id

  return (
    <Layout title={t('settingsTitle')}>
      <ReadAloudButton text={[t('retentionLabel'), t('eraseTitle'), t('eraseExplain')].join('. ')} />
      <button type="button" className="secondary" onClick={() => go({ name: clientCode ? 'choose' : 'code' })}>
        {t('back')}
      </button>
      <fieldset className="param">
        <legend>{t('retentionLabel')}</legend>
        <div className="segmented">
          {retentionChoices.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={retention === d}
              onClick={() => void setRetentionDays(d).then(() => (setRetention(d), setSaved(true)))}
            >
              {t('retentionDays', { n: d })}
            </button>
          ))}
        </div>
        {saved && <p role="status">{t('retentionSaved')}</p>}
      </fieldset>

      <section aria-labelledby="stored-title">
        <h2 id="stored-title">{t('sessionsStored', { n: sessions.length })}</h2>
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <span>
                {s.clientCode} · {titleOf(s.sceneId)} · {s.createdAt.slice(0, 16).replace('T', ' ')} · {t(`status_${s.status}`)}
              </span>
              <button type="button" className="secondary" onClick={() => void exportSession(s.id)}>
                {t('exportAll')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="erase-title" className="danger-zone">
        <h2 id="erase-title">{t('eraseTitle')}</h2>
        <p>{t('eraseExplain')}</p>
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('eraseButton')}
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="erase-confirm" className="confirm">
            <p id="erase-confirm">{t('eraseConfirm')}</p>
            <div className="actions">
              <button type="button" className="danger" onClick={() => void eraseEverything()}>
                {t('eraseConfirmYes')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('no')}
              </button>
            </div>
          </div>
        )}
        {error && <p role="alert" className="error">{t('eraseFailed', { reason: error })}</p>}
      </section>

      <SceneFileCheck />
    </Layout>
  )
}

export function ErasedScreen() {
  const t = useT()
  const screen = useApp((s) => s.screen)
  if (screen.name !== 'erased') return null
  const r = screen.report
  return (
    <Layout title={t('eraseDone')} showSettings={false}>
      <ReadAloudButton text={t('eraseDone')} />
      <p role="status" data-testid="erase-report">
        {t('eraseDetails', { sessions: r.sessions, events: r.events, databases: r.databases.length, caches: r.caches.length, workers: r.serviceWorkers })}
      </p>
    </Layout>
  )
}
