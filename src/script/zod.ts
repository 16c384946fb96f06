import { z } from 'zod'

/**
 * zod, set up for a page under a Content Security Policy without 'unsafe-eval': jitless, so zod never probes
 * with `new Function`. The probe's error is caught, but the browser still reports it as a policy violation.
 * Every module imports zod from here, so the setting is made before any schema is used.
 */
z.config({ jitless: true })

export { z }
