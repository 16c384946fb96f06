import { useDeferredValue, useMemo, useRef } from 'react'
import type { BundledScene } from '../script/bundledScene.ts'
import { WorkerCheckIn } from './alliance/WorkerCheckIn.tsx'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { ClientReport } from './ClientReport.tsx'
import { groupByClient, type ClientGroup } from './clientGroups.ts'
import { clearAll, removeSession, setKept, useDebrief } from './debriefStore.ts'
import { ImportPanel } from './ImportPanel.tsx'
import type { SceneLookup } from './sceneInfo.ts'
import { sessionFacts } from './sessionFacts.ts'

function sameGroup(a: ClientGroup, b: ClientGroup): boolean {
  return a.sessions.length === b.sessions.length && a.sessions.every((s, i) => s.facts === b.sessions[i]!.facts && s.followUpOf === b.sessions[i]!.followUpOf)
}

/** The trainer's page: import on top, the printable report below. */
export function DebriefApp({ lookup, lobbyUrl, checkInForms = [] }: { lookup: SceneLookup; lobbyUrl: string; checkInForms?: readonly BundledScene[] }) {
  const t = useT()
  const { language, setLanguage } = useLanguage()
  const { sessions: current, kept, intervals } = useDebrief()
  // The reports render as a transition, in slices that let the page draw and take input between them (200 reports
  // are a second of rendering); the import panel answers at once.
  const sessions = useDeferredValue(current)
  // Cheap on every change: each session's facts are computed once per file and kept (sessionFacts.ts); a language
  // switch only looks up words, and an interval arriving from the import worker only fills in its session.
  const previous = useRef(new Map<string, ClientGroup>())
  const groups = useMemo(() => {
    const fresh = groupByClient(sessions.map((s) => sessionFacts(s.key, s.fileName, s.bundle, lookup, language, s)))
    // A client whose sessions are all as they were keeps its group object, so its report is not drawn again.
    const kept = fresh.map((g) => {
      const old = previous.current.get(g.clientCode)
      return old && sameGroup(old, g) ? old : g
    })
    previous.current = new Map(kept.map((g) => [g.clientCode, g]))
    return kept
  }, [sessions, lookup, language, intervals])

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
        <h1>{current.length > 0 ? t('reportTitle') : t('debriefTitle')}</h1>
        <p className="no-print">{t('debriefIntro')}</p>
        <ImportPanel />
        <WorkerCheckIn scenes={checkInForms} appVersion={__APP_VERSION__} />
        {current.length > 0 && (
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
        {current.length === 0 ? (
          <p className="hint">{t('debriefNothing')}</p>
        ) : (
          groups.map((group) => <ClientReport key={group.clientCode} group={group} lookup={lookup} onRemove={removeSession} />)
        )}
      </main>
    </div>
  )
}
