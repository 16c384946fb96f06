import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { boot, useApp } from './app/appStore.ts'
import { registerServiceWorker } from './app/serviceWorker.ts'
import './ui/styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
void boot()
registerServiceWorker((apply) => useApp.setState({ applyUpdate: apply }))
