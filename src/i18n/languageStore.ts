import { create } from 'zustand'
import type { Language } from '../script/localized.ts'
import { rememberLanguage, startLanguage, type LanguageKey } from './rememberedLanguage.ts'

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

let rememberAs: LanguageKey | null = null

/** Dutch by default. A language picked with the switch is remembered on the device (see rememberedLanguage.ts). */
export const useLanguage = create<LanguageState>((set) => ({
  language: 'nl',
  setLanguage: (language) => {
    document.documentElement.lang = language
    if (rememberAs) rememberLanguage(rememberAs, language)
    set({ language })
  },
}))

/** Called once by a page's composition root: the page starts in the remembered (or linked) language and remembers changes. */
export function startRememberedLanguage(key: LanguageKey, search: string): void {
  const language = startLanguage(key, search)
  document.documentElement.lang = language
  useLanguage.setState({ language })
  rememberAs = key
}
