import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './sceneFiles.ts'

const rules = join(repoRoot, 'scripts/dependencyRules.cjs')
const fixtures = join(repoRoot, 'test/fixtures/layers')

/** The layers check exactly as `npm test` runs it, in a small tree of its own. */
function checkLayers(tree: string) {
  const r = spawnSync(join(repoRoot, 'node_modules/.bin/depcruise'), ['src', '--config', rules, '--output-type', 'err-long'], { cwd: join(fixtures, tree), encoding: 'utf8' })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

describe('the layer order (scripts/dependencyRules.cjs)', () => {
  it('fails on a screen importing the composition root, storage importing a type from xr, and a cycle, naming both files', { timeout: 60_000 }, () => {
    const r = checkLayers('broken')
    expect(r.status).not.toBe(0)
    expect(r.output).toContain('error layer-ui: src/ui/x.ts → src/app/y.ts')
    expect(r.output).toContain('error layer-storage: src/storage/a.ts → src/xr/b.ts')
    expect(r.output).toMatch(/error no-circular: src\/engine\/p\.ts →\s+src\/engine\/q\.ts →\s+src\/engine\/p\.ts/)
    expect(r.output).toContain('3 dependency violations')
  })

  it('passes a tree that follows the order (a type import from a lower layer included)', { timeout: 60_000 }, () => {
    const r = checkLayers('clean')
    expect(r.output).toContain('no dependency violations found')
    expect(r.status).toBe(0)
  })

  it('is the order the README states', () => {
    const layers = (createRequire(import.meta.url)(rules) as { layers: string[][] }).layers
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    const start = readme.indexOf('\n## Layers\n')
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1))
    const listed = [...section.matchAll(/^\d+\. (.+)$/gm)].map((m) => [...m[1]!.matchAll(/`src\/([a-z0-9]+)\/`/g)].map((f) => f[1]))
    expect(listed).toEqual(layers)
  })
})
