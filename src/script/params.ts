import type { ParamValue, ParamValues, ScenarioScript } from './schema.ts'

export type ParamCheck = { ok: true; values: ParamValues } | { ok: false; errors: { param: string; message: string }[] }

/** Fills in defaults and checks the trainer's choices against what the scene declares. */
export function resolveParams(script: ScenarioScript, chosen: Record<string, unknown> = {}): ParamCheck {
  const values: ParamValues = {}
  const errors: { param: string; message: string }[] = []
  for (const key of Object.keys(chosen)) {
    // Own keys only: `in` would also see Object.prototype, so "toString" or "constructor" would pass as a parameter.
    if (!Object.hasOwn(script.params, key)) errors.push({ param: key, message: `scene "${script.id}" has no parameter "${key}"` })
  }
  for (const [key, param] of Object.entries(script.params)) {
    const value = Object.hasOwn(chosen, key) ? chosen[key] : param.default
    const bad = (message: string) => errors.push({ param: key, message })
    if (param.type === 'enum') {
      if (!param.values.includes(value as string | number)) bad(`"${String(value)}" is not one of ${param.values.join(', ')}`)
    } else if (param.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) bad('must be a number')
      else if (value < param.min || value > param.max) bad(`must be between ${param.min} and ${param.max}`)
      // A step keeps values the design relies on (e.g. trial counts that split evenly into cells).
      else if (Math.abs((value - param.min) / param.step - Math.round((value - param.min) / param.step)) > 1e-9) bad(`must be ${param.min} plus a multiple of ${param.step}`)
    } else if (typeof value !== 'boolean') bad('must be yes or no')
    values[key] = value as ParamValue
  }
  return errors.length ? { ok: false, errors } : { ok: true, values }
}
