import { go, useApp } from '../state/appStore.ts'
import { beginScene, openSession } from '../state/sessionActions.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'
import { CheckInPlan } from './CheckInPlan.tsx'
import { scenesForSetting } from '../state/lobbySetting.ts'

/** The scenario list for this client code, with unfinished sessions first so going on is one tap. */
export function ChooseScreen() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const allScenes = useApp((s) => s.scenes)
  const setting = useApp((s) => s.lobbySetting)
  const scenes = scenesForSetting(allScenes, setting)
  const sessions = useApp((s) => s.sessions)
  const clientCode = useApp((s) => s.clientCode)
  const notice = useApp((s) => s.notice)
  const error = useApp((s) => s.error)
  const applyUpdate = useApp((s) => s.applyUpdate)
  const open = sessions.filter((s) => s.clientCode === clientCode && s.status === 'active')
  // An unfinished session goes on wherever it was started, so its title comes from every scene, not only the listed ones.
  const titleOf = (sceneId: string) => allScenes.find((s) => s.script.id === sceneId)?.script.title[language] ?? sceneId
  const closedReason = notice?.startsWith('closed:') ? notice.slice('closed:'.length) : null
  return (
    <Layout title={t('chooseTitle')}>
      <ReadAloudButton text={[t('chooseTitle'), ...scenes.map((s) => s.script.title[language])].join('. ')} />
      {setting === 'supervision' && (
        <p className="hint" data-testid="supervision-mode">
          {t('supervisionMode')}
        </p>
      )}
      {closedReason && (
        <p role="status" className="warning" data-testid="closed-notice">
          {t('closedNotice', { reason: closedReason })}
        </p>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {applyUpdate && (
        <p className="notice">
          {t('updateReady')}{' '}
          <button type="button" className="secondary" onClick={applyUpdate}>
            {t('updateApply')}
          </button>
        </p>
      )}
      {open.length > 0 && (
        <section aria-labelledby="resume-title">
          <h2 id="resume-title">{t('resumeTitle')}</h2>
          <ul className="choice-list">
            {open.map((s) => (
              <li key={s.id}>
                <button type="button" className="primary big" onClick={() => void openSession(s.id)}>
                  {t('resumeButton')}: {titleOf(s.sceneId)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CheckInPlan />
      {scenes.length === 0 && <p>{t('noScenes')}</p>}
      <ul className="choice-list">
        {scenes.map(({ script }) => (
          <li key={script.id}>
            <button
              type="button"
              className="choice big"
              data-scene={script.id}
              onClick={() => (Object.keys(script.params).length ? go({ name: 'params', sceneId: script.id }) : void beginScene(script.id, {}))}
            >
              <span className="choice-title">{script.title[language]}</span>
              {script.description && <span className="choice-sub">{script.description[language]}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        {scenes.some((s) => s.script.kind === 'drill') && (
          <button type="button" className="secondary" onClick={() => go({ name: 'own-photos' })}>
            {t('ownPhotosTitle')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => go({ name: 'code' })}>
          {t('back')}
        </button>
      </div>
    </Layout>
  )
}
