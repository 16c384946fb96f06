import { useState, type ChangeEvent } from 'react'
import { formatSceneError, type SceneError } from '../script/sceneError.ts'
import { useT } from '../i18n/useT.ts'

interface Checked {
  file: string
  beats?: number
  errors: SceneError[]
}

/** Lets a scene author check a file on the device itself. Validates only; nothing is stored or run. */
export function SceneFileCheck() {
  const t = useT()
  const [results, setResults] = useState<Checked[]>([])
  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])]
    // The YAML parser and schema load only when an author actually checks a file.
    const { parseScene } = await import('../script/parse.ts')
    const checked: Checked[] = []
    for (const file of files) {
      const text = await file.text().catch(() => '')
      const parsed = parseScene(text, file.name)
      checked.push(parsed.ok ? { file: file.name, beats: parsed.script.beats.length, errors: [] } : { file: file.name, errors: parsed.errors })
    }
    setResults(checked)
  }
  return (
    <section aria-labelledby="scene-check-title">
      <h2 id="scene-check-title">{t('sceneCheckTitle')}</h2>
      <p id="scene-check-help">{t('sceneCheckHelp')}</p>
      <input type="file" accept=".yaml,.yml,text/yaml" multiple aria-describedby="scene-check-help" aria-label={t('sceneCheckTitle')} onChange={(e) => void onFiles(e)} data-testid="scene-file" />
      <ul className="scene-check" data-testid="scene-check-results">
        {results.map((r) => (
          <li key={r.file} data-file={r.file} data-ok={r.errors.length === 0}>
            <strong>{r.errors.length ? t('sceneCheckErrors', { file: r.file, n: r.errors.length }) : t('sceneCheckOk', { file: r.file, beats: r.beats ?? 0 })}</strong>
            {r.errors.length > 0 && (
              <ul>
                {r.errors.map((e, i) => (
                  <li key={i}>
                    <code>{formatSceneError(e)}</code>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
