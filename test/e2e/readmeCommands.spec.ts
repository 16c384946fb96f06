import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { enterLobby, freePort, repoRoot, viteOverlay, watchProblems } from './devServer.ts'

/*
 * Every other command the README shows, run the way the README shows it, up to the point where it has visibly
 * done its job. (`npm start` and `npm run start:https` are in devServer.spec.ts.) Commands that write files
 * write them into a temporary copy of scenes/, or are compared with the committed file and put back, so the
 * repository is never left changed.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 })

function npm(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('npm', args, { cwd: repoRoot, env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, encoding: 'utf8', timeout: 280_000 })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** A copy of scenes/ in a temporary folder, for commands that write next to the scenes. */
function scenesCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-scenes-'))
  cpSync(join(repoRoot, 'scenes'), dir, { recursive: true })
  return dir
}

const sceneIds = readdirSync(join(repoRoot, 'scenes'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'scenes', d.name, 'scene.yaml')))
  .map((d) => d.name)

test('npm run build writes the three pages, and npm run preview serves the lobby from them', async ({ browser }) => {
  const build = npm(['run', 'build'])
  expect(build.status, build.output).toBe(0)
  for (const page of ['index.html', 'drill.html', 'debrief.html']) expect(existsSync(join(repoRoot, 'dist', page)), page).toBe(true)

  const port = await freePort()
  // --bypass-lock: Vite allows one preview server per project, and the e2e suite's own preview server is running.
  const preview = spawn('npm', ['run', 'preview', '--', '--port', String(port), '--strictPort', '--bypass-lock'], { cwd: repoRoot, detached: true, stdio: 'ignore' })
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const problems = watchProblems(page)
    await expect(async () => {
      await enterLobby(page, `http://localhost:${port}/`, 'PRE1')
    }).toPass({ timeout: 60_000 })
    await expect(viteOverlay(page)).toHaveCount(0)
    expect(problems.consoleErrors).toEqual([])
  } finally {
    await context.close()
    try {
      process.kill(-preview.pid!, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
})

test('npm run scenes:check validates every scene and prints its table', () => {
  const check = npm(['run', 'scenes:check'])
  expect(check.status, check.output).toBe(0)
  for (const id of sceneIds) expect(check.output).toContain(id)
})

test('npm run scenes:check names the file and line of a broken scene, and fails', () => {
  const scenes = scenesCopy()
  try {
    const file = join(scenes, 'check-in', 'scene.yaml')
    const original = readFileSync(file, 'utf8')
    const line = original.split('\n').findIndex((l) => l.startsWith('kind:')) + 1
    writeFileSync(file, original.replace('kind: questionnaire', 'kind: questionaire'))
    const check = npm(['run', 'scenes:check'], { PERSPECTIEF_SCENES_DIR: scenes })
    expect(check.status).not.toBe(0)
    expect(check.output).toMatch(new RegExp(`check-in/scene\\.yaml:${line}\\b`))
  } finally {
    rmSync(scenes, { recursive: true, force: true })
  }
})

test('npm run scenes:graph writes each scene\'s flow.md, the same as the committed one', () => {
  const scenes = scenesCopy()
  try {
    for (const id of sceneIds) rmSync(join(scenes, id, 'flow.md'), { force: true })
    const graph = npm(['run', 'scenes:graph'], { PERSPECTIEF_SCENES_DIR: scenes })
    expect(graph.status, graph.output).toBe(0)
    for (const id of sceneIds) {
      const written = readFileSync(join(scenes, id, 'flow.md'), 'utf8')
      expect(written).toContain('stateDiagram')
      expect(written, `scenes/${id}/flow.md`).toBe(readFileSync(join(repoRoot, 'scenes', id, 'flow.md'), 'utf8'))
    }
  } finally {
    rmSync(scenes, { recursive: true, force: true })
  }
})

test('npm run scenes:schema writes scene.schema.json, the same as the committed one', () => {
  const scenes = scenesCopy()
  try {
    rmSync(join(scenes, 'scene.schema.json'))
    const schema = npm(['run', 'scenes:schema'], { PERSPECTIEF_SCENES_DIR: scenes })
    expect(schema.status, schema.output).toBe(0)
    const written = JSON.parse(readFileSync(join(scenes, 'scene.schema.json'), 'utf8')) as { $schema?: string }
    expect(written.$schema).toMatch(/json-schema/)
    expect(written).toEqual(JSON.parse(readFileSync(join(repoRoot, 'scenes', 'scene.schema.json'), 'utf8')))
  } finally {
    rmSync(scenes, { recursive: true, force: true })
  }
})

test('npm run export:schema writes the bundle\'s JSON Schema, the same as the committed one', () => {
  const file = join(repoRoot, 'src/export/session-bundle.schema.json')
  const committed = readFileSync(file, 'utf8')
  try {
    const schema = npm(['run', 'export:schema'])
    expect(schema.status, schema.output).toBe(0)
    expect(schema.output).toContain('session-bundle.schema.json')
    expect(readFileSync(file, 'utf8')).toBe(committed)
  } finally {
    writeFileSync(file, committed)
  }
})

test('npm run bench, in its smoke mode, builds, serves and prints its table', () => {
  // PERSPECTIEF_BENCH_ONLY runs some measures and leaves test/bench/results.json alone; the full bench is for
  // quoting figures, not for every test run (README, "Figures").
  const bench = npm(['run', 'bench'], { PERSPECTIEF_BENCH_ONLY: 'machine,bundles' })
  expect(bench.status, bench.output).toBe(0)
  expect(bench.output).toMatch(/drill entry JS, gzipped\s*│?\s*[\d.]+ KiB/)
})
