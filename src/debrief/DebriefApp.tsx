import { useMemo } from 'react'
import type { BundledScene } from '../script/bundledScene.ts'
import { WorkerCheckIn } from './alliance/WorkerCheckIn.tsx'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { ClientReport } from './ClientReport.tsx'
import { groupByClient } from './clientGroups.ts'
import { clearAll, removeSession, setKept, useDebrief } from './debriefStore.ts'
import { ImportPanel } from './ImportPanel.tsx'
import type { SceneLookup } from './sceneInfo.ts'
import { sessionFacts } from './sessionFacts.ts'

/** The trainer's page: import on top, the printable report below. */
export function DebriefApp({ lookup, lobbyUrl, checkInForms = [] }: { lookup: SceneLookup; lobbyUrl: string; checkInForms?: readonly BundledScene[] }) {
  const t = useT()
  const { language, setLanguage } = useLanguage()
  const { sessions, kept } = useDebrief()
  const groups = useMemo(() => groupByClient(sessions.map((s) => sessionFacts(s.key, s.fileName, s.bundle, lookup, language, s))), [sessions, lookup, language])

  return (
    <div className="debrief">
      <header className="topbar no-print">
        <a className="brand" href={lobbyUrl}>
          {t('appName')}
        </a>
        <nav aria-label={t('settings')}>
          <button type="button" className="link" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {t('switchLanguage')}
          </button>
          <a className="link" href="./console.html">
            {t('trainerConsole')}
          </a>
        </nav>
      </header>
      <main>
        <h1>{sessions.length > 0 ? t('reportTitle') : t('debriefTitle')}</h1>
        <p className="no-print">{t('debriefIntro')}</p>
        <ImportPanel />
        <WorkerCheckIn scenes={checkInForms} appVersion={__APP_VERSION__} />
        {sessions.length > 0 && (
          <div className="actions no-print">
            <button type="button" className="primary" onClick={() => window.print()}>
              {t('debriefPrint')}
            </button>
            <button type="button" className="secondary" aria-pressed={kept} onClick={() => void setKept(!kept)}>
              {kept ? t('debriefForget') : t('debriefKeep')}
            </button>
            <button type="button" className="danger" onClick={() => void clearAll()}>
              {t('debriefClear')}
            </button>
          </div>
        )}
        {kept && (
          <p role="status" className="notice no-print">
            {t('debriefKept')}
          </p>
        )}
        {sessions.length === 0 ? (
          <p className="hint">{t('debriefNothing')}</p>
        ) : (
          groups.map((group) => <ClientReport key={group.clientCode} group={group} lookup={lookup} onRemove={removeSession} />)
        )}
      </main>
    </div>
  )
}
