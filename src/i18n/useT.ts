import { useCallback } from 'react'
import type { StringKey } from './strings.ts'
import { translate } from './translate.ts'
import { useLanguage } from './languageStore.ts'

/** `t('next')` in the current language; re-renders when the language changes. */
export function useT() {
  const language = useLanguage((s) => s.language)
  return useCallback((key: StringKey, vars?: Record<string, string | number>) => translate(language, key, vars), [language])
}
