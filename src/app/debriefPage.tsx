/** The trainer's debrief page: composition root joining the scene catalogue (titles, prompts) and the debrief view. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DebriefApp } from '../debrief/DebriefApp.tsx'
import { restoreKept } from '../debrief/debriefStore.ts'
import { checkInInfoOf } from '../debrief/alliance/checkInInfo.ts'
import type { SceneInfo } from '../debrief/sceneInfo.ts'
import { startRememberedLanguage } from '../i18n/languageStore.ts'
import { loadCatalog } from '../state/sceneCatalog.ts'
import '../ui/styles.css'
import '../debrief/debrief.css'

const catalog = new Map<string, SceneInfo>(
  loadCatalog().map((scene) => [
    scene.script.id,
    {
      kind: scene.script.kind,
      title: scene.script.title,
      items: Object.fromEntries(Object.entries(scene.script.items).map(([id, item]) => [id, { type: item.type, prompt: item.prompt }])),
      alliance: checkInInfoOf(scene.script),
    },
  ]),
)
const lookup = (sceneId: string) => catalog.get(sceneId)

// The debrief has its own switch, remembered apart from the client's pages on the same device.
startRememberedLanguage('perspectief.debrief.language', location.search)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DebriefApp lookup={lookup} lobbyUrl="./" checkInForms={loadCatalog().filter((s) => s.script.runsIn === 'debrief')} />
  </StrictMode>,
)
void restoreKept()
