import type { ScenarioScript } from './schema.ts'

/**
 * SHA-256 of the script's canonical JSON (keys sorted), so formatting or comment changes in the YAML
 * do not count as a changed scene, but any change that could alter the flow does.
 */
export async function scriptHash(script: ScenarioScript): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(script))
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
