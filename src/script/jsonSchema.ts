import { z } from './zod.ts'
import { ScenarioScript } from './schema.ts'
import { actionNames, guardNames } from './vocabulary.ts'

/**
 * JSON Schema for editors, generated from the zod schema (the single source). Behaviour names are added as
 * enums so an editor can offer them; the validator still checks their params.
 */
export function sceneJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioScript, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return {
    ...schema,
    // A relative id: editors resolve it next to the scene files; it names no server.
    $id: 'scene.schema.json',
    title: 'Perspectief scene script',
    description: `Actions: ${actionNames.join(', ')}. Guards: ${guardNames.join(', ')}.`,
  }
}
