import { useEffect, useState, type ChangeEvent } from 'react'
import { go, useApp } from '../state/appStore.ts'
import { newSessionId } from '../state/sessionId.ts'
import type { OwnPhoto } from '../storage/sessionStore.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

/**
 * The client's own drink photos for the drill: what Brein de Baas users asked for (Laurens et al. 2020;
 * src/drill/README.md). They are kept only in this device's database, shown from blob: URLs, and never put in any
 * export.
 */
export function OwnPhotosScreen() {
  const t = useT()
  const store = useApp((s) => s.store)
  const [photos, setPhotos] = useState<OwnPhoto[]>([])
  const [urls, setUrls] = useState<Record<string, string>>({})
  const refresh = async () => {
    if (!store) return
    const list = await store.listPhotos()
    setPhotos(list)
    setUrls((old) => {
      Object.values(old).forEach((u) => URL.revokeObjectURL(u))
      return Object.fromEntries(list.map((p) => [p.id, URL.createObjectURL(p.blob)]))
    })
  }
  useEffect(() => {
    void refresh()
  }, [store])
  const add = (category: OwnPhoto['category']) => async (e: ChangeEvent<HTMLInputElement>) => {
    for (const file of [...(e.target.files ?? [])]) {
      if (!file.type.startsWith('image/')) continue
      await store?.savePhoto({ id: newSessionId().slice(0, 12), category, blob: file, addedAt: new Date().toISOString() })
    }
    e.target.value = ''
    await refresh()
  }
  const count = (c: OwnPhoto['category']) => photos.filter((p) => p.category === c).length
  return (
    <Layout title={t('ownPhotosTitle')}>
      <ReadAloudButton text={`${t('ownPhotosTitle')}. ${t('ownPhotosHelp')}`} />
      <p>{t('ownPhotosHelp')}</p>
      <p data-testid="photo-count">{t('ownPhotosCount', { alcohol: count('alcohol'), soft: count('soft') })}</p>
      <div className="actions">
        <label className="file-button">
          {t('ownPhotosAddAlcohol')}
          <input type="file" accept="image/*" capture="environment" multiple onChange={(e) => void add('alcohol')(e)} data-testid="add-alcohol" />
        </label>
        <label className="file-button">
          {t('ownPhotosAddSoft')}
          <input type="file" accept="image/*" capture="environment" multiple onChange={(e) => void add('soft')(e)} data-testid="add-soft" />
        </label>
      </div>
      <ul className="photo-grid">
        {photos.map((p) => (
          <li key={p.id}>
            <img src={urls[p.id]} alt={p.category === 'alcohol' ? t('ownPhotoAlcohol') : t('ownPhotoSoft')} />
            <span>{p.category === 'alcohol' ? t('ownPhotoAlcohol') : t('ownPhotoSoft')}</span>
            <button type="button" className="secondary" onClick={() => void store?.deletePhoto(p.id).then(refresh)}>
              {t('ownPhotosDelete')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => go({ name: 'choose' })}>
        {t('back')}
      </button>
    </Layout>
  )
}
