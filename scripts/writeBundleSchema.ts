/** `npm run export:schema`: writes src/export/session-bundle.schema.json from the zod schema of the JSON bundle. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sessionBundleJsonSchema } from '../src/export/bundleSchema.ts'
import { repoRoot } from './sceneFiles.ts'

const out = join(repoRoot, 'src/export/session-bundle.schema.json')
writeFileSync(out, JSON.stringify(sessionBundleJsonSchema(), null, 2) + '\n')
console.log(`wrote ${out}`)
