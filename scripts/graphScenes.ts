/** `npm run scenes:graph`: writes `scenes/<id>/flow.md` with a Mermaid statechart a trainer can read. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatSceneError } from '../src/script/sceneError.ts'
import { flowDocument } from '../src/script/toMermaid.ts'
import { readSceneFiles, scenesDir } from './sceneFiles.ts'

let failed = 0
for (const { id, result } of readSceneFiles()) {
  if (!result.ok) {
    failed++
    result.errors.forEach((e) => console.error(formatSceneError(e)))
    continue
  }
  const out = join(scenesDir, id, 'flow.md')
  const body = flowDocument(result.script)
  writeFileSync(out, body)
  console.log(`wrote ${out}`)
}
process.exit(failed ? 1 : 0)
