import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { expect, type Page } from '@playwright/test'

export const repoRoot = resolve(import.meta.dirname, '../..')

/** A TCP port nobody listens on right now, found by asking the system for one. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

export interface RunningCommand {
  url: string
  /** Everything the command printed so far, stdout and stderr together, as a developer's terminal shows it. */
  output(): string
  stop(): Promise<void>
}

/**
 * Runs one of the README's npm commands (`npm start`, `npm run start:https`) on a free port, the way a developer
 * types it, and waits until it serves. The port goes to Vite after `--`; everything else is the README's command.
 */
export async function runReadmeCommand(script: 'start' | 'start:https', env: Record<string, string> = {}): Promise<RunningCommand> {
  const port = await freePort()
  const args = script === 'start' ? ['start'] : ['run', script]
  // Its own process group, so that stop() ends npm, Vite and everything Vite started.
  const child: ChildProcess = spawn('npm', [...args, '--', '--port', String(port), '--strictPort'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = `${script === 'start' ? 'http' : 'https'}://localhost:${port}/`
  const stop = async () => {
    if (!child.pid) return
    const group = -child.pid
    const signal = (name: NodeJS.Signals | 0) => {
      try {
        process.kill(group, name)
        return true
      } catch {
        return false // the group is gone
      }
    }
    // The whole process group, even when npm itself has already exited: Vite may outlive it.
    if (signal('SIGTERM')) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    signal('SIGKILL')
    // Vite refuses a second dev server while the first one's PID is alive, so wait until the group is gone
    // (signal 0 only asks whether it exists).
    const deadline = Date.now() + 10_000
    while (signal(0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  }
  const deadline = Date.now() + 60_000
  while (!new RegExp(`Local:\\s+${url.replace(/[.:/]/g, '\\$&')}`).test(printed)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`npm ${args.join(' ')} did not start serving ${url}:\n${printed}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, output: () => printed, stop }
}

export interface PageProblems {
  consoleErrors: string[]
  failedRequests: string[]
}

/** Every console error, uncaught exception, failed request and error response the page meets. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)))
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: ${response.status()}`)
  })
  return problems
}

/** Vite's error overlay is a custom element; when it is on the page, the app is hidden behind it. */
export const viteOverlay = (page: Page) => page.locator('vite-error-overlay')

/** Consent (asked once per device), client code (asked at every start) and lobby, as a client taps through them. */
export async function enterLobby(page: Page, url: string, code: string): Promise<void> {
  await page.goto(url)
  await walkToLobby(page, code)
}

/**
 * The same walk on the page as it is now, without navigating: after the dev server reloaded the page by itself.
 * A test that navigates while the server's reload is on its way races it (the navigation is aborted, or Playwright
 * waits for a load that belonged to the other navigation).
 */
export async function walkToLobby(page: Page, code: string): Promise<void> {
  const consent = page.getByRole('button', { name: 'Ik snap het en doe mee' })
  const codeField = page.getByLabel('Code')
  await expect(consent.or(codeField).or(viteOverlay(page))).toBeVisible()
  if (await viteOverlay(page).count()) {
    // The overlay draws its message inside its shadow root, which innerText does not reach.
    const message = await viteOverlay(page).evaluate((overlay) => overlay.shadowRoot?.textContent ?? '')
    throw new Error(`Vite's error overlay instead of the app: ${message.replace(/\s+/g, ' ').trim().slice(0, 400)}`)
  }
  if (await consent.isVisible()) await consent.click()
  await codeField.fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('button', { name: /Drank wegvegen/ })).toBeVisible()
}
