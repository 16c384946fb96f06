import { useState, type DragEvent, type FormEvent } from 'react'
import type { StringKey } from '../i18n/strings.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { importFiles, skipPending, unlockPending, useDebrief, type FileMessage } from './debriefStore.ts'

/** Drop zone and file picker, the passphrase prompt for encrypted files, and what became of each file. */
export function ImportPanel() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const { pending, messages, busy } = useDebrief()
  const [over, setOver] = useState(false)
  const [typed, setTyped] = useState('')
  const waiting = pending[0]
  const summaryCount = messages.filter((m) => m.summaryDiffers).length

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
    const summary = m.summaryDiffers ? ` ${t('debriefSummaryNote')}` : ''
    if (m.outcome === 'added') return t('debriefAdded', { file: m.file, code: m.clientCode ?? '' }) + summary
    if (m.outcome === 'replaced') return t('debriefReplaced', { file: m.file, ...m.facts }) + summary
    if (m.outcome === 'older') return t('debriefOlder', { file: m.file, ...m.facts })
    if (m.outcome === 'conflict') return t('debriefConflict', { file: m.file, ...m.facts }) + summary
    // An implausible file names the rule it broke, translated; the English detail follows in brackets.
    const facts = m.code === 'implausible' && m.facts?.rule ? { ...m.facts, rule: t(`rule_${String(m.facts.rule).replace(/-/g, '_')}` as StringKey) } : m.facts
    const plain = t(`problem_${(m.code ?? 'unreadable').replace(/-/g, '_')}` as StringKey, facts)
    // The precise detail is in English: it follows in brackets in the English report only, so a Dutch message stays Dutch.
    return t('debriefRefused', { file: m.file, reason: m.detail && language === 'en' ? `${plain} (${m.detail})` : plain })
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
              <li key={m.id} className={m.outcome} data-outcome={m.outcome} data-code={m.code ?? ''} data-detail={m.detail} data-summary-differs={m.summaryDiffers ? 'true' : undefined}>
                {describe(m)}
              </li>
            ))}
          </ul>
          {summaryCount > 0 && (
            <p className="warning" data-testid="summary-count" data-value={summaryCount}>
              {t('debriefSummaryCount', { n: summaryCount })}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
