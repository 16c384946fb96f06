import type { Language } from '../script/localized.ts'
import { canReadAloud, readAloud } from '../widgets/readAloud.ts'
import { translate } from '../i18n/translate.ts'
import type { StringKey } from '../i18n/strings.ts'

/** Small DOM helpers for the drill page: no framework, so the phone bundle stays small. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag)
  const { dataset, ...rest } = props
  Object.assign(node, rest)
  if (dataset) Object.assign(node.dataset, dataset)
  node.append(...children)
  return node
}

export function textFor(language: Language) {
  return (key: StringKey, vars?: Record<string, string | number>) => translate(language, key, vars)
}

/** A read-aloud button; where the device has no voice it says so instead of failing silently. */
export function readAloudButton(text: () => string, language: Language): HTMLElement {
  const t = textFor(language)
  const note = el('p', { className: 'hint', role: 'status' })
  const button = el('button', { type: 'button', className: 'secondary', textContent: t('readAloud') })
  button.dataset.testid = 'read-aloud'
  button.addEventListener('click', () => {
    if (!canReadAloud(language)) note.textContent = t('noVoice')
    else readAloud(text(), language, () => undefined)
  })
  return el('div', { className: 'read-aloud' }, button, note)
}

/** A full-screen message with an optional action, for everything that is not a trial. */
/** `alsoReadAloud`: text that sits among the actions (below the main button) and is read aloud after the paragraphs. */
export function messageScreen(root: HTMLElement, title: string, paragraphs: string[], actions: HTMLElement[], language: Language, alsoReadAloud: string[] = []): void {
  root.replaceChildren(
    el(
      'section',
      { className: 'drill-message' },
      el('h1', { textContent: title }),
      readAloudButton(() => [title, ...paragraphs, ...alsoReadAloud].join(' '), language),
      ...paragraphs.map((p) => el('p', { textContent: p })),
      el('div', { className: 'actions' }, ...actions),
    ),
  )
}
