import { z } from './zod.ts'

/** Text shown to a client: Dutch first, English second. Both are required so no screen falls back silently. */
export const Localized = z
  .object({
    nl: z.string().trim().min(1, 'Dutch text (nl) is empty'),
    en: z.string().trim().min(1, 'English text (en) is empty'),
  })
  .strict()
  .describe('Text in Dutch (nl) and English (en)')

export type Localized = z.infer<typeof Localized>
export type Language = keyof Localized
export const languages: readonly Language[] = ['nl', 'en']
