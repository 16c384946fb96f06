import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'

/**
 * The other formats (JSON bundle, Psych-DS folder), folded away under "Meer": they are for trainers and researchers,
 * and a client at the end of a scene should see one thing to do. The drill page builds the same fold without React.
 */
export function MoreFiles({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <details className="more" data-testid="more-files">
      <summary>{t('moreFiles')}</summary>
      <p className="hint">{t('moreFilesExplain')}</p>
      <div className="actions">{children}</div>
    </details>
  )
}
