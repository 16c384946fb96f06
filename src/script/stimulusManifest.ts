import { z } from './zod.ts'
import { Localized } from './localized.ts'

/**
 * A stimulus set: pictures of drinks with their category. A validated photo set is dropped in as a folder with
 * its pictures and a manifest of this shape, then named in the drill scene's `stimulusSets`; no code changes.
 */
export const StimulusManifest = z
  .object({
    set: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    description: z.string(),
    license: z.string().min(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    stimuli: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
            category: z.enum(['alcohol', 'soft']),
            kind: z.string().min(1),
            label: Localized,
            /** File name next to the manifest. */
            file: z.string().regex(/^[^/\\]+\.(webp|jpe?g|png|avif)$/i, 'a file name next to the manifest (webp, jpg, png or avif)'),
            meanLuminance: z.number().min(0).max(1).optional(),
            bytes: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .min(4),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set<string>()
    m.stimuli.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['stimuli', i, 'id'], message: `stimulus id "${s.id}" is used twice` })
      ids.add(s.id)
    })
    for (const category of ['alcohol', 'soft'] as const) {
      if (m.stimuli.filter((s) => s.category === category).length < 2) {
        ctx.addIssue({ code: 'custom', path: ['stimuli'], message: `a set needs at least 2 "${category}" pictures` })
      }
    }
  })

export type StimulusManifest = z.infer<typeof StimulusManifest>
