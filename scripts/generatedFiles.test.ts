import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sessionBundleJsonSchema } from '../src/export/bundleSchema.ts'
import { sceneJsonSchema } from '../src/script/jsonSchema.ts'
import { flowDocument } from '../src/script/toMermaid.ts'
import { readSceneFiles, repoRoot, scenesDir } from './sceneFiles.ts'

/** Committed generated files must match their source, or editors and trainers see a stale picture. */
describe('generated scene files are up to date', () => {
  it('scenes/scene.schema.json matches the zod schema (run `npm run scenes:schema`)', () => {
    const committed = JSON.parse(readFileSync(join(scenesDir, 'scene.schema.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(sceneJsonSchema())))
  })

  it('src/export/session-bundle.schema.json matches the zod schema of the bundle (run `npm run export:schema`)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'src/export/session-bundle.schema.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(sessionBundleJsonSchema())))
  })

  for (const { id, result } of readSceneFiles()) {
    it(`scenes/${id}/flow.md matches scene.yaml (run \`npm run scenes:graph\`)`, () => {
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const path = join(scenesDir, id, 'flow.md')
      expect(existsSync(path)).toBe(true)
      expect(readFileSync(path, 'utf8')).toBe(flowDocument(result.script))
    })
  }
})
