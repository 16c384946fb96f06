import type { Language } from '../script/localized.ts'
import { strings, type StringKey } from './strings.ts'

type Vars = Record<string, string | number>

/** Fills `{name}` placeholders; a missing variable stays visible rather than vanishing. */
export function translate(language: Language, key: StringKey, vars: Vars = {}): string {
  const text = strings[language][key]
  const template = typeof text === 'string' ? text : text.join(' ')
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function paragraphs(language: Language, key: StringKey): readonly string[] {
  const text = strings[language][key]
  return typeof text === 'string' ? [text] : text
}
