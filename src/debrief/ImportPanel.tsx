import { useState, type DragEvent, type FormEvent } from 'react'
import type { StringKey } from '../i18n/strings.ts'
import { useT } from '../i18n/useT.ts'
import { importFiles, skipPending, unlockPending, useDebrief, type FileMessage } from './debriefStore.ts'

/** Drop zone and file picker, the passphrase prompt for encrypted files, and what became of each file. */
export function ImportPanel() {
  const t = useT()
  const { pending, messages, busy } = useDebrief()
  const [over, setOver] = useState(false)
  const [typed, setTyped] = useState('')
  const waiting = pending[0]

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void importFiles([...e.dataTransfer.files])
  }
  const onUnlock = (e: FormEvent) => {
    e.preventDefault()
    void unlockPending(typed).then(() => setTyped(''))
  }
  const describe = (m: FileMessage) => {
    if (m.outcome === 'added') return t('debriefAdded', { file: m.file, code: m.clientCode ?? '' })
    const plain = t(`problem_${(m.code ?? 'unreadable').replace(/-/g, '_')}` as StringKey, m.facts)
    return t('debriefRefused', { file: m.file, reason: m.detail ? `${plain} (${m.detail})` : plain })
  }

  return (
    <section className="import-panel no-print" aria-labelledby="import-title">
      <h2 id="import-title" className="visually-hidden">
        {t('debriefPick')}
      </h2>
      <label className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <span>{t('debriefDrop')}</span>
        <span className="file-button">
          {t('debriefPick')}
          <input
            type="file"
            multiple
            accept=".perspectief,.json,application/json"
            data-testid="import-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])]
              e.target.value = ''
              void importFiles(files)
            }}
          />
        </span>
      </label>

      {waiting && (
        <form className="passphrase-prompt" onSubmit={onUnlock} data-testid="passphrase-prompt">
          <label>
            {t('debriefPassphraseFor', { file: waiting.fileName })}
            <input className="big-input" type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('debriefOpen')}
            </button>
            <button type="button" className="secondary" onClick={skipPending}>
              {t('debriefSkip')}
            </button>
          </div>
          {busy && <p role="status">{t('debriefOpening', { file: waiting.fileName })}</p>}
        </form>
      )}

      {messages.length > 0 && (
        // The live region wraps the list: a role on the <ul> itself would take away its list semantics.
        <div role="log" aria-live="polite">
          <ul className="file-messages" data-testid="file-messages">
            {messages.map((m) => (
              <li key={m.id} className={m.outcome} data-outcome={m.outcome} data-code={m.code ?? ''}>
                {describe(m)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
