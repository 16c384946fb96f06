import bundledScenes from 'virtual:perspectief/scenes'
import type { BundledScene } from '../script/bundledScene.ts'

/** A scene as the app uses it: validated and hashed at build time (see scripts/vite/scenesPlugin.ts). */
export type CatalogScene = BundledScene

export function loadCatalog(): CatalogScene[] {
  return bundledScenes
}

/** The scenes a client may start from the lobby: every scene except those that run in the trainer's debrief. */
export function loadLobbyCatalog(): CatalogScene[] {
  return loadCatalog().filter((scene) => scene.script.runsIn !== 'debrief')
}
