/** The trainer's console page: composition root joining the console screen, the scene catalogue and the VR worlds. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ConsoleApp } from '../console/ConsoleApp.tsx'
import { useLanguage } from '../i18n/languageStore.ts'
import { childEyeTargets } from '../xr/environments/childEyeLayout.ts'
import { meetingTargets } from '../xr/environments/meetingRoomLayout.ts'
import { ConsoleMirror } from './ConsoleMirror.tsx'
import { loadCatalog } from '../state/sceneCatalog.ts'
import { sceneInfoOf, sceneNames, unnamedWordsIn } from '../debrief/sceneInfo.ts'
import { translate } from '../i18n/translate.ts'
import '../ui/styles.css'
import '../console/console.css'

const scenes = new Map(loadCatalog().map((s) => [s.script.id, s]))
const targetsByEnvironment = { 'child-bedroom': childEyeTargets, 'meeting-room': meetingTargets }

if (new URLSearchParams(location.search).get('lang') === 'en') useLanguage.getState().setLanguage('en')

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp
      renderMirror={(state, pose) => {
        const scene = scenes.get(state.sceneId)
        return scene ? <ConsoleMirror scene={scene} state={state} pose={pose} /> : null
      }}
      targetsOf={(sceneId) => {
        const environment = scenes.get(sceneId)?.script.vr?.environment
        const targets = environment ? targetsByEnvironment[environment] : {}
        return Object.fromEntries(Object.entries(targets).map(([name, v]) => [name, [v.x, v.z]]))
      }}
      titleOf={(sceneId, language) => scenes.get(sceneId)?.script.title[language] ?? sceneId}
      namesOf={(sceneId, language) => {
        // The debrief's names: a beat by what the client met in it, a target by its scene name, else numbered.
        const script = scenes.get(sceneId)?.script
        return sceneNames(script && sceneInfoOf(script), language, unnamedWordsIn((key, vars) => translate(language, key, vars)))
      }}
    />
  </StrictMode>,
)
