import { registerSW } from 'virtual:pwa-register'

/**
 * Registers the offline service worker. A new version is only reported (`onUpdateReady`), never applied by
 * itself: the lobby offers it between sessions, so nothing changes under a client mid-session.
 */
export function registerServiceWorker(onUpdateReady?: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator)) return
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => onUpdateReady?.(() => void update(true)),
  })
}
