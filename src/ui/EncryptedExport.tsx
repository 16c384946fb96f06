import { useState } from 'react'
import { exportEncrypted } from '../state/exportActions.ts'
import { useT } from '../i18n/useT.ts'

/**
 * "Send to my trainer": encrypts the session and shows its passphrase once. Once the client says the words are
 * written down they leave the screen for good; the passphrase is kept nowhere. The same words and the same one big
 * button as the drill's done screen (app/drillDoneScreen.ts), which is built without React on the phone's drill page.
 */
export function EncryptedExport({ sessionId }: { sessionId: string }) {
  const t = useT()
  const [state, setState] = useState<{ step: 'idle' | 'working' | 'gone' } | { step: 'shown'; passphrase: string }>({ step: 'idle' })
  const start = async () => {
    setState({ step: 'working' })
    const passphrase = await exportEncrypted(sessionId)
    setState(passphrase ? { step: 'shown', passphrase } : { step: 'idle' })
  }
  return (
    <div className="send">
      <p>{t('sendToTrainerExplain')}</p>
      <button type="button" className="primary big send-button" disabled={state.step === 'working' || state.step === 'shown'} onClick={() => void start()}>
        {t('sendToTrainer')}
      </button>
      <div className="passphrase-slot">
        {state.step === 'working' && <p role="status">{t('encrypting')}</p>}
        {state.step === 'shown' && (
          <section className="passphrase-box" aria-live="polite">
            <h2>{t('passphraseTitle')}</h2>
            <p>{t('passphraseExplain')}</p>
            <p className="passphrase" data-testid="passphrase">
              {state.passphrase}
            </p>
            <button type="button" className="secondary" onClick={() => setState({ step: 'gone' })}>
              {t('passphraseDone')}
            </button>
          </section>
        )}
        {state.step === 'gone' && <p role="status">{t('passphraseGone')}</p>}
      </div>
    </div>
  )
}
