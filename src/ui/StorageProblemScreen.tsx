import { continueWithoutStorage } from '../app/appStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from './ReadAloudButton.tsx'

/** Private mode, a full device or a blocked database: say so, and let the client practise with export as the only copy. */
export function StorageProblemScreen({ reason }: { reason: string }) {
  const t = useT()
  return (
    <Layout title={t('storageProblemTitle')} showSettings={false}>
      <ReadAloudButton text={`${t('storageProblemBody')} ${t('storageProblemAdvice')}`} />
      <p role="alert">{t('storageProblemBody')}</p>
      <p>{t('storageProblemAdvice')}</p>
      <p className="hint" data-testid="storage-reason">
        {reason}
      </p>
      <button type="button" className="primary" onClick={continueWithoutStorage}>
        {t('storageProblemContinue')}
      </button>
    </Layout>
  )
}
