import { go } from '../state/appStore.ts'
import { declineConsent, giveConsent } from '../state/lobbyActions.ts'
import { paragraphs } from '../i18n/translate.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

/** Comes before anything is stored: until "agree", the app has not even created its database. */
export function ConsentScreen() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const body = paragraphs(language, 'consentBody')
  return (
    <Layout title={t('consentTitle')} showSettings={false}>
      <ReadAloudButton text={[t('consentTitle'), ...body].join(' ')} />
      <ul className="plain-list">
        {body.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void giveConsent()}>
          {t('consentAgree')}
        </button>
        <button type="button" className="secondary" onClick={declineConsent}>
          {t('consentDecline')}
        </button>
      </div>
    </Layout>
  )
}

export function DeclinedScreen() {
  const t = useT()
  return (
    <Layout title={t('consentTitle')} showSettings={false}>
      <ReadAloudButton text={t('consentDeclined')} />
      <p role="status">{t('consentDeclined')}</p>
      <button type="button" className="secondary" onClick={() => go({ name: 'consent' })}>
        {t('consentDeclinedAgain')}
      </button>
    </Layout>
  )
}
