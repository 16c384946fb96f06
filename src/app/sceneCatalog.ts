import { parseScene } from '../script/parse.ts'
import type { ScenarioScript } from '../script/schema.ts'
import type { SceneError } from '../script/sceneError.ts'
import { scriptHash } from '../script/scriptHash.ts'

export interface CatalogScene {
  script: ScenarioScript
  hash: string
  file: string
}

// Scene files are bundled at build time: the app reads no scene from anywhere else at run time.
const sources = import.meta.glob('../../scenes/*/scene.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** Parses and validates every bundled scene. A broken scene is reported, never half-loaded. */
export async function loadCatalog(): Promise<{ scenes: CatalogScene[]; errors: SceneError[] }> {
  const scenes: CatalogScene[] = []
  const errors: SceneError[] = []
  for (const [path, text] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^(\.\.\/)+/, '')
    const parsed = parseScene(text, file)
    if (parsed.ok) scenes.push({ script: parsed.script, hash: await scriptHash(parsed.script), file })
    else errors.push(...parsed.errors)
  }
  return { scenes, errors }
}
