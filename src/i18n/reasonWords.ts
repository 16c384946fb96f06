import { strings, type StringKey } from './strings.ts'
import type { Language } from '../script/localized.ts'

/**
 * A pause or stop reason in words. Reasons are logged as short English codes (`trainer-console`, `came-back`); the
 * string table says each one as `reason_<code>`. Null for a code the table does not know.
 */
export function reasonWords(language: Language, reason: string): string | null {
  const key = `reason_${reason}`
  return key in strings.nl ? (strings[language][key as StringKey] as string) : null
}
