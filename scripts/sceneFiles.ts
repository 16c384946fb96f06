import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseScene, type ParseResult } from '../src/script/parse.ts'
import { dwellGeometry } from '../src/xr/environments/dwellGeometry.ts'

export const repoRoot = resolve(import.meta.dirname, '..')
/**
 * The folder of scene folders: `scenes/`, or PERSPECTIEF_SCENES_DIR when set. The smoke tests of the README's
 * commands point it at a temporary copy, so that their edits and generated files never touch the repository.
 */
export const scenesDir = process.env.PERSPECTIEF_SCENES_DIR ? resolve(process.env.PERSPECTIEF_SCENES_DIR) : join(repoRoot, 'scenes')

export interface SceneFile {
  id: string
  file: string
  result: ParseResult
}

/** Every `scenes/<id>/scene.yaml`, parsed and validated, with asset files checked on disk. */
export function readSceneFiles(dir = scenesDir): SceneFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'scene.yaml')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const path = join(dir, id, 'scene.yaml')
      const file = relative(repoRoot, path)
      const result = parseScene(readFileSync(path, 'utf8'), file, { assetExists: (src) => existsSync(join(repoRoot, src)), dwellGeometry })
      if (result.ok && result.script.id !== id) {
        return { id, file, result: { ok: false as const, errors: [{ file, path: ['id'], message: `id "${result.script.id}" does not match its folder "${id}"`, hint: `rename the folder or set "id: ${id}"` }] } }
      }
      return { id, file, result }
    })
}
