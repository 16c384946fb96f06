import type { Language } from '../script/localized.ts'

/**
 * The language a person chose, remembered on this device across reloads and sessions. The client's pages (lobby,
 * drill, VR) share one choice; the trainer's debrief keeps its own. Only a language someone picked by hand is
 * written (never before they touch the switch), it says nothing about anyone, and "erase everything" removes it
 * with the rest of web storage.
 */
export type LanguageKey = 'perspectief.language' | 'perspectief.debrief.language'

export function rememberedLanguage(key: LanguageKey): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(key)
    return value === 'en' || value === 'nl' ? value : null
  } catch {
    return null
  }
}

export function rememberLanguage(key: LanguageKey, language: Language): void {
  try {
    globalThis.localStorage?.setItem(key, language)
  } catch {
    // Storage refused (private mode, full): the choice holds for this page only.
  }
}

/** A `?lang=` in the address wins (a link handed over), then the remembered choice, then Dutch. */
export function startLanguage(key: LanguageKey, search: string): Language {
  const asked = new URLSearchParams(search).get('lang')
  if (asked === 'en' || asked === 'nl') return asked
  return rememberedLanguage(key) ?? 'nl'
}
