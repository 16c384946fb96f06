import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot, scenesDir } from './sceneFiles.ts'

const dir = mkdtempSync(join(tmpdir(), 'perspectief-scenes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function check(scenes: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/checkScenes.ts'], { cwd: repoRoot, env: { ...process.env, PERSPECTIEF_SCENES_DIR: scenes }, encoding: 'utf8' })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

describe('npm run scenes:check', () => {
  it('passes the shipped scenes and prints a table', () => {
    const r = check(scenesDir)
    expect(r.status).toBe(0)
    expect(r.out).toContain('check-in')
    expect(r.out).toMatch(/scenes: \d+ passed, 0 failed/)
  })

  it('reports every bad scene folder with file and path, and does not crash on any fixture', () => {
    const good = join(dir, 'check-in')
    cpSync(join(scenesDir, 'check-in'), good, { recursive: true })
    const yaml = readFileSync(join(good, 'scene.yaml'), 'utf8')
    writeFileSync(join(good, 'scene.yaml'), yaml.replace('to: ask-mood }', 'to: ask-mod }'))
    const fixtures = join(repoRoot, 'test/fixtures/bad-scenes')
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'))
    for (const name of names) {
      const id = name.replace(/\.yaml$/, '')
      mkdirSync(join(dir, id))
      cpSync(join(fixtures, name), join(dir, id, 'scene.yaml'))
    }
    const r = check(dir)
    expect(r.status).toBe(1)
    expect(r.err).toContain('check-in/scene.yaml:67:27 beats[0].next.to: unknown target beat "ask-mod". Hint: did you mean "ask-mood"?')
    expect(r.out).toMatch(new RegExp(`scenes: 0 passed, ${names.length + 1} failed`))
    expect(r.err).not.toMatch(/could not read this scene/)
  }, 60_000)
})
