import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, chromiumPath, port } from '../../scripts/browser/chromium.ts'

/** One worker: CI has 2 cores, and the app under test needs one of them. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../.test-output/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // A fresh test-mode build every run: a reused server once tested a stale build.
    command: `npx vite build --outDir ../.test-output/dist --emptyOutDir && npx vite preview --outDir ../.test-output/dist --port ${port} --strictPort`,
    cwd: '../..',
    env: { PERSPECTIEF_TEST_MODE: '1' },
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
})
