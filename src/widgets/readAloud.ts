import type { Language } from '../script/localized.ts'

const voiceLang: Record<Language, string> = { nl: 'nl', en: 'en' }

/** Whether this device can speak the language; voices load late on some browsers, so ask again on `voiceschanged`. */
export function canReadAloud(language: Language): boolean {
  const synth = globalThis.speechSynthesis
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return false
  return synth.getVoices().some((v) => v.lang.toLowerCase().startsWith(voiceLang[language]))
}

export function onVoicesChanged(listener: () => void): () => void {
  const synth = globalThis.speechSynthesis
  if (!synth) return () => {}
  synth.addEventListener('voiceschanged', listener)
  return () => synth.removeEventListener('voiceschanged', listener)
}

/** Speaks `text` slowly in the language's voice; returns a stop function. */
export function readAloud(text: string, language: Language, onEnd: () => void): () => void {
  const synth = globalThis.speechSynthesis
  synth.cancel()
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = language === 'nl' ? 'nl-NL' : 'en-GB'
  utterance.voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(voiceLang[language])) ?? null
  utterance.rate = 0.9
  utterance.onend = onEnd
  utterance.onerror = onEnd
  synth.speak(utterance)
  return () => synth.cancel()
}
