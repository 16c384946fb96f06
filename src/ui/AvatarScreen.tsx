import { Suspense, useState, type ComponentType } from 'react'
import { go, useApp } from '../state/appStore.ts'
import { beginScene } from '../state/sessionActions.ts'
import type { StringKey } from '../i18n/strings.ts'
import { useT } from '../i18n/useT.ts'
import type { ParamValues } from '../script/schema.ts'
import { avatarOptions, clothingColours, hairColours, readAvatarChoices, skinTones, type AvatarChoices } from '../avatar/avatarChoices.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

/**
 * The live 3D preview of the choices; the composition root passes it in (xr/AvatarPreview.tsx, loaded lazily).
 * `framing`: the whole figure, or a close-up of the face.
 */
export type AvatarPreviewView = ComponentType<{ choices: AvatarChoices; label: string; framing: 'whole' | 'face' }>

const swatches: Partial<Record<keyof AvatarChoices, Record<string, string>>> = { skin: skinTones, hairColour: hairColours, colour: clothingColours }

/**
 * The client makes a figure of themselves for the future-self scene: one big tap per choice, with a live preview.
 * The last avatar this client made is the starting point, so a second session is one tap.
 */
export function AvatarScreen({ sceneId, params, Preview }: { sceneId: string; params: ParamValues; Preview: AvatarPreviewView }) {
  const t = useT()
  const sessions = useApp((s) => s.sessions)
  const clientCode = useApp((s) => s.clientCode)
  const earlier = sessions.filter((s) => s.clientCode === clientCode && s.avatar).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  const [choices, setChoices] = useState<AvatarChoices>(() => readAvatarChoices(earlier?.avatar))
  const [framing, setFraming] = useState<'whole' | 'face'>('whole')
  const label = (key: keyof AvatarChoices, value: string, index: number): string => {
    if (key === 'skin' || key === 'hairColour' || key === 'colour') return t('avatarColour', { n: index + 1 })
    if (key === 'age') return t('avatarYears', { range: value })
    if (key === 'hair') return t(`avatarHair_${value}` as StringKey)
    return t(`avatar_${value}` as StringKey)
  }
  return (
    <Layout title={t('avatarTitle')}>
      <ReadAloudButton text={`${t('avatarTitle')}. ${t('avatarHelp')}`} />
      <p>{t('avatarHelp')}</p>
      <div className="avatar-builder">
        <div className="avatar-preview-column">
          <Suspense fallback={<div className="avatar-preview" />}>
            <Preview choices={choices} label={t('avatarPreviewLabel')} framing={framing} />
          </Suspense>
          <div className="segmented" role="group" aria-label={t('avatarFramingLabel')}>
            {(['whole', 'face'] as const).map((value) => (
              <button key={value} type="button" aria-pressed={framing === value} onClick={() => setFraming(value)}>
                {t(value === 'whole' ? 'avatarFramingWhole' : 'avatarFramingFace')}
              </button>
            ))}
          </div>
        </div>
        <div className="avatar-choices">
          {(Object.keys(avatarOptions) as (keyof AvatarChoices)[]).map((key) => (
            <fieldset key={key} className="param">
              <legend>{t(`avatarGroup_${key}` as StringKey)}</legend>
              <div className="segmented">
                {avatarOptions[key].map((value, i) => {
                  const colour = swatches[key]?.[value]
                  return (
                    <button
                      key={value}
                      type="button"
                      data-testid={`avatar-${key}-${value}`}
                      aria-pressed={choices[key] === value}
                      className={colour ? 'swatch' : undefined}
                      onClick={() => setChoices((c) => ({ ...c, [key]: value }))}
                    >
                      {colour && <span className="swatch-colour" style={{ background: colour }} aria-hidden="true" />}
                      {label(key, value, i)}
                    </button>
                  )
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void beginScene(sceneId, params, choices)}>
          {t('avatarReady')}
        </button>
        <button type="button" className="secondary" onClick={() => go({ name: 'params', sceneId })}>
          {t('back')}
        </button>
      </div>
    </Layout>
  )
}


