/** A problem found in a scene file, pointing at the place an author must fix. */
export interface SceneError {
  file: string
  /** Path inside the document, e.g. ['beats', 2, 'next', 'to']. */
  path: (string | number)[]
  line?: number
  column?: number
  message: string
  hint?: string
}

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(top level)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

/** One line per error: `file:line:col path: message (hint)`. */
export function formatSceneError(e: SceneError): string {
  const where = e.line !== undefined ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file
  return `${where} ${formatPath(e.path)}: ${e.message}${e.hint ? `. Hint: ${e.hint}` : ''}`
}

/** Suggests the closest known name, so a typo gets a useful hint rather than a list of everything. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const k of known) {
    const d = editDistance(name, k)
    if (d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}

export function knownNamesHint(name: string, known: readonly string[], what: string): string {
  const near = closest(name, known)
  if (near) return `did you mean "${near}"?`
  if (known.length === 0) return `this scene declares no ${what}`
  const shown = known.slice(0, 12).join(', ')
  return `known ${what}: ${shown}${known.length > 12 ? ', …' : ''}`
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}
