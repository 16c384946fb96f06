/** `npm run scenes:check`: validates every scene and prints a table; exits 1 when any scene has an error. */
import { formatSceneError } from '../src/script/sceneError.ts'
import { readSceneFiles } from './sceneFiles.ts'

// PERSPECTIEF_SCENES_DIR checks another folder of scenes (see scenesDir).
const files = readSceneFiles()
const rows = files.map(({ id, file, result }) =>
  result.ok
    ? { scene: id, file, status: 'ok', beats: result.script.beats.length, items: Object.keys(result.script.items).length, lines: Object.keys(result.script.lines).length, errors: 0 }
    : { scene: id, file, status: 'ERROR', beats: '-', items: '-', lines: '-', errors: result.errors.length },
)
console.table(rows)
let failed = 0
for (const { result } of files) {
  if (result.ok) {
    for (const w of result.warnings ?? []) console.warn(`  warning: ${formatSceneError(w)}`)
    continue
  }
  failed++
  for (const e of result.errors) console.error(`  ${formatSceneError(e)}`)
}
console.log(`scenes: ${files.length - failed} passed, ${failed} failed`)
if (process.env.SCENES_CHECK_JSON) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(process.env.SCENES_CHECK_JSON, JSON.stringify({ passed: files.length - failed, failed }))
}
process.exit(failed ? 1 : 0)
