import { lazy } from 'react'
import { useApp } from '../state/appStore.ts'
import { useT } from '../i18n/useT.ts'
import { AvatarScreen } from '../ui/AvatarScreen.tsx'
import { ChooseScreen } from '../ui/ChooseScreen.tsx'
import { ClientCodeScreen } from '../ui/ClientCodeScreen.tsx'
import { ConsentScreen, DeclinedScreen } from '../ui/ConsentScreen.tsx'
import { OwnPhotosScreen } from '../ui/OwnPhotosScreen.tsx'
import { ParamsScreen } from '../ui/ParamsScreen.tsx'
import { SessionScreen } from '../ui/SessionScreen.tsx'
import { ErasedScreen, SettingsScreen } from '../ui/SettingsScreen.tsx'
import { StorageProblemScreen } from '../ui/StorageProblemScreen.tsx'

// three.js and the XR stack load only when they are shown (a VR scene, the avatar preview): the lobby and the phone
// drill never pay for them. The 2D screens get them as components, so no screen imports another.
const VrSession = lazy(() => import('../xr/VrSession.tsx'))
const AvatarPreview = lazy(() => import('../xr/AvatarPreview.tsx'))

/** The composition root's view: one screen at a time, chosen by the app store. */
export function App() {
  const screen = useApp((s) => s.screen)
  const t = useT()
  switch (screen.name) {
    case 'loading':
      return <p className="loading" role="status">{t('loading')}</p>
    case 'storage-problem':
      return <StorageProblemScreen reason={screen.reason} kind={screen.kind} />
    case 'consent':
      return <ConsentScreen />
    case 'declined':
      return <DeclinedScreen />
    case 'code':
      return <ClientCodeScreen />
    case 'choose':
      return <ChooseScreen />
    case 'params':
      return <ParamsScreen sceneId={screen.sceneId} />
    case 'avatar':
      return <AvatarScreen sceneId={screen.sceneId} params={screen.params} Preview={AvatarPreview} />
    case 'session':
      return <SessionScreen VrView={VrSession} />
    case 'settings':
      return <SettingsScreen />
    case 'erased':
      return <ErasedScreen />
    case 'own-photos':
      return <OwnPhotosScreen />
  }
}
