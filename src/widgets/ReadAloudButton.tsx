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
        <SpeakerIcon />
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

/** Drawn inline: emoji glyphs are missing on some devices, and icon fonts would be a request. */
function SpeakerIcon() {
  return (
    <svg aria-hidden="true" width="1.2em" height="1.2em" viewBox="0 0 24 24" style={{ verticalAlign: '-0.2em', marginRight: '0.4em' }}>
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  )
}
