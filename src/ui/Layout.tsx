import type { ReactNode } from 'react'
import { go, useApp } from '../state/appStore.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'

/** Every screen: the language switch and settings at the top, one thing to do in the middle. */
export function Layout({ title, children, showSettings = true }: { title: string; children: ReactNode; showSettings?: boolean }) {
  const t = useT()
  const { language, setLanguage } = useLanguage()
  const hasStore = useApp((s) => s.store !== null)
  const memoryOnly = useApp((s) => s.memoryOnly)
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('settings')}>
          <button type="button" className="link" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {t('switchLanguage')}
          </button>
          <a className="link" href="./debrief.html">
            {t('forTrainer')}
          </a>
          <a className="link" href="./console.html">
            {t('trainerConsole')}
          </a>
          {showSettings && hasStore && (
            <button type="button" className="link" onClick={() => go({ name: 'settings' })}>
              {t('settings')}
            </button>
          )}
        </nav>
      </header>
      <main>
        <h1>{title}</h1>
        {memoryOnly && <p className="warning">{t('memoryOnly')}</p>}
        {children}
      </main>
    </div>
  )
}
