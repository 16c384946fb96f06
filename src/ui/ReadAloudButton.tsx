import { useEffect, useRef, useState } from 'react'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { canReadAloud, onVoicesChanged, readAloud } from './readAloud.ts'

/** On every prompt. Where the device has no voice, the button explains that instead of failing silently. */
export function ReadAloudButton({ text }: { text: string }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const [available, setAvailable] = useState(() => canReadAloud(language))
  const [speaking, setSpeaking] = useState(false)
  const [explain, setExplain] = useState(false)
  const stop = useRef<(() => void) | null>(null)

  useEffect(() => {
    setAvailable(canReadAloud(language))
    return onVoicesChanged(() => setAvailable(canReadAloud(language)))
  }, [language])
  useEffect(() => () => stop.current?.(), [text])

  const onClick = () => {
    if (!available) {
      setExplain(true)
      return
    }
    if (speaking) {
      stop.current?.()
      setSpeaking(false)
      return
    }
    setSpeaking(true)
    stop.current = readAloud(text, language, () => setSpeaking(false))
  }

  return (
    <div className="read-aloud">
      <button type="button" className="secondary" onClick={onClick} aria-pressed={speaking} data-testid="read-aloud">
        <span aria-hidden="true">🔊 </span>
        {speaking ? t('stopReading') : t('readAloud')}
      </button>
      {explain && (
        <p role="status" className="hint">
          {t('noVoice')}
        </p>
      )}
    </div>
  )
}
