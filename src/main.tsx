import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { registerServiceWorker } from './app/serviceWorker.ts'
import { boot } from './state/lobbyActions.ts'
import { startRememberedLanguage } from './i18n/languageStore.ts'
import './ui/styles.css'

startRememberedLanguage('perspectief.language', location.search)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
void boot(registerServiceWorker)
