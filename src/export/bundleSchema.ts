import { z } from '../script/zod.ts'
import { bundleFormat, bundleSchemaVersion } from './sessionBundle.ts'

/**
 * The JSON bundle as a zod schema: the importer checks every file against it, and
 * src/export/session-bundle.schema.json is generated from it (`npm run export:schema`) so outside tools can
 * validate a bundle too. Event data are checked per event type by the importer (engine/logEvents.ts).
 */
const logRecordSchema = z
  .object({
    seq: z.number().int().positive(),
    type: z.string().min(1),
    data: z.record(z.string(), z.unknown()),
    sessionId: z.string().min(1),
    t: z.number(),
    wall: z.string(),
  })
  .strict()

const paramValue = z.union([z.string(), z.number(), z.boolean()])

export const sessionBundleSchema = z
  .object({
    format: z.literal(bundleFormat),
    schemaVersion: z.literal(bundleSchemaVersion),
    appVersion: z.string().min(1),
    exportedAt: z.string().min(1),
    scene: z.object({ id: z.string().regex(/^[a-z0-9-]+$/), version: z.number().int(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    session: z
      .object({
        id: z.string().min(1),
        clientCode: z.string().regex(/^[A-Za-z0-9]+$/),
        params: z.record(z.string(), paramValue),
        status: z.enum(['active', 'completed', 'closed']),
        closedReason: z.string().optional(),
        createdAt: z.string().min(1),
        updatedAt: z.string().min(1),
        sessionNumber: z.number().int().positive().optional(),
      })
      .strict(),
    events: z.array(logRecordSchema),
    includesUnsaved: z.boolean(),
    summary: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ title: 'Perspectief session bundle', description: 'One session exported by Perspectief for the trainer\'s debrief.' })

export function sessionBundleJsonSchema(): Record<string, unknown> {
  return { $id: 'session-bundle.schema.json', ...z.toJSONSchema(sessionBundleSchema, { target: 'draft-2020-12' }) }
}
