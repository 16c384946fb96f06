import bundledScenes from 'virtual:perspectief/scenes'
import type { BundledScene } from '../script/bundledScene.ts'

/** A scene as the app uses it: validated and hashed at build time (see scripts/vite/scenesPlugin.ts). */
export type CatalogScene = BundledScene

export function loadCatalog(): CatalogScene[] {
  return bundledScenes
}
