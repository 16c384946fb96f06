import { boot, continueWithoutStorage } from '../state/lobbyActions.ts'
import { useT } from '../i18n/useT.ts'
import type { StorageUnavailableError } from '../storage/indexedDbStore.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

/**
 * Private mode, a full device or a blocked database: say so, and let the client practise with export as the only
 * copy. A database blocked by another open tab is still there: closing that tab and trying again gets it back.
 */
export function StorageProblemScreen({ reason, kind }: { reason: string; kind: StorageUnavailableError['reason'] }) {
  const t = useT()
  const blocked = kind === 'blocked'
  const body = blocked ? t('storageBlockedBody') : t('storageProblemBody')
  const advice = blocked ? t('storageBlockedAdvice') : t('storageProblemAdvice')
  return (
    <Layout title={blocked ? t('storageBlockedTitle') : t('storageProblemTitle')} showSettings={false}>
      <ReadAloudButton text={`${body} ${advice}`} />
      <p role="alert">{body}</p>
      <p>{advice}</p>
      <p className="hint" data-testid="storage-reason">
        {reason}
      </p>
      <div className="actions">
        {blocked && (
          <button type="button" className="primary" onClick={() => void boot()}>
            {t('tryAgain')}
          </button>
        )}
        <button type="button" className={blocked ? 'secondary' : 'primary'} onClick={continueWithoutStorage}>
          {t('storageProblemContinue')}
        </button>
      </div>
    </Layout>
  )
}
