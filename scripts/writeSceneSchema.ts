/** `npm run scenes:schema`: writes scenes/scene.schema.json from the zod schema, for editor autocompletion. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sceneJsonSchema } from '../src/script/jsonSchema.ts'
import { scenesDir } from './sceneFiles.ts'

const out = join(scenesDir, 'scene.schema.json')
writeFileSync(out, JSON.stringify(sceneJsonSchema(), null, 2) + '\n')
console.log(`wrote ${out}`)
