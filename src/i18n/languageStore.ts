import { create } from 'zustand'
import type { Language } from '../script/localized.ts'

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

/** Dutch by default. Kept in memory only: nothing is stored before consent. */
export const useLanguage = create<LanguageState>((set) => ({
  language: 'nl',
  setLanguage: (language) => {
    document.documentElement.lang = language
    set({ language })
  },
}))
