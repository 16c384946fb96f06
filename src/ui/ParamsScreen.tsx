import { useState } from 'react'
import { go, useApp } from '../state/appStore.ts'
import { beginScene } from '../state/sessionActions.ts'
import { drillSchedule } from '../log/drillSchedule.ts'
import { resolveParams } from '../script/params.ts'
import type { ParamValue } from '../script/schema.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

/** The trainer's choices for a scene, exactly as the scene declares them, checked before the session starts. */
export function ParamsScreen({ sceneId }: { sceneId: string }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const scene = useApp((s) => s.scenes.find((x) => x.script.id === sceneId))
  const sessions = useApp((s) => s.sessions)
  const clientCode = useApp((s) => s.clientCode)
  const [values, setValues] = useState<Record<string, ParamValue>>(() => {
    const defaults: Record<string, ParamValue> = Object.fromEntries(Object.entries(scene?.script.params ?? {}).map(([k, p]) => [k, p.default]))
    // The plan puts a measurement block in the first and the last drill session; suggest it then.
    if (scene?.script.kind === 'drill' && 'assessmentBlock' in defaults) {
      const done = sessions.filter((s) => s.clientCode === clientCode && s.sceneId === sceneId && s.status === 'completed').map((s) => s.createdAt)
      defaults.assessmentBlock = drillSchedule(done, new Date()).nextNeedsAssessment
    }
    return defaults
  })
  if (!scene) return null
  const check = resolveParams(scene.script, values)
  const errorFor = (key: string) => (check.ok ? undefined : check.errors.find((e) => e.param === key))
  const set = (key: string, value: ParamValue) => setValues((v) => ({ ...v, [key]: value }))
  return (
    <Layout title={scene.script.title[language]}>
      <h2>{t('paramsTitle')}</h2>
      <ReadAloudButton text={`${t('paramsTitle')}. ${t('paramsHelp')}`} />
      <p>{t('paramsHelp')}</p>
      {Object.entries(scene.script.params).map(([key, param]) => (
        <fieldset key={key} className="param">
          <legend>{param.label[language]}</legend>
          {param.type === 'boolean' && (
            <div className="segmented">
              {[true, false].map((v) => (
                <button key={String(v)} type="button" aria-pressed={values[key] === v} onClick={() => set(key, v)}>
                  {v ? t('yes') : t('no')}
                </button>
              ))}
            </div>
          )}
          {param.type === 'enum' && (
            <div className="segmented">
              {param.values.map((v) => (
                <button key={String(v)} type="button" aria-pressed={values[key] === v} onClick={() => set(key, v)}>
                  {param.valueLabels?.[String(v)]?.[language] ?? String(v)}
                </button>
              ))}
            </div>
          )}
          {param.type === 'number' && (
            <>
              <input
                type="number"
                className="big-input"
                aria-label={param.label[language]}
                min={param.min}
                max={param.max}
                step={param.step}
                value={String(values[key])}
                onChange={(e) => set(key, e.target.value === '' ? Number.NaN : Number(e.target.value))}
              />
              {errorFor(key) && <p role="alert" className="error">{t('paramInvalid', { min: param.min, max: param.max })}</p>}
            </>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="primary" disabled={!check.ok} onClick={() => check.ok && void beginScene(sceneId, check.values)}>
          {t('start')}
        </button>
        <button type="button" className="secondary" onClick={() => go({ name: 'choose' })}>
          {t('back')}
        </button>
      </div>
    </Layout>
  )
}
