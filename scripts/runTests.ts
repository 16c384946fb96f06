/**
 * `npm test`: type check, layer check, scene check, unit and model tests (vitest), e2e tests (Playwright in Debian's Chromium;
 * the report test reads its PDF with Debian's poppler-utils).
 * Every stage runs even when an earlier one fails, so one run shows everything; the last line is the total
 * that CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './sceneFiles.ts'

const out = join(repoRoot, '.test-output')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

interface StageResult {
  stage: string
  passed: number
  failed: number
  skipped: number
}
const results: StageResult[] = []

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return null
  }
}

/** Debian packages the e2e tests need: the browser, and poppler-utils (pdftoppm, pdftotext) for the printed report. */
function ensureDebianTools() {
  const missing = [
    ...(existsSync(chromium) ? [] : ['chromium']),
    ...(existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext') ? [] : ['poppler-utils']),
  ]
  if (missing.length === 0) return true
  console.log(`missing: installing Debian's ${missing.join(' ')} with apt`)
  const sudo = process.getuid?.() === 0 ? [] : ['sudo']
  const apt = (...args: string[]) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { DEBIAN_FRONTEND: 'noninteractive' })
  if (apt('update', '-qq') !== 0 || apt('install', '-y', '-qq', ...missing) !== 0) return false
  return existsSync(chromium) && existsSync('/usr/bin/pdftoppm')
}

// 1. Types
const tsc = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
results.push({ stage: 'types', passed: tsc === 0 ? 1 : 0, failed: tsc === 0 ? 0 : 1, skipped: 0 })

// 1b. Layers: no import cycle in src/ and no import against the layer order (README "Layers"); a break is reported
// with both files.
const layers = run('npx', ['depcruise', 'src', '--config', 'scripts/dependencyRules.cjs', '--output-type', 'err-long'])
results.push({ stage: 'layers', passed: layers === 0 ? 1 : 0, failed: layers === 0 ? 0 : 1, skipped: 0 })

// 2. Scenes
const scenesJson = join(out, 'scenes.json')
run('npx', ['tsx', 'scripts/checkScenes.ts'], { SCENES_CHECK_JSON: scenesJson })
const scenes = readJson<{ passed: number; failed: number }>(scenesJson)
results.push({ stage: 'scenes', passed: scenes?.passed ?? 0, failed: scenes ? scenes.failed : 1, skipped: 0 })

// 3. Unit and model tests
const unitJson = join(out, 'unit.json')
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`])
const unit = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string }[] }>(unitJson)
const brokenFiles = unit ? unit.testResults.filter((f) => f.status === 'failed').length : 0
results.push({
  stage: 'unit',
  passed: unit?.numPassedTests ?? 0,
  // A test file that fails to load has no failed tests, only a failed file: count it.
  failed: unit ? Math.max(unit.numFailedTests, unit.numFailedTests === 0 ? brokenFiles : 0) : 1,
  skipped: unit ? unit.numPendingTests + unit.numTodoTests : 0,
})

// 4. End-to-end tests
if (!ensureDebianTools()) {
  console.error(`Could not install Chromium at ${chromium} or poppler-utils; e2e tests cannot run.`)
  results.push({ stage: 'e2e', passed: 0, failed: 1, skipped: 0 })
} else {
  const e2eJson = join(out, 'e2e.json')
  run('npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }>(e2eJson)
  results.push({
    stage: 'e2e',
    passed: e2e?.stats.expected ?? 0,
    failed: e2e ? e2e.stats.unexpected + e2e.stats.flaky + (e2e.stats.expected + e2e.stats.unexpected === 0 ? 1 : 0) : 1,
    skipped: e2e?.stats.skipped ?? 0,
  })
}

console.log('')
console.table(results)
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const skipped = results.reduce((n, r) => n + r.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || skipped > 0 ? 1 : 0)
