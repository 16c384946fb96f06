/** The trainer's debrief page: composition root joining the scene catalogue (titles, names of ids) and the debrief view. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DebriefApp } from '../debrief/DebriefApp.tsx'
import { restoreKept } from '../debrief/debriefStore.ts'
import { sceneInfoOf, type SceneInfo } from '../debrief/sceneInfo.ts'
import { startRememberedLanguage } from '../i18n/languageStore.ts'
import { loadCatalog } from '../state/sceneCatalog.ts'
import '../ui/styles.css'
import '../debrief/debrief.css'

// Names of everything a session logs by id (items, answers, beats, targets), from the app's own scene files.
const catalog = new Map<string, SceneInfo>(loadCatalog().map((scene) => [scene.script.id, sceneInfoOf(scene.script)]))
const lookup = (sceneId: string) => catalog.get(sceneId)

// The debrief has its own switch, remembered apart from the client's pages on the same device.
startRememberedLanguage('perspectief.debrief.language', location.search)

// The debrief is the trainer's page, so its way to the lobby is the trainer's link: every scene, not only those for home.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DebriefApp lookup={lookup} lobbyUrl="./?setting=supervision" checkInForms={loadCatalog().filter((s) => s.script.runsIn === 'debrief')} />
  </StrictMode>,
)
void restoreKept()
